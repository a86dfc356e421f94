"""The main window: a sidebar of registered pages (built lazily), a banner, a status bar."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QActionGroup, QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..i18n import LANGUAGES
from ..resources import resource_path
from ..services.link import LinkState
from .controller import AppController
from .language import chosen_language, effective_language, set_chosen_language
from .pages import load_pages
from .pages.base import Page, page_classes, page_text

PAGE_ROLE = Qt.ItemDataRole.UserRole + 1


def page_icon(name: str) -> QIcon | None:
    """The sidebar icon of a page (resources/icons/pages/<name>.svg), if there is one."""
    path = resource_path("icons", "pages", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else None


class MainWindow(QMainWindow):
    """Sidebar + pages; the banner shows a lost link and a reversed current transformer."""

    closed = Signal()

    def __init__(self, controller: AppController) -> None:
        super().__init__()
        load_pages()
        self.controller = controller
        self.setWindowTitle(self.tr("WAGO 879-30xx Meter Configurator {version}").format(
            version=__version__))
        self.resize(1280, 820)
        self.pages: dict[str, Page] = {}
        self._placeholders: dict[str, QWidget] = {}
        self._shutdown_done = False
        self._shutdown_task: asyncio.Task[None] | None = None

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(210)
        row.addWidget(self.sidebar)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setMargin(8)
        self.banner.setVisible(False)
        self.reversed_banner = QLabel()
        self.reversed_banner.setObjectName("banner_reversed")
        self.reversed_banner.setWordWrap(True)
        self.reversed_banner.setMargin(8)
        self.reversed_banner.setVisible(False)
        self.stack = QStackedWidget()
        right.addWidget(self.banner)
        right.addWidget(self.reversed_banner)
        right.addWidget(self.stack, 1)
        row.addLayout(right, 1)
        self.setCentralWidget(central)

        section = None
        for cls in page_classes():
            if section != cls.SECTION:
                section = cls.SECTION
                header = QListWidgetItem(page_text(section).upper())
                header.setFlags(Qt.ItemFlag.NoItemFlags)
                font = header.font()
                font.setBold(True)
                font.setPointSizeF(font.pointSizeF() * 0.85)
                header.setFont(font)
                self.sidebar.addItem(header)
            item = QListWidgetItem(page_text(cls.TITLE))
            item.setData(PAGE_ROLE, cls.NAME)
            icon = page_icon(cls.NAME)
            if icon is not None:
                item.setIcon(icon)
            self.sidebar.addItem(item)
            holder = QWidget()
            self._placeholders[cls.NAME] = holder
            self.stack.addWidget(holder)
        # Wide enough for the longest title in the UI language (German ones are longer).
        self.sidebar.setFixedWidth(max(210, self.sidebar.sizeHintForColumn(0) + 28))
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.currentItemChanged.connect(self._on_sidebar)

        self.state_label = QLabel(self.tr("○ Not connected"))
        self.statusBar().addPermanentWidget(self.state_label)
        self._banner_timer = QTimer(self)
        self._banner_timer.setSingleShot(True)
        self._banner_timer.timeout.connect(self._hide_info_banner)

        controller.state_changed.connect(self._on_state)
        controller.message.connect(self._on_message)
        controller.link_followed.connect(lambda text: self.show_banner(text, "info", 15000))
        controller.status.connect(self._on_status)
        controller.identity_changed.connect(self._on_status)
        self._build_menu()
        self.show_page("connect")

    def _build_menu(self) -> None:
        """View ▸ Language: the system's language or a chosen one (applied at the next start)."""
        view = self.menuBar().addMenu(self.tr("&View"))
        self.language_menu = view.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        group.setExclusive(True)
        self.language_actions = {}
        current = chosen_language(self.controller.recent.settings)
        for code, name in [("", self.tr("System default")), *LANGUAGES.items()]:
            action = self.language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))
            self.language_actions[code] = action

    def choose_language(self, code: str) -> None:
        """Remember the UI language; it applies when the app starts next."""
        settings = self.controller.recent.settings
        set_chosen_language(code, settings)
        self.language_actions[code].setChecked(True)
        name = LANGUAGES.get(effective_language(settings), "English")
        self.show_banner(self.tr("The language changes to {language} when the app is started "
                                 "next.").format(language=name), "info", 15000)

    # -- pages ----------------------------------------------------------------------------
    def page(self, name: str) -> Page:
        """The page called `name`, built now if it was never opened."""
        if name not in self.pages:
            cls = next(c for c in page_classes() if name == c.NAME)
            page = cls(self.controller)
            holder = self._placeholders[name]
            index = self.stack.indexOf(holder)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(holder)
            holder.deleteLater()
            self.pages[name] = page
        return self.pages[name]

    def show_page(self, name: str) -> Page:
        """Make page `name` the visible one (selecting it in the sidebar)."""
        for row in range(self.sidebar.count()):
            item = self.sidebar.item(row)
            if item.data(PAGE_ROLE) == name:
                if self.sidebar.currentItem() is not item:
                    self.sidebar.setCurrentItem(item)  # calls _on_sidebar
                break
        page = self.page(name)
        if self.stack.currentWidget() is not page:
            self._switch_to(page)
        return page

    def _switch_to(self, page: Page) -> None:
        old = self.stack.currentWidget()
        if isinstance(old, Page):
            old.page_hidden()
        self.stack.setCurrentWidget(page)
        page.page_shown()

    def _on_sidebar(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        name = current.data(PAGE_ROLE)
        if name:
            self._switch_to(self.page(name))

    # -- banner and status ----------------------------------------------------------------
    def show_banner(self, text: str, kind: str = "info", timeout_ms: int = 0) -> None:
        """Show the banner (kind: info or lost); info banners can time out."""
        self.banner.setObjectName(f"banner_{kind}")
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)
        self.banner.setText(text)
        self.banner.setVisible(True)
        if timeout_ms:
            self._banner_timer.start(timeout_ms)
        else:
            self._banner_timer.stop()

    def _hide_info_banner(self) -> None:
        if self.banner.objectName() == "banner_info":
            self.banner.setVisible(False)

    def _on_state(self, state: str, text: str) -> None:
        self.state_label.setText({"connected": self.tr("● Connected"),
                                  "connecting": self.tr("… Connecting"),
                                  "lost": self.tr("✖ Connection lost"),
                                  "disconnected": self.tr("○ Not connected")}[state])
        if state == LinkState.LOST.value:
            attempts = self.controller.manager.reconnect_attempts
            tried = self.tr(" (attempt {number})").format(number=attempts) if attempts else ""
            self.show_banner(self.tr("⚠ Connection to the meter lost — reconnecting "
                                     "automatically{attempt}…").format(attempt=tried)
                             + f"\n{text}", "lost")
            self.reversed_banner.setVisible(False)  # stale until the meter answers again
        elif state == LinkState.CONNECTED.value and self.banner.objectName() == "banner_lost":
            self.show_banner(text, "info", 8000)
        elif state == LinkState.DISCONNECTED.value:
            self.banner.setVisible(False)
            self.reversed_banner.setVisible(False)
        self.statusBar().showMessage(text, 10000)

    def _on_message(self, level: str, text: str) -> None:
        self.statusBar().showMessage(text, 15000)
        if level == "error":
            self.show_banner(text, "lost" if "lost" in text.lower() else "info", 15000)

    def _on_status(self, identity: object) -> None:
        values = getattr(identity, "values", {})
        reversed_phases = [p.upper() for p in ("l1", "l2", "l3")
                           if str(values.get(f"direction.{p}", "")).upper() == "R"]
        if reversed_phases:
            phases = ", ".join(reversed_phases)
            self.reversed_banner.setText(self.tr(
                "⚠ REVERSED CURRENT on {phases}: energy flows out of the meter on that phase. "
                "If this is not a generator, a current transformer or the phase wiring is the "
                "wrong way round — check it before trusting the readings.").format(phases=phases))
            self.reversed_banner.setVisible(True)
        else:
            self.reversed_banner.setVisible(False)

    # -- closing --------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Finish writes and close the link before the window goes away."""
        if self._shutdown_done:
            event.accept()
            self.closed.emit()
            return
        event.ignore()
        if self.controller.writes_in_flight:
            self.show_banner(self.tr("Waiting for a write to the meter to finish before "
                                     "closing…"), "info")
        if self._shutdown_task is None:
            self._shutdown_task = asyncio.ensure_future(self._shutdown())

    async def _shutdown(self) -> None:
        try:
            await self.controller.shutdown()
        finally:
            self._shutdown_done = True
            self.close()
