"""Checks of what a window shows: text that does not fit its widget, and every visible text and
tooltip (for the test that no setting key or CLI flag reaches the window).

A widget counts as clipped when the text it shows needs more room than it has, measured with
QFontMetrics of the widget's own font (rich text: the document's ideal width; word-wrapped
labels: the height the text needs at the label's width). An ElidedLabel may cut its text on
purpose: it passes when its tooltip carries the whole text. Editable combo boxes scroll their
text like a line edit and are not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QMenu,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionGroupBox,
    QTableView,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from configurator.ui.widgets import ElidedLabel

SLACK = 1  # pixels of rounding allowed


@dataclass(frozen=True)
class Clipped:
    """One widget whose text does not fit."""

    page: str
    cls: str
    name: str
    text: str
    need: int
    have: int

    def __str__(self) -> str:
        return (f"{self.page}: {self.cls} {self.name or '(no name)'} {self.text!r} needs "
                f"{self.need} px, has {self.have}")


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _plain(text: str) -> str:
    """A button's text as drawn: '&&' is '&', a single '&' marks the mnemonic."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _label_need(label: QLabel) -> tuple[int, int, str] | None:
    """(needed, available, dimension) of a label's text, or None when it shows none."""
    text = label.text()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    rect = label.contentsRect()
    margin = 2 * label.margin() + max(0, label.indent())
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text))
    if label.wordWrap():
        need = label.heightForWidth(label.width())
        return need, label.height(), "height"
    if rich:
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        need = int(document.idealWidth() + 0.999)
    else:
        metrics = QFontMetrics(label.font())
        need = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    return need, rect.width() - margin, "width"


def _button_need(button: QAbstractButton) -> tuple[int, int]:
    metrics = QFontMetrics(button.font())
    text = _plain(button.text())
    need = metrics.horizontalAdvance(text)
    style = button.style()
    if isinstance(button, (QCheckBox, QRadioButton)):
        option = QStyleOptionButton()
        option.initFrom(button)
        element = (QStyle.SubElement.SE_CheckBoxContents if isinstance(button, QCheckBox)
                   else QStyle.SubElement.SE_RadioButtonContents)
        have = style.subElementRect(element, option, button).width()
        return need, have
    if not button.icon().isNull():
        need += button.iconSize().width() + 4
    option = QStyleOptionButton()
    option.initFrom(button)
    have = style.subElementRect(QStyle.SubElement.SE_PushButtonContents, option,
                                button).width()
    return need, have


def _combo_need(combo: QComboBox) -> tuple[int, int] | None:
    if combo.isEditable() or not combo.currentText():
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    need = QFontMetrics(combo.font()).horizontalAdvance(combo.currentText())
    if not combo.itemIcon(combo.currentIndex()).isNull():
        need += combo.iconSize().width() + 4
    return need, field.width()


def _group_need(box: QGroupBox) -> tuple[int, int] | None:
    if not box.title():
        return None
    option = QStyleOptionGroupBox()
    box.initStyleOption(option)
    label = box.style().subControlRect(QStyle.ComplexControl.CC_GroupBox, option,
                                       QStyle.SubControl.SC_GroupBoxLabel, box)
    need = QFontMetrics(box.font()).horizontalAdvance(_plain(box.title()))
    return need, min(label.width(), box.width())


def clipped_widgets(root: QWidget, page: str) -> list[Clipped]:
    """Every visible widget under `root` whose text does not fit."""
    found: list[Clipped] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not _shown(widget):
            continue
        cls, name = type(widget).__name__, widget.objectName()
        if isinstance(widget, ElidedLabel):
            if widget.is_elided() and widget.full_text() not in widget.toolTip():
                found.append(Clipped(page, cls, name, widget.full_text(), 0, widget.width()))
            continue
        if isinstance(widget, QLabel):
            result = _label_need(widget)
            if result is not None and result[0] > result[1] + SLACK:
                found.append(Clipped(page, cls, name, widget.text(), result[0], result[1]))
        elif isinstance(widget, (QPushButton, QCheckBox, QRadioButton)) and widget.text():
            need, have = _button_need(widget)
            if need > have + SLACK:
                found.append(Clipped(page, cls, name, widget.text(), need, have))
        elif isinstance(widget, QComboBox):
            combo = _combo_need(widget)
            if combo is not None and combo[0] > combo[1] + SLACK:
                found.append(Clipped(page, cls, name, widget.currentText(), *combo))
        if isinstance(widget, QGroupBox):
            group = _group_need(widget)
            if group is not None and group[0] > group[1] + SLACK:
                found.append(Clipped(page, cls, name, widget.title(), *group))
        if isinstance(widget, QTableWidget):
            found.extend(_clipped_cells(widget, page))
        if isinstance(widget, QTableView) and widget.horizontalHeader().isVisible():
            found.extend(_clipped_headers(widget, page))
    return found


def _clipped_headers(table: QTableView, page: str) -> Iterator[Clipped]:
    """Column headers whose text is cut."""
    header = table.horizontalHeader()
    model = table.model()
    metrics = QFontMetrics(header.font())
    for col in range(header.count()):
        if header.isSectionHidden(col):
            continue
        text = str(model.headerData(col, Qt.Orientation.Horizontal) or "")
        if not text:
            continue
        need = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        have = header.sectionSize(col) - 4  # the style's header margins
        if need > have + SLACK:
            yield Clipped(page, "column header", table.objectName(), text, need, have)


def _clipped_cells(table: QTableWidget, page: str) -> Iterator[Clipped]:
    """Cells whose text is cut (a cell whose tooltip holds its text may be cut)."""
    for row in range(table.rowCount()):
        for col in range(table.columnCount()):
            item = table.item(row, col)
            if item is None or not item.text() or item.text() in (item.toolTip() or ""):
                continue
            if table.isColumnHidden(col) or table.columnSpan(row, col) > 1:
                continue
            metrics = QFontMetrics(item.font())
            need = max(metrics.horizontalAdvance(line) for line in item.text().split("\n"))
            have = table.columnWidth(col) - 2 * (table.style().pixelMetric(
                QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
            if need > have + SLACK:
                yield Clipped(page, "QTableWidget cell", table.objectName(),
                              item.text(), need, have)


# -- texts ---------------------------------------------------------------------------------
def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of every text the window shows or offers as a tooltip: labels, buttons,
    group titles, combo box entries, tabs, table and list cells, and the menus' actions.
    The diagnostics page's frame log is left out: it shows the bus's raw traffic."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() and not isinstance(widget, QMenu):
            continue
        where = f"{type(widget).__name__} {widget.objectName()}".strip()
        if widget.toolTip():
            yield f"{where} tooltip", widget.toolTip()
        if isinstance(widget, ElidedLabel):
            yield where, widget.full_text()
        elif isinstance(widget, (QLabel, QAbstractButton)):
            yield where, widget.text()
        elif isinstance(widget, QGroupBox):
            yield where, widget.title()
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield f"{where} item", widget.itemText(i)
                yield f"{where} item tooltip", str(widget.itemData(
                    i, Qt.ItemDataRole.ToolTipRole) or "")
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield f"{where} tab", widget.tabText(i)
        elif isinstance(widget, QTableWidget):
            for i in range(widget.columnCount()):
                header = widget.horizontalHeaderItem(i)
                if header is not None:
                    yield f"{where} header", header.text()
            for row in range(widget.rowCount()):
                for col in range(widget.columnCount()):
                    item = widget.item(row, col)
                    if item is not None:
                        yield f"{where} cell", item.text()
                        yield f"{where} cell tooltip", item.toolTip()
        elif isinstance(widget, QListWidget):
            for row in range(widget.count()):
                item = widget.item(row)
                yield f"{where} item", item.text()
                yield f"{where} item tooltip", item.toolTip()
        if isinstance(widget, QMenu):
            for action in widget.actions():
                yield f"menu {widget.title()}", action.text()
                yield f"menu {widget.title()} tooltip", action.toolTip()


FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]*")


def internal_words(texts: Iterator[tuple[str, str]], keys: set[str]) -> list[str]:
    """Texts that show a setting key or a CLI flag, as "where: text"."""
    bad = []
    key_pattern = re.compile(r"(?<![\w.])(" + "|".join(re.escape(k) for k in sorted(
        keys, key=len, reverse=True)) + r")(?![\w])")
    for where, text in texts:
        if not text:
            continue
        if FLAG.search(text) or key_pattern.search(text) or "'configurator" in text:
            bad.append(f"{where}: {text}")
    return bad
