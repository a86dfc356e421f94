"""Awaiting a window-modal question: one dialog open at a time, its answer as a coroutine.

The confirmation of permanent acts (confirm.py), the question about unwritten edits
(unwritten.py) and the restore preview (restore_preview.py) all ask this way; the open dialog is
`asker.dialog` (tests answer it, shutdown closes it).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

D = TypeVar("D", bound=QMessageBox)
T = TypeVar("T")


class DialogAsker(Generic[D]):
    """Opens a dialog on `parent` without blocking the event loop and awaits its answer."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent
        self.dialog: D | None = None

    async def ask(self, box: D, answer: Callable[[D], T]) -> T:
        """Open `box` window-modally; when it closes, `answer(box)` is the result. A cancelled
        wait closes the dialog."""
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()

        def finished(_result: int) -> None:
            if not future.done():
                future.set_result(answer(box))

        box.finished.connect(finished)
        self.dialog = box
        box.open()
        try:
            return await future
        finally:
            self.dialog = None
            if box.isVisible():
                box.reject()
            box.deleteLater()


def accepted(box: QMessageBox) -> bool:
    """Whether the user pressed the dialog's `accept_button`."""
    return box.clickedButton() is getattr(box, "accept_button", None)


__all__ = ["DialogAsker", "accepted"]
