"""The Backup page against the real simulator: back up, change, restore, report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from configurator.model.settings import SETTINGS
from configurator.services.engine import accept_all


def settings_now(gui: Any) -> dict[str, Any]:
    items = gui.controller.manager.session.reachable_settings(gui.controller.model)
    return gui.run(gui.controller.get_settings(items))


def wait_idle(gui: Any, page: Any) -> None:
    gui.wait(lambda: not page.busy and not gui.controller.runner.tasks)


def test_backup_change_restore_gives_identical_settings(gui, simulator, tmp_path: Path,
                                                        monkeypatch) -> None:
    monkeypatch.setenv("CONFIGURATOR_DATA_DIR", str(tmp_path / "data"))
    sim = simulator("--model", "4PU")
    gui.connect(sim.port)
    page = gui.window.show_page("backup")
    assert page.backup_button.isEnabled()
    before = settings_now(gui)

    target = tmp_path / "meter.json"
    page.backup_to(target)
    wait_idle(gui, page)
    assert target.exists(), page.status_label.text()
    assert str(target) in page.status_label.text()
    assert page.status_label.objectName() == "note_ok"

    # a second backup to the same name is refused unless the user agreed to replace it
    page.backup_to(target)
    wait_idle(gui, page)
    assert page.status_label.objectName() == "note_error"

    report = gui.run(gui.controller.apply({SETTINGS["tariff"]: 2, SETTINGS["s0.rate"]: 100.0}))
    assert report.error is None
    assert settings_now(gui) != before

    page.load_file(target)
    wait_idle(gui, page)
    assert page.plan is not None, page.status_label.text()
    shown = {page.table.item(r, 0).data(256): page.table.item(r, 1).text()
             for r in range(page.table.rowCount())}
    assert shown["tariff"] == "will change" and shown["s0.rate"] == "will change"
    assert "unchanged" in shown.values()
    assert page.apply_button.isVisible() and page.apply_button.isEnabled()
    assert "2 changes" in page.apply_button.text()

    page.apply_button.click()
    wait_idle(gui, page)
    assert page.last_report is not None, page.status_label.text()
    assert page.last_report.count("applied") == 2
    undo = page.last_report.undo_path
    assert undo is not None and undo.exists() and undo.is_relative_to(tmp_path / "data")
    assert str(undo) in page.result_label.text()
    assert settings_now(gui) == before


def test_restore_follows_a_changed_modbus_address(gui, simulator, tmp_path: Path,
                                                  monkeypatch) -> None:
    monkeypatch.setenv("CONFIGURATOR_DATA_DIR", str(tmp_path / "data"))
    sim = simulator("--model", "4PU")
    gui.connect(sim.port)
    page = gui.window.show_page("backup")
    gui.run(gui.controller.apply({SETTINGS["modbus.address"]: 7}, accept_all))
    gui.wait(lambda: gui.controller.options.address == 7)
    target = tmp_path / "at7.json"
    page.backup_to(target)
    wait_idle(gui, page)
    gui.run(gui.controller.apply({SETTINGS["modbus.address"]: 1}, accept_all))
    gui.wait(lambda: gui.controller.options.address == 1)
    page.load_file(target)
    wait_idle(gui, page)
    page.start_apply()
    gui.wait(lambda: page.confirm is not None)  # a link move: the one confirmation
    page.confirm_button.click()
    wait_idle(gui, page)
    assert page.last_report is not None and page.last_report.link_note
    assert gui.controller.options.address == 7
    assert gui.controller.connected
    assert settings_now(gui)["modbus.address"] == 7


def test_corrupt_file_shows_a_message_and_writes_nothing(gui, simulator, tmp_path: Path,
                                                         monkeypatch) -> None:
    monkeypatch.setenv("CONFIGURATOR_DATA_DIR", str(tmp_path / "data"))
    sim = simulator("--model", "4PU")
    gui.connect(sim.port)
    page = gui.window.show_page("backup")
    before = settings_now(gui)
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "nonsense", ', encoding="utf-8")
    page.load_file(bad)
    wait_idle(gui, page)
    assert page.status_label.objectName() == "note_error"
    assert "Cannot use this file" in page.status_label.text()
    assert page.plan is None and not page.apply_button.isVisible()
    assert not (tmp_path / "data").exists()
    assert settings_now(gui) == before
    assert gui.window.isVisible()


def test_commissioning_report_pdf(gui, simulator, tmp_path: Path) -> None:
    sim = simulator("--model", "2PUCT")
    gui.connect(sim.port)
    page = gui.window.show_page("backup")
    target = tmp_path / "report.pdf"
    page.report_to(target)
    wait_idle(gui, page)
    assert target.exists(), page.status_label.text()
    assert target.read_bytes().startswith(b"%PDF")
    assert page.status_label.objectName() == "note_ok"


def test_an_existing_file_is_replaced_only_after_asking(gui, simulator, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    sim = simulator("--model", "4PU")
    gui.connect(sim.port)
    page = gui.window.show_page("backup")
    target = tmp_path / "meter.json"
    target.write_text("old", encoding="utf-8")

    page._chosen_save(str(target), page.backup_to, ".json")  # what the file dialog calls
    box = page._dialog
    assert isinstance(box, QMessageBox) and box.isVisible() and "meter.json" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    wait_idle(gui, page)
    assert target.read_text(encoding="utf-8") == "old"

    page._chosen_save(str(target), page.backup_to, ".json")
    box = page._dialog
    replace = next(b for b in box.buttons() if b.text() == "Replace")
    replace.click()
    gui.wait(lambda: page.busy or target.read_text(encoding="utf-8") != "old")
    wait_idle(gui, page)
    assert '"settings"' in target.read_text(encoding="utf-8")


def test_ct_ratio_is_restored_only_when_ticked(gui, simulator, tmp_path: Path) -> None:
    sim = simulator("--model", "2PUCT")
    gui.connect(sim.port)
    page = gui.window.show_page("backup")
    target = tmp_path / "ct.json"
    page.backup_to(target)
    wait_idle(gui, page)
    page.load_file(target)
    wait_idle(gui, page)

    def ct_status() -> str:
        row = next(r for r in range(page.table.rowCount())
                   if page.table.item(r, 0).data(256) == "ct.ratio")
        return page.table.item(row, 1).text()

    assert page.ct_box.isVisible() and not page.ct_box.isChecked()
    assert ct_status() == "skipped" and not page.ct_warning.isVisible()
    page.ct_box.setChecked(True)
    assert ct_status() == "unchanged" and page.ct_warning.isVisible()
    assert "7 changes" in page.ct_warning.text()
    assert not page.apply_button.isEnabled()  # nothing differs: nothing to write


def test_restoring_the_ct_ratio_is_confirmed_with_the_changes_left(gui, simulator,
                                                                   tmp_path: Path,
                                                                   monkeypatch) -> None:
    from configurator.model.types import CtRatio

    monkeypatch.setenv("CONFIGURATOR_DATA_DIR", str(tmp_path / "data"))
    sim = simulator("--model", "2PUCT")
    gui.connect(sim.port)
    page = gui.window.show_page("backup")
    target = tmp_path / "ct.json"
    page.backup_to(target)  # 5/5
    wait_idle(gui, page)
    report = gui.run(gui.controller.apply({SETTINGS["ct.ratio"]: CtRatio(100, 5)}, accept_all))
    assert report.error is None  # one change used: 6 left

    def restore_with_ct() -> None:
        page.load_file(target)
        wait_idle(gui, page)
        page.ct_box.setChecked(True)
        assert page.apply_button.isEnabled()
        page.apply_button.click()
        gui.wait(lambda: page.confirm is not None and page.confirm.isVisible())

    restore_with_ct()
    text = page.confirm.text() + " " + page.confirm.informativeText()
    assert "from 100/5 to 5/5" in text and "(5 will be left)" in text, text
    page.confirm.reject()
    wait_idle(gui, page)
    assert "not confirmed" in page.result_label.text()
    assert settings_now(gui)["ct.ratio"] == CtRatio(100, 5)
    assert not (tmp_path / "data").exists()  # no undo file either: nothing was to be written

    restore_with_ct()
    page.confirm_button.click()
    wait_idle(gui, page)
    assert settings_now(gui)["ct.ratio"] == CtRatio(5, 5)
    assert "uses another of the 7 CT ratio changes" in page.result_label.text()
    assert "(restore that file to undo)" not in page.result_label.text()
