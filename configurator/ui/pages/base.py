"""Registered pages (Picard-style): each declares its name, title, section and order, and is
built only the first time it is opened."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ...i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from ..controller import AppController

SECTIONS = (QT_TRANSLATE_NOOP("Pages", "Meter"), QT_TRANSLATE_NOOP("Pages", "Settings (menu 6.7)"),
            QT_TRANSLATE_NOOP("Pages", "Data"), QT_TRANSLATE_NOOP("Pages", "Tools"))
PAGES: dict[str, type[Page]] = {}


def page_text(text: str) -> str:
    """A page's class-level title, intro or section (marked with QT_TRANSLATE_NOOP("Pages"))
    in the UI language."""
    return translate("Pages", text)


class Page(QWidget):
    """Base class of every sidebar page.

    TITLE and INTRO are marked with QT_TRANSLATE_NOOP("Pages", ...) and translated when shown.
    """

    NAME: ClassVar[str] = ""
    TITLE: ClassVar[str] = ""
    SECTION: ClassVar[str] = "Meter"
    ORDER: ClassVar[int] = 0
    INTRO: ClassVar[str] = ""

    def __init__(self, controller: AppController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(18, 12, 18, 12)
        self.layout_.setSpacing(10)
        title = QLabel(page_text(self.TITLE))
        title.setObjectName("pageTitle")
        self.layout_.addWidget(title)
        if self.INTRO:
            intro = QLabel(page_text(self.INTRO))
            intro.setWordWrap(True)
            intro.setObjectName("pageIntro")
            self.layout_.addWidget(intro)

    def page_shown(self) -> None:
        """Called each time the page becomes the visible one."""

    def page_hidden(self) -> None:
        """Called when another page is shown."""

    def fit_width(self, width: int) -> None:
        """The window gives the page `width` pixels (before it would scroll sideways): a page
        may rearrange itself to fit, e.g. stack its columns."""


def register(cls: type[Page]) -> type[Page]:
    """Class decorator: add a page to the sidebar."""
    if cls.NAME in PAGES:
        raise ValueError(f"page {cls.NAME!r} registered twice")
    PAGES[cls.NAME] = cls
    return cls


def page_classes() -> list[type[Page]]:
    """Registered pages in sidebar order."""
    return sorted(PAGES.values(), key=lambda c: (SECTIONS.index(c.SECTION), c.ORDER))


def note(text: str, kind: str = "info") -> QLabel:
    """A wrapped message box label; kind is info, warning, error or ok (styled in style.py)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName(f"note_{kind}")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setFrameShape(QFrame.Shape.StyledPanel)
    return label


def set_note(label: QLabel, text: str, kind: str = "info") -> None:
    """Change a note's text and kind (and hide it when empty)."""
    label.setText(text)
    label.setObjectName(f"note_{kind}")
    label.style().unpolish(label)
    label.style().polish(label)
    label.setVisible(bool(text))
