"""Meter ▸ Scan the bus: find every meter on a Modbus RTU bus (services/scan.py).

One owner of the bus: a scan needs the whole bus, so it runs as a job of the connection
manager (`ConnectionManager.bus_job`), which closes the meter's connection first (the dialog
says so) and owns the port while it runs; the dialog never opens a port itself. The scan is a
tracked task of the controller's runner ("bus-scan"): Cancel (or closing the window) cancels
it, which closes the port. Frames go to the traffic log like every other transaction. Each
meter found is identified (model, serial) on the same open port; double-click one to connect.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..i18n import QT_TRANSLATE_NOOP, translate
from ..model.domains import IntRange
from ..model.settings import SETTINGS
from ..services.bus import ScannedMeter
from ..services.connection import ConnectionOptions
from ..services.scan import Found, ScanStats
from .messages import translated
from .pages.base import note, set_note
from .tasks import error_text
from .widgets import read_only_table

TASK = "bus-scan"
SCAN_JOB = QT_TRANSLATE_NOOP("Services", "bus scan")


class ScanDialog(QDialog):
    """Address range, progress, Cancel, and the meters found (double-click connects)."""

    connect_requested = Signal(object)  # ConnectionOptions of the meter chosen

    def __init__(self, controller: Any, options: ConnectionOptions,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.options = options.resolved()
        self.meters: list[ScannedMeter] = []
        self.probed = 0
        self.stats: ScanStats | None = None
        self.setWindowTitle(self.tr("Scan the Modbus bus"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        column = QVBoxLayout(self)
        self.where = QLabel(self.tr("Port {port}, {baud} baud, parity {parity}. Change them on "
                                    "the Connect page.").format(
            port=self.options.port or "—", baud=self.options.baudrate,
            parity=translate("Values", str(self.options.parity))))
        self.where.setWordWrap(True)
        column.addWidget(self.where)
        domain = SETTINGS["modbus.address"].domain
        assert isinstance(domain, IntRange)
        grid = QGridLayout()
        self.first = QSpinBox()
        self.last = QSpinBox()
        for box, value in ((self.first, domain.low), (self.last, domain.high)):
            box.setRange(domain.low, domain.high)
            box.setValue(value)
        grid.addWidget(QLabel(self.tr("From address")), 0, 0)
        grid.addWidget(self.first, 0, 1)
        grid.addWidget(QLabel(self.tr("to")), 0, 2)
        grid.addWidget(self.last, 0, 3)
        grid.setColumnStretch(4, 1)
        column.addLayout(grid)
        self.hint = note("", "info")
        column.addWidget(self.hint)
        row = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Start scan"))
        self.start_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.start_button)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        column.addLayout(row)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        column.addWidget(self.progress)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        column.addWidget(self.status)
        self.table = read_only_table([self.tr("Address"), self.tr("Model"),
                                      self.tr("Serial number"), self.tr("Note")], fit=(0, 1, 2))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setToolTip(self.tr("Double-click a meter to connect to it."))
        self.table.itemDoubleClicked.connect(self._chosen)
        column.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        self._explain()

    # -- state ----------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        """Whether a scan is running."""
        return bool(self.controller.runner.running(TASK))

    def _explain(self) -> None:
        if self.options.protocol != "modbus":
            set_note(self.hint, self.tr("The bus scan is for Modbus RTU. Over M-Bus use 'Search "
                                        "bus' on the Connect page; Bluetooth LE meters are "
                                        "found with 'Search' there."), "warning")
            self.start_button.setEnabled(False)
        elif not self.options.port:
            set_note(self.hint, self.tr("Choose a serial port on the Connect page first."),
                     "warning")
            self.start_button.setEnabled(False)
        elif self.controller.state.value != "disconnected":
            set_note(self.hint, self.tr("A scan needs the whole bus: the connection to the "
                                        "meter is closed when the scan starts."), "info")
        else:
            set_note(self.hint, self.tr("Each address gets one short read; an empty address "
                                        "costs a few tens of milliseconds."), "info")

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.first.setEnabled(not running)
        self.last.setEnabled(not running)
        self.progress.setVisible(running or self.progress.value() > 0)

    # -- scanning -------------------------------------------------------------------------
    def start(self) -> None:
        """Close the connection and probe the chosen addresses."""
        first, last = self.first.value(), self.last.value()
        if first > last:
            first, last = last, first
        self.meters, self.probed, self.stats = [], 0, None
        self.table.setRowCount(0)
        self.progress.setRange(0, last - first + 1)
        self.progress.setValue(0)
        self.status.setText(self.tr("Scanning addresses {first}-{last}…").format(
            first=first, last=last))
        self._set_running(True)
        self.controller.runner.start(TASK, self._scan(first, last),
                                     restore=lambda: self._set_running(False),
                                     on_error=self._failed)

    async def _scan(self, first: int, last: int) -> None:
        if not await self.controller.leave_connection():  # unwritten edits: kept
            self.status.setText("")
            return
        self._explain()

        def progress(address: int, found: list[Found]) -> None:
            self.probed = address - first + 1
            self.progress.setValue(self.probed)
            self.status.setText(self.tr("Address {address} ({done} of {total}): {count} "
                                        "found").format(address=address, done=self.probed,
                                                        total=last - first + 1,
                                                        count=len(found)))

        meters, stats = await self.controller.bus_job(
            SCAN_JOB, self.options, lambda bus: bus.scan(first, last, progress))
        self.meters, self.stats = meters, stats
        for meter in meters:
            self._add(meter)
        known = [m for m in meters if m.model is not None]
        if known:
            self.status.setText(self.tr("Found {count} meters at addresses {first}-{last}. "
                                        "Double-click one to connect.").format(
                count=len(known), first=first, last=last))
        else:
            self.status.setText(self.tr("No meter answered at addresses {first}-{last}. Check "
                                        "the wiring (A/B swapped?), the baud rate and the "
                                        "termination.").format(first=first, last=last))

    def _add(self, meter: ScannedMeter) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        cells = [str(meter.address), meter.model.info.title if meter.model else "—",
                 f"{meter.serial:08d}" if meter.serial is not None else "—",
                 translated(meter.note)]
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, meter.address)
            if meter.model is None:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, col, item)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(error_text(exc))

    def cancel(self) -> None:
        """Stop the scan (the port is closed)."""
        if self.running:
            self.controller.runner.cancel(TASK)
            self.status.setText(self.tr("Scan cancelled after {count} addresses.").format(
                count=self.probed))

    def options_for(self, address: int) -> ConnectionOptions:
        """The connection options that reach the meter at `address`."""
        return replace(self.options, address=address)

    def _chosen(self, item: QTableWidgetItem) -> None:
        address = item.data(Qt.ItemDataRole.UserRole)
        if address is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled or self.running:
            return
        self.connect_requested.emit(self.options_for(int(address)))
        self.accept()

    def reject(self) -> None:
        """Close (cancelling a running scan)."""
        self.cancel()
        super().reject()


__all__ = ["ScanDialog", "ScannedMeter"]
