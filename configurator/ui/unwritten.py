"""Edits typed into pages and not yet written: what they are, and the one question asked
before they would be lost (closing the window, disconnecting, connecting elsewhere).

A page that holds edits follows `EditSource` and registers with the controller
(`AppController.add_edit_source`); the controller decides (`may_leave`), this module only asks.
The question offers Write all / Discard / Cancel and is opened with `open()` (never `exec()`
inside a coroutine), answering through a future.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any, Protocol, runtime_checkable

from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from ..model.settings import Setting
from .dialogs import DialogAsker
from .editors import label_of


@runtime_checkable
class EditSource(Protocol):
    """A page whose edits are written by Write all (a settings page, the CT page)."""

    NAME: str
    TITLE: str

    def pending(self) -> dict[Setting, Any]:
        """The edited values that differ from the meter's."""

    def unwritten(self) -> dict[Setting, Any]:
        """The pending values not on their way to the meter already (an Apply running)."""

    def validate(self) -> str:
        """The first problem with the edits, or "" when all may be written."""

    def discard_edits(self) -> None:
        """Put the meter's values back into the editors."""


class LeaveChoice(enum.Enum):
    """The answer to "unwritten changes: write them first?"."""

    WRITE_ALL = "write all"
    DISCARD = "discard"
    CANCEL = "cancel"


class LeaveDialog(QMessageBox):
    """Lists the unwritten changes page by page; Write all, Discard or Cancel (the default)."""

    def __init__(self, parent: QWidget | None, edits: Mapping[str, Mapping[Setting, Any]],
                 titles: Mapping[str, str]) -> None:
        super().__init__(parent)
        count = sum(len(changes) for changes in edits.values())
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Unwritten changes"))
        self.setText(self.tr("1 change has not been written to the meter.") if count == 1
                     else self.tr("{count} changes have not been written to the meter.").format(
                         count=count))
        lines = [f"{titles.get(page, page)}: " + ", ".join(label_of(item) for item in changes)
                 for page, changes in edits.items()]
        self.setInformativeText("\n".join(lines))
        self.write_button: QPushButton = self.addButton(
            self.tr("Write all ({count})").format(count=count), QMessageBox.ButtonRole.AcceptRole)
        self.discard_button: QPushButton = self.addButton(
            self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        self.cancel_button: QPushButton = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.cancel_button)

    def choice(self) -> LeaveChoice:
        """What the clicked button means (Cancel when the box was closed otherwise)."""
        clicked = self.clickedButton()
        if clicked is self.write_button:
            return LeaveChoice.WRITE_ALL
        if clicked is self.discard_button:
            return LeaveChoice.DISCARD
        return LeaveChoice.CANCEL


class LeaveAsker(DialogAsker[LeaveDialog]):
    """Asks with a `LeaveDialog` on `parent`; the open dialog is `self.dialog` (for tests and
    shutdown)."""

    async def __call__(self, edits: Mapping[str, Mapping[Setting, Any]],
                       titles: Mapping[str, str]) -> LeaveChoice:
        return await self.ask(LeaveDialog(self.parent, edits, titles), LeaveDialog.choice)


def decline_open_leave_questions() -> None:
    """Answer every open question with Cancel (at shutdown)."""
    if QApplication.instance() is None:
        return
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, LeaveDialog) and widget.isVisible():
            widget.reject()


__all__ = ["EditSource", "LeaveAsker", "LeaveChoice", "LeaveDialog",
           "decline_open_leave_questions"]
