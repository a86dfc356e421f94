"""Start the desktop application: one asyncio loop (qasync) on the GUI thread."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Sequence

import qasync
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from ..errors import UsageError
from ..resources import resource_path
from .compat import check_qt_binding
from .controller import AppController
from .display import display_problem
from .language import effective_language, install_translators, installed_catalogues
from .main_window import MainWindow
from .style import STYLE
from .tasks import error_text

BASE_POINT_SIZE = 10.5


def create_app(argv: Sequence[str] | None = None, language: str | None = None) -> QApplication:
    """The QApplication (reused if one exists), styled; with `language` ("en", "de"), its
    translations installed (before any window is built)."""
    check_qt_binding()
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationName("WAGO Meter Configurator")
    app.setOrganizationName("wago-meter-configurator")
    app.setDesktopFileName("de.wago.MeterConfigurator")  # Wayland/X11: matches the .desktop file
    icon = resource_path("icons", "wago-meter-configurator.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    font = app.font()
    if font.pointSizeF() < BASE_POINT_SIZE:
        font.setPointSizeF(BASE_POINT_SIZE)  # readable on a laptop in a switch room
        app.setFont(font)
    app.setStyleSheet(STYLE)
    app.setQuitOnLastWindowClosed(False)  # the window's close runs an orderly shutdown first
    if language is not None:
        install_translators(language)
    return app


def check_display() -> None:
    """Refuse in a sentence where Qt would abort for want of a display."""
    problem = display_problem()
    if problem is not None:
        raise UsageError(str(problem))


def run_gui(demo: str | None = None, argv: Sequence[str] | None = None,
            protocol: str = "modbus", capture: str | None = None) -> int:
    """Show the main window; with `demo`, start a simulated meter of that model (reached over
    `protocol`), or the replay of a support bundle (`capture`), and connect."""
    check_display()
    app = create_app(argv)
    install_translators(effective_language())
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    controller = AppController()
    window = MainWindow(controller)
    closed = asyncio.Event()
    window.closed.connect(closed.set)

    async def main() -> None:
        window.show()
        if demo is not None:
            window.statusBar().showMessage(QCoreApplication.translate(
                "App", "Starting the simulated {model} meter…").format(model=demo))
            try:
                await controller.start_demo(demo, protocol, capture=capture)
            except Exception as exc:  # a message, never an exit
                window.show_banner(QCoreApplication.translate(
                    "App", "Demo meter did not start: {reason}").format(reason=error_text(exc)),
                    "lost")
        await closed.wait()

    try:
        with loop:
            loop.run_until_complete(main())
    finally:
        controller.stop_demo()
    return 0


class _PaintWatch(QObject):
    """Notices the first paint of a widget."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.painted = asyncio.Event()
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.painted.set()
        return False


def run_self_test(model: str = "4PU", timeout: float = 60.0) -> str | None:
    """Start the app in demo mode, wait until it is connected and the window has painted, then
    close it in order. Returns None on success, else one sentence saying what failed.

    Without a display Qt's offscreen platform is used (QT_QPA_PLATFORM is set if unset).
    """
    import os

    if display_problem() is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = create_app([sys.argv[0] if sys.argv else "configurator"])
    language = effective_language()
    if not install_translators(language) and language != "en":
        return f"the {language} translation did not load"
    if language != "en" and not any("qtbase" in path for path in installed_catalogues()):
        return f"Qt's own {language} translations (qtbase) did not load"
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    from PySide6.QtCore import QSettings, QTemporaryDir

    scratch = QTemporaryDir()
    controller = AppController(QSettings(scratch.filePath("self-test.ini"),
                                         QSettings.Format.IniFormat))
    window = MainWindow(controller)
    watch = _PaintWatch(window.sidebar)
    failure: list[str] = []
    closed = asyncio.Event()
    window.closed.connect(closed.set)

    async def check() -> None:
        window.show()
        try:
            await asyncio.wait_for(controller.start_demo(model), timeout)
            await asyncio.wait_for(watch.painted.wait(), timeout)
            if not controller.connected or controller.identity is None:
                failure.append("the demo meter did not connect")
        except TimeoutError:
            failure.append(f"the window did not connect and paint within {timeout:.0f} s")
        except Exception as exc:  # one sentence, never a traceback
            failure.append(error_text(exc))
        window.close()  # the orderly shutdown (writes, polling, link, demo meter)
        await asyncio.wait_for(closed.wait(), timeout)

    try:
        with loop:
            loop.run_until_complete(check())
    except Exception as exc:
        failure.append(f"the window did not close cleanly: {error_text(exc)}")
    finally:
        controller.stop_demo()
    return failure[0] if failure else None
