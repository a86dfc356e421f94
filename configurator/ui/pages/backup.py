"""Backup page: PLACEHOLDER — the backup engineer's services get wired here.

=== BACKUP PAGE WIRING POINT =====================================================================
Replace the body of `BackupPage.__init__` with the real page (save settings to a file, restore
as a dry-run diff then a per-key report). Use `self.controller.manager.call(...)` (or a new
controller coroutine) for every meter access, `self.controller.runner.start(...)` for tasks, and
`QDialog.open()` / `QFileDialog` with signals for dialogs (never `exec()` in a coroutine).
=================================================================================================
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from .base import Page, note, register


@register
class BackupPage(Page):
    """Save and restore the meter's settings (to be wired)."""

    NAME, TITLE, SECTION, ORDER = "backup", "Backup & restore", "Tools", 10
    INTRO = "Save the meter's settings to a file and restore them later."

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.layout_.addWidget(note("Backup and restore arrive in the next version; until then "
                                    "use 'configurator get --json' to save the settings.",
                                    "info"))
        self.layout_.addStretch(1)
