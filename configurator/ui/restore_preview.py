"""Before a restore writes anything: what will be written and what will not, and why.

A backup of another model (a 4PU file onto a 2PU CT, or back) restores only the settings both
have; `RestorePreview` lists the settings that will be written (with the file's value) and those
that will not (with the reason), and writes only after the user says so. Opened with `open()`,
answered through a future (`ask_preview`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from ..model.settings import SETTINGS
from ..services import restore as rs
from .dialogs import DialogAsker, accepted
from .editors import label_of, value_text


def _value(key: str, value: Any) -> str:
    if value is None or isinstance(value, Exception):
        return "?"
    try:
        return value_text(SETTINGS[key], value)
    except (KeyError, ValueError, TypeError):
        return str(value)


class RestorePreview(QMessageBox):
    """The settings a restore writes and those it leaves, each with its reason."""

    def __init__(self, parent: QWidget | None, plan: rs.RestorePlan,
                 reason: Callable[[rs.PlanEntry], str]) -> None:
        super().__init__(parent)
        self.plan = plan
        changes = plan.changes()
        self.written = [entry for entry in plan.entries if entry.status is rs.PlanStatus.CHANGE]
        self.skipped = [entry for entry in plan.entries
                        if entry.status not in (rs.PlanStatus.CHANGE, rs.PlanStatus.UNCHANGED)]
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Restore a backup of another model?"))
        self.setText(self.tr("The file is of a {source}, this meter is a {model}. Only the "
                             "settings this meter has are written.").format(
            source=plan.source_model, model=plan.state.model.info.title))
        parts = []
        if self.written:
            parts.append(self.tr("Will be written:") + "\n" + "\n".join(
                f"• {label_of(SETTINGS[e.key])}: {_value(e.key, e.meter_value)} → "
                f"{_value(e.key, e.file_value)}" for e in self.written))
        else:
            parts.append(self.tr("Nothing will be written: the meter already holds the file's "
                                 "values."))
        same = plan.count(rs.UNCHANGED)
        if same:
            parts.append(self.tr("Unchanged: {count} settings already hold the file's "
                                 "value.").format(count=same))
        if self.skipped:
            parts.append(self.tr("Will not be written:") + "\n" + "\n".join(
                f"• {label_of(SETTINGS[e.key])}: {reason(e)}" for e in self.skipped))
        self.setInformativeText("\n\n".join(parts))
        self.accept_button: QPushButton = self.addButton(
            self.tr("Write 1 setting") if len(changes) == 1
            else self.tr("Write {count} settings").format(count=len(changes)),
            QMessageBox.ButtonRole.AcceptRole)
        self.accept_button.setEnabled(bool(changes))
        self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(QMessageBox.StandardButton.Cancel)

    def keys_written(self) -> list[str]:
        """The keys listed as written."""
        return [entry.key for entry in self.written]

    def keys_skipped(self) -> list[str]:
        """The keys listed as not written."""
        return [entry.key for entry in self.skipped]


class PreviewAsker(DialogAsker[RestorePreview]):
    """Shows a `RestorePreview` on `parent` and answers whether to write; the open dialog is
    `self.dialog`."""

    async def __call__(self, plan: rs.RestorePlan,
                       reason: Callable[[rs.PlanEntry], str]) -> bool:
        return await self.ask(RestorePreview(self.parent, plan, reason), accepted)


__all__ = ["PreviewAsker", "RestorePreview"]
