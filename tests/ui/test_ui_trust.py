"""The window an electrician trusts, against the real simulator on a pty: pages read again
after a restore, stale values grey, unknown shown as unknown, unwritten edits never lost
silently (Write all, the question before closing), and a restore of another model's backup
that says what it will and will not write before it writes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from configurator.model.settings import SETTINGS
from configurator.services.connection import ConnectionOptions
from configurator.services.engine import accept_all
from configurator.simulator.launcher import SimulatorProcess
from configurator.ui.editors import UNKNOWN
from configurator.ui.freshness import is_stale
from tests.conftest import run_cli
from tests.ui.test_ui_settings import open_loaded, set_editor

CT = SETTINGS["ct.ratio"]


def ratio(text: str) -> Any:
    return CT.domain.parse(CT.key, text)


def wait_idle(gui: Any, page: Any) -> None:
    gui.wait(lambda: not page.busy and not gui.controller.runner.tasks)


def meter_value(sim: SimulatorProcess, key: str) -> str:
    got = run_cli("--port", sim.port, "get", key)
    assert got.code == 0, got.err
    return got.out


def test_pages_read_again_after_a_restore(gui, simulator, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CONFIGURATOR_DATA_DIR", str(tmp_path / "data"))
    sim = simulator("--model", "2PUCT")
    gui.connect(sim.port)
    report = gui.run(gui.controller.apply({SETTINGS["s0.rate"]: 1000.0, CT: ratio("200/5")},
                                          accept_all))
    assert report.error is None
    backup = gui.window.show_page("backup")
    target = tmp_path / "at-200.json"
    backup.backup_to(target)
    wait_idle(gui, backup)
    assert target.exists(), backup.status_label.text()

    gui.run(gui.controller.apply({SETTINGS["s0.rate"]: 10000.0}, accept_all))
    ct = gui.window.show_page("ct")
    gui.wait(lambda: ct.left is not None and ct.loaded)
    assert ct.current.text().startswith("200/5") and ct.remaining.text() == "6"
    ct.editor.setText("100/5")
    ct.editor.edited.emit()
    ct.change_button.click()
    gui.wait(lambda: ct.confirm is not None)
    ct.confirm_button.click()
    gui.wait(lambda: "100/5" in ct.report.text())
    gui.wait(lambda: ct.remaining.text() == "5" and not ct.busy)
    s0 = open_loaded(gui, "s0")
    assert "10000" in s0.meter_labels["s0.rate"].text()
    assert "Read" in s0.freshness.text() and "ago" in s0.freshness.text()

    backup = gui.window.show_page("backup")
    backup.load_file(target)
    wait_idle(gui, backup)
    backup.ct_box.setChecked(True)
    assert backup.plan is not None and CT in backup.plan.changes()
    backup.start_apply()
    gui.wait(lambda: backup.confirm is not None)  # the CT change: the one confirmation
    backup.confirm_button.click()
    wait_idle(gui, backup)
    assert backup.last_report is not None and backup.last_report.count("applied") == 2

    # Neither page was shown: both read again because the restore touched their keys.
    gui.wait(lambda: not s0.busy and not ct.busy and s0.loaded and ct.loaded)
    assert "10000" not in s0.meter_labels["s0.rate"].text()
    assert s0.meter_labels["s0.rate"].text().startswith("1000")
    assert s0.editors["s0.rate"].current() == 1000.0
    assert "✔" in s0.result_labels["s0.rate"].text()
    assert ct.current.text().startswith("200/5")
    assert ct.remaining.text() == "4"
    assert "100/5" not in ct.report.text()  # the old "now uses 100/5" note is gone
    assert not s0.pending() and not ct.pending()
    assert meter_value_over(gui, "ct.ratio") == "200/5"


def test_values_grey_out_when_the_link_goes(gui, tmp_path: Path) -> None:
    link = str(tmp_path / "meter-link")
    sim = SimulatorProcess("--link", link).start()
    try:
        gui.connect(link)
        energy = gui.window.show_page("energy")
        key = "energy.active.import.total"
        gui.wait(lambda: energy.value_text(key) != "—")
        counters = gui.window.show_page("counters")
        gui.wait(lambda: all(v.text() != "—" for v in counters.values.values()))
        display = open_loaded(gui, "display")
        assert not display.freshness.stale
        assert not is_stale(display.meter_labels["lcd.rolling_time"])
        assert not energy.stale
        assert not any(is_stale(v) for v in counters.values.values())
        assert not energy.freshness.isVisible()  # live values: no age while they are fresh
        value = energy.value_text(key)

        sim.stop()  # the meter's line goes away
        gui.wait(lambda: gui.controller.state.value == "lost")
        assert display.freshness.stale
        assert "Link down" in display.freshness.text() and "ago" in display.freshness.text()
        assert all(is_stale(label) for label in display.meter_labels.values()
                   if label.text() != "—")
        assert energy.stale and energy.value_text(key) == value  # shown, but grey
        cell = energy.cells[key]
        assert cell.foreground().color().name() == "#9e9e9e"
        assert all(is_stale(v) for v in counters.values.values())
        assert energy.freshness.stale and "Link down" in energy.freshness.text()
        assert counters.freshness.stale and " ago" in counters.freshness.text()
    finally:
        sim.stop()


def test_mbus_shows_write_only_settings_as_unknown(gui, simulator) -> None:
    sim = simulator("--protocol", "mbus")
    page = gui.window.show_page("connect")
    page.fill(ConnectionOptions(port=sim.port, protocol="mbus"))
    page.connect_button.click()
    gui.wait(lambda: gui.controller.connected, timeout=30_000)

    tariff = open_loaded(gui, "tariff")
    code = tariff.editors["combination_code"]
    assert "unreadable" in tariff.meter_labels["combination_code"].text()
    assert code.is_unknown() and code.current() is UNKNOWN
    assert code.currentText() == "" and code.placeholderText() == "unknown"  # never a 1
    assert not tariff.pending()

    s0 = open_loaded(gui, "s0")
    rate = s0.editors["s0.rate"]
    assert "unreadable" in s0.meter_labels["s0.rate"].text()
    assert rate.is_unknown() and rate.currentIndex() == -1
    assert rate.currentText() == "" and rate.placeholderText() == "unknown"
    assert not s0.pending() and not s0.apply_button.isEnabled()

    # Disabled, never-read fields show no value either.
    modbus = gui.window.show_page("modbus")
    baud = modbus.editors["modbus.baudrate"]
    assert not baud.isEnabled() and baud.is_unknown() and baud.currentText() == ""
    address = modbus.editors["modbus.address"]  # a spin box: the word, never a pretend 1
    assert not address.isEnabled() and address.is_unknown() and address.text() == "unknown"

    # Only what the user sets is written.
    set_editor(s0, "s0.rate", 100.0)
    assert list(s0.pending()) == [SETTINGS["s0.rate"]]
    assert "unknown → 100" in s0.pending_label.text()


def test_closing_with_unwritten_edits_asks(gui, simulator) -> None:
    sim = simulator("--model", "4PU")
    gui.connect(sim.port)
    display = open_loaded(gui, "display")
    set_editor(display, "lcd.rolling_time", 17)
    assert gui.controller.pending_count() == 1
    assert gui.window.page_marked("display") and not gui.window.page_marked("tariff")

    gui.window.close()
    gui.wait(lambda: gui.window.leave.dialog is not None)
    box = gui.window.leave.dialog
    assert "1 change has not been written" in box.text()
    assert "LCD rolling time" in box.informativeText()
    box.cancel_button.click()
    gui.wait(lambda: not gui.controller.runner.running("leave-close"))
    assert gui.window.isVisible() and gui.controller.connected
    assert display.pending()  # kept

    gui.window.disconnect()  # disconnecting asks too
    gui.wait(lambda: gui.window.leave.dialog is not None)
    gui.window.leave.dialog.cancel_button.click()
    gui.wait(lambda: not gui.controller.runner.running("disconnect"))
    assert gui.controller.connected

    gui.window.close()
    gui.wait(lambda: gui.window.leave.dialog is not None)
    gui.window.leave.dialog.discard_button.click()
    gui.wait(lambda: not gui.window.isVisible())
    assert "10" in meter_value(sim, "lcd.rolling_time")  # discarded: nothing was written


def test_write_all_writes_every_pages_edits(gui, simulator) -> None:
    sim = simulator("--model", "4PU")
    gui.connect(sim.port)
    menu = gui.window.menus.write_all
    assert not menu.isEnabled()
    tariff = open_loaded(gui, "tariff")
    set_editor(tariff, "combination_code", 2)
    display = open_loaded(gui, "display")
    set_editor(display, "lcd.rolling_time", 17)
    set_editor(display, "display.obis", "off")
    s0 = open_loaded(gui, "s0")
    set_editor(s0, "s0.type", "import-export")
    assert gui.controller.pending_count() == 4
    assert all(gui.window.page_marked(n) for n in ("tariff", "display", "s0"))
    assert menu.isEnabled() and "(4)" in menu.text()
    assert s0.write_all_button.isVisible()
    assert s0.write_all_button.text() == "Write all (4)"

    s0.write_all_button.click()
    gui.wait(lambda: not gui.controller.runner.running("apply-all"))
    for page in (tariff, display, s0):
        gui.wait(lambda p=page: not p.busy and p.loaded)
    report = gui.window.last_write_all
    assert report is not None and report.error is None
    assert {r.key for r in report.results} == {"combination_code", "lcd.rolling_time",
                                               "display.obis", "s0.type"}
    for page, key in ((tariff, "combination_code"), (display, "lcd.rolling_time"),
                      (display, "display.obis"), (s0, "s0.type")):
        assert "✔ written" in page.result_labels[key].text(), key
    assert "Combination code" in gui.window.banner.text()
    assert gui.controller.pending_count() == 0
    assert not any(gui.window.page_marked(n) for n in ("tariff", "display", "s0"))
    assert not menu.isEnabled() and not s0.write_all_button.isVisible()
    gui.run(gui.controller.disconnect())
    assert "17" in meter_value(sim, "lcd.rolling_time")
    assert "import-export" in meter_value(sim, "s0.type")


def test_restore_of_another_models_backup_says_what_is_skipped(gui, simulator, tmp_path: Path,
                                                               monkeypatch) -> None:
    monkeypatch.setenv("CONFIGURATOR_DATA_DIR", str(tmp_path / "data"))
    four = simulator("--model", "4PU")
    ct_meter = simulator("--model", "2PUCT", "--serial", "23000900")
    gui.connect(four.port)
    gui.run(gui.controller.apply({SETTINGS["tariff"]: 2, SETTINGS["display.rotated"]: "on"},
                                 accept_all))
    page = gui.window.show_page("backup")
    target = tmp_path / "4pu.json"
    page.backup_to(target)
    wait_idle(gui, page)
    gui.run(gui.controller.disconnect())

    gui.connect(ct_meter.port)
    page.load_file(target)
    wait_idle(gui, page)
    assert page.plan is not None and page.plan.other_model
    assert "CT ratio" in page.file_label.text() and "ct.ratio" not in page.file_label.text()
    page.start_apply()
    gui.wait(lambda: page.preview is not None)
    box = page.preview
    written = set(box.keys_written())
    assert {"tariff", "display.rotated"} <= written  # the 2PU CT ships other S0 values too
    assert written == {item.key for item in page.plan.changes()}
    assert "ct.ratio" in box.keys_skipped()
    text = box.text() + "\n" + box.informativeText()
    assert "4PU" in text and "Will not be written" in text
    assert "CT ratio: the file's 4PU has no such setting" in text
    assert "Active tariff" in text and "Display rotated" in text
    box.reject()  # Cancel: nothing written, not even the undo backup
    wait_idle(gui, page)
    assert "cancelled" in page.result_label.text()
    assert not (tmp_path / "data").exists()
    assert "1" in meter_value_over(gui, "tariff")

    page.start_apply()
    gui.wait(lambda: page.preview is not None)
    page.preview.accept_button.click()
    wait_idle(gui, page)
    assert page.last_report is not None
    assert page.last_report.count("applied") == len(written)
    assert meter_value_over(gui, "tariff") == "2"


def meter_value_over(gui: Any, key: str) -> str:
    """A setting as the connected meter holds it, read through the window's session."""
    values = gui.run(gui.controller.get_settings([SETTINGS[key]]))
    return str(values[key])


def test_disconnect_from_the_connect_page_offers_write_all(gui, simulator) -> None:
    sim = simulator("--model", "4PU")
    gui.connect(sim.port)
    display = open_loaded(gui, "display")
    set_editor(display, "lcd.rolling_time", 21)
    connect = gui.window.show_page("connect")
    connect.disconnect_button.click()
    gui.wait(lambda: gui.window.leave.dialog is not None)
    gui.window.leave.dialog.write_button.click()
    gui.wait(lambda: gui.controller.state.value == "disconnected")
    assert gui.controller.pending_count() == 0
    assert "✔ written" in display.result_labels["lcd.rolling_time"].text()
    assert "21" in meter_value(sim, "lcd.rolling_time")


def answer_leave(gui: Any, button: str) -> None:
    """Wait for the unwritten-edits question and press its `button` (write, discard, cancel)."""
    gui.wait(lambda: gui.window.leave.dialog is not None)
    getattr(gui.window.leave.dialog, f"{button}_button").click()


def test_auto_detect_with_unwritten_edits_asks_first(gui, simulator) -> None:
    """Auto-detect connects elsewhere: Cancel keeps the connection and the edits and detects
    nothing; Write all writes them, then the detection runs and connects."""
    sim = simulator("--model", "4PU")
    gui.connect(sim.port)
    display = open_loaded(gui, "display")
    set_editor(display, "lcd.rolling_time", 19)
    connect = gui.window.show_page("connect")

    connect.detect_button.click()
    answer_leave(gui, "cancel")
    gui.wait(lambda: not gui.controller.runner.running("autodetect"))
    assert gui.controller.connected and gui.controller.pending_count() == 1
    assert "Auto-detect" not in connect.result.text()  # nothing was tried

    connect.detect_button.click()
    answer_leave(gui, "write")
    gui.wait(lambda: not gui.controller.runner.running("autodetect"), timeout=60_000)
    gui.wait(lambda: gui.controller.connected)
    assert gui.controller.pending_count() == 0
    assert meter_value_over(gui, "lcd.rolling_time") == "19"  # written before the link moved


def test_mbus_search_with_unwritten_edits_asks_first(gui, simulator) -> None:
    """The M-Bus secondary search leaves the connected meter too: Discard drops the edits
    (nothing written), then the search runs and lists the meters."""
    sim = simulator("--protocol", "mbus", "--mbus-baud", "9600", "--serial", "23004712")
    page = gui.window.show_page("connect")
    page.fill(ConnectionOptions(port=sim.port, protocol="mbus", baudrate=9600))
    page.connect_button.click()
    gui.wait(lambda: gui.controller.connected, timeout=30_000)
    s0 = open_loaded(gui, "s0")
    set_editor(s0, "s0.rate", 100.0)  # written over M-Bus, never read back by it
    assert gui.controller.pending_count() == 1
    page = gui.window.show_page("connect")

    page.search_mbus.click()
    gui.wait(lambda: gui.window.leave.dialog is not None)
    assert "1 change has not been written" in gui.window.leave.dialog.text()
    gui.window.leave.dialog.cancel_button.click()
    gui.wait(lambda: not gui.controller.runner.running("mbus-search"))
    assert gui.controller.connected and gui.controller.pending_count() == 1

    page.search_mbus.click()
    answer_leave(gui, "discard")
    gui.wait(lambda: "Meters found" in page.result.text(), timeout=90_000)
    assert page.mbus_found.count() == 1 and "23004712" in page.mbus_found.item(0).text()
    assert gui.controller.pending_count() == 0 and not gui.controller.connected
