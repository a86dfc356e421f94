"""Small widgets the pages and the main window share: a label that elides (full text in its
tooltip), a layout that wraps its widgets onto more rows when the window is narrow, and sizes
taken from font metrics instead of pixels."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QPoint,
    QRect,
    QRegularExpression,
    QSize,
    Qt,
)
from PySide6.QtGui import QFontMetrics, QRegularExpressionValidator, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QSizePolicy,
    QStyle,
    QTableWidget,
    QWidget,
)

from ..services.pin import PIN_DIGITS


def pin_edit() -> QLineEdit:
    """The field for the meter password / Bluetooth PIN: hidden, digits only, PIN_DIGITS long
    (manual 6.7.1). The connect and password pages use the same one."""
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(PIN_DIGITS)
    edit.setPlaceholderText("0" * PIN_DIGITS)
    edit.setValidator(QRegularExpressionValidator(
        QRegularExpression(f"[0-9]{{0,{PIN_DIGITS}}}"), edit))
    edit.setMaximumWidth(120)
    return edit


def read_only_table(headers: list[str], fit: tuple[int, ...] = ()) -> QTableWidget:
    """A table the user reads, never edits: `headers` across, no row numbers, the columns in
    `fit` as wide as their contents (the pages set the rest)."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    for column in fit:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return table


def text_width(widget: QWidget, text: str) -> int:
    """Pixels `text` takes in `widget`'s font."""
    return QFontMetrics(widget.font()).horizontalAdvance(text)


def chars_width(widget: QWidget, chars: int) -> int:
    """Pixels `chars` average characters take in `widget`'s font."""
    return QFontMetrics(widget.font()).averageCharWidth() * chars


def age_text(seconds: float) -> str:
    """A duration as a reader wants it: "0.4 s", "12 s", "3 min", "2 h"."""
    if seconds < 10:
        return QCoreApplication.translate("Widgets", "{seconds} s").format(
            seconds=QLocale().toString(seconds, "f", 1))
    if seconds < 120:
        return QCoreApplication.translate("Widgets", "{seconds} s").format(seconds=int(seconds))
    if seconds < 7200:
        return QCoreApplication.translate("Widgets", "{minutes} min").format(
            minutes=int(seconds // 60))
    return QCoreApplication.translate("Widgets", "{hours} h").format(hours=int(seconds // 3600))


class ElidedLabel(QLabel):
    """A one-line label that shows as much of its text as fits, ending in "…", with the
    whole text in its tooltip when it is cut. `full_text()` is what was set."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *,
                 mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight, min_chars: int = 6,
                 tooltip: str = "") -> None:
        super().__init__(parent)
        self._full = ""
        self._mode = mode
        self._min_chars = min_chars
        self._tooltip = tooltip
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def full_text(self) -> str:
        """The whole text (what `text()` shows may be elided)."""
        return self._full

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        """Set the whole text; it is elided to the width the label gets."""
        if text == self._full and self.text():
            return
        self._full = text
        self.updateGeometry()
        self._elide()

    def set_extra_tooltip(self, text: str) -> None:
        """A tooltip shown always (after the full text, when that is cut)."""
        self._tooltip = text
        self._elide()

    def _elide(self) -> None:
        metrics = QFontMetrics(self.font())
        width = self.contentsRect().width()
        shown = metrics.elidedText(self._full, self._mode, width) if width > 0 else self._full
        super().setText(shown)
        tips = [self._full] if shown != self._full else []
        if self._tooltip:
            tips.append(self._tooltip)
        self.setToolTip("\n".join(tips))

    def is_elided(self) -> bool:
        """Whether the text is cut now."""
        return self.text() != self._full

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        margins = self.contentsMargins()
        width = text_width(self, self._full) + margins.left() + margins.right() + 2
        return QSize(width, hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        full = self.sizeHint().width()
        return QSize(min(full, chars_width(self, self._min_chars)), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._elide()


class FlowLayout(QLayout):
    """Lays widgets out left to right and wraps onto the next row when they do not fit
    (the toolbar of a page in a narrow window); a stretch is not supported, spacing is."""

    def __init__(self, parent: QWidget | None = None, spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        width = sum(item.sizeHint().width() for item in self._items)
        width += self._gap() * max(0, len(self._items) - 1)
        height = max((item.sizeHint().height() for item in self._items), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(),
                     height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _gap(self) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        if parent is None:
            return 6
        return parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)

    def _arrange(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        gap = max(0, self._gap())
        rows: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = area.x()
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and rows[-1]:
                rows.append([])
                x = area.x()
            rows[-1].append((item, hint))
            x += hint.width() + gap
        y = area.y()
        for row in rows:
            height = max((hint.height() for _item, hint in row), default=0)
            x = area.x()
            for item, hint in row:
                if move:  # centred in its row: a label beside a combo box
                    item.setGeometry(QRect(QPoint(x, y + (height - hint.height()) // 2), hint))
                x += hint.width() + gap
            y += height + gap
        return max(0, y - gap) - rect.y() + margins.bottom()


__all__ = ["ElidedLabel", "FlowLayout", "age_text", "chars_width", "text_width"]
