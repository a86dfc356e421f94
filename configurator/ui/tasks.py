"""Tracked, cancellable asyncio tasks for the UI: errors become messages, state is restored."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ..errors import ConfiguratorError
from .messages import error_message

log = logging.getLogger(__name__)


def error_text(exc: BaseException) -> str:
    """The sentence a user sees for an exception."""
    if isinstance(exc, ConfiguratorError):
        return error_message(exc)
    return QCoreApplication.translate("TaskRunner", "Unexpected failure: {error}").format(
        error=repr(exc))


class TaskRunner(QObject):
    """Starts coroutines as named tasks, keeps strong references, reports failures."""

    failed = Signal(str, str)  # task name, message
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks: dict[str, asyncio.Task[Any]] = {}

    def start(self, name: str, coro: Coroutine[Any, Any, Any], *,
              restore: Callable[[], None] | None = None,
              on_error: Callable[[BaseException], None] | None = None,
              replace: bool = True) -> asyncio.Task[Any]:
        """Run `coro` as task `name` (cancelling a running one of that name if `replace`)."""
        old = self.tasks.get(name)
        if old is not None and not old.done():
            if not replace:
                coro.close()
                return old
            old.cancel()

        async def wrapped() -> Any:
            try:
                return await coro
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # a message, never an exit
                log.debug("task %s failed", name, exc_info=True)
                if on_error is not None:
                    on_error(exc)
                else:
                    self.failed.emit(name, error_text(exc))
                return None
            finally:
                if restore is not None:
                    with contextlib.suppress(RuntimeError):  # widget gone with its window
                        restore()

        task = asyncio.ensure_future(wrapped())
        self.tasks[name] = task
        self.busy_changed.emit(True)
        task.add_done_callback(functools.partial(self._done, name))
        return task

    def _done(self, name: str, task: asyncio.Task[Any]) -> None:
        if self.tasks.get(name) is task:
            del self.tasks[name]
        if not task.cancelled():
            task.exception()  # already handled in wrapped(); mark retrieved
        self.busy_changed.emit(bool(self.tasks))

    def running(self, name: str) -> bool:
        """Whether task `name` is running."""
        task = self.tasks.get(name)
        return task is not None and not task.done()

    def cancel(self, name: str) -> None:
        """Cancel task `name` if it runs."""
        task = self.tasks.get(name)
        if task is not None:
            task.cancel()

    async def wait_for(self, which: Callable[[str], bool]) -> None:
        """Wait (without cancelling) for the running tasks whose names `which` accepts."""
        while True:
            waiting = [t for n, t in self.tasks.items() if which(n) and not t.done()]
            if not waiting:
                return
            await asyncio.gather(*waiting, return_exceptions=True)

    async def cancel_all(self, keep: Callable[[str], bool] = lambda name: False) -> None:
        """Cancel every task except those `keep` names, and wait for them."""
        victims = [t for n, t in self.tasks.items() if not keep(n)]
        for task in victims:
            task.cancel()
        for task in victims:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
