"""Diagnostics: every frame on the link, link counters, quadrants and current directions."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from ...i18n import QT_TRANSLATE_NOOP
from ...model.registers import REGISTERS
from ...model.settings import TRANSPORT_NAMES
from ...services.traffic import LogLine
from ..messages import translated
from .base import Page, register

REFRESH_MS = 500
COUNTERS = (("transactions", QT_TRANSLATE_NOOP("DiagnosticsPage", "Transactions")),
            ("timeouts", QT_TRANSLATE_NOOP("DiagnosticsPage", "Timeouts")),
            ("crc_errors", QT_TRANSLATE_NOOP("DiagnosticsPage", "CRC / frame errors")),
            ("exceptions", QT_TRANSLATE_NOOP("DiagnosticsPage", "Meter exceptions")),
            ("retries", QT_TRANSLATE_NOOP("DiagnosticsPage", "Retries")),
            ("bytes_sent", QT_TRANSLATE_NOOP("DiagnosticsPage", "Bytes sent")),
            ("bytes_received", QT_TRANSLATE_NOOP("DiagnosticsPage", "Bytes received")))
PHASES = ("l1", "l2", "l3")
QUADRANT_MEANING = {1: QT_TRANSLATE_NOOP("DiagnosticsPage", "Q1 import, inductive"),
                    2: QT_TRANSLATE_NOOP("DiagnosticsPage", "Q2 export, capacitive"),
                    3: QT_TRANSLATE_NOOP("DiagnosticsPage", "Q3 export, inductive"),
                    4: QT_TRANSLATE_NOOP("DiagnosticsPage", "Q4 import, capacitive")}
Index = QModelIndex | QPersistentModelIndex


QUIET = "color: #6b6b6b; font-size: 13px; font-weight: normal;"  # what a link does not carry


def carried(key: str, transport: str) -> bool:
    """Whether a connection over `transport` carries register `key` (the register table)."""
    return transport in REGISTERS[key].transports


class TrafficModel(QAbstractTableModel):
    """The traffic log as a table; errors on a red background."""

    HEADERS = (QT_TRANSLATE_NOOP("TrafficModel", "Time"), QT_TRANSLATE_NOOP("TrafficModel", "Dir"),
               QT_TRANSLATE_NOOP("TrafficModel", "Frame (hex)"),
               QT_TRANSLATE_NOOP("TrafficModel", "Meaning"))

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[LogLine] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self.lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return time.strftime("%H:%M:%S", time.localtime(line.time)) + \
                    f".{int(line.time * 1000) % 1000:03d}"
            return (None, line.direction, line.hex, translated(line.meaning))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (2, 3):
            return f"{line.hex}\n{translated(line.meaning)}"
        if role == Qt.ItemDataRole.BackgroundRole and line.error:
            return QColor("#f8d0d0")
        if role == Qt.ItemDataRole.ForegroundRole and line.direction == "tx":
            return QColor("#0d47a1")
        return None

    def set_lines(self, lines: list[LogLine]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self.lines = lines
        self.endResetModel()


@register
class DiagnosticsPage(Page):
    """Link health and the meter's view of power flow."""

    NAME, SECTION, ORDER = "diagnostics", "Data", 20
    TITLE = QT_TRANSLATE_NOOP("Pages", "Diagnostics")

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        flow = QGridLayout()
        self.direction: dict[str, QLabel] = {}
        self.quadrants: dict[str, QLabel] = {}
        for col, phase in enumerate(PHASES):
            direction = QLabel(f"{phase.upper()}: —")
            direction.setObjectName("phaseState")
            direction.setAlignment(Qt.AlignmentFlag.AlignCenter)
            direction.setWordWrap(True)  # "L2: ← R  EXPORT / REVERSED" in a narrow window
            self.direction[phase] = direction
            quadrant = QLabel(self.tr("quadrant —"))
            quadrant.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.quadrants[phase] = quadrant
            flow.addWidget(direction, 0, col)
            flow.addWidget(quadrant, 1, col)
        self.quadrant_total = QLabel(self.tr("Total: quadrant —"))
        self.quadrant_total.setObjectName("phaseState")
        self.quadrant_total.setWordWrap(True)
        self.quadrant_total.setAlignment(Qt.AlignmentFlag.AlignCenter)
        flow.addWidget(self.quadrant_total, 0, 3, 2, 1)
        for col in range(4):
            flow.setColumnStretch(col, 1)
        self.layout_.addLayout(flow)

        counters = QGridLayout()  # two rows of four: translated names are longer
        counters.setHorizontalSpacing(18)
        self.counter_labels: dict[str, QLabel] = {}
        for index, (key, text) in enumerate(COUNTERS):
            label = QLabel(f"{self.tr(text)}: 0")
            self.counter_labels[key] = label
            counters.addWidget(label, index // 4, index % 4)
        self.polls = QLabel(self.tr("Polls: {count}").format(count=0))
        counters.addWidget(self.polls, len(COUNTERS) // 4, len(COUNTERS) % 4)
        counters.setColumnStretch(4, 1)
        self.layout_.addLayout(counters)

        bar = QHBoxLayout()
        self.follow = QCheckBox(self.tr("Follow new frames"))
        self.follow.setChecked(True)
        copy = QPushButton(self.tr("Copy"))
        copy.setToolTip(self.tr("Copy the selected frames (all frames when none is selected)."))
        copy.clicked.connect(self.copy)
        save = QPushButton(self.tr("Save…"))
        save.clicked.connect(self._ask_save)
        clear = QPushButton(self.tr("Clear"))
        clear.clicked.connect(self.clear)
        self.bundle_button = QPushButton(self.tr("Save support bundle…"))
        self.bundle_button.setToolTip(self.tr(
            "The meter's raw answers (every register block or M-Bus telegram), this traffic "
            "and the versions, in one file to send for support; the configurator's simulator "
            "can replay it as that meter. The PIN is never in it."))
        self.bundle_button.clicked.connect(self._ask_bundle)
        self.layout_.addWidget(QLabel(self.tr("<b>Traffic</b> (every frame; errors in red)")))
        bar.addStretch(1)  # the controls on their own row: room for long translations
        for widget in (self.follow, copy, save, clear, self.bundle_button):
            bar.addWidget(widget)
        self.layout_.addLayout(bar)
        self.model = TrafficModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.setWordWrap(False)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 360)
        header.setStretchLastSection(True)
        font = self.view.font()
        font.setFamily("monospace")
        self.view.setFont(font)
        self.layout_.addWidget(self.view, 1)
        self._seen = -1
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        controller.status.connect(self.show_status)
        controller.identity_changed.connect(self.show_status)
        if controller.identity is not None:
            self.show_status(controller.identity)

    def refresh(self) -> None:
        """Counters and new frames (only while visible)."""
        counters = self.controller.link_counters()
        for key, label in self.counter_labels.items():
            text = dict(COUNTERS)[key]
            label.setText(f"{self.tr(text)}: {counters.get(key, 0)}")
            bad = key in ("timeouts", "crc_errors", "exceptions") and counters.get(key, 0)
            label.setStyleSheet("color: #b71c1c; font-weight: 600;" if bad else "")
        self.polls.setText(self.tr("Polls: {count}").format(count=self.controller.poller.polls))
        log = self.controller.traffic
        if log.added != self._seen and self.follow.isChecked():
            self._seen = log.added
            self.model.set_lines(list(log.lines))
            self.view.scrollToBottom()

    def show_status(self, identity: Any) -> None:
        """Directions (R shown loudly) and quadrants; what the link does not carry says so."""
        values = getattr(identity, "values", {})
        transport = self.controller.transport_name
        for phase in PHASES:
            label = self.direction[phase]
            if not carried(f"direction.{phase}", transport):
                label.setText(self.tr("{phase}: not carried over {transport}").format(
                    phase=phase.upper(), transport=TRANSPORT_NAMES.get(transport, transport)))
                label.setStyleSheet(QUIET)
                self.quadrants[phase].setText("")
                continue
            direction = str(values.get(f"direction.{phase}", "?")).upper()
            if direction == "R":
                label.setText(self.tr("{phase}: ← R  EXPORT / REVERSED").format(
                    phase=phase.upper()))
                label.setStyleSheet("background: #c62828; color: white;")
                label.setToolTip(self.tr("A reversed CT, or a generator feeding this phase: the "
                                         "Wiring check page tells them apart."))
            elif direction == "F":
                label.setText(self.tr("{phase}: → F  import").format(phase=phase.upper()))
                label.setStyleSheet("background: #e7f6e9; color: #1b5e20;")
            else:
                label.setText(f"{phase.upper()}: ?")
                label.setStyleSheet("")
            if direction != "R":
                label.setToolTip("")
            quadrant = values.get(f"quadrant.{phase}")
            self.quadrants[phase].setText(self._quadrant(quadrant))
        if carried("quadrant", transport):
            self.quadrant_total.setText(self.tr("Total: {quadrant}").format(
                quadrant=self._quadrant(values.get("quadrant"))))
        else:
            self.quadrant_total.setText(self.tr("Quadrant: not carried over {transport}").format(
                transport=TRANSPORT_NAMES.get(transport, transport)))
        self.quadrant_total.setStyleSheet("" if carried("quadrant", transport) else QUIET)

    def _quadrant(self, quadrant: Any) -> str:
        if quadrant in QUADRANT_MEANING:
            return self.tr(QUADRANT_MEANING[quadrant])
        if quadrant is None:
            return self.tr("quadrant —")
        return self.tr("quadrant {number}").format(number=quadrant)

    def selected_text(self) -> str:
        """Selected frames as text, or all frames."""
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        lines = [self.model.lines[r] for r in rows] if rows else self.model.lines
        return "\n".join(line.as_text() for line in lines)

    def copy(self) -> None:
        """Copy frames to the clipboard."""
        self.refresh_now()
        QGuiApplication.clipboard().setText(self.selected_text())

    def refresh_now(self) -> None:
        """Show every frame seen so far, even when following is off."""
        self._seen = self.controller.traffic.added
        self.model.set_lines(list(self.controller.traffic.lines))

    def save(self, path: str) -> None:
        """Write the whole log as tab-separated text."""
        with open(path, "w", encoding="utf-8") as handle:
            handle.write("time\tdirection\tframe\tmeaning\n")
            handle.write(self.controller.traffic.as_text() + "\n")
        self.controller.message.emit("info", self.tr("Saved the traffic log to {path}.").format(
            path=path))

    def _ask_save(self) -> None:
        dialog = QFileDialog(self, self.tr("Save traffic log"), "",
                             self.tr("Text files (*.txt *.tsv)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(self.save)
        self._dialog = dialog
        dialog.open()

    def _ask_bundle(self) -> None:
        dialog = QFileDialog(self, self.tr("Save support bundle"), "meter.capture.json",
                             self.tr("Support bundles (*.capture.json *.json)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)  # asks before replacing
        dialog.fileSelected.connect(self.save_bundle)
        self._dialog = dialog
        dialog.open()

    def save_bundle(self, path: str) -> None:
        """Capture the meter and this traffic into a support bundle (a tracked task)."""
        self.bundle_button.setEnabled(False)
        self.controller.runner.start("support-bundle", self._save_bundle(path),
                                     restore=lambda: self.bundle_button.setEnabled(True))

    async def _save_bundle(self, path: str) -> None:
        text = await self.controller.save_support_bundle(path)
        self.controller.message.emit("info", self.tr("{summary} Saved to {path}.").format(
            summary=translated(text), path=path))

    def clear(self) -> None:
        """Forget the frames shown so far."""
        self.controller.traffic.clear()
        self.refresh_now()

    def page_shown(self) -> None:
        self.refresh()
        self.timer.start()

    def page_hidden(self) -> None:
        self.timer.stop()
