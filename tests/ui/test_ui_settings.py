"""Settings pages: change each setting from its page and verify it on the meter with the CLI."""

from __future__ import annotations

from typing import Any

from tests.conftest import run_cli


def set_editor(page: Any, key: str, value: Any) -> None:
    """Put a value into a page's editor as the user would (combo, spin box or text)."""
    editor = page.editors[key]
    if hasattr(editor, "findData"):
        index = next(i for i in range(editor.count())
                     if editor.itemData(i) == value)
        editor.setCurrentIndex(index)
    elif hasattr(editor, "setValue"):
        editor.setValue(value)
    else:
        editor.setText(str(value))
        editor.textEdited.emit(str(value))


def apply(gui: Any, page: Any, *, confirm: bool = False) -> None:
    """Press Apply; with `confirm`, a permanent act is asked first: say yes in the dialog."""
    assert page.apply_button.isEnabled(), page.validation_label.text()
    page.apply_button.click()
    if confirm:
        gui.wait(lambda: page.confirm is not None and page.confirm.isVisible())
        page.confirm_button.click()
    gui.idle(page)
    gui.wait(lambda: not page.busy and "Writing" not in page.report_label.text())


def open_loaded(gui: Any, name: str) -> Any:
    page = gui.window.show_page(name)
    gui.wait(lambda: page.loaded)
    return page


def test_each_setting_page_writes_and_the_meter_has_it(gui, simulator) -> None:
    sim = simulator("--model", "4PU")
    gui.connect(sim.port)

    tariff = open_loaded(gui, "tariff")
    assert tariff.editors["tariff"].minimum() == 1 and tariff.editors["tariff"].maximum() == 4
    set_editor(tariff, "tariff", 3)
    assert "Not written yet" in tariff.pending_label.text()
    assert tariff.warning_labels["tariff"].objectName() == "note_error"  # T3: MID warning
    assert "never" in tariff.warning_labels["tariff"].text()
    set_editor(tariff, "combination_code", 2)
    assert tariff.apply_button.text() == "Apply 2 changes"
    apply(gui, tariff, confirm=True)  # T3: energy there can never be reset
    assert "✔ written" in tariff.result_labels["tariff"].text()
    assert not tariff.pending()

    s0 = open_loaded(gui, "s0")
    set_editor(s0, "s0.rate", 100.0)
    set_editor(s0, "s0.type", "import-export")
    set_editor(s0, "s0.width_ms", 60)
    assert "2-" in s0.limit_label.text()
    apply(gui, s0)

    display = open_loaded(gui, "display")
    set_editor(display, "lcd.rolling_time", 12)
    set_editor(display, "display.rotated", "on")
    set_editor(display, "display.obis", "off")
    apply(gui, display)

    modbus = open_loaded(gui, "modbus")
    set_editor(modbus, "data_type", "integer")
    apply(gui, modbus)

    gui.run(gui.controller.disconnect())
    got = run_cli("--port", sim.port, "get", "--json")
    assert got.code == 0, got.err
    values = got.json()
    values = values.get("settings", values)
    flat = {k: (v["value"] if isinstance(v, dict) and "value" in v else v)
            for k, v in values.items()}
    assert flat["tariff"] == 3
    assert flat["combination_code"] == 2
    assert float(flat["s0.rate"]) == 100.0
    assert flat["s0.type"] == "import-export"
    assert flat["s0.width_ms"] == 60
    assert flat["lcd.rolling_time"] == 12
    assert flat["display.rotated"] == "on"
    assert flat["display.obis"] == "off"
    assert flat["data_type"] == "integer"


def test_a_pulse_width_that_may_overlap_is_a_warning_with_figures(gui, simulator) -> None:
    """The manual allows 2-99 ms at any rate: our overlap estimate warns, Apply still works."""
    sim = simulator("--model", "4PU")
    gui.connect(sim.port)
    s0 = open_loaded(gui, "s0")
    set_editor(s0, "s0.rate", 10000.0)
    set_editor(s0, "s0.width_ms", 50)
    assert not s0.validation_label.isVisible()
    assert s0.limit_label.objectName() == "note_warning"
    text = s0.limit_label.text()
    assert "S0 pulse width 50 ms at 10000 imp/kWh" in text and "longer than 4 ms" in text, text
    assert "s0.width_ms" not in text  # the window names the setting by its label
    assert "65 A" in text and "2-99 ms" in text
    apply(gui, s0)
    assert "✔ written" in s0.result_labels["s0.width_ms"].text()
    assert "✔ written" in s0.result_labels["s0.rate"].text()
    gui.run(gui.controller.disconnect())
    got = run_cli("--port", sim.port, "get", "s0.rate", "s0.width_ms", "--json")
    assert got.json()["settings"] == {"s0.rate": 10000, "s0.width_ms": 50}


def test_unreachable_settings_are_disabled_with_a_reason(gui, simulator) -> None:
    sim = simulator("--model", "4PU")
    gui.connect(sim.port)
    mbus = gui.window.show_page("mbus")
    for key in ("mbus.address", "mbus.secondary_address", "mbus.baudrate"):
        assert not mbus.editors[key].isEnabled()
        assert "M-Bus" in mbus.reason_labels[key].text()
    backlight = gui.window.show_page("backlight")
    assert not backlight.editors["backlight"].isEnabled()
    assert "Bluetooth" in backlight.reason_labels["backlight"].text()
    ct = gui.window.show_page("ct")
    assert "only the 2PU CT" in ct.available.text()
    assert not ct.change_button.isEnabled()


def test_link_change_follows_the_meter(gui, simulator) -> None:
    sim = simulator("--model", "4PU")
    gui.connect(sim.port)
    modbus = open_loaded(gui, "modbus")
    set_editor(modbus, "modbus.address", 7)
    set_editor(modbus, "modbus.baudrate", 19200)
    apply(gui, modbus, confirm=True)  # link moves
    assert "now answers" in modbus.report_label.text(), modbus.report_label.text()
    options = gui.controller.options
    assert (options.address, options.baudrate) == (7, 19200)
    connect = gui.window.show_page("connect")
    assert connect.address.value() == 7 and connect.baud.currentData() == 19200
    assert gui.window.banner.isVisible() and "now answers" in gui.window.banner.text()
    polls = gui.controller.poller.polls
    gui.wait(lambda: gui.controller.poller.polls > polls + 1)  # still talking, at the new place
    gui.run(gui.controller.disconnect())
    got = run_cli("--port", sim.port, "--address", "7", "--baud", "19200", "get",
                  "modbus.address", "--json")
    assert got.code == 0, got.err
    assert "7" in got.out


def test_counters_reset_via_confirmation(gui, simulator) -> None:
    sim = simulator("--model", "4PU")
    gui.connect(sim.port)
    page = gui.window.show_page("counters")
    gui.wait(lambda: page.buttons["power-down-counter"].isEnabled())
    page.buttons["power-down-counter"].click()
    gui.wait(lambda: page.confirm is not None and page.confirm.isVisible())  # the engine asks
    page.confirm_button.click()
    gui.wait(lambda: "✔" in page.result.text())
    assert page.values["power-down-counter"].text() == "0"


def test_pending_edits_survive_a_reload(gui, simulator) -> None:
    sim = simulator("--model", "4PU")
    gui.connect(sim.port)
    display = open_loaded(gui, "display")
    set_editor(display, "lcd.rolling_time", 17)
    display.loaded = False
    display.load()
    gui.idle(display)
    assert display.editors["lcd.rolling_time"].value() == 17
    assert "Not written yet" in display.pending_label.text()


def test_mbus_session_reaches_the_mbus_page_and_follows_the_address(gui, simulator) -> None:
    from configurator.services.connection import ConnectionOptions

    sim = simulator("--protocol", "mbus")
    page = gui.window.show_page("connect")
    page.fill(ConnectionOptions(port=sim.port, protocol="mbus"))
    page.connect_button.click()
    gui.wait(lambda: gui.controller.connected)
    mbus = open_loaded(gui, "mbus")
    assert all(editor.isEnabled() for editor in mbus.editors.values())
    set_editor(mbus, "mbus.address", 7)
    apply(gui, mbus, confirm=True)
    assert gui.controller.options.address == 7
    assert page.address.value() == 7
    tariff = open_loaded(gui, "tariff")  # combination code is write-only over M-Bus
    assert "unreadable" in tariff.meter_labels["combination_code"].text()
    assert not tariff.pending()


def test_closing_during_a_write_finishes_the_write_first(gui, simulator) -> None:
    sim = simulator("--model", "4PU")
    gui.connect(sim.port)
    tariff = open_loaded(gui, "tariff")
    set_editor(tariff, "tariff", 2)
    tariff.apply_button.click()
    assert gui.controller.runner.running("apply-tariff")
    gui.window.close()  # asks to close before the write has even started
    assert gui.window.isVisible()
    gui.wait(lambda: not gui.window.isVisible())
    assert gui.controller.writes_in_flight == 0
    got = run_cli("--port", sim.port, "get", "tariff")
    assert got.code == 0 and "2" in got.out, got.out + got.err
