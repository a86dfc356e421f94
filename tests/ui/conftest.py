"""GUI test fixtures: offscreen Qt, one qasync loop driven by qtbot, the real simulator."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("PySide6.QtWidgets")
pytest.importorskip("pyqtgraph")
qasync = pytest.importorskip("qasync")

from PySide6.QtCore import QSettings  # noqa: E402

from configurator.services.connection import ConnectionOptions  # noqa: E402
from configurator.ui.compat import check_qt_binding  # noqa: E402

check_qt_binding()  # a defective PySide6 would crash mid-run: fail loudly here instead

from configurator.ui.app import create_app  # noqa: E402
from configurator.ui.controller import AppController  # noqa: E402
from configurator.ui.main_window import MainWindow  # noqa: E402

WAIT_MS = 15_000


_LOOP: asyncio.AbstractEventLoop | None = None
_EXECUTOR: ThreadPoolExecutor | None = None


@pytest.fixture(scope="session", autouse=True)
def _join_executor_threads() -> Iterator[None]:
    """Blocking work the GUI hands to the loop's executor (starting a demo simulator) runs on
    plain Python threads, joined when the run ends. qasync's own executor uses QThreads, which
    the never-closed test loop would leave running at exit, and Qt aborts the process then."""
    yield
    if _EXECUTOR is not None:
        _EXECUTOR.shutdown(wait=True)


@pytest.fixture
def aloop(qapp: Any) -> Iterator[asyncio.AbstractEventLoop]:
    """One qasync loop for the whole run, marked running during each GUI test, so that
    qtbot's event processing drives coroutines (a second loop on the same QApplication would
    not be woken). Unmarked afterwards, so other tests can still use asyncio.run()."""
    global _LOOP, _EXECUTOR
    create_app()
    if _LOOP is None:
        _LOOP = qasync.QEventLoop(qapp, already_running=True)
        _EXECUTOR = ThreadPoolExecutor(max_workers=2, thread_name_prefix="gui-test-executor")
        _LOOP.set_default_executor(_EXECUTOR)
    asyncio.set_event_loop(_LOOP)
    asyncio.events._set_running_loop(_LOOP)
    yield _LOOP
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)


class Gui:
    """The window, its controller, and helpers to drive them from a test."""

    def __init__(self, qtbot: Any, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.window = window
        self.controller = window.controller

    def run(self, coro: Coroutine[Any, Any, Any], timeout: int = WAIT_MS) -> Any:
        """Run a coroutine on the GUI loop and return its result."""
        task = asyncio.ensure_future(coro)
        self.qtbot.waitUntil(task.done, timeout=timeout)
        return task.result()

    def wait(self, condition: Callable[[], Any], timeout: int = WAIT_MS) -> None:
        """Wait (processing events) until `condition()` is true."""
        self.qtbot.waitUntil(lambda: bool(condition()), timeout=timeout)

    def connect(self, port: str, **fields: Any) -> None:
        """Connect through the Connect page, as a user would."""
        page = self.window.show_page("connect")
        page.fill(ConnectionOptions(port=port, **fields))
        page.connect_button.click()
        self.wait(lambda: self.controller.connected)

    def idle(self, page: Any) -> None:
        """Wait until a page's task has finished."""
        self.wait(lambda: not page.busy)


@pytest.fixture
def gui(qtbot: Any, aloop: asyncio.AbstractEventLoop, tmp_path: Path) -> Iterator[Gui]:
    """A main window with its own settings file; shut down in order at the end."""
    controller = AppController(QSettings(str(tmp_path / "settings.ini"),
                                         QSettings.Format.IniFormat))
    window = MainWindow(controller)
    window.resize(1280, 820)
    window.show()
    helper = Gui(qtbot, window)
    yield helper
    task = asyncio.ensure_future(controller.shutdown())
    try:
        qtbot.waitUntil(task.done, timeout=WAIT_MS)
    except Exception:
        for t in asyncio.all_tasks(asyncio.get_event_loop()):
            t.print_stack()
        raise
    window._shutdown_done = True
    window.close()
    window.deleteLater()
