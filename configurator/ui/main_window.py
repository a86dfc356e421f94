"""The main window: a sidebar of registered pages (built lazily), a banner, menus and a status
bar.

Sizes come from the screen and the fonts, never from pixels typed in: the default size fits the
screen's available area, the sidebar is as wide as its longest title, and every page sits in a
scroll area (here, once for all pages), so a small screen scrolls a page rather than cutting it
or pushing the window off the screen.
"""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QIcon,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..i18n import LANGUAGES
from ..resources import resource_path
from ..services.connection import ConnectionOptions
from ..services.link import LinkState
from .confirm import Confirmer
from .controller import AppController, EditsInvalid
from .language import effective_language, set_chosen_language
from .menus import WindowMenus
from .pages import load_pages
from .pages.base import Page, page_classes, page_text
from .pages.settings import written_summary
from .status_bar import StatusBar
from .unwritten import LeaveAsker

PAGE_ROLE = Qt.ItemDataRole.UserRole + 1
PREFERRED_SIZE = QSize(1440, 960)  # enough for every page side by side at a desk
SCREEN_SHARE = 0.92  # of the available screen, at most, for the default size
SIDEBAR_CHARS = 20
COMPACT_SIDEBAR = "QListWidget#sidebar::item { padding: 1px 8px; }"  # a short screen


def page_icon(name: str) -> QIcon | None:
    """The sidebar icon of a page (resources/icons/pages/<name>.svg), if there is one."""
    path = resource_path("icons", "pages", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else None


class SidebarDelegate(QStyledItemDelegate):
    """Draws a title longer than the sidebar's text width on two lines (and makes its row as
    tall as that); the item's text stays the title."""

    def __init__(self, sidebar: Sidebar) -> None:
        super().__init__(sidebar)
        self.sidebar = sidebar

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt override
                        index: Any) -> None:
        super().initStyleOption(option, index)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        text = str(index.data() or "")
        font = index.data(Qt.ItemDataRole.FontRole)
        metrics = QFontMetrics(font if isinstance(font, QFont) else self.sidebar.font())
        width = self.sidebar.text_width()
        wrapped = metrics.boundingRect(QRect(0, 0, width, 10_000),
                                       int(Qt.TextFlag.TextWordWrap), text)
        extra = max(0, wrapped.height() - metrics.height())
        longest = max((metrics.horizontalAdvance(w) for w in text.split()), default=0)
        over = max(0, metrics.horizontalAdvance(text) - max(width, longest))  # a word unbroken
        return QSize(hint.width() - over, hint.height() + extra)


class Sidebar(QListWidget):
    """The page list: as wide as its longest entry in the UI language's font, up to about
    SIDEBAR_CHARS characters; a longer title goes onto two lines."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setItemDelegate(SidebarDelegate(self))

    def text_width(self) -> int:
        """The widest a title may be before it goes onto another line."""
        self.ensurePolished()  # the style sheet's font
        return self.fontMetrics().averageCharWidth() * SIDEBAR_CHARS

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        scrollbar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        width = self.sizeHintForColumn(0) + 2 * self.frameWidth() + scrollbar + 4
        return QSize(width, hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self.sizeHint().width(), super().minimumSizeHint().height())


class PageHost(QScrollArea):
    """Holds one page; scrolls it when the window is smaller than the page needs."""

    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setWidget(page)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(120, 80)  # the page scrolls instead of pushing the window's minimum

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        page = self.widget()
        if isinstance(page, Page):
            page.fit_width(self.viewport().width())
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        page = self.widget()
        if isinstance(page, Page):
            page.fit_width(self.viewport().width())
        super().showEvent(event)


def default_size(window: QWidget) -> QSize:
    """A size that fits the screen's available area (never beyond it)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1280, 820)
    area = screen.availableGeometry()
    return QSize(min(PREFERRED_SIZE.width(), int(area.width() * SCREEN_SHARE)),
                 min(PREFERRED_SIZE.height(), int(area.height() * SCREEN_SHARE)))


class MainWindow(QMainWindow):
    """Sidebar + pages; the banner shows a lost link and a reversed current transformer."""

    closed = Signal()

    def __init__(self, controller: AppController) -> None:
        super().__init__()
        load_pages()
        self.controller = controller
        self.setWindowTitle(self.tr("WAGO 879-30xx Meter Configurator {version}").format(
            version=__version__))
        self.pages: dict[str, Page] = {}
        self.hosts: dict[str, PageHost] = {}
        self._placeholders: dict[str, QWidget] = {}
        self._dialog: QWidget | None = None
        self._shutdown_done = False
        self._shutdown_task: asyncio.Task[None] | None = None
        self._may_close = False  # the unwritten edits were asked about (or there were none)
        self.confirmer = Confirmer(self)  # Write all's permanent acts
        self.leave = LeaveAsker(self)  # "unwritten changes: write them first?"
        controller.leave_ask, controller.leave_confirm = self.leave, self.confirmer

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.sidebar = Sidebar()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
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
        self.stack.setMinimumSize(120, 80)
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
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.currentItemChanged.connect(self._on_sidebar)

        self.status = StatusBar(controller, self)
        self.setStatusBar(self.status)
        self.state_label = self.status.state_label
        self._banner_timer = QTimer(self)
        self._banner_timer.setSingleShot(True)
        self._banner_timer.timeout.connect(self._hide_info_banner)

        controller.state_changed.connect(self._on_state)
        controller.message.connect(self._on_message)
        controller.link_followed.connect(lambda text: self.show_banner(text, "info", 15000))
        controller.status.connect(self._on_status)
        controller.identity_changed.connect(self._on_status)
        controller.edits_changed.connect(self._mark_edited_pages)
        self.menus = WindowMenus(self)
        self.language_menu = self.menus.language_menu
        self.language_actions = self.menus.language_actions
        self._sidebar_compact = False
        self._sidebar_full_height = 0
        self.resize(default_size(self))
        self.show_page("connect")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_sidebar()

    def _fit_sidebar(self) -> None:
        """Tighter sidebar rows when the window is too short for all of them."""
        rows = sum(self.sidebar.sizeHintForRow(r) for r in range(self.sidebar.count()))
        if not self._sidebar_compact:
            self._sidebar_full_height = rows
        room = self.sidebar.height() - 2 * self.sidebar.frameWidth()
        compact = self._sidebar_full_height > room
        if compact != self._sidebar_compact:
            self._sidebar_compact = compact
            self.sidebar.setStyleSheet(COMPACT_SIDEBAR if compact else "")

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
            host = PageHost(page)
            holder = self._placeholders[name]
            index = self.stack.indexOf(holder)
            self.stack.insertWidget(index, host)
            self.stack.removeWidget(holder)
            holder.deleteLater()
            self.pages[name] = page
            self.hosts[name] = host
        return self.pages[name]

    def current_page(self) -> Page | None:
        """The page shown now."""
        host = self.stack.currentWidget()
        page = host.widget() if isinstance(host, PageHost) else None
        return page if isinstance(page, Page) else None

    def show_page(self, name: str) -> Page:
        """Make page `name` the visible one (selecting it in the sidebar)."""
        for row in range(self.sidebar.count()):
            item = self.sidebar.item(row)
            if item.data(PAGE_ROLE) == name:
                if self.sidebar.currentItem() is not item:
                    self.sidebar.setCurrentItem(item)  # calls _on_sidebar
                break
        page = self.page(name)
        if self.current_page() is not page:
            self._switch_to(page)
        return page

    def _switch_to(self, page: Page) -> None:
        old = self.current_page()
        if old is page:
            return
        if old is not None:
            old.page_hidden()
        self.stack.setCurrentWidget(self.hosts[page.NAME])
        page.page_shown()
        if hasattr(self, "menus"):
            self.menus.page_shown(page.NAME)

    def _on_sidebar(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        name = current.data(PAGE_ROLE)
        if name:
            self._switch_to(self.page(name))

    # -- actions of the menus -------------------------------------------------------------
    def backup_dialog(self, method: str) -> None:
        """File ▸ Open / Save backup, Report: the Backup page, and its own dialog."""
        page = self.show_page("backup")
        getattr(page, method)()

    def connect_from_page(self) -> None:
        """Meter ▸ Connect: with the Connect page's fields, as its button does."""
        page: Any = self.show_page("connect")
        page.start_connect()

    def connect_to(self, options: ConnectionOptions) -> None:
        """Connect to `options` through the Connect page (the scan dialog's double-click)."""
        page: Any = self.show_page("connect")
        page.fill(options)
        page.start_connect()

    # Meter ▸ Disconnect, not QObject.disconnect (Qt's signal helper, never used on the window).
    def disconnect(self) -> None:  # type: ignore[override]
        """Meter ▸ Disconnect (asking first about unwritten edits)."""
        self.controller.runner.start("disconnect", self._disconnect())

    async def _disconnect(self) -> None:
        if await self.controller.leave_connection():
            await self.controller.disconnect()

    def open_scan_dialog(self) -> Any:
        """Meter ▸ Scan the bus: the dialog, with the Connect page's port and speed."""
        from .scan_dialog import ScanDialog

        connect: Any = self.page("connect")
        dialog = ScanDialog(self.controller, connect.options(), self)
        dialog.connect_requested.connect(self.connect_to)
        self._dialog = dialog
        dialog.open()
        return dialog

    def read_all(self) -> None:
        """Meter ▸ Read all settings: every settings page (and the CT page) reads again."""
        from .pages.settings import SettingsPage

        model = self.controller.model
        for cls in page_classes():
            if issubclass(cls, SettingsPage) or (cls.NAME == "ct" and model is not None
                                                 and model.info.has_ct):
                page: Any = self.page(cls.NAME)
                page.load()

    def can_write_all(self) -> bool:
        """Whether there are unwritten edits to write."""
        return self.controller.pending_count() > 0

    def pending_changes(self) -> dict[Any, Any]:
        """Every edited, not yet written value of every page opened so far."""
        changes: dict[Any, Any] = {}
        for page_changes in self.controller.pending_edits().values():
            changes.update(page_changes)
        return changes

    def write_all(self) -> None:
        """Meter ▸ Write all changes (and the pages' Write all button): every page's edits
        through the one engine; each page shows its keys' outcomes, the banner sums up."""
        if not self.can_write_all() or self.controller.runner.running("apply-all"):
            return
        self.controller.runner.start("apply-all", self._write_all(),
                                     on_error=self._write_all_failed)

    async def _write_all(self) -> None:
        self.show_banner(self.tr("Writing every page's changes…"), "info")
        report = await self.controller.write_all(self.confirmer)
        self.last_write_all = report
        if report is not None:
            text, ok = written_summary(report)
            self.show_banner(text, "info" if ok else "lost", 20000 if ok else 0)

    def _write_all_failed(self, exc: BaseException) -> None:
        from ..services.outcomes import ConfirmationDeclined
        from .tasks import error_text

        if isinstance(exc, ConfirmationDeclined):
            self.show_banner(self.tr("Not written: not confirmed."), "info", 10000)
        elif isinstance(exc, EditsInvalid):
            self.show_banner(self.tr("Nothing written: {reason}").format(reason=exc.text),
                             "lost", 20000)
        else:
            self.show_banner(self.tr("Nothing confirmed: {reason} Some values may have "
                                     "reached the meter: read the settings again once it "
                                     "answers.").format(reason=error_text(exc)), "lost")

    def _mark_edited_pages(self) -> None:
        """Sidebar entries of pages with unwritten edits: "•", bold, and a tooltip."""
        edits = self.controller.pending_edits()
        for row in range(self.sidebar.count()):
            item = self.sidebar.item(row)
            name = item.data(PAGE_ROLE)
            if not name:
                continue
            cls = next(c for c in page_classes() if name == c.NAME)
            count = len(edits.get(name, {}))
            title = page_text(cls.TITLE)
            text = f"• {title}" if count else title
            if item.text() != text:
                item.setText(text)
                font = item.font()
                font.setBold(bool(count))
                item.setFont(font)
            item.setToolTip("" if not count else self.tr("1 change not written yet")
                            if count == 1 else self.tr("{count} changes not written yet").format(
                                count=count))
        self.menus.update_enabled()

    def page_marked(self, name: str) -> bool:
        """Whether the sidebar marks page `name` as holding unwritten edits."""
        for row in range(self.sidebar.count()):
            item = self.sidebar.item(row)
            if item.data(PAGE_ROLE) == name:
                return item.text().startswith("•") and item.font().bold()
        return False

    def toggle_full_screen(self) -> None:
        """View ▸ Full screen."""
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.menus.full_screen.setChecked(self.isFullScreen())

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
        """Ask about unwritten edits, then finish writes and close the link before the window
        goes away."""
        if self._shutdown_done:
            event.accept()
            self.closed.emit()
            return
        event.ignore()
        if not self._may_close and self._shutdown_task is None:
            if self.controller.pending_count():
                self.controller.runner.start("leave-close", self._ask_then_close(),
                                             replace=False)
                return
            self._may_close = True
        if self.controller.writes_in_flight:
            self.show_banner(self.tr("Waiting for a write to the meter to finish before "
                                     "closing…"), "info")
        if self._shutdown_task is None:
            self._shutdown_task = asyncio.ensure_future(self._shutdown())

    async def _ask_then_close(self) -> None:
        if await self.controller.may_leave(self.leave, self.confirmer):
            self._may_close = True
            self.close()

    async def _shutdown(self) -> None:
        try:
            await self.controller.shutdown()
        finally:
            self._shutdown_done = True
            self.close()
