"""How old a shown value is: "read 12 s ago", and grey once it is stale.

A value read from the meter stays true only while the link does: `FreshnessLabel` says when a
page's values were read (a one-second timer keeps the words current) and turns grey with
"link down" while the connection is not up. `mark_stale` greys any value label (the style
sheet's `[stale="true"]` rule) and `stale_brush` any table cell.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QWidget

from .widgets import age_text

if TYPE_CHECKING:
    from .controller import AppController

STALE_COLOUR = "#9e9e9e"
TICK_MS = 1000


def mark_stale(widget: QWidget, stale: bool) -> None:
    """Grey a value label out (or back) through its `stale` property."""
    if bool(widget.property("stale")) != stale:
        widget.setProperty("stale", stale)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def is_stale(widget: QWidget) -> bool:
    """Whether a value label is marked stale."""
    return bool(widget.property("stale"))


def stale_brush(stale: bool) -> QBrush:
    """The text colour of a table cell: grey when stale, the palette's otherwise."""
    return QBrush(QColor(STALE_COLOUR)) if stale else QBrush()


class FreshnessLabel(QLabel):
    """ "read 12 s ago" under a page's values; grey, with "link down", while the link is."""

    stale_changed = Signal(bool)

    def __init__(self, controller: AppController, parent: QWidget | None = None, *,
                 only_when_stale: bool = False) -> None:
        super().__init__(parent)
        self.controller = controller
        self.only_when_stale = only_when_stale  # live values: their age matters once stale
        self.setObjectName("freshness")
        self.read_at: float | None = None  # time.monotonic() of the last read
        self._stale = False
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.refresh)
        controller.state_changed.connect(lambda *_a: self.refresh())
        self.setVisible(False)

    @property
    def stale(self) -> bool:
        """Whether the values were read while a link was up that is down now."""
        return self._stale

    def mark_read(self) -> None:
        """The page's values were read just now."""
        self.read_at = time.monotonic()
        self.timer.start()
        self.refresh()

    def forget(self) -> None:
        """No values are shown (another meter, or nothing read yet)."""
        self.read_at = None
        self.timer.stop()
        self.refresh()

    def age(self) -> float | None:
        """Seconds since the values were read."""
        return None if self.read_at is None else time.monotonic() - self.read_at

    def refresh(self) -> None:
        """Words and colour for now."""
        age = self.age()
        stale = age is not None and not self.controller.connected
        if age is None:
            self.setText("")
        elif stale:
            self.setText(self.tr("⚠ Link down: read {age} ago").format(age=age_text(age)))
        else:
            self.setText(self.tr("Read {age} ago").format(age=age_text(age)))
        self.setVisible(age is not None and (stale or not self.only_when_stale))
        mark_stale(self, stale)
        if stale != self._stale:
            self._stale = stale
            self.stale_changed.emit(stale)


__all__ = ["FreshnessLabel", "is_stale", "mark_stale", "stale_brush"]
