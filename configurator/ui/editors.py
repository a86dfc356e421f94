"""Editors generated from a setting's domain: the widget kind, range, options and unit all
come from the model (settings.py / domains.py), never typed into a page.

Every editor follows `SettingEditor`: besides showing a value it has an UNKNOWN state (no
value read, e.g. a write-only setting over M-Bus, or nothing read yet). An unknown editor is
empty with the placeholder "unknown" and `current()` returns `UNKNOWN`: no pretend value is
shown, and nothing is written for it until the user sets one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, QLocale, Signal, SignalInstance
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


class _Unknown:
    """The value of an editor that shows no value (see `SettingEditor`)."""

    _instance: _Unknown | None = None

    def __new__(cls) -> _Unknown:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __bool__(self) -> bool:
        return False


UNKNOWN: Any = _Unknown()  # `current()` of an editor in the unknown state


def unknown_text() -> str:
    """The placeholder of an editor (or a readout) whose value is not known."""
    return QCoreApplication.translate("Editors", "unknown")


@runtime_checkable
class SettingEditor(Protocol):
    """What a settings page needs of an editor (IntEditor, ChoiceEditor, TextEditor)."""

    item: Setting
    edited: SignalInstance  # the user changed the value (never emitted by set_current)

    def current(self) -> Any:
        """The edited value checked by the domain, or UNKNOWN; raises InvalidValueError."""

    def set_current(self, value: Any) -> None:
        """Show a known value without counting it as an edit."""

    def set_unknown(self) -> None:
        """Show no value (placeholder "unknown") without counting it as an edit."""

    def is_unknown(self) -> bool:
        """Whether the editor shows no value now."""

    def raw_text(self) -> str:
        """What the editor shows, as typed (for a value that does not parse)."""

    def widget(self) -> QWidget:
        """The editor as a widget (for the layout, enabling and styling)."""


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
        self.domain = domain
        self.setRange(domain.low, domain.high)
        if domain.unit:
            self.setSuffix(f" {domain.unit}")
        self.setToolTip(tooltip_of(item))
        self.valueChanged.connect(lambda _v: self.edited.emit())
        fit_editor(self)
        self.set_unknown()

    def current(self) -> Any:
        """The edited value (checked by the domain), or UNKNOWN."""
        if self.is_unknown():
            return UNKNOWN
        return self.item.domain.check(self.item.key, self.value())

    def set_current(self, value: Any) -> None:
        """Show a value without counting it as an edit."""
        self.blockSignals(True)
        self.setSpecialValueText("")
        self.setMinimum(self.domain.low)
        self.setValue(int(value))
        self.blockSignals(False)

    def set_unknown(self) -> None:
        """One step below the range stands for "unknown" (the first step up is the lowest
        value); the user may step back to it to leave the setting as it is."""
        self.blockSignals(True)
        self.setMinimum(self.domain.low - 1)
        self.setSpecialValueText(unknown_text())
        self.setValue(self.domain.low - 1)
        self.blockSignals(False)

    def is_unknown(self) -> bool:
        """Whether no value is shown."""
        return bool(self.specialValueText()) and self.value() == self.minimum()

    def raw_text(self) -> str:
        """The text shown."""
        return self.text()

    def widget(self) -> QWidget:
        """The spin box itself."""
        return self


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
        self.setPlaceholderText(unknown_text())
        self.setToolTip(tooltip_of(item))
        self.currentIndexChanged.connect(lambda _i: self.edited.emit())
        fit_editor(self)
        self.set_unknown()

    def current(self) -> Any:
        """The selected option, or UNKNOWN when none is."""
        if self.is_unknown():
            return UNKNOWN
        return self.item.domain.check(self.item.key, self.currentData())

    def set_unknown(self) -> None:
        """Select nothing: the placeholder "unknown" shows."""
        self.blockSignals(True)
        self.setCurrentIndex(-1)
        self.blockSignals(False)

    def is_unknown(self) -> bool:
        """Whether no option is selected."""
        return self.currentIndex() < 0

    def raw_text(self) -> str:
        """The option's text shown."""
        return self.currentText()

    def widget(self) -> QWidget:
        """The drop-down itself."""
        return self

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
        self.allowed = str(translated(item.domain.describe()))
        self.setPlaceholderText(self.allowed)
        self.setToolTip(tooltip_of(item) + f"\n{self.allowed}")
        self.textEdited.connect(lambda _t: self.edited.emit())
        fit_editor(self)
        self.set_unknown()

    def current(self) -> Any:
        """The parsed value, UNKNOWN while empty; raises InvalidValueError with the allowed
        values."""
        if self.is_unknown():
            return UNKNOWN
        return self.item.domain.parse(self.item.key, self.text())

    def set_current(self, value: Any) -> None:
        """Show a value without counting it as an edit."""
        self.blockSignals(True)
        self.setPlaceholderText(self.allowed)
        self.setText(self.item.domain.format(value))
        self.blockSignals(False)

    def set_unknown(self) -> None:
        """Empty, with the placeholder "unknown"."""
        self.blockSignals(True)
        self.clear()
        self.setPlaceholderText(unknown_text())
        self.blockSignals(False)

    def is_unknown(self) -> bool:
        """Whether nothing is typed."""
        return not self.text().strip()

    def raw_text(self) -> str:
        """The text as typed."""
        return self.text()

    def widget(self) -> QWidget:
        """The line edit itself."""
        return self


EDITORS: dict[str, Callable[[Setting, QWidget | None], QWidget]] = {
    "int": IntEditor, "enum": ChoiceEditor, "text": TextEditor, "ratio": TextEditor}


def make_editor(item: Setting, parent: QWidget | None = None) -> SettingEditor:
    """The editor for a setting, chosen by its domain's widget kind (unknown until a value is
    shown)."""
    editor = EDITORS[item.domain.widget](item, parent)
    assert isinstance(editor, SettingEditor)
    return editor


def same_value(domain: Domain, a: Any, b: Any) -> bool:
    """Whether two user values are equal (numbers compared numerically)."""
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and \
            not isinstance(a, bool) and not isinstance(b, bool):
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))
    return bool(a == b)


__all__ = ["UNKNOWN", "ChoiceEditor", "IntEditor", "InvalidValueError", "SettingEditor",
           "TextEditor", "fit_editor", "label_of", "unknown_text",
           "local_number", "make_editor", "same_value", "tooltip_of", "value_text"]
