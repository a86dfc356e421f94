"""6.7.12-6.7.13 Counters: the power-down counter and the resettable day counter.

A reset is a permanent act: the write engine asks the one confirmation dialog (ui/confirm.py)
and verifies that the counter went back to zero."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from ...i18n import QT_TRANSLATE_NOOP, translate
from ...model.settings import ACTIONS, Action
from ...services.outcomes import ConfirmationDeclined
from ..confirm import Confirmer, ConfirmingPage
from ..freshness import FreshnessLabel, mark_stale
from ..messages import error_message, translated
from ..tasks import error_text
from .base import Page, note, register, set_note
from .settings import status_mark


@register
class CountersPage(ConfirmingPage, Page):
    """Counters the user may reset."""

    NAME, SECTION, ORDER = "counters", "Settings (menu 6.7)", 90
    TITLE = QT_TRANSLATE_NOOP("Pages", "Counters")
    INTRO = (QT_TRANSLATE_NOOP(
        "Pages", "The power-down counter counts how often the meter lost its supply (6.7.12); the "
             "day counter (trip counter, 6.7.13) runs beside the total energy and may be reset "
             "at any time. The MID totals can never be reset."))

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        grid = QGridLayout()
        self.values: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        for row, action in enumerate(ACTIONS.values()):
            reg = action.register
            grid.addWidget(QLabel(translate("Registers", reg.label)), row, 0)
            value = QLabel("—")
            value.setObjectName("readoutValue")
            self.values[action.name] = value
            grid.addWidget(value, row, 1)
            grid.addWidget(QLabel(reg.unit), row, 2)
            button = QPushButton(self.tr("Reset…"))
            button.setToolTip(translate("Settings", action.label))
            button.clicked.connect(lambda _c=False, a=action: self.ask(a))
            self.buttons[action.name] = button
            grid.addWidget(button, row, 3)
        grid.setColumnStretch(4, 1)
        self.layout_.addLayout(grid)
        self.freshness = FreshnessLabel(controller, only_when_stale=True)
        self.layout_.addWidget(self.freshness)
        self.result = note("", "ok")
        self.result.setVisible(False)
        self.layout_.addWidget(self.result)
        self.layout_.addStretch(1)
        self.confirmer = Confirmer(self)
        self.busy = False
        controller.status.connect(self._on_values)
        controller.identity_changed.connect(self._on_values)
        controller.readings.connect(self._on_readings)
        controller.state_changed.connect(lambda *_: self._update_enabled())
        controller.state_changed.connect(lambda *_: self.show_stale())
        if controller.identity is not None:
            self._on_values(controller.identity)
        self._update_enabled()

    def show_stale(self) -> None:
        """Grey the counters while the link is down (they may have moved on since)."""
        stale = not self.controller.connected
        for label in self.values.values():
            mark_stale(label, stale and label.text() != "—")

    def _update_enabled(self) -> None:
        model = self.controller.model
        for name, button in self.buttons.items():
            action = ACTIONS[name]
            button.setEnabled(self.controller.connected and not self.busy and model is not None
                              and model in action.register.models)

    def _show(self, action: Action, value: Any) -> None:
        if isinstance(value, float):
            self.values[action.name].setText(QLocale().toString(value, "f", 2))
        elif value is not None:
            self.values[action.name].setText(str(value))

    def _on_values(self, identity: Any) -> None:
        values = getattr(identity, "values", {})
        for action in ACTIONS.values():
            if action.register.key in values:
                self._show(action, values[action.register.key])
        self._update_enabled()

    def _on_readings(self, readings: Any) -> None:
        self.freshness.mark_read()
        if not self.isVisible():
            return
        by_key = {r.register.key: r.value for r in readings}
        for action in ACTIONS.values():
            if action.register.key in by_key:
                self._show(action, by_key[action.register.key])

    def ask(self, action: Action) -> None:
        """Reset a counter once the confirmation dialog says yes (window-modal, via open())."""
        self.busy = True
        self._update_enabled()

        def restore() -> None:
            self.busy = False
            self._update_enabled()

        self.controller.runner.start(f"reset-{action.name}", self._reset(action),
                                     restore=restore, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ConfirmationDeclined):
            set_note(self.result, self.tr("Not reset."), "info")
            return
        set_note(self.result, error_text(exc), "error")

    async def _reset(self, action: Action) -> None:
        report = await self.controller.run_action(action, self.confirmer)
        result = report.results[0]
        if result.after is not None:
            self._show(action, result.after)
        if report.error is not None or not result.status.done:
            problem = (translated(result.note) if result.note
                       else error_message(report.error) if report.error else "")
            set_note(self.result, f"{status_mark(result)}: {problem}", "error")
            return
        after = result.after
        if after is None:  # acknowledged; this link cannot read the counter back
            set_note(self.result, f"{status_mark(result)}: {translated(result.note or '')}",
                     "ok")
            return
        shown = QLocale().toString(after, "f", 2) if isinstance(after, float) else str(after)
        set_note(self.result, self.tr("✔ {action}: the meter now reads {value}.").format(
            action=translate("Settings", action.label), value=shown), "ok")
