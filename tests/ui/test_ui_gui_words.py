"""The window's words for the services' sentences: every template the services, model,
protocol and transport layers build is shown without setting keys and CLI flags (in English
and German), and the CLI keeps its own words."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path
from typing import Any

import pytest

from configurator.i18n import Template
from configurator.model.settings import SETTINGS
from configurator.ui.language import install_translators
from configurator.ui.messages import CLI_ONLY, GUI_TEMPLATES, gui_text, has_cli_words
from configurator.ui.pending_catalogue import install_pending

PACKAGE = Path(__file__).resolve().parents[2] / "configurator"
KEY_PARAMS = ("key",)


def service_templates() -> list[tuple[str, str, Path]]:
    """(context, template, file) of every QT_TRANSLATE_NOOP outside the UI and the CLI."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).parts
        if parts[0] in ("ui", "cli"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP":
                context, text = (a.value for a in node.args[:2])  # type: ignore[attr-defined]
                found.append((context, text, path))
    return found


def sample_params(template: str) -> dict[str, Any]:
    """A value for each placeholder: a setting key for {key}, a number where the placeholder
    formats one ({period:.1f}, {address:04X}), else a harmless word."""
    params: dict[str, Any] = {}
    for _text, name, spec, _conv in string.Formatter().parse(template):
        if name:
            numeric = 1.0 if spec and spec[-1] in "eEfFgG%" else 1 if spec else None
            params[name] = "s0.width_ms" if name in KEY_PARAMS else (
                numeric if numeric is not None else 1 if "seconds" in name else "X")
    return params


TEMPLATES = service_templates()
NEEDS_GUI_WORDS = [(c, t) for c, t, _p in TEMPLATES
                   if (has_cli_words(t) or "{key}" in t) and (c, t) not in CLI_ONLY]


@pytest.fixture(params=["en", "de"])
def language(request: Any, qapp: Any) -> Any:
    install_translators(request.param)
    install_pending(request.param)
    yield request.param
    install_pending("en")
    install_translators("en")


def test_the_tables_name_templates_that_exist() -> None:
    known = {(c, t) for c, t, _p in TEMPLATES}
    assert set(GUI_TEMPLATES) - known == set(), "a GUI_TEMPLATES entry no longer matches"
    assert set(CLI_ONLY) - known == set(), "a CLI_ONLY entry no longer matches"
    assert len(NEEDS_GUI_WORDS) >= 20  # the search itself finds them


@pytest.mark.parametrize(("context", "template"), NEEDS_GUI_WORDS)
def test_every_service_sentence_speaks_the_windows_words(language, context, template) -> None:
    message = Template(template, context).format(**sample_params(template))
    shown = gui_text(message)
    assert not has_cli_words(shown), shown
    assert not re.search(r"(?<![\w.])s0\.width_ms(?!\w)", shown), shown
    if "{key}" in template:
        label = "S0 pulse width" if language == "en" else "S0-Impulslänge"
        assert label in shown, shown
    assert str(message) == template.format(**sample_params(template))  # the CLI's words


def test_link_description_without_flags_and_nested_messages(language) -> None:
    from configurator.errors import InvalidValueError

    link = Template("address {address}, {baudrate} baud, parity {parity} (--address "
                    "{address} --baud {baudrate} --parity {option})", "Services").format(
        address=7, baudrate=19200, parity=Template("even", "Values"), option="even")
    shown = gui_text(link)
    assert shown == ("address 7, 19200 baud, parity even" if language == "en"
                     else "Adresse 7, 19200 Baud, Parität gerade"), shown
    nested = Template("{key}: {problem}.", "Errors").format(
        key="ct.ratio", problem=InvalidValueError("mbus.address", "300", "0-250").args[0])
    shown = gui_text(nested)
    assert "ct.ratio" not in shown and "mbus.address" not in shown, shown
    assert ("CT ratio" if language == "en" else "Wandlerverhältnis") in shown, shown


def test_every_setting_key_has_a_label() -> None:
    for key, item in SETTINGS.items():
        assert item.label and item.label != key, key


def test_new_strings_wait_with_their_german_in_pending(tmp_path) -> None:
    """Strings not yet in the committed catalogue have a German translation waiting in
    resources/i18n/pending/ (with the same placeholders), for the catalogue merge."""
    from configurator import i18n
    from configurator.ui.pending_catalogue import pending_entries
    from tests.ui.test_ui_i18n import PLACEHOLDER, TS, messages, needs_tools

    needs_tools()
    fresh = tmp_path / "configurator_de.ts"
    i18n.run_lupdate([fresh])
    new = {(c, s) for c, s, _t in messages(fresh)} - {(c, s) for c, s, _t in messages(TS)}
    pending = {(e["context"], e["source"]): e["translation"] for e in pending_entries()}
    assert new - set(pending) == set()
    for (context, source), german in pending.items():
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(german)), \
            (context, source)


@pytest.mark.parametrize("protocol, name", [("modbus", "Modbus RTU"), ("mbus", "M-Bus"),
                                            ("ble", "Bluetooth LE")])
def test_the_window_names_a_connection_by_its_transport_not_its_key(protocol, name) -> None:
    """How a meter was reached (the status bar's message, banners) says "Modbus RTU", never
    the option value "modbus"."""
    from configurator.services.connection import ConnectionOptions

    options = ConnectionOptions(port="/dev/ttyUSB0", device="IM-19020246", protocol=protocol)
    install_translators("en")
    text = gui_text(options.describe())
    assert text.startswith(name + " ") and not text.startswith(protocol + " ")
