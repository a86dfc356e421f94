"""Editors generated from a setting's domain: the widget kind, range, options and unit all
come from the model (settings.py / domains.py), never typed into a page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QLocale, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from ..errors import InvalidValueError
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..model.domains import Choice, Domain, IntRange
from ..model.settings import Setting
from .messages import translated

# The words among the settings' options (domains.py), translated when shown (context "Values").
VALUE_TEXTS = (
    QT_TRANSLATE_NOOP("Values", "on"), QT_TRANSLATE_NOOP("Values", "off"),
    QT_TRANSLATE_NOOP("Values", "button"), QT_TRANSLATE_NOOP("Values", "even"),
    QT_TRANSLATE_NOOP("Values", "none"), QT_TRANSLATE_NOOP("Values", "odd"),
    QT_TRANSLATE_NOOP("Values", "active-reactive"), QT_TRANSLATE_NOOP("Values", "import-export"),
    QT_TRANSLATE_NOOP("Values", "standard"), QT_TRANSLATE_NOOP("Values", "integer"),
)


def local_number(text: str) -> str:
    """A number formatted with '.' shown with the UI locale's decimal separator."""
    point = QLocale().decimalPoint()
    return text.replace(".", point) if point != "." else text


def value_text(item: Setting, value: Any, with_unit: bool = True) -> str:
    """A setting's value as the GUI shows it: option words translated, decimals in the
    locale's format, the unit appended."""
    domain = item.domain
    text = domain.format(value)
    if isinstance(value, str) and isinstance(domain, Choice):
        text = translate("Values", text)
    elif isinstance(value, float):
        text = local_number(text)
    unit = getattr(domain, "unit", "")
    return text + (f" {unit}" if with_unit and unit else "")


EDITOR_CHARS = 18  # an editor is at least this many average characters wide (one column)


def fit_editor(widget: QWidget) -> None:
    """Give an editor its minimum width from the font (so a page's editors line up)."""
    widget.ensurePolished()
    widget.setMinimumWidth(QFontMetrics(widget.font()).averageCharWidth() * EDITOR_CHARS)


def label_of(item: Setting) -> str:
    """A setting's label in the UI language."""
    return translate("Settings", item.label)


def tooltip_of(item: Setting) -> str:
    """The label and help of a setting, translated."""
    help_text = translate("Settings", item.help)
    return label_of(item) + (f"\n{help_text}" if help_text else "")


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
        self.setToolTip(tooltip_of(item))
        self.valueChanged.connect(lambda _v: self.edited.emit())
        fit_editor(self)

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
        for option in domain.options:
            self.addItem(value_text(item, option), option)
        self.setToolTip(tooltip_of(item))
        self.currentIndexChanged.connect(lambda _i: self.edited.emit())
        fit_editor(self)

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
        self.setPlaceholderText(translated(item.domain.describe()))
        self.setToolTip(tooltip_of(item))
        self.textEdited.connect(lambda _t: self.edited.emit())
        fit_editor(self)

    def current(self) -> Any:
        """The parsed value; raises InvalidValueError with the allowed values."""
        return self.item.domain.parse(self.item.key, self.text())

    def set_current(self, value: Any) -> None:
        """Show a value without counting it as an edit."""
        self.blockSignals(True)
        self.setText(self.item.domain.format(value))
        self.blockSignals(False)


EDITORS: dict[str, Callable[[Setting, QWidget | None], QWidget]] = {
    "int": IntEditor, "enum": ChoiceEditor, "text": TextEditor, "ratio": TextEditor}


def make_editor(item: Setting, parent: QWidget | None = None) -> Any:
    """The editor for a setting, chosen by its domain's widget kind."""
    return EDITORS[item.domain.widget](item, parent)


def same_value(domain: Domain, a: Any, b: Any) -> bool:
    """Whether two user values are equal (numbers compared numerically)."""
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and \
            not isinstance(a, bool) and not isinstance(b, bool):
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))
    return bool(a == b)


__all__ = ["ChoiceEditor", "IntEditor", "InvalidValueError", "TextEditor", "fit_editor", "label_of",
           "local_number", "make_editor", "same_value", "tooltip_of", "value_text"]
