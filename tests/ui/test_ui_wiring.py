"""The Wiring check page against the real simulator: verdicts, table and phasor picture."""

from __future__ import annotations

from PySide6.QtGui import QColor

from configurator.model.verdicts import Verdict
from configurator.model.wiring_rules import Expect
from configurator.services.report.phasors import PHASE_STYLE
from configurator.services.wiring import Check, Diagnosis


def _check(gui, page, expect: Expect = Expect.IMPORT) -> None:
    page.expect.setCurrentIndex(page.expect.findData(expect.value))
    page.samples.setValue(2)
    page.check_button.click()
    gui.wait(lambda: page.report is not None and not page.busy)


def _colour_pixels(widget, colour: str) -> int:
    image = widget.grab().toImage()
    wanted = QColor(colour)
    return sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
               if image.pixelColor(x, y) == wanted)


def test_wiring_page_shows_a_reversed_ct_with_figures_and_phasors(gui, simulator) -> None:
    sim = simulator("--model", "2PUCT", "--wiring", "reversed-l2")
    page = gui.window.show_page("wiring")
    assert not page.check_button.isEnabled()  # nothing connected yet
    gui.connect(sim.port)
    page = gui.window.show_page("wiring")
    assert page.check_button.isEnabled()
    _check(gui, page)
    report = page.report
    assert report.samples == 2 and report.verdict is Verdict.FAIL
    l2 = report.finding(Check.CURRENT, "l2")
    assert l2.diagnosis is Diagnosis.REVERSED and l2.figure("power.active").value < 0
    for phase in ("l1", "l3"):
        assert report.finding(Check.CURRENT, phase).verdict is Verdict.PASS
    rows = {page.table.item(r, 0).text(): r for r in range(page.table.rowCount())}
    row = rows["L2 current"]
    assert page.table.item(row, 1).data(0x0100) == Verdict.FAIL.value  # UserRole
    assert "kW" in page.table.item(row, 3).text() and "derived" in page.table.item(row, 3).text()
    assert "CT" in page.table.item(row, 4).text()  # what to do: turn the CT round
    assert page.result.objectName() == "note_error" and "FAIL" in page.result.text()
    assert len(page.phasor.phasors) == 3
    assert all(p.current_angle is not None for p in page.phasor.phasors)
    for colour, _dash in PHASE_STYLE.values():  # every phase is drawn in its own colour
        assert _colour_pixels(page.phasor, colour) > 20


def test_wiring_page_accepts_a_real_export_when_told(gui, simulator) -> None:
    sim = simulator("--model", "4PU", "--wiring", "pv-export")
    gui.connect(sim.port)
    page = gui.window.show_page("wiring")
    _check(gui, page, Expect.IMPORT)
    assert page.report.verdict is Verdict.FAIL
    _check_again = page.report
    page.report = None
    _check(gui, page, Expect.EXPORT)
    assert page.report is not _check_again
    assert page.report.verdict is Verdict.PASS, [str(f.message) for f in page.report.findings]
    assert page.result.objectName() == "note_ok"
