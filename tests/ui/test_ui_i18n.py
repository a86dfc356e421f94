"""Translations: the German catalogue is complete and current, and the German UI shows it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QSettings

from configurator import i18n
from configurator.ui.language import (
    chosen_language,
    effective_language,
    install_translators,
    set_chosen_language,
)

TS = i18n.i18n_dir() / "configurator_de.ts"
QM = TS.with_suffix(".qm")
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%n|%\d")


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message in a .ts file."""
    root = ET.parse(path).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message.findtext("source") or "", message.find("translation")))
    return found


def needs_tools() -> None:
    if i18n.tool_path("pyside6-lupdate") is None or i18n.tool_path("pyside6-lrelease") is None:
        pytest.skip("the Qt translation tools are not installed")


def test_every_german_message_is_finished_and_not_empty() -> None:
    found = messages(TS)
    assert len(found) > 250
    unfinished = [(c, s) for c, s, t in found
                  if t is None or t.get("type") in ("unfinished", "obsolete", "vanished")
                  or not (t.text or "").strip()]
    assert unfinished == []


def test_placeholders_survive_translation() -> None:
    wrong = [(c, s, t.text) for c, s, t in messages(TS)
             if sorted(PLACEHOLDER.findall(s)) != sorted(PLACEHOLDER.findall(t.text or ""))]
    assert wrong == []


def test_no_source_string_is_missing_from_the_catalogue(tmp_path: Path) -> None:
    needs_tools()
    fresh = tmp_path / "configurator_de.ts"
    i18n.run_lupdate([fresh])
    current = {(c, s) for c, s, _t in messages(fresh)}
    committed = {(c, s) for c, s, _t in messages(TS)}
    assert current - committed == set(), "run: python -m configurator.i18n update"
    assert committed - current == set(), "obsolete strings: python -m configurator.i18n update"


def test_compiled_catalogue_matches_the_ts(tmp_path: Path) -> None:
    needs_tools()
    fresh = tmp_path / "fresh.qm"
    i18n.run_lrelease(TS, fresh)
    assert QM.read_bytes() == fresh.read_bytes(), "run: python -m configurator.i18n release"


def test_model_layer_does_not_import_qt() -> None:
    import subprocess
    import sys

    code = ("import sys, configurator.model.settings, configurator.model.registers, "
            "configurator.i18n; print(any(m.startswith('PySide6') for m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "False"


@pytest.fixture
def german(aloop: Any) -> Any:
    assert install_translators("de")
    yield
    install_translators("en")


def test_german_ui_shows_german(german, qtbot, tmp_path: Path) -> None:
    from configurator.ui.controller import AppController
    from configurator.ui.main_window import MainWindow
    from configurator.ui.pages.live import format_value

    controller = AppController(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(controller)
    qtbot.addWidget(window)
    titles = [window.sidebar.item(r).text() for r in range(window.sidebar.count())]
    for german_title in ("Verbinden", "Tarif", "S0-Impulsausgang", "Wandlerverhältnis",
                         "Sicherung & Wiederherstellung", "EINSTELLUNGEN (MENÜ 6.7)"):
        assert german_title in titles
    connect = window.show_page("connect")
    assert connect.connect_button.text() == "Verbinden"
    tariff = window.page("tariff")
    assert tariff.apply_button.text() == "Übernehmen"
    assert "MID" in tariff.warning_labels["tariff"].text()
    assert "Anzeigebereich" in tariff.warning_labels["tariff"].text()
    backup = window.page("backup")
    assert backup.report_button.text() == "Inbetriebnahmeprotokoll (PDF)…"
    assert window.state_label.text() == "○ Nicht verbunden"
    parity = window.page("modbus").editors["modbus.parity"]
    assert [parity.itemText(i) for i in range(parity.count())] == ["gerade", "keine",
                                                                    "ungerade"]
    assert format_value(230.04, "V") == "230,0 V"  # the German decimal separator
    rates = window.page("s0").editors["s0.rate"]
    assert "0,01 imp/kWh" in [rates.itemText(i) for i in range(rates.count())]
    window._shutdown_done = True
    window.close()


def test_language_choice_is_remembered(aloop: Any, qtbot, tmp_path: Path) -> None:
    from configurator.ui.controller import AppController
    from configurator.ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert chosen_language(settings) == ""
    assert effective_language(settings) in i18n.LANGUAGES
    window = MainWindow(AppController(settings))
    qtbot.addWidget(window)
    window.language_actions["de"].trigger()
    assert chosen_language(settings) == "de"
    assert "Deutsch" in window.banner.text() and "next" in window.banner.text()
    set_chosen_language("", settings)
    assert effective_language(settings) == (
        "de" if QLocale.system().name().startswith("de") else "en")
    window._shutdown_done = True
    window.close()
