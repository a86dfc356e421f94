"""6.7.1 Password: what it protects, and the PIN for Bluetooth LE sessions (memory only)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QWidget

from ...i18n import QT_TRANSLATE_NOOP
from ...services.pin import PIN_DIGITS
from ..widgets import pin_edit
from .base import Page, note, register, set_note


@register
class PasswordPage(Page):
    """The meter password (6.7.1)."""

    NAME, SECTION, ORDER = "password", "Settings (menu 6.7)", 10
    TITLE = QT_TRANSLATE_NOOP("Pages", "Password")
    INTRO = (QT_TRANSLATE_NOOP(
        "Pages", "The meter's 4-digit password (factory 0000) protects its settings menu. It can "
             "only be changed with the buttons on the meter itself (manual 6.7.1) — not over "
             "Modbus, M-Bus or Bluetooth."))

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.layout_.addWidget(note(
            self.tr("The same password is the pairing PIN for Bluetooth LE. Enter it here "
                    "before connecting over Bluetooth: it is kept in memory for this session "
                    "only and is never written to disk."), "info"))
        form = QFormLayout()
        self.pin = pin_edit()
        self.pin.textChanged.connect(self._on_pin)
        form.addRow(self.tr("Bluetooth PIN (meter password)"), self.pin)
        self.layout_.addLayout(form)
        self.state = note("", "info")
        self.state.setVisible(False)
        self.layout_.addWidget(self.state)
        self.layout_.addStretch(1)

    def _on_pin(self, text: str) -> None:
        if len(text) == PIN_DIGITS:
            self.controller.pin = text
            set_note(self.state, self.tr("PIN held in memory for Bluetooth LE connections."), "ok")
        else:
            self.controller.pin = None
            set_note(self.state, self.tr("The PIN has {digits} digits.").format(digits=PIN_DIGITS)
                     if text else "", "warning")
