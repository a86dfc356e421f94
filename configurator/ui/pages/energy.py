"""Energy registers: one row each, grouped by quantity, with the value, its unit and its OBIS
code in a column of its own (manual 6.8), so that a value and a code are never confused.

The rows are every energy register the connected model has (from the register table), over
any protocol; the values are whatever the session's `read_measurements` returns. Registers the
connection does not carry (M-Bus's RSP_UD holds fewer than Modbus) say so in their row, and a
note above the table counts them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QTableWidgetItem,
    QWidget,
)

from ...i18n import QT_TRANSLATE_NOOP, translate
from ...model.registers import REGISTERS, Register
from ...model.settings import TRANSPORT_NAMES
from ..freshness import FreshnessLabel, stale_brush
from ..widgets import read_only_table
from .base import Page, note, register, set_note

COLUMNS = ("total", "t1", "t2", "t3", "t4", "l1", "l2", "l3")
PART_TEXT = {"total": QT_TRANSLATE_NOOP("EnergyPage", "Total")}
COL_QUANTITY, COL_PART, COL_VALUE, COL_UNIT, COL_OBIS = range(5)
GREY = QColor("#6b6b6b")


def split_key(reg: Register) -> tuple[str, str]:
    """(quantity, column) of an energy register key."""
    head, _, tail = reg.key.rpartition(".")
    if tail in COLUMNS:
        return head, tail
    return reg.key, "total"


def quantity_label(registers: list[Register], quantity: str) -> str:
    """The row title: the total register's label without a trailing tariff/phase."""
    for reg in registers:
        if split_key(reg) == (quantity, "total"):
            return reg.label
    first = next(r for r in registers if split_key(r)[0] == quantity)
    return first.label.rsplit(" ", 1)[0]


def energy_registers(model: Any) -> list[Register]:
    """Every energy register of a model, whatever the transport: grouped by quantity (in the
    order the table first names them), then total, tariffs, phases."""
    registers = REGISTERS.select(groups=["energy"], model=model)
    first: dict[str, int] = {}
    for index, reg in enumerate(registers):
        first.setdefault(split_key(reg)[0], index)
    return sorted(registers, key=lambda r: (first[split_key(r)[0]],
                                            COLUMNS.index(split_key(r)[1])))


@register
class EnergyPage(Page):
    """The energy registers."""

    NAME, SECTION, ORDER = "energy", "Data", 10
    TITLE = QT_TRANSLATE_NOOP("Pages", "Energy")
    INTRO = QT_TRANSLATE_NOOP(
        "Pages", "Every energy register by direction, tariff and phase, refreshed with the "
            "polling interval; the OBIS code (manual 6.8) has its own column.")

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.carried_note = note("", "info")
        self.carried_note.setVisible(False)
        self.layout_.addWidget(self.carried_note)
        self.freshness = FreshnessLabel(controller, only_when_stale=True)
        self.layout_.addWidget(self.freshness)
        self.table = read_only_table([self.tr("Energy"), self.tr("Register"), self.tr("Value"),
                                      self.tr("Unit"), "OBIS"],
                                     fit=(COL_PART, COL_VALUE, COL_UNIT, COL_OBIS))
        header = self.table.horizontalHeader()
        # The quantity spans its rows, and Qt leaves spanned cells out of ResizeToContents:
        # this column is sized from its titles (build()).
        header.setSectionResizeMode(COL_QUANTITY, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(int(self.table.fontMetrics().lineSpacing() * 1.5))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.layout_.addWidget(self.table, 1)
        self.value_font = QFont(self.table.font())
        self.value_font.setFamily("monospace")
        self.value_font.setStyleHint(QFont.StyleHint.Monospace)
        self.obis_font = QFont(self.table.font())
        self.obis_font.setPointSizeF(self.obis_font.pointSizeF() * 0.85)
        self.cells: dict[str, QTableWidgetItem] = {}
        self.obis_cells: dict[str, QTableWidgetItem] = {}
        self.registers: dict[str, Register] = {}
        self.carried: set[str] | None = None  # keys the session returned (None: no reading yet)
        self.stale = False  # values shown while the link is down: greyed
        controller.identity_changed.connect(lambda _i: self.build())
        controller.readings.connect(self.update_values)
        controller.state_changed.connect(lambda *_a: self.show_stale())
        self.build()

    def show_stale(self) -> None:
        """Grey the values while the link is down: the meter may no longer count so."""
        stale = not self.controller.connected and any(
            item.text() != "—" for item in self.cells.values())
        self.stale = stale
        carried = self.carried or set()
        for key, item in self.cells.items():
            if key in carried:
                item.setForeground(stale_brush(stale))

    # -- building -------------------------------------------------------------------------
    def build(self) -> None:
        """One row per energy register of the connected model, grouped by quantity."""
        registers = energy_registers(self.controller.model)
        self.carried = None
        self.table.clearSpans()
        self.table.setRowCount(len(registers))
        self.cells, self.obis_cells, self.registers = {}, {}, {}
        group_start, group = 0, None
        for row, reg in enumerate(registers):
            quantity, part = split_key(reg)
            if quantity != group:
                self._span(group_start, row)
                group, group_start = quantity, row
                title = QTableWidgetItem(translate("Registers", quantity_label(registers,
                                                                               quantity)))
                bold = QFont(self.table.font())
                bold.setBold(True)
                title.setFont(bold)
                title.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.table.setItem(row, COL_QUANTITY, title)
            part_text = translate("EnergyPage", PART_TEXT[part]) if part in PART_TEXT \
                else part.upper()
            self.table.setItem(row, COL_PART, QTableWidgetItem(part_text))
            value = QTableWidgetItem("—")
            value.setFont(self.value_font)
            value.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setToolTip(translate("Registers", reg.label))
            self.table.setItem(row, COL_VALUE, value)
            self.table.setItem(row, COL_UNIT, QTableWidgetItem(reg.unit))
            obis = QTableWidgetItem(reg.obis or "")
            obis.setFont(self.obis_font)
            obis.setForeground(QBrush(GREY))
            if reg.obis:
                obis.setToolTip(self.tr("OBIS code {code}").format(code=reg.obis))
            self.table.setItem(row, COL_OBIS, obis)
            self.cells[reg.key] = value
            self.obis_cells[reg.key] = obis
            self.registers[reg.key] = reg
        self._span(group_start, len(registers))
        self.table.resizeColumnsToContents()
        titles = [self.table.item(r, COL_QUANTITY) for r in range(self.table.rowCount())]
        widths = [QFontMetrics(t.font()).horizontalAdvance(t.text()) for t in titles if t]
        padding = 2 * self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 8
        self.table.horizontalHeader().resizeSection(
            COL_QUANTITY, max([*widths, self.table.horizontalHeader().sectionSizeHint(0)])
            + padding)
        set_note(self.carried_note, "", "info")
        latest = self.controller.store.latest
        if latest:
            self._show(latest)

    def _span(self, first: int, end: int) -> None:
        if end - first > 1:
            self.table.setSpan(first, COL_QUANTITY, end - first, 1)

    # -- values ---------------------------------------------------------------------------
    def _number(self, value: Any) -> str:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return "—"
        return QLocale().toString(float(value), "f", 3)

    def _show(self, values: dict[str, Any]) -> None:
        """Put values in their rows; registers the session did not return say so."""
        first = self.carried is None
        carried = {key for key in values if key in self.cells}
        self.carried = carried if self.carried is None else self.carried | carried
        for key, value in values.items():
            item = self.cells.get(key)
            if item is None:
                continue
            text = self._number(value)
            if item.text() != text:
                item.setText(text)
                item.setForeground(stale_brush(self.stale))
        if first:
            self._mark_not_carried()
            self.table.resizeColumnToContents(COL_VALUE)

    def _mark_not_carried(self) -> None:
        missing = [key for key in self.cells if key not in (self.carried or set())]
        where = TRANSPORT_NAMES.get(self.controller.transport_name,
                                    self.controller.transport_name)
        text = self.tr("not carried over {transport}").format(transport=where)
        for key in missing:
            item = self.cells[key]
            item.setText(text)
            item.setForeground(QBrush(GREY))
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            item.setFont(self.table.font())
        if missing:
            set_note(self.carried_note, self.tr(
                "{transport} carries {carried} of this meter's {total} energy registers; the "
                "others are read over Modbus RTU.").format(
                    transport=where, carried=len(self.cells) - len(missing),
                    total=len(self.cells)), "info")

    def value_text(self, key: str) -> str:
        """The shown value of a register."""
        return self.cells[key].text()

    def obis_text(self, key: str) -> str:
        """The shown OBIS code of a register (its own column)."""
        return self.obis_cells[key].text()

    def not_carried(self) -> list[str]:
        """Keys of the registers this connection does not carry (after the first reading)."""
        return [key for key in self.cells if self.carried is not None
                and key not in self.carried]

    def update_values(self, readings: Any) -> None:
        """New readings (skipped while the page is hidden)."""
        self.freshness.mark_read()
        if not self.isVisible():
            return
        self._show({reading.register.key: reading.value for reading in readings})

    def page_shown(self) -> None:
        latest = self.controller.store.latest
        if latest:
            self._show(latest)
