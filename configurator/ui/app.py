"""Start the desktop application: one asyncio loop (qasync) on the GUI thread."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Sequence

import qasync
from PySide6.QtWidgets import QApplication

from ..errors import UsageError
from .compat import check_qt_binding
from .controller import AppController
from .display import display_problem
from .main_window import MainWindow
from .style import STYLE
from .tasks import error_text

BASE_POINT_SIZE = 10.5


def create_app(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (reused if one exists), styled."""
    check_qt_binding()
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationName("WAGO Meter Configurator")
    app.setOrganizationName("wago-meter-configurator")
    font = app.font()
    if font.pointSizeF() < BASE_POINT_SIZE:
        font.setPointSizeF(BASE_POINT_SIZE)  # readable on a laptop in a switch room
        app.setFont(font)
    app.setStyleSheet(STYLE)
    app.setQuitOnLastWindowClosed(False)  # the window's close runs an orderly shutdown first
    return app


def check_display() -> None:
    """Refuse in a sentence where Qt would abort for want of a display."""
    problem = display_problem()
    if problem:
        raise UsageError(problem)


def run_gui(demo: str | None = None, argv: Sequence[str] | None = None) -> int:
    """Show the main window; with `demo`, start a simulated meter of that model and connect."""
    check_display()
    app = create_app(argv)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    controller = AppController()
    window = MainWindow(controller)
    closed = asyncio.Event()
    window.closed.connect(closed.set)

    async def main() -> None:
        window.show()
        if demo is not None:
            window.statusBar().showMessage(f"Starting the simulated {demo} meter…")
            try:
                await controller.start_demo(demo)
            except Exception as exc:  # a message, never an exit
                window.show_banner(f"Demo meter did not start: {error_text(exc)}", "lost")
        await closed.wait()

    try:
        with loop:
            loop.run_until_complete(main())
    finally:
        controller.stop_demo()
    return 0
