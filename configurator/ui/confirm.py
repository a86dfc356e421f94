"""The one confirmation of permanent acts in the window: CT change, tariff T3/T4, counter
resets, link moves, from every page (settings, CT, counters, restore).

The write engine (services/engine.py) works out the acts and awaits a confirmer; `Confirmer`
is that confirmer for a page: it opens a window-modal `ConfirmDialog` with `open()` (never
`exec()` inside a coroutine, qasync#59) and answers through a future when the dialog closes.
A page that mixes in `ConfirmingPage` exposes the open dialog as `page.confirm` and its accept
button as `page.confirm_button`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from ..i18n import translate
from ..model.registers import CT_HISTORY_ENTRIES
from ..model.settings import SETTINGS
from ..services.outcomes import ActKind, PermanentAct
from .dialogs import DialogAsker, accepted
from .messages import translated


class ConfirmDialog(QMessageBox):
    """Says plainly what the acts do and cost; the accept button writes, Cancel does not."""

    def __init__(self, parent: QWidget | None, acts: Sequence[PermanentAct]) -> None:
        super().__init__(parent)
        self.acts = list(acts)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Confirm a change that cannot be undone"))
        self.setText(self.headline())
        self.setInformativeText(self.details())
        self.accept_button: QPushButton = self.addButton(self.accept_text(),
                                                         QMessageBox.ButtonRole.AcceptRole)
        self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(QMessageBox.StandardButton.Cancel)

    def headline(self) -> str:
        """One question for the whole set of acts."""
        if len(self.acts) != 1:
            return self.tr("Write {count} changes that cannot simply be undone?").format(
                count=len(self.acts))
        act = self.acts[0]
        if act.kind is ActKind.CT_CHANGE:
            return self.tr("Change the CT ratio from {old} to {new}?").format(
                old=str(act.before), new=str(act.after))
        if act.kind is ActKind.MID_TARIFF:
            return self.tr("Switch to tariff T{tariff}?").format(tariff=act.after)
        if act.kind is ActKind.COUNTER_RESET:
            return translate("Settings", act.label) + "?"
        return self.tr("Move the meter's link ({key} {old} → {new})?").format(
            key=act.key, old=_text(act.before), new=_text(act.after))

    def details(self) -> str:
        """What the acts cost; many moves of one link setting (a bus being addressed) are
        listed in one paragraph, so the dialog stays on a small screen."""
        moves = [a for a in self.acts if a.kind is ActKind.LINK_MOVE]
        keys = {a.key for a in moves}
        if len(moves) > 3 and len(moves) == len(self.acts) and len(keys) == 1:
            key = moves[0].key
            label = translate("Settings", SETTINGS[key].label) if key in SETTINGS else key
            pairs = ", ".join(f"{_text(a.before)} → {_text(a.after)}" for a in moves)
            return self.tr(
                "{setting} of {count} meters: {moves}. Each meter then answers only at its new "
                "setting; the job follows them, and other software on this bus must follow "
                "too.").format(setting=label, count=len(moves), moves=pairs)
        return "\n\n".join(self.detail(act) for act in self.acts)

    def detail(self, act: PermanentAct) -> str:
        """What one act costs."""
        if act.kind is ActKind.CT_CHANGE:
            return self.tr(
                "This uses one of the {total} CT ratio changes the meter allows ({left} will "
                "be left). It cannot be undone: the old ratio and the energy readings are "
                "frozen in the CT history.").format(total=CT_HISTORY_ENTRIES,
                                                    left=act.changes_left_after)
        if act.kind is ActKind.COUNTER_RESET:
            return self.tr("The old value ({value}) is gone afterwards.").format(
                value=_text(act.before))
        if act.kind is ActKind.LINK_MOVE:
            return self.tr(
                "{key}: {old} → {new}. The meter then answers only at the new setting; the "
                "connection follows it, and other software on this bus must follow too."
            ).format(key=act.key, old=_text(act.before), new=_text(act.after))
        return str(translated(act.sentence()))

    def accept_text(self) -> str:
        """The accept button's words."""
        kinds = {act.kind for act in self.acts}
        if kinds == {ActKind.CT_CHANGE}:
            return self.tr("Use one change and write")
        if kinds == {ActKind.COUNTER_RESET}:
            return self.tr("Reset")
        return self.tr("Write")


def _text(value: Any) -> str:
    if value is None or isinstance(value, Exception):
        return "?"
    return f"{value:g}" if isinstance(value, float) else str(value)


class Confirmer(DialogAsker[ConfirmDialog]):
    """An engine confirmer (`services.engine.Confirmer`) asking with a dialog on `parent`."""

    async def __call__(self, acts: Sequence[PermanentAct]) -> bool:
        return await self.ask(ConfirmDialog(self.parent, acts), accepted)


class ConfirmingPage:
    """Mixin for pages that confirm through a `Confirmer` held as `self.confirmer`."""

    confirmer: Confirmer

    @property
    def confirm(self) -> ConfirmDialog | None:
        """The confirmation dialog open now, if any."""
        return self.confirmer.dialog

    @property
    def confirm_button(self) -> QPushButton | None:
        """The open dialog's accept button."""
        dialog = self.confirmer.dialog
        return dialog.accept_button if dialog is not None else None


def decline_open_confirmations() -> None:
    """Answer every open confirmation with no (at shutdown: nothing waits on a dialog)."""
    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, ConfirmDialog) and widget.isVisible():
            widget.reject()


__all__ = ["ConfirmDialog", "Confirmer", "ConfirmingPage", "decline_open_confirmations"]
