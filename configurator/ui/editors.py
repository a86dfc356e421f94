"""Editors generated from a setting's domain: the widget kind, range, options and unit all
come from the model (settings.py / domains.py), never typed into a page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from ..errors import InvalidValueError
from ..model.domains import Choice, Domain, IntRange
from ..model.settings import Setting


class IntEditor(QSpinBox):
    """An IntRange: a spin box with the domain's limits and unit."""

    edited = Signal()

    def __init__(self, item: Setting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        domain = item.domain
        assert isinstance(domain, IntRange)
        self.item = item
        self.setRange(domain.low, domain.high)
        if domain.unit:
            self.setSuffix(f" {domain.unit}")
        self.setToolTip(f"{item.label}: {domain.describe()}")
        self.valueChanged.connect(lambda _v: self.edited.emit())

    def current(self) -> Any:
        """The edited value (checked by the domain)."""
        return self.item.domain.check(self.item.key, self.value())

    def set_current(self, value: Any) -> None:
        """Show a value without counting it as an edit."""
        self.blockSignals(True)
        self.setValue(int(value))
        self.blockSignals(False)


class ChoiceEditor(QComboBox):
    """A Choice: a drop-down of the domain's options."""

    edited = Signal()

    def __init__(self, item: Setting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        domain = item.domain
        assert isinstance(domain, Choice)
        self.item = item
        unit = f" {domain.unit}" if domain.unit else ""
        for option in domain.options:
            self.addItem(domain.format(option) + unit, option)
        self.setToolTip(f"{item.label}: {domain.describe()}")
        self.currentIndexChanged.connect(lambda _i: self.edited.emit())

    def current(self) -> Any:
        """The selected option."""
        return self.item.domain.check(self.item.key, self.currentData())

    def set_current(self, value: Any) -> None:
        """Select a value without counting it as an edit."""
        self.blockSignals(True)
        for i in range(self.count()):
            data = self.itemData(i)
            if data == value or (isinstance(data, (int, float)) and isinstance(value, (int, float))
                                 and abs(float(data) - float(value)) < 1e-9):
                self.setCurrentIndex(i)
                break
        self.blockSignals(False)


class TextEditor(QLineEdit):
    """Any other domain (fixed digits, CT ratio): text parsed by the domain."""

    edited = Signal()

    def __init__(self, item: Setting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setPlaceholderText(item.domain.describe())
        self.setToolTip(f"{item.label}: {item.domain.describe()}")
        self.textEdited.connect(lambda _t: self.edited.emit())

    def current(self) -> Any:
        """The parsed value; raises InvalidValueError with the allowed values."""
        return self.item.domain.parse(self.item.key, self.text())

    def set_current(self, value: Any) -> None:
        """Show a value without counting it as an edit."""
        self.blockSignals(True)
        self.setText(self.item.domain.format(value))
        self.blockSignals(False)


EDITORS: dict[str, type[QWidget]] = {"int": IntEditor, "enum": ChoiceEditor,
                                     "text": TextEditor, "ratio": TextEditor}


def make_editor(item: Setting, parent: QWidget | None = None) -> Any:
    """The editor for a setting, chosen by its domain's widget kind."""
    return EDITORS[item.domain.widget](item, parent)


def same_value(domain: Domain, a: Any, b: Any) -> bool:
    """Whether two user values are equal (numbers compared numerically)."""
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and \
            not isinstance(a, bool) and not isinstance(b, bool):
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))
    return bool(a == b)


__all__ = ["ChoiceEditor", "IntEditor", "InvalidValueError", "TextEditor", "make_editor",
           "same_value"]
