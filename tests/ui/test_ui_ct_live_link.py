"""CT ratio flow (2PU CT), live charts, diagnostics, lost link and reconnect."""

from __future__ import annotations

import csv

from configurator.simulator.launcher import SimulatorProcess
from tests.conftest import run_cli


def test_ct_change_asks_plainly_then_uses_one_change(gui, simulator) -> None:
    sim = simulator("--model", "2PUCT")
    gui.connect(sim.port)
    page = gui.window.show_page("ct")
    gui.wait(lambda: page.left is not None)
    assert page.remaining.text() == "7"
    assert page.current.text().startswith("5/5")

    page.editor.setText("3/5")  # below 5 A primary with /5: refused by the model
    page.editor.edited.emit()
    assert page.validation.isVisible() and "5-9995/5" in page.validation.text()
    assert not page.change_button.isEnabled()

    page.editor.setText("100/5")
    page.editor.edited.emit()
    assert page.change_button.isEnabled()
    page.change_button.click()
    gui.wait(lambda: page.confirm is not None)  # the engine counts the changes left, then asks
    box = page.confirm
    assert box is not None and box.isVisible()
    text = box.text() + " " + box.informativeText()
    assert "one of the 7" in text and "cannot be undone" in text and "6 will be left" in text
    box.reject()  # cancel first: nothing is written
    gui.wait(lambda: "Not changed" in page.report.text())
    assert page.remaining.text() == "7"

    page.editor.setText("100/5")
    page.editor.edited.emit()
    page.change_button.click()
    gui.wait(lambda: page.confirm is not None)
    page.confirm_button.click()
    gui.wait(lambda: "✔" in page.report.text() or "✖" in page.report.text())
    assert "100/5" in page.report.text(), page.report.text()
    gui.wait(lambda: page.remaining.text() == "6")
    assert page.table.item(0, 0).text() == "5/5"
    gui.run(gui.controller.disconnect())
    got = run_cli("--port", sim.port, "get", "ct.ratio")
    assert got.code == 0 and "100/5" in got.out, got.out + got.err


def test_live_chart_receives_points_and_exports(gui, simulator, tmp_path) -> None:
    sim = simulator("--model", "4PU")
    gui.connect(sim.port)
    page = gui.window.show_page("live")
    page.interval.setCurrentIndex(page.interval.findData(0.1))
    assert gui.controller.poller.interval == 0.1
    gui.wait(lambda: gui.controller.store.fine.size >= 5 and page.redraws >= 2)
    curve = page.curves[0][0][1]
    gui.wait(lambda: curve.xData is not None and len(curve.xData) >= 3)
    assert page.readouts["voltage.l1"].text().endswith("V")
    assert page.readouts["power.active"].text() != "—"
    rows = page.export_csv(str(tmp_path / "visible.csv"))
    with open(tmp_path / "visible.csv", encoding="utf-8") as handle:
        table = list(csv.reader(handle))
    assert rows >= 5 and len(table) == rows + 1
    assert table[0][0].startswith("Time (ISO 8601") and "Active power L1 (kW)" in table[0]
    assert page.export_png(str(tmp_path / "chart.png"))
    assert (tmp_path / "chart.png").stat().st_size > 1000
    page.pause.setChecked(True)
    polls = gui.controller.poller.polls
    page.tabs.setCurrentIndex(1)  # switching tabs redraws the voltage charts
    assert gui.controller.poller.paused
    page.pause.setChecked(False)
    gui.wait(lambda: gui.controller.poller.polls > polls)
    energy = gui.window.show_page("energy")
    gui.wait(lambda: energy.value_text("energy.active.import.total") != "—")
    assert energy.obis_text("energy.active.import.total") == "1.8.0"
    assert energy.obis_text("energy.active.import.t2") == "1.8.2"


def test_time_axis_shows_the_window_until_the_user_zooms(gui, simulator) -> None:
    sim = simulator("--model", "4PU")
    gui.connect(sim.port)
    page = gui.window.show_page("live")
    gui.wait(lambda: gui.controller.store.fine.size >= 3 and page.redraws >= 2)
    view = page.plots[0].getViewBox()
    low, high = view.viewRange()[0]
    assert abs((high - low) - page.window_seconds()) < 1.0  # the whole minute, ending now
    page._stop_following()  # what a mouse zoom or pan triggers
    view.setXRange(low, low + 5, padding=0)
    done = page.redraws
    gui.wait(lambda: page.redraws > done + 1)
    assert abs(view.viewRange()[0][1] - (low + 5)) < 1e-6  # left where the user put it
    page.autoscale.click()
    low, high = view.viewRange()[0]
    assert abs((high - low) - page.window_seconds()) < 1.0


def test_diagnostics_log_counters_and_reversed_ct(gui, simulator, tmp_path) -> None:
    sim = simulator("--model", "4PU", "--reversed-phase", "l2")
    gui.connect(sim.port)
    page = gui.window.show_page("diagnostics")
    gui.wait(lambda: "R" in page.direction["l2"].text())
    assert "REVERSED" in page.direction["l2"].text()
    assert "F" in page.direction["l1"].text()
    assert gui.window.reversed_banner.isVisible()
    assert "L2" in gui.window.reversed_banner.text()
    gui.wait(lambda: page.model.rowCount() > 4)
    first = page.model.lines[0]
    assert first.direction == "tx" and "read 1 from 0x4002 (meter_code)" in first.meaning
    assert "Transactions: 0" not in page.counter_labels["transactions"].text()
    page.save(str(tmp_path / "traffic.tsv"))
    assert "0x4002" in (tmp_path / "traffic.tsv").read_text(encoding="utf-8")
    assert page.selected_text().count("\n") >= 3


def test_lost_link_banner_then_reconnect(gui, tmp_path) -> None:
    link = str(tmp_path / "meter-link")
    first = SimulatorProcess("--link", link).start()
    second = None
    try:
        gui.connect(link)
        gui.controller.poller.set_interval(0.1)
        gui.wait(lambda: gui.controller.poller.polls >= 2)
        first.stop()
        gui.wait(lambda: gui.controller.state.value == "lost")
        assert gui.window.banner.isVisible()
        assert "lost" in gui.window.banner.text().lower()
        assert "reconnecting" in gui.window.banner.text()
        second = SimulatorProcess("--link", link).start()
        gui.wait(lambda: gui.controller.connected, timeout=30_000)
        assert "Reconnected" in gui.window.banner.text()
        polls = gui.controller.poller.polls
        gui.wait(lambda: gui.controller.poller.polls > polls)
    finally:
        first.stop()
        if second is not None:
            second.stop()
