"""Translatable messages: English as before for the CLI, German-ready for the GUI.

`QT_TRANSLATE_NOOP(context, text)` returns a Template; `.format(**params)` a Message that
equals the English sentence and remembers what the GUI needs to translate it.
"""

from __future__ import annotations

import ast
import pickle
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from configurator import i18n
from configurator.errors import InvalidValueError, MeterTimeoutError
from configurator.i18n import QT_TRANSLATE_NOOP, Message, Template, message_of, translated
from configurator.model.domains import Choice, IntRange
from configurator.model.models import Model, check_checksum
from configurator.model.settings import check_rules, rule_warnings, setting
from configurator.services.connection import ConnectionOptions

GERMAN = {
    ("Errors", "Invalid value {value!r} for {key}: allowed {allowed}."):
        "Ungültiger Wert {value!r} für {key}: zulässig ist {allowed}.",
    ("Errors", "an integer {low}-{high}"): "eine ganze Zahl {low}–{high}",
}


def fake_german(context: str, text: str) -> str:
    return GERMAN.get((context, text), text)


def test_a_template_is_its_english_text() -> None:
    template = QT_TRANSLATE_NOOP("Errors", "Meter {meter} is busy.")
    assert isinstance(template, Template) and template == "Meter {meter} is busy."
    assert template.context == "Errors"
    message = template.format(meter=7)
    assert isinstance(message, Message) and isinstance(message, str)
    assert message == "Meter 7 is busy." and str(message) == "Meter 7 is busy."
    assert type(str(message)) is str
    assert (message.context, message.template, message.params) == (
        "Errors", "Meter {meter} is busy.", {"meter": 7})
    assert pickle.loads(pickle.dumps(message)).params == {"meter": 7}
    with pytest.raises(TypeError):
        template.format(7)


def test_errors_print_the_same_english_sentence_as_before() -> None:
    error = InvalidValueError("tariff", 5, IntRange(1, 4).describe())
    assert str(error) == "Invalid value 5 for tariff: allowed an integer 1-4."
    assert isinstance(message_of(error), Message)
    assert str(InvalidValueError("modbus.parity", "x", Choice({"even": 0, "odd": 1}).describe())
               ) == "Invalid value 'x' for modbus.parity: allowed one of even, odd."
    verdict, text = check_checksum(Model.PU4, 1.0, 0)
    assert isinstance(text, Message) and text.startswith(("Checksum", "Software"))
    link = ConnectionOptions(port="/dev/ttyUSB0").describe()
    assert link == "modbus /dev/ttyUSB0 address 1 9600 baud parity even"
    assert message_of(MeterTimeoutError("plain")) == "plain"  # plain strings still work


def test_rule_and_reachability_messages_stay_english() -> None:
    model = Model.PU4
    check_rules(model, {"s0.rate": 10000.0, "s0.width_ms": 50})  # a warning, not a refusal
    [warning] = rule_warnings(model, {"s0.rate": 10000.0, "s0.width_ms": 50})
    text = warning.sentence()
    assert isinstance(text, Message)
    assert "50 ms at 10000 imp/kWh" in text and "longer than 4 ms may overlap" in text
    assert setting("tariff").label == "Active tariff"


def test_translated_translates_nested_messages_and_keeps_plain_text() -> None:
    error = InvalidValueError("tariff", 5, IntRange(1, 4).describe())
    assert translated(message_of(error), fake_german) == (
        "Ungültiger Wert 5 für tariff: zulässig ist eine ganze Zahl 1–4.")
    assert translated("plain text", fake_german) == "plain text"
    assert translated(QT_TRANSLATE_NOOP("Errors", "an integer {low}-{high}"), fake_german) == (
        "eine ganze Zahl {low}–{high}")
    broken = {("Errors", "Meter {meter}."): "Zähler {zaehler}."}
    message = QT_TRANSLATE_NOOP("Errors", "Meter {meter}.").format(meter=1)
    assert translated(message, lambda c, t: broken.get((c, t), t)) == "Meter 1."  # falls back


def _sources() -> list[Path]:
    return [Path(p) for p in i18n.python_sources()]


def _marked_calls() -> list[tuple[str, str, str, set[str] | None]]:
    """(file, context, template, keywords of a directly following .format() or None)."""
    found = []
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        formatted: dict[int, set[str]] = {}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "format" and isinstance(node.func.value, ast.Call)):
                formatted[id(node.func.value)] = {k.arg for k in node.keywords if k.arg}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name != "QT_TRANSLATE_NOOP" or len(node.args) != 2:
                continue
            context, text = node.args
            assert isinstance(context, ast.Constant) and isinstance(text, ast.Constant), (
                f"{path}: QT_TRANSLATE_NOOP needs literal strings (lupdate reads them)")
            found.append((str(path), context.value, text.value, formatted.get(id(node))))
    return found


def _fields(text: str) -> list[tuple[str, str, str | None]]:
    return sorted((name, spec or "", conversion)
                  for _lit, name, spec, conversion in string.Formatter().parse(text)
                  if name is not None)


def test_every_template_names_its_placeholders_and_format_gives_them_all() -> None:
    calls = _marked_calls()
    assert len(calls) > 250
    wrong = []
    for path, _context, text, keywords in calls:
        names = {name for name, _spec, _conv in _fields(text)}
        if any(not name.isidentifier() for name in names):
            wrong.append((path, text, "positional or odd placeholder"))
        if keywords is not None and names != keywords:
            wrong.append((path, text, sorted(keywords)))
    assert wrong == []


def _sample(spec: str) -> object:
    if spec and spec[-1] in "dxXob":
        return 10
    if spec and spec[-1] in "fegEG%":
        return 1.5
    return "x"


def test_every_translation_formats_with_the_english_placeholders() -> None:
    """Same placeholders (with format spec and conversion) in source and German, and both
    format with the same parameters: a translated message never raises in the GUI."""
    root = ET.parse(i18n.i18n_dir() / "configurator_de.ts").getroot()
    checked = 0
    for context in root.iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            german = message.findtext("translation") or ""
            fields = _fields(source)
            if not fields:
                continue
            assert fields == _fields(german), (source, german)
            params = {name: _sample(spec) for name, spec, _conv in fields}
            source.format(**params)
            german.format(**params)
            checked += 1
    assert checked > 100


def test_lupdate_sees_every_marked_text() -> None:
    """A marker lupdate cannot read (inside an f-string, say) would stay English."""
    root = ET.parse(i18n.i18n_dir() / "configurator_de.ts").getroot()
    catalogue = {(c.findtext("name"), m.findtext("source"))
                 for c in root.iter("context") for m in c.iter("message")}
    missing = {(context, text) for _path, context, text, _kw in _marked_calls()
               if (context, text) not in catalogue}
    assert missing == set()
