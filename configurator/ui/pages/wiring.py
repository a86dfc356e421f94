"""Wiring check: the phasor diagram and the wiring verdict (services/wiring) of the meter.

The page asks the controller for one check (it reads through the connection manager, the one
owner of the bus) and shows a verdict per phase and for the installation with the figures and
what to do. The phasor picture is the report's own drawing (services/report/phasors.py).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableWidgetItem,
    QWidget,
)

from ...i18n import QT_TRANSLATE_NOOP
from ...model.verdicts import Verdict
from ...model.wiring_rules import PHASES, Expect
from ...services.report.phasors import paint_phasors
from ...services.wiring import DERIVED_NOTE, DERIVED_WORD, Finding, Phasor, WiringReport
from ...services.wiring import figure_label as _figure_label
from ..messages import translated
from ..tasks import error_text
from ..verdicts import COLOURS, NOTE_KIND
from ..widgets import read_only_table
from .base import Page, note, register, set_note

EXPECT_CHOICES = (
    (Expect.IMPORT, QT_TRANSLATE_NOOP("WiringPage", "Import (a consumer)")),
    (Expect.EXPORT, QT_TRANSLATE_NOOP("WiringPage", "Export (a generator, PV)")),
    (Expect.EITHER, QT_TRANSLATE_NOOP("WiringPage", "Either direction")),
)
COLUMNS = (QT_TRANSLATE_NOOP("WiringPage", "Check"), QT_TRANSLATE_NOOP("WiringPage", "Verdict"),
           QT_TRANSLATE_NOOP("WiringPage", "Found"), QT_TRANSLATE_NOOP("WiringPage", "Figures"),
           QT_TRANSLATE_NOOP("WiringPage", "What to do"))
HIDDEN_FIGURES = ("expected", "threshold")


class PhasorWidget(QWidget):
    """The three phases as phasors (voltages at 0/240/120°, currents at derived angles)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.phasors: tuple[Phasor, ...] = ()
        self.setMinimumSize(300, 300)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(360, 360)

    def set_phasors(self, phasors: tuple[Phasor, ...]) -> None:
        """Show these phasors (an empty tuple: the bare diagram)."""
        self.phasors = phasors
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        side = min(self.width(), self.height())
        rect = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        painter = QPainter(self)
        try:
            if self.phasors:
                paint_phasors(painter, rect, self.phasors, translated(DERIVED_NOTE))
            else:
                paint_phasors(painter, rect, (), self.tr("Press “Check now” to draw the phasors."))
        finally:
            painter.end()


@register
class WiringPage(Page):
    """The wiring verdict, with a phasor diagram."""

    NAME, SECTION, ORDER = "wiring", "Tools", 20
    TITLE = QT_TRANSLATE_NOOP("Pages", "Wiring check")
    INTRO = QT_TRANSLATE_NOOP(
        "Pages", "Reads the live values and judges the wiring: a reversed CT or load, a current "
                 "on the wrong phase (2PU CT), a missing phase or neutral, voltage and frequency "
                 "against EN 50160, unbalance. With too little current the verdict is “cannot "
                 "judge”, never a pass. Say which direction the energy should flow.")

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Expected direction")))
        self.expect = QComboBox()
        for value, text in EXPECT_CHOICES:
            self.expect.addItem(self.tr(text), value.value)
        bar.addWidget(self.expect)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Readings to average")))
        self.samples = QSpinBox()
        self.samples.setRange(1, 20)
        self.samples.setValue(3)
        bar.addWidget(self.samples)
        bar.addSpacing(12)
        self.check_button = QPushButton(self.tr("Check now"))
        self.check_button.clicked.connect(self.start_check)
        bar.addWidget(self.check_button)
        bar.addStretch(1)
        self.layout_.addLayout(bar)
        self.result = note("", "info")
        self.result.setVisible(False)
        self.layout_.addWidget(self.result)
        body = QHBoxLayout()
        self.phasor = PhasorWidget()
        body.addWidget(self.phasor, 2, Qt.AlignmentFlag.AlignTop)
        self.table = read_only_table([self.tr(c) for c in COLUMNS], fit=(0, 1))
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in (2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        body.addWidget(self.table, 5)
        self.layout_.addLayout(body, 1)
        self.report: WiringReport | None = None
        self.busy = False
        controller.state_changed.connect(lambda *_: self._update_enabled())
        controller.identity_changed.connect(lambda _identity: self._clear())
        self._update_enabled()

    # -- state ------------------------------------------------------------------------------
    def _update_enabled(self) -> None:
        self.check_button.setEnabled(self.controller.connected and not self.busy)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.check_button.setText(self.tr("Checking…") if busy else self.tr("Check now"))
        self._update_enabled()

    def _clear(self) -> None:
        self.report = None
        self.table.setRowCount(0)
        self.phasor.set_phasors(())
        set_note(self.result, "")

    def expected(self) -> dict[str, Expect]:
        """The expected flow chosen, for every phase."""
        return dict.fromkeys(PHASES, Expect(self.expect.currentData()))

    # -- checking ---------------------------------------------------------------------------
    def start_check(self) -> None:
        """Check the wiring now (a tracked task; the button comes back in `finally`)."""
        self._set_busy(True)
        self.controller.runner.start(
            "wiring-check", self._check(), restore=lambda: self._set_busy(False),
            on_error=lambda exc: set_note(self.result, error_text(exc), "error"))

    async def _check(self) -> WiringReport:
        report: WiringReport = await self.controller.check_wiring(self.expected(),
                                                                  self.samples.value())
        self.show_report(report)
        return report

    def show_report(self, report: WiringReport) -> None:
        """Fill the diagram, the table and the summary from a wiring verdict."""
        self.report = report
        self.phasor.set_phasors(report.phasors)
        self.table.setRowCount(len(report.findings))
        for row, finding in enumerate(report.findings):
            self._fill_row(row, finding)
        verdict = report.verdict
        summary = self.tr("{verdict}: {explanation}").format(
            verdict=translated(verdict.word), explanation=translated(report.explanation))
        if verdict is not Verdict.PASS:
            summary += " " + self.tr("See the rows marked in the table for what to do.")
        set_note(self.result, summary, NOTE_KIND[verdict])

    def _fill_row(self, row: int, finding: Finding) -> None:
        text_colour, background = COLOURS[finding.verdict]
        verdict = QTableWidgetItem(translated(finding.verdict.word))
        verdict.setForeground(QBrush(QColor(text_colour)))
        verdict.setBackground(QBrush(QColor(background)))
        font = QFont(verdict.font())
        font.setBold(True)
        verdict.setFont(font)
        verdict.setData(Qt.ItemDataRole.UserRole, finding.verdict.value)
        cells = [QTableWidgetItem(translated(finding.name)), verdict,
                 QTableWidgetItem(translated(finding.message)),
                 QTableWidgetItem(self.figures_text(finding)),
                 QTableWidgetItem(translated(finding.advice) if finding.advice else "")]
        for column, item in enumerate(cells):
            item.setToolTip(item.text())
            self.table.setItem(row, column, item)

    def figures_text(self, finding: Finding) -> str:
        """The finding's figures ("(derived)" where the check computed them)."""
        lines = []
        derived = translated(DERIVED_WORD)
        for fig in finding.figures:
            if fig.key in HIDDEN_FIGURES or fig.value is None:
                continue
            mark = f" ({derived})" if fig.derived else ""
            lines.append(f"{translated(_figure_label(fig.key))} {fig.text()}{mark}")
        return " · ".join(lines)
