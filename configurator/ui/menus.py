"""The main window's menus: File, Meter, View, Help, with the platform's standard shortcuts.

Every action calls what a page's own button calls (the Backup page's dialogs, the Connect
page's Connect), so a menu never bypasses a confirmation or the controller. Actions that need a
meter are enabled only while one is connected.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from ..i18n import LANGUAGES
from .help import open_user_guide, versions
from .language import chosen_language
from .pages.base import page_classes, page_text

if TYPE_CHECKING:
    from .main_window import MainWindow


class WindowMenus(QObject):
    """Builds the menu bar of `window` and keeps the actions' enabled state current."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.needs_meter: list[QAction] = []
        bar = window.menuBar()
        self._file(bar.addMenu(self.tr("&File")))
        self._meter(bar.addMenu(self.tr("&Meter")))
        self._view(bar.addMenu(self.tr("&View")))
        self._help(bar.addMenu(self.tr("&Help")))
        self.controller.state_changed.connect(lambda *_a: self.update_enabled())
        self.controller.edits_changed.connect(self.update_enabled)
        self.update_enabled()

    def _action(self, menu: QMenu, text: str, slot: Callable[[], Any],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                *, meter: bool = False, name: str = "") -> QAction:
        action = menu.addAction(text)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        if meter:
            self.needs_meter.append(action)
        return action

    # -- menus ------------------------------------------------------------------------------
    def _file(self, menu: QMenu) -> None:
        w = self.window
        self.open_backup = self._action(
            menu, self.tr("&Open backup…"), lambda: w.backup_dialog("ask_restore"),
            QKeySequence.StandardKey.Open, meter=True, name="open_backup")
        self.save_backup = self._action(
            menu, self.tr("&Save backup…"), lambda: w.backup_dialog("ask_backup"),
            QKeySequence.StandardKey.Save, meter=True, name="save_backup")
        self.report = self._action(
            menu, self.tr("Commissioning &report…"), lambda: w.backup_dialog("ask_report"),
            QKeySequence.StandardKey.Print, meter=True, name="report")
        menu.addSeparator()
        self.quit = self._action(menu, self.tr("&Quit"), w.close, "Ctrl+Q", name="quit")

    def _meter(self, menu: QMenu) -> None:
        w = self.window
        self.connect_action = self._action(menu, self.tr("&Connect"), w.connect_from_page,
                                           "Ctrl+K", name="connect")
        self.disconnect_action = self._action(menu, self.tr("&Disconnect"), w.disconnect,
                                              "Ctrl+Shift+K", name="disconnect")
        self.scan_action = self._action(menu, self.tr("&Scan the bus…"), w.open_scan_dialog,
                                        name="scan")
        menu.addSeparator()
        self.read_all = self._action(menu, self.tr("&Read all settings"), w.read_all,
                                     QKeySequence.StandardKey.Refresh, meter=True,
                                     name="read_all")
        self.write_all = self._action(menu, self.tr("&Write all changes…"), w.write_all,
                                      "Ctrl+Shift+W", name="write_all")

    def _view(self, menu: QMenu) -> None:
        pages = menu.addMenu(self.tr("&Pages"))
        self.page_group = QActionGroup(self)
        self.page_actions: dict[str, QAction] = {}
        for number, cls in enumerate(page_classes(), start=1):
            shortcut = f"Ctrl+{number}" if number <= 9 else None
            action = self._action(pages, page_text(cls.TITLE),
                                  functools.partial(self.window.show_page, cls.NAME), shortcut,
                                  name=f"page_{cls.NAME}")
            action.setCheckable(True)
            self.page_group.addAction(action)
            self.page_actions[cls.NAME] = action
        self.language_menu = menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        current = chosen_language(self.controller.recent.settings)
        for code, name in [("", self.tr("System default")), *LANGUAGES.items()]:
            action = self.language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            group.addAction(action)
            action.triggered.connect(lambda _c=False, c=code: self.window.choose_language(c))
            self.language_actions[code] = action
        menu.addSeparator()
        self.full_screen = self._action(menu, self.tr("&Full screen"),
                                        self.window.toggle_full_screen,
                                        QKeySequence.StandardKey.FullScreen, name="full_screen")
        self.full_screen.setCheckable(True)
        if self.full_screen.shortcut().isEmpty():
            self.full_screen.setShortcut(QKeySequence("F11"))

    def _help(self, menu: QMenu) -> None:
        self.guide = self._action(menu, self.tr("&User guide"), self.show_guide,
                                  QKeySequence.StandardKey.HelpContents, name="guide")
        if self.guide.shortcut().isEmpty():
            self.guide.setShortcut(QKeySequence("F1"))
        self.about = self._action(menu, self.tr("&About"), self.show_about, name="about")

    # -- state ------------------------------------------------------------------------------
    def update_enabled(self) -> None:
        """Actions that need a meter follow the connection."""
        connected = self.controller.connected
        for action in self.needs_meter:
            action.setEnabled(connected)
        self.disconnect_action.setEnabled(self.controller.state.value != "disconnected")
        count = self.controller.pending_count()
        self.write_all.setEnabled(connected and count > 0)
        self.write_all.setText(self.tr("&Write all changes ({count})…").format(count=count)
                               if count else self.tr("&Write all changes…"))
        self.write_all.setToolTip(self.tr("Every page's unwritten changes, with one report per "
                                          "setting."))

    def page_shown(self, name: str) -> None:
        """Tick the page in View ▸ Pages."""
        action = self.page_actions.get(name)
        if action is not None and not action.isChecked():
            action.setChecked(True)

    # -- help -------------------------------------------------------------------------------
    def show_guide(self) -> None:
        """Open the user guide in the browser."""
        if open_user_guide() is None:
            self.window.show_banner(self.tr("The user guide is not installed with this build."),
                                    "info", 10000)

    def about_text(self) -> str:
        """The About box's text: what the app is and every version."""
        rows = "".join(f"<tr><td>{name}</td><td>&nbsp;&nbsp;{version}</td></tr>"
                       for name, version in versions())
        return (self.tr("<p><b>WAGO 879-30xx Meter Configurator</b></p><p>Configures WAGO "
                        "879-30xx MID energy meters over Modbus RTU, M-Bus and Bluetooth "
                        "LE.</p>") + f"<table>{rows}</table>")

    def show_about(self) -> QMessageBox:
        """The About box (window-modal, opened with open())."""
        box = QMessageBox(self.window)
        box.setWindowTitle(self.tr("About"))
        box.setIconPixmap(self.window.windowIcon().pixmap(64, 64))
        box.setText(self.about_text())
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.about_box = box
        box.open()
        return box


__all__ = ["WindowMenus"]
