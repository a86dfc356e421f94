"""Bus: every meter of one bus at once, for commissioning a panel of meters.

The page takes the whole bus through the controller (the connection manager owns it,
services/bus.py), finds the meters (the Modbus address scan, or the M-Bus secondary search)
and polls them round-robin (services/bus_poll.BusPoller: one transaction on the line at a
time). The table shows per meter its address, serial number, model, voltage, current and
active power per phase, the wiring verdict of the latest reading and how old that reading is.
A meter that stops answering turns grey with the age of its last answer; it is never dropped
silently. Double-click a meter to connect to it alone and open its pages.

Rows are built once per search and their cells updated in place, so memory stays flat however
long the bus is polled; the age column is refreshed by one timer for all rows.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...i18n import QT_TRANSLATE_NOOP, translate
from ...model.domains import IntRange
from ...model.models import Model
from ...model.settings import SETTINGS
from ...services.bus_poll import BusMember, BusPoller
from ...services.connection import ConnectionOptions
from ..messages import translated
from ..tasks import error_text
from ..verdicts import COLOURS
from .base import Page, note, register, set_note

TASK = "bus-poll"
AGE_REFRESH_MS = 1000
POLL_INTERVAL_S = 1.0  # a round of the bus starts again after this long at the earliest
STALE_COLOUR = "#8a8f98"  # grey: the figures shown are old
DEFAULT_LAST_ADDRESS = 32  # the scan's default range: 1-32, the meters a segment takes
PHASE_COLUMNS = (("voltage", QT_TRANSLATE_NOOP("BusPage", "U L1/L2/L3 (V)"), 0),
                 ("current", QT_TRANSLATE_NOOP("BusPage", "I L1/L2/L3 (A)"), 2),
                 ("power.active", QT_TRANSLATE_NOOP("BusPage", "P L1/L2/L3 (kW)"), 2))
COLUMNS = (QT_TRANSLATE_NOOP("BusPage", "Address"), QT_TRANSLATE_NOOP("BusPage", "Serial no."),
           QT_TRANSLATE_NOOP("BusPage", "Model"), *(title for _k, title, _d in PHASE_COLUMNS),
           QT_TRANSLATE_NOOP("BusPage", "Wiring"), QT_TRANSLATE_NOOP("BusPage", "Answered"))
COL_ADDRESS, COL_SERIAL, COL_MODEL, COL_WIRING, COL_AGE = 0, 1, 2, 6, 7


def phase_text(values: dict[str, Any], key: str, decimals: int) -> str:
    """"230.1 / 229.8 / 230.4" (thin spaces: the table fits a small screen) for the three
    phases of `key` ("—" for a value not read)."""
    parts = []
    for phase in ("l1", "l2", "l3"):
        value = values.get(f"{key}.{phase}")
        parts.append(f"{value:.{decimals}f}" if isinstance(value, float) else "—")
    return "\u2009/\u2009".join(parts)


@register
class BusPage(Page):
    """Every meter of the bus in one live table."""

    NAME, SECTION, ORDER = "bus", "Tools", 30
    TITLE = QT_TRANSLATE_NOOP("Pages", "Bus")
    INTRO = QT_TRANSLATE_NOOP(
        "Pages", "Every meter on the bus at once: find them, then watch their readings and "
        "wiring verdicts side by side. Double-click a meter to work on it alone.")

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.poller: BusPoller | None = None
        self.members: list[BusMember] = []
        self.bus_options: ConnectionOptions | None = None
        self.where = QLabel("")
        self.where.setWordWrap(True)
        self.layout_.addWidget(self.where)
        row = QHBoxLayout()
        domain = SETTINGS["modbus.address"].domain
        assert isinstance(domain, IntRange)
        self.first = QSpinBox()
        self.last = QSpinBox()
        for box, value in ((self.first, domain.low), (self.last, DEFAULT_LAST_ADDRESS)):
            box.setRange(domain.low, domain.high)
            box.setValue(value)
        self.range_label = QLabel(self.tr("Addresses"))
        self.to_label = QLabel(self.tr("to"))
        self.start_button = QPushButton(self.tr("Find and watch the meters"))
        self.start_button.setDefault(True)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        for widget in (self.range_label, self.first, self.to_label, self.last,
                       self.start_button, self.stop_button):
            row.addWidget(widget)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.status = note("", "info")
        self.status.setVisible(False)
        self.layout_.addWidget(self.status)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        # Sized to the contents once per round (`_fit_columns`), not on every cell change:
        # ResizeToContents measures every row again at each setText (milliseconds a cell).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._painted: list[tuple[bool, str]] = []  # per row: (stale, tooltip) last painted
        self._verdicts: dict[int, Any] = {}  # per row: the verdict whose colours it shows
        self._fresh_verdict: dict[int, bool] = {}
        for col in range(len(COLUMNS)):  # an empty table shows its headers whole too
            header.resizeSection(col, header.sectionSizeHint(col))
        self.table.setToolTip(self.tr("Double-click a meter to connect to it alone."))
        self.table.itemDoubleClicked.connect(self._chosen)
        self.layout_.addWidget(self.table, 1)
        controller.bus_released.connect(self._released)
        self.age_timer = QTimer(self)
        self.age_timer.setInterval(AGE_REFRESH_MS)
        self.age_timer.timeout.connect(self.refresh_ages)
        self._set_running(False)

    # -- state ------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        """Whether the page is finding or polling the meters."""
        return bool(self.controller.runner.running(TASK)) or (
            self.poller is not None and self.poller.running)

    def _options(self) -> ConnectionOptions:
        window: Any = self.window()
        connect: Any = window.page("connect") if hasattr(window, "page") else None
        if connect is not None:
            return connect.options().resolved()
        return (self.controller.options or ConnectionOptions()).resolved()

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.stop_button.setEnabled(running)
        for widget in (self.first, self.last):
            widget.setEnabled(not running)

    def _show_where(self) -> None:
        options = self.bus_options or self._options()
        modbus = options.protocol == "modbus"
        for widget in (self.range_label, self.first, self.to_label, self.last):
            widget.setVisible(modbus)
        if options.protocol not in ("modbus", "mbus"):
            self.where.setText(self.tr("A bus is a serial line: choose Modbus RTU or M-Bus on "
                                       "the Connect page."))
            self.start_button.setEnabled(False)
            return
        if not options.port:
            self.where.setText(self.tr("Choose a serial port on the Connect page first."))
            self.start_button.setEnabled(False)
            return
        kind = self.tr("Modbus RTU") if modbus else self.tr("M-Bus")
        self.where.setText(self.tr("{kind} on port {port}, {baud} baud, parity {parity}. "
                                   "Change them on the Connect page.").format(
            kind=kind, port=options.port, baud=options.baudrate,
            parity=translate("Values", str(options.parity))))
        self.start_button.setEnabled(not self.running)

    def page_shown(self) -> None:
        self._show_where()
        self.refresh_ages()
        self.age_timer.start()

    def page_hidden(self) -> None:
        self.age_timer.stop()  # polling goes on: the bus stays with this page

    # -- finding and polling ----------------------------------------------------------------
    def start(self) -> None:
        """Take the bus, find its meters and poll them round-robin."""
        options = self._options()
        self.bus_options = options
        self._set_running(True)
        first, last = sorted((self.first.value(), self.last.value()))
        set_note(self.status, self.tr("Looking for meters on the bus…"), "info")
        self.controller.runner.start(TASK, self._find(options, first, last),
                                     restore=self._found_done, on_error=self._failed)

    async def _find(self, options: ConnectionOptions, first: int, last: int) -> None:
        if not await self.controller.leave_connection():  # unwritten edits: kept
            set_note(self.status, self.tr("Not started: the connected meter has edits not "
                                          "yet written."), "info")
            return
        await self._stop_poller()
        bus = await self.controller.open_bus(options)
        if options.protocol == "mbus":
            found, _stats = await bus.search(self._search_progress)
            members = [BusMember(hit.primary, hit.secondary, model=hit.model)
                       for hit in found if hit.secondary is not None and hit.model is not None]
        else:
            meters, _stats = await bus.scan(first, last, self._scan_progress(first, last))
            members = [BusMember(m.address, model=m.model, serial=m.serial, identity=m.identity)
                       for m in meters if m.model is not None]
        self.members = members
        self._build_rows()
        if not members:
            set_note(self.status, self.tr("No meter answered on this bus. Check the wiring (A/B "
                                          "swapped?), the baud rate and the termination."),
                     "error")
            await self.controller.close_bus()
            return
        self.poller = BusPoller(bus, members, on_update=self._update, on_round=self._round,
                                on_closed=self._closed, interval=POLL_INTERVAL_S)
        self.controller.bus_poller = self.poller  # stopped with the bus, and at shutdown
        self.poller.start()
        self._round(0)

    def _found_done(self) -> None:
        self._set_running(self.running)

    def _scan_progress(self, first: int, last: int) -> Any:
        def progress(address: int, found: list[Any]) -> None:
            set_note(self.status, self.tr("Looking for meters: address {address} of {first}-"
                                          "{last}, {count} found").format(
                address=address, first=first, last=last, count=len(found)), "info")
        return progress

    def _search_progress(self, pattern: str, found: list[Any]) -> None:
        set_note(self.status, self.tr("Searching secondary addresses {pattern}: {count} "
                                      "found").format(pattern=pattern, count=len(found)), "info")

    def _failed(self, exc: BaseException) -> None:
        set_note(self.status, error_text(exc), "error")
        self._set_running(False)

    def _round(self, rounds: int) -> None:
        poller = self.poller
        if poller is None:
            return
        self._fit_columns()
        stale = sum(1 for m in self.members if poller.stale(m))
        text = self.tr("Watching {count} meters, one after the other: round {round}.").format(
            count=len(self.members), round=rounds)
        if stale:
            text += " " + self.tr("{stale} not answering (grey).").format(stale=stale)
        set_note(self.status, text, "warning" if stale else "ok")

    def _closed(self) -> None:
        """The bus was given to someone else (a meter was connected): polling ended."""
        self.poller = None
        set_note(self.status, self.tr("Stopped: the bus was handed to a single meter's "
                                      "connection."), "info")
        self._set_running(False)
        self.refresh_ages()

    def _released(self) -> None:
        """The controller stopped this page's polling (a meter is being connected)."""
        if self.poller is not None:
            self._closed()

    async def _stop_poller(self) -> None:
        poller, self.poller = self.poller, None
        if poller is not None:
            await poller.stop()
        await self.controller.stop_bus_poller()

    def stop(self) -> None:
        """Stop polling and give the bus back."""
        self.controller.runner.cancel(TASK)
        self.controller.runner.start("bus-stop", self._stop(), restore=self._found_done)

    async def _stop(self) -> None:
        await self._stop_poller()
        await self.controller.close_bus()
        set_note(self.status, self.tr("Stopped. The figures shown are the last ones read."),
                 "info")
        self.refresh_ages()

    # -- the table --------------------------------------------------------------------------
    def _fit_columns(self) -> None:
        """Columns as wide as their widest text (header included); never narrower, so the
        table does not jitter as figures change."""
        header = self.table.horizontalHeader()
        for col in range(len(COLUMNS) - 1):
            wanted = max(self.table.sizeHintForColumn(col), header.sectionSizeHint(col))
            if wanted > header.sectionSize(col):
                header.resizeSection(col, wanted)

    def _build_rows(self) -> None:
        self._painted = [(False, "")] * len(self.members)
        self._verdicts, self._fresh_verdict = {}, {}
        header = self.table.horizontalHeader()
        for col in range(len(COLUMNS)):
            header.resizeSection(col, header.sectionSizeHint(col))
        self.table.setRowCount(len(self.members))
        for row, member in enumerate(self.members):
            for col in range(len(COLUMNS)):
                item = QTableWidgetItem("—")
                item.setData(Qt.ItemDataRole.UserRole, row)
                if 3 <= col < COL_WIRING:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
            self._update(member)
        self._fit_columns()

    def _row_of(self, member: BusMember) -> int:
        for row, known in enumerate(self.members):
            if known is member:
                return row
        return -1

    def _model_text(self, model: Model | None) -> str:
        if model is None:
            return "—"
        if self.bus_options is not None and self.bus_options.protocol == "mbus" \
                and model is not Model.PUCT2:
            return self.tr("4PU or 4PS")  # the M-Bus telegram does not tell them apart
        return model.info.title.partition(" ")[2] or model.info.title  # "2PU CT": narrow

    def _update(self, member: BusMember) -> None:
        """One meter's row from its latest poll."""
        row = self._row_of(member)
        if row < 0:
            return
        address = str(member.address) if member.address is not None else "—"
        if member.secondary:
            address = self.tr("{primary} · secondary {secondary}").format(
                primary=address, secondary=member.secondary)
        self._set(row, COL_ADDRESS, address)
        self._set(row, COL_SERIAL, f"{member.serial:08d}" if member.serial is not None
                  else (member.secondary or "—"))
        self._set(row, COL_MODEL, self._model_text(member.model))
        model_item = self.table.item(row, COL_MODEL)
        if model_item is not None and member.model is not None:
            model_item.setData(Qt.ItemDataRole.ToolTipRole, member.model.info.title)
        for col, (key, _title, decimals) in enumerate(PHASE_COLUMNS, start=3):
            self._set(row, col, phase_text(member.values, key, decimals))
        verdict = member.verdict
        self._set(row, COL_WIRING, translated(verdict.word) if verdict is not None else "—")
        if verdict is not self._verdicts.get(row):
            self._verdicts[row] = verdict
            self._fresh_verdict[row] = True  # its colours are painted below
        self._paint_age(row, member, time.monotonic())

    def _set(self, row: int, col: int, text: str) -> None:
        item = self.table.item(row, col)
        if item is not None and item.text() != text:
            item.setText(text)

    def refresh_ages(self) -> None:
        """Every row's age, and grey for the meters whose figures are old."""
        now = time.monotonic()
        for row, member in enumerate(self.members):
            self._paint_age(row, member, now)

    def is_stale(self, member: BusMember) -> bool:
        """Whether `member` shows grey: it stopped answering, or polling has stopped."""
        return self.poller is None or self.poller.stale(member)

    def _paint_age(self, row: int, member: BusMember, now: float) -> None:
        age = member.age(now)
        stale = self.is_stale(member)
        if age is None:
            text = self.tr("no answer yet")
        elif age < 1.0:
            text = self.tr("now")
        else:
            text = self.tr("{seconds} s ago").format(seconds=int(age))
        if stale and member.misses:
            text = "⚠ " + text  # not by colour alone: the tooltip and status line say why
        self._set(row, COL_AGE, text)
        tip = translated(member.error) if member.error is not None else ""
        if stale and member.misses:
            tip = self.tr("not answering") + (": " + tip if tip else "")
        if row < len(self._painted) and self._painted[row] == (stale, tip) \
                and not self._fresh_verdict.pop(row, False):
            return  # colours and tooltips as painted: each change costs the view a relayout
        if row < len(self._painted):
            self._painted[row] = (stale, tip)
        grey = QBrush(QColor(STALE_COLOUR)) if stale else QBrush()
        for col in range(len(COLUMNS)):
            item = self.table.item(row, col)
            if item is None:
                continue
            verdict = self._verdicts.get(row)
            if col == COL_WIRING and verdict is not None and not stale:
                text_colour, back = COLOURS[verdict]
                item.setForeground(QBrush(QColor(text_colour)))
                item.setBackground(QBrush(QColor(back)))
            else:
                item.setForeground(grey)
                if col == COL_WIRING:
                    item.setBackground(QBrush())
            if tip or col != COL_MODEL:  # the model cell keeps its full name otherwise
                item.setToolTip(tip)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole,
                         self.tr("not answering") if stale else "")

    # -- opening one meter ------------------------------------------------------------------
    def options_for(self, member: BusMember) -> ConnectionOptions:
        """The connection options that reach `member` on its own."""
        from dataclasses import replace

        options = self.bus_options or self._options()
        if options.protocol == "mbus":
            return replace(options, device=member.secondary, address=member.address
                           if member.address is not None else options.address)
        return replace(options, address=member.address)

    def _chosen(self, item: QTableWidgetItem) -> None:
        row = item.data(Qt.ItemDataRole.UserRole)
        if row is None or not 0 <= int(row) < len(self.members):
            return
        self.open_one(self.members[int(row)])

    def open_one(self, member: BusMember) -> asyncio.Task[None]:
        """Stop polling the bus and connect to `member` alone (its pages follow the
        connection), once the controller's check for unwritten edits lets it."""
        return self.controller.runner.start("bus-open", self._open(self.options_for(member)))

    async def _open(self, options: ConnectionOptions) -> None:
        if not await self.controller.leave_connection():  # the user chose to stay
            return
        self.controller.runner.cancel(TASK)
        await self._stop_poller()
        await self.controller.close_bus()
        set_note(self.status, self.tr("Connecting to the meter at {where}…").format(
            where=translated(options.describe())), "info")
        self._set_running(False)
        self.refresh_ages()
        window: Any = self.window()
        if hasattr(window, "connect_to"):
            window.connect_to(options)  # the Connect page connects and shows who it is
        else:
            await self.controller.connect(options)
