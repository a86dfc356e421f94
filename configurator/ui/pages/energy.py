"""Energy registers per direction (rows) and tariff / phase (columns), with OBIS codes (6.8).

The grid is derived from the register keys: `energy.<quantity>.<total|t1..t4|l1..l3>`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from ...i18n import QT_TRANSLATE_NOOP, translate
from ...model.registers import REGISTERS, Register
from .base import Page, register

COLUMNS = ("total", "t1", "t2", "t3", "t4", "l1", "l2", "l3")
HEADERS = (QT_TRANSLATE_NOOP("EnergyPage", "Total"), "T1", "T2", "T3", "T4", "L1", "L2", "L3")


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


@register
class EnergyPage(Page):
    """The energy grid."""

    NAME, SECTION, ORDER = "energy", "Data", 10
    TITLE = QT_TRANSLATE_NOOP("Pages", "Energy")
    INTRO = QT_TRANSLATE_NOOP(
        "Pages", "Energy registers by direction, tariff and phase, refreshed with the polling "
            "interval. The small code under each value is its OBIS code (manual 6.8).")

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.table = QTableWidget(0, len(COLUMNS) + 1)
        self.table.setHorizontalHeaderLabels([self.tr("Energy"), *map(self.tr, HEADERS)])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for col in range(1, len(COLUMNS) + 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.layout_.addWidget(self.table, 1)
        self.cells: dict[str, QTableWidgetItem] = {}
        self.registers: dict[str, Register] = {}
        controller.identity_changed.connect(lambda _i: self.build())
        controller.readings.connect(self.update_values)
        self.build()

    def build(self) -> None:
        """One row per energy quantity of the connected model."""
        registers = REGISTERS.select(groups=["energy"], model=self.controller.model,
                                     transport=self.controller.transport_name)
        quantities = list(dict.fromkeys(split_key(r)[0] for r in registers))
        self.table.setRowCount(len(quantities))
        self.cells, self.registers = {}, {}
        for row, quantity in enumerate(quantities):
            unit = next(r.unit for r in registers if split_key(r)[0] == quantity)
            label = translate("Registers", quantity_label(registers, quantity))
            title = QTableWidgetItem(f"{label} [{unit}]")
            self.table.setItem(row, 0, title)
            for col in range(1, len(COLUMNS) + 1):
                self.table.setItem(row, col, QTableWidgetItem(""))
        for reg in registers:
            quantity, column = split_key(reg)
            item = self.table.item(quantities.index(quantity), COLUMNS.index(column) + 1)
            assert item is not None  # every cell was filled above
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(f"{reg.label} ({reg.key}, 0x{reg.address:04X})"
                            + (f", OBIS {reg.obis}" if reg.obis else ""))
            self.cells[reg.key] = item
            self.registers[reg.key] = reg
            self._set(reg.key, None)
        self.table.resizeRowsToContents()
        for key, value in self.controller.store.latest.items():
            self._set(key, value)

    def _set(self, key: str, value: Any) -> None:
        item = self.cells.get(key)
        if item is None:
            return
        number = QLocale().toString(value, "f", 3) if isinstance(value, float) else "—"
        obis = self.registers[key].obis
        text = f"{number}\n{obis}" if obis else number
        if item.text() != text:
            item.setText(text)

    def value_text(self, key: str) -> str:
        """The shown value of a register (first line of its cell)."""
        return self.cells[key].text().split("\n")[0]

    def obis_text(self, key: str) -> str:
        """The shown OBIS code of a register (second line of its cell)."""
        lines = self.cells[key].text().split("\n")
        return lines[1] if len(lines) > 1 else ""

    def update_values(self, readings: Any) -> None:
        """New readings (skipped while the page is hidden)."""
        if not self.isVisible():
            return
        for reading in readings:
            self._set(reading.register.key, reading.value)

    def page_shown(self) -> None:
        for key, value in self.controller.store.latest.items():
            self._set(key, value)
