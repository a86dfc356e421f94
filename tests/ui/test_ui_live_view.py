"""A live view an electrician can trust: pause freezes what is on screen, zoom and pan keep
showing data, the cursor reads every series, CSV holds every series, old values are marked
stale when the link goes; energy and diagnostics over M-Bus show what M-Bus carries."""

from __future__ import annotations

import csv
from datetime import datetime
from typing import Any

import numpy as np
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from configurator.model.registers import REGISTERS
from configurator.services.connection import ConnectionOptions
from configurator.simulator.launcher import SimulatorProcess
from configurator.ui.pages.live import TABS, series_label


def live(gui: Any, simulator: Any, *args: str) -> Any:
    sim = simulator("--model", "4PU", *args)
    gui.connect(sim.port)
    page = gui.window.show_page("live")
    page.interval.setCurrentIndex(page.interval.findData(0.1))
    gui.wait(lambda: gui.controller.store.fine.size >= 5 and page.points_drawn() >= 3)
    return page


def curve_data(page: Any) -> list[tuple[np.ndarray, np.ndarray]]:
    return [(np.array(c.xData), np.array(c.yData)) for _k, c in
            page.curves[page.tabs.currentIndex()]]


def test_pause_freezes_what_is_on_screen_while_polling_goes_on(gui, simulator) -> None:
    page = live(gui, simulator)
    controller = gui.controller
    page.pause.setChecked(True)
    assert controller.poller.paused and page.paused
    shown = page.points_drawn()
    before = curve_data(page)
    view = page.plots[0].getViewBox().viewRange()[0]
    # Polling going on while paused (here resumed from outside, as another path may do):
    # samples pile up in the store, and a reconnect would even clear it.
    controller.poller.set_paused(False)
    polls, redraws, stored = controller.poller.polls, page.redraws, controller.store.fine.size
    gui.wait(lambda: controller.poller.polls >= polls + 10 and page.redraws >= redraws + 3)
    assert controller.store.fine.size >= stored + 10
    controller.store.clear()
    done = page.redraws
    gui.wait(lambda: page.redraws >= done + 2)
    assert page.points_drawn() == shown
    for (x0, y0), (x1, y1) in zip(before, curve_data(page), strict=True):
        assert np.array_equal(x0, x1) and np.array_equal(y0, y1, equal_nan=True)
    assert page.plots[0].getViewBox().viewRange()[0] == view
    page.pause.setChecked(False)  # live again: new points
    gui.wait(lambda: page.points_drawn() >= 3 and not page.paused)
    assert not controller.poller.paused


def wheel(plot: Any, steps: int) -> None:
    """A real mouse-wheel event in the middle of a chart."""
    viewport = plot.viewport()
    centre = QPointF(viewport.width() / 2, viewport.height() / 2)
    event = QWheelEvent(centre, QPointF(viewport.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, event)


def points_in_view(page: Any) -> int:
    low, high = page.plots[0].getViewBox().viewRange()[0]
    x = page.curves[page.tabs.currentIndex()][0][1].xData
    if x is None:
        return 0
    return int(((np.asarray(x) >= low) & (np.asarray(x) <= high)).sum())


def test_zoom_keeps_following_and_pan_keeps_data_visible(gui, simulator) -> None:
    page = live(gui, simulator)
    gui.wait(lambda: gui.controller.store.fine.size >= 60)  # 6 s of samples
    plot = page.plots[0]
    wheel(plot, 10)  # zoom in: a span of a few seconds, still ending now
    assert page.following and page.span < 0.1 * page.window_seconds()
    span = page.span
    done = page.redraws
    gui.wait(lambda: page.redraws >= done + 2)
    low, high = plot.getViewBox().viewRange()[0]
    assert abs((high - low) - span) < 1e-3 * span
    assert points_in_view(page) >= 3
    for other in page.tab_plots[0][1:]:  # linked: the same time at the same place on screen
        assert abs(other.getViewBox().viewRange()[0][1] - high) < 0.02 * span
    # Dragging back in time (the drag's own signal, as the mouse sends it): the stretch stays.
    view = plot.getViewBox()
    view.translateBy(x=-span / 2)
    view.sigRangeChangedManually.emit([True, False])
    assert not page.following
    low, high = view.viewRange()[0]
    polls = gui.controller.poller.polls
    gui.wait(lambda: gui.controller.poller.polls >= polls + 10)
    done = page.redraws
    gui.wait(lambda: page.redraws >= done + 2)
    assert view.viewRange()[0] == [low, high]
    assert points_in_view(page) >= 3  # the data of that stretch, not an empty chart
    page.autoscale.click()  # Follow live
    low, high = view.viewRange()[0]
    assert page.following and abs((high - low) - page.window_seconds()) < 1.0


def test_cursor_reads_every_series_of_the_tab(gui, simulator) -> None:
    page = live(gui, simulator)
    page.redraw()
    t = float(page.curves[0][0][1].xData[-2])
    text = page.cursor_at(t)
    lines = text.split("\n")
    assert len(lines) == len(TABS[0][1])  # one line per chart
    assert lines[0].startswith("Active power: ") and "L1" in lines[0] and "kW" in lines[0]
    assert all(line.isVisible() for line in page.cursor_lines[0])
    value = page.curves[0][0][1].yData[-2]
    assert f"{value:.3f}" in lines[0] or f"{value:.2f}" in lines[0]


def test_cursor_readout_does_not_cover_the_lines_it_reads(gui, simulator) -> None:
    """The simulated meter draws separate, steady lines (total above the phases): each chart's
    readout box finds the room between them instead of lying over the top line."""
    page = live(gui, simulator)
    page.redraw()
    t = float(page.curves[0][0][1].xData[-2])
    page.cursor_at(t)
    covered = 0
    for plot, label in zip(page.tab_plots[0], page.cursor_texts[0], strict=True):
        view = plot.getViewBox()
        box = view.mapSceneToView(label.sceneBoundingRect()).boundingRect()
        low, high = sorted((box.top(), box.bottom()))
        for _key, curve in page.curves[0]:
            if curve.getViewBox() is not view or curve.yData is None:
                continue
            covered += int(np.count_nonzero((curve.yData >= low) & (curve.yData <= high)))
    assert covered == 0


def test_csv_has_every_series_with_headers_and_iso_times(gui, simulator, tmp_path) -> None:
    page = live(gui, simulator)
    path = tmp_path / "all.csv"
    rows = page.export_csv(str(path))
    with open(path, encoding="utf-8") as handle:
        table = list(csv.reader(handle))
    header, body = table[0], table[1:]
    assert len(body) == rows >= 5
    assert header[0] == "Time (ISO 8601, local time with UTC offset)"
    for _tab, charts in TABS:  # every tab's series, not only the visible one
        for spec in charts:
            for key in spec.keys:
                assert series_label(key) in header, key
    assert "Active power L1 (kW)" in header and "Voltage L1-L2 (V)" in header
    assert "Power factor total" in header and "Frequency (Hz)" in header
    times = [datetime.fromisoformat(row[0]) for row in body]
    assert all(t.tzinfo is not None for t in times)
    assert all(b > a for a, b in zip(times, times[1:], strict=False))  # one row per sample
    assert all(len(row) == len(header) for row in body)
    column = header.index("Frequency (Hz)")
    assert all(45 < float(row[column]) < 55 for row in body)


def test_readouts_grey_out_with_their_age_when_the_link_goes(gui, tmp_path) -> None:
    link = str(tmp_path / "meter-link")
    sim = SimulatorProcess("--link", link).start()
    try:
        gui.connect(link)
        page = gui.window.show_page("live")
        gui.wait(lambda: page.readouts["voltage.l1"].text() != "—")
        page.show_readouts()
        assert not page.readouts_stale and not page.age_label.isVisible()
        value = page.readouts["voltage.l1"].text()
        sim.stop()  # the meter's line goes away
        gui.wait(lambda: gui.controller.state.value == "lost")
        page.show_readouts()
        assert page.readouts_stale
        assert page.age_label.isVisible() and "Link down" in page.age_label.text()
        assert " ago" in page.age_label.text()
        assert page.readouts["voltage.l1"].text() == value  # still shown, marked old
        gui.window.status.refresh()
        assert gui.window.status.age_is_stale()
    finally:
        sim.stop()


def test_energy_and_diagnostics_over_mbus(gui, simulator) -> None:
    sim = simulator("--protocol", "mbus")
    page = gui.window.show_page("connect")
    page.fill(ConnectionOptions(port=sim.port, protocol="mbus"))
    page.connect_button.click()
    gui.wait(lambda: gui.controller.connected, timeout=30_000)
    energy = gui.window.show_page("energy")
    gui.wait(lambda: energy.carried is not None, timeout=30_000)
    readings = gui.run(gui.controller.manager.call(lambda s: s.read_measurements()))
    carried = {r.register.key for r in readings if r.register.group == "energy"}
    assert carried and energy.carried == carried  # every energy register the session returns
    key = "energy.active.import.total"
    assert key in carried
    float(energy.value_text(key).replace(",", ""))  # a number, shown
    assert energy.obis_text(key) == "1.8.0"  # in its own column
    missing = energy.not_carried()
    assert missing and all(energy.value_text(k) == "not carried over M-Bus" for k in missing)
    assert energy.carried_note.isVisible() and "M-Bus carries" in energy.carried_note.text()
    diagnostics = gui.window.show_page("diagnostics")
    diagnostics.show_status(gui.controller.identity)
    assert "None" not in diagnostics.quadrant_total.text()
    assert "not carried over M-Bus" in diagnostics.quadrant_total.text()
    assert all("not carried over M-Bus" in diagnostics.direction[p].text()
               for p in ("l1", "l2", "l3"))


def test_energy_over_modbus_shows_every_register_with_its_obis(gui, simulator) -> None:
    sim = simulator("--model", "4PU")
    gui.connect(sim.port)
    energy = gui.window.show_page("energy")
    gui.wait(lambda: energy.carried is not None)
    assert energy.not_carried() == [] and not energy.carried_note.isVisible()
    assert energy.obis_text("energy.active.import.t2") == "1.8.2"
    assert REGISTERS["energy.active.import.t2"].obis == "1.8.2"
    value = energy.value_text("energy.active.import.total")
    assert value != "—" and "\n" not in value  # the code is never under the value
