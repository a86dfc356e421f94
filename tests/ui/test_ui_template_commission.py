"""The Template and Commission pages against the real simulator: a template made with no meter
connected and applied to one, and a 10-meter bus commissioned by the window with one report."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from configurator.model.models import Model
from configurator.services import commission as cm
from configurator.services import template as tp
from tests.conftest import run_cli


def wait_idle(gui: Any, page: Any) -> None:
    gui.wait(lambda: not page.busy and not gui.controller.runner.tasks, timeout=240_000)


def test_template_made_with_no_meter_then_applied(gui: Any, simulator: Any, tmp_path: Path,
                                                  monkeypatch: Any) -> None:
    monkeypatch.setenv("CONFIGURATOR_DATA_DIR", str(tmp_path / "data"))
    page = gui.window.show_page("template")
    assert not gui.controller.connected
    page.model_box.setCurrentIndex(page.model_box.findData("4PU"))
    page.new_button.click()
    assert "ct.ratio" not in page.editors  # a 4PU has none: one editor per setting it has
    assert not page.included["modbus.address"].isChecked()
    page.editors["lcd.rolling_time"].setValue(25)
    page.included["mbus.secondary_address"].setChecked(True)
    page.editors["mbus.secondary_address"].setText("12")
    page.editors["mbus.secondary_address"].edited.emit()
    assert page.problem and page.problem_label.isVisible()
    assert not page.save_button.isEnabled()
    page.included["mbus.secondary_address"].setChecked(False)
    assert not page.problem and page.save_button.isEnabled()
    assert not page.apply_button.isEnabled()  # nothing connected
    target = tmp_path / "site.json"
    assert page.save_file(target) == target
    saved = tp.load_template(target)
    assert saved["settings"]["lcd.rolling_time"] == 25

    page.show_document(tp.new_template(tp.template_model(saved)))
    page.open_file(target)
    assert page.editors["lcd.rolling_time"].value() == 25
    page.editors["lcd.rolling_time"].setValue(26)
    page.save_button.click()  # back into the file it came from
    assert tp.load_template(target)["settings"]["lcd.rolling_time"] == 26

    sim = simulator("--model", "4PU")
    gui.connect(sim.port)
    page = gui.window.show_page("template")
    assert page.apply_button.isEnabled()
    page.apply_button.click()
    wait_idle(gui, page)
    assert page.last_written == 1, page.result_label.text()  # the rolling time: 10 -> 26
    assert page.result_label.objectName() == "note_ok"


def test_ten_meter_bus_commissioned_in_the_window(gui: Any, simulator: Any, tmp_path: Path,
                                                  monkeypatch: Any) -> None:
    monkeypatch.setenv("CONFIGURATOR_DATA_DIR", str(tmp_path / "data"))
    sim = simulator("--count", "10")
    template = tmp_path / "site.json"
    tp.write_template(template, tp.new_template(Model.PU4, {"lcd.rolling_time": 15}))
    page = gui.window.show_page("commission")
    page.site_edit.setText("Window site")
    page.installer_edit.setText("B. Installer")
    page.template_edit.setText(str(template))
    page.first_box.setValue(21)
    page.port_edit.setText(sim.port)
    page.folder_edit.setText(str(tmp_path / "job"))
    page.start_button.click()
    confirmed = 0
    gui.wait(lambda: page.confirm is not None or not page.busy, timeout=240_000)
    assert page.confirm is not None, page.status_label.text()
    assert len(page.confirm.acts) == 10  # every address move of the job, asked once
    assert page.pause_button.isEnabled()
    page.pause_button.click()  # asked while the moves are being confirmed
    page.confirm_button.click()
    confirmed += 1
    wait_idle(gui, page)
    assert page.outcome is not None and page.outcome.paused, page.status_label.text()
    job = page.job
    assert job is not None and job.steps[cm.Step.IDENTIFY] is cm.StepState.DONE
    assert job.steps[cm.Step.ADDRESS] is cm.StepState.PENDING
    assert [m.address for m in job.meters] == list(range(1, 11))  # paused before any write
    page.start_button.click()  # resume
    while page.busy or gui.controller.runner.tasks:
        gui.wait(lambda: page.confirm is not None or not page.busy, timeout=240_000)
        if page.confirm is not None:
            page.confirm_button.click()
            confirmed += 1
            gui.wait(lambda: page.confirm is None)
    job = page.job
    assert page.outcome is not None and page.outcome.error is None, page.status_label.text()
    assert confirmed == 2 and job is not None and job.finished
    assert sum(1 for line in job.log if line.startswith("address: ")) == 10
    assert sorted(m.address for m in job.meters) == list(range(21, 31))
    assert all(m.changes[-1].key == "lcd.rolling_time" for m in job.meters)
    assert len(list((tmp_path / "job" / "backups").glob("*.json"))) == 10
    pdf = (tmp_path / "job" / "commissioning-report.pdf").read_bytes()
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 11
    state = json.loads((tmp_path / "job" / "commission-state.json").read_text())
    assert all(v == "done" for v in state["steps"].values())
    assert page.checklist.count() == 7 and page.checklist.item(6).text().startswith("☑")


def test_modbus_factory_meters_connected_one_at_a_time_in_the_window(
        gui: Any, tmp_path: Path, monkeypatch: Any) -> None:
    """The window asks for each factory meter in turn ("Connect the next meter"); the answer
    "It is connected" is a new meter (a new simulator behind the same port path) arriving at
    the factory address, "Pause the job" pauses it, and Start or resume asks again for the
    same meter. Paused after the address step: in the simulation each meter stays on its own
    pty, so only the newest one is behind the port path for the later steps."""
    from configurator.simulator.launcher import SimulatorProcess

    monkeypatch.setenv("CONFIGURATOR_DATA_DIR", str(tmp_path / "data"))
    link = tmp_path / "bus"
    started: list[SimulatorProcess] = []
    asked: list[str] = []
    page = gui.window.show_page("commission")
    page.site_edit.setText("One at a time")
    page.one_box.setChecked(True)
    page.count_box.setValue(3)
    page.first_box.setValue(11)
    page.port_edit.setText(str(link))
    page.folder_edit.setText(str(tmp_path / "job"))
    try:
        page.start_button.click()
        paused_once = False
        while page.busy or gui.controller.runner.tasks:
            gui.wait(lambda: page.next_dialog is not None or page.confirm is not None
                     or not page.busy, timeout=240_000)
            question = page.next_dialog
            if question is not None:
                asked.append(question.text())
                if len(started) == 1 and not paused_once:  # the installer needs a moment
                    paused_once = True
                    question.pause_button.click()
                    wait_idle(gui, page)
                    assert page.outcome is not None and page.outcome.paused
                    assert page.outcome.stopped_at is cm.Step.CONNECT
                    page.start_button.click()  # resume: asked for the same meter again
                    continue
                sim = SimulatorProcess("--link", str(link), "--serial",
                                       str(23000001 + len(started)))
                sim.__enter__()
                started.append(sim)
                question.accept_button.click()
                gui.wait(lambda: page.next_dialog is None)
            elif page.confirm is not None:
                if len(started) == 3:
                    page.pause_button.click()  # stop before the template step
                page.confirm_button.click()
                gui.wait(lambda: page.confirm is None)
        assert page.outcome is not None and page.outcome.error is None, \
            page.status_label.text()
        assert page.outcome.paused
        assert [text.split(" to the bus")[0] for text in asked] == [
            "Connect meter 1 of 3", "Connect meter 2 of 3", "Connect meter 2 of 3",
            "Connect meter 3 of 3"]
        job = page.job
        assert job is not None
        assert [(m.serial, m.address) for m in job.meters] == [
            (23000001, 11), (23000002, 12), (23000003, 13)]
        assert all(m.has(cm.Step.ADDRESS) for m in job.meters)
        assert job.steps[cm.Step.TEMPLATE] is cm.StepState.PENDING  # paused before it
        for sim, meter in zip(started, job.meters, strict=True):  # each one moved for real
            answer = run_cli("--port", sim.pty_path, "--address", str(meter.address), "info",
                             "--json")
            assert answer.code == 0, answer.err
            assert json.loads(answer.out)["serial"] == meter.serial
    finally:
        for sim in started:
            sim.__exit__(None, None, None)
