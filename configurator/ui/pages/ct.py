"""6.9 CT ratio (2PU CT only): the ratio, the changes left of 7, the history, and the one
confirmation of permanent acts (ui/confirm.py: the engine counts the changes left and asks)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...errors import ConfiguratorError, UnsupportedError
from ...i18n import QT_TRANSLATE_NOOP, translate
from ...model.ct_history import CtHistory, HistorySlot, SlotState, interpret
from ...model.registers import CT_CHANGES_ALLOWED, CT_HISTORY_SLOTS, REGISTERS
from ...model.settings import SETTINGS
from ...model.types import CtRatio
from ...services.outcomes import ApplyReport, ConfirmationDeclined
from ..confirm import Confirmer, ConfirmingPage
from ..editors import UNKNOWN, TextEditor
from ..freshness import FreshnessLabel, mark_stale
from ..messages import error_message, translated
from ..tasks import error_text
from .base import Page, note, register, set_note
from .settings import status_mark

CT = SETTINGS["ct.ratio"]
# History columns, from the register table's first entry: (suffix, label, obis)
HISTORY_COLUMNS = [(reg.key.split(".", 3)[3], reg.obis)
                   for reg in REGISTERS.select(groups=["ct_history"])
                   if reg.key.startswith("ct.history.1.") and not reg.key.endswith(".ratio")]


def _words(words: tuple[int, ...] | None) -> str:
    return " ".join(f"{w:04X}" for w in words) if words else ""


@register
class CtPage(ConfirmingPage, Page):
    """Current-transformer ratio."""

    NAME, SECTION, ORDER = "ct", "Settings (menu 6.7)", 80
    TITLE = QT_TRANSLATE_NOOP("Pages", "CT ratio")
    INTRO = (QT_TRANSLATE_NOOP(
        "Pages", "The ratio of the current transformers on a 2PU CT (manual 6.9): primary "
             "1-9999 A with /1 A, or 5-9995 A with /5 A. The meter allows only 7 changes in "
             "its life; each one freezes the old ratio and the energy readings in a history "
             "entry."))

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.available = note("", "warning")
        self.available.setVisible(False)
        self.layout_.addWidget(self.available)
        form = QFormLayout()
        self.current = QLabel("—")
        self.current.setObjectName("readoutValue")
        self.remaining = QLabel("—")
        self.remaining.setObjectName("readoutValue")
        self.editor = TextEditor(CT)
        self.editor.setPlaceholderText(self.editor.allowed)  # empty: nothing to change
        self.editor.setMinimumWidth(440)
        self.editor.setMaximumWidth(520)
        self.editor.edited.connect(self._validate)
        self.editor.edited.connect(controller.note_edits)
        form.addRow(self.tr("Ratio in use"), self.current)
        form.addRow(self.tr("Changes left (of {total})").format(total=CT_CHANGES_ALLOWED),
                    self.remaining)
        form.addRow(self.tr("New ratio"), self.editor)
        self.layout_.addLayout(form)
        self.freshness = FreshnessLabel(controller)
        self.freshness.stale_changed.connect(self._show_stale)
        self.layout_.addWidget(self.freshness)
        self.layout_.addWidget(note(translate("Settings", CT.warning), "warning"))
        self.validation = note("", "error")
        self.validation.setVisible(False)
        self.layout_.addWidget(self.validation)
        buttons = QHBoxLayout()
        self.reload_button = QPushButton(self.tr("Read from meter"))
        self.change_button = QPushButton(self.tr("Change CT ratio…"))
        self.reload_button.clicked.connect(self.load)
        self.change_button.clicked.connect(self.ask_confirmation)
        buttons.addWidget(self.reload_button)
        buttons.addStretch(1)
        buttons.addWidget(self.change_button)
        self.layout_.addLayout(buttons)
        self.report = note("", "ok")
        self.report.setVisible(False)
        self.layout_.addWidget(self.report)
        self.layout_.addWidget(QLabel(self.tr("<b>CT history</b> (one entry per change made)")))
        self.table = QTableWidget(CT_HISTORY_SLOTS, 1 + len(HISTORY_COLUMNS))
        headers = [self.tr("Ratio\nbefore")] + [
            f"{self.history_title(name)}\n{obis or ''}".strip() for name, obis in HISTORY_COLUMNS]
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setVerticalHeaderLabels([f"{n:02d}" for n in
                                            range(1, CT_HISTORY_SLOTS + 1)])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Never narrower than a header's text: a narrow window scrolls the table instead.
        header.setMinimumSectionSize(max(header.fontMetrics().horizontalAdvance(line)
                                         for text in headers for line in text.split("\n"))
                                     + 12)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.resizeRowsToContents()
        self.table.setMaximumHeight(header.sizeHint().height()
                                    + sum(self.table.rowHeight(r) for r in
                                          range(CT_HISTORY_SLOTS))
                                    + self.table.horizontalScrollBar().sizeHint().height() + 6)
        self.layout_.addWidget(self.table)
        self.history_note = note("", "info")  # slots not answered, raw words, the assumption
        self.history_note.setVisible(False)
        self.layout_.addWidget(self.history_note)
        self.layout_.addStretch(1)
        self.ratio: CtRatio | None = None
        self.left: int | None = None  # None before loading, or when the count is unknown
        self.loaded = False
        self.busy = False
        self.confirmer = Confirmer(self)
        controller.identity_changed.connect(lambda _i: self._refresh(load=self.isVisible()))
        controller.state_changed.connect(lambda *_: self._refresh(load=False))
        controller.written.connect(self.on_written)
        controller.add_edit_source(self)
        self._refresh(load=False)

    def _show_stale(self, stale: bool) -> None:
        for label in (self.current, self.remaining):
            mark_stale(label, stale)

    # -- unwritten edits (ui/unwritten.EditSource) ----------------------------------------
    def pending(self) -> dict[Any, Any]:
        """The typed ratio, when it differs from the meter's (a typo counts too)."""
        if not self._is_ct() or self.ratio is None:
            return {}
        try:
            value = self.editor.current()
        except ConfiguratorError:
            return {CT: self.editor.text()}
        if value is UNKNOWN or value == self.ratio:
            return {}
        return {CT: value}

    def unwritten(self) -> dict[Any, Any]:
        """The typed ratio unless its change is being written now."""
        return {} if self.controller.runner.running("ct-apply") else self.pending()

    def validate(self) -> str:
        """What is wrong with the typed ratio ("" when it may be written)."""
        if self.left == 0 and self.pending():
            return self.tr("All 7 changes are used: the CT ratio can no longer be changed.")
        return self._problem()

    def discard_edits(self) -> None:
        """Clear the typed ratio."""
        self.editor.clear()
        self._validate()
        self.controller.note_edits()

    def on_written(self, report: ApplyReport) -> None:
        """A write or restore touched the CT ratio: read the ratio and the changes left
        again (an older note about the ratio no longer holds)."""
        if any(result.key == CT.key for result in report.results) and self._is_ct():
            self.ratio = None
            if self.controller.connected:
                self.load()

    def history_title(self, name: str) -> str:
        """A CT-history column ("import.t1") as a header ("Import T1"), translated."""
        words = {"import": self.tr("Import"), "export": self.tr("Export"),
                 "total": self.tr("Total")}
        return " ".join(words.get(part, part.upper()) for part in name.split("."))

    def _is_ct(self) -> bool:
        model = self.controller.model
        return model is not None and model in CT.models

    def _refresh(self, load: bool) -> None:
        model = self.controller.model
        if model is not None and not self._is_ct():
            set_note(self.available, self.tr("This meter is a {model}: only the 2PU CT "
                                             "(879-3040) has a CT ratio.").format(
                model=model.info.title), "warning")
        elif model is None:
            set_note(self.available, self.tr("Connect to a 2PU CT meter to see its CT ratio."),
                     "info")
        else:
            set_note(self.available, "", "info")
        self._update_enabled()
        if load and self._is_ct():
            self.load()

    def _update_enabled(self) -> None:
        ok = self.controller.connected and self._is_ct() and not self.busy
        self.reload_button.setEnabled(ok)
        self.editor.setEnabled(ok and self.left != 0)
        problem = self._problem()
        self.change_button.setEnabled(ok and not problem and self.loaded and self.left != 0)

    def page_shown(self) -> None:
        if self.controller.connected and self._is_ct() and self.ratio is None:
            self.load()

    def load(self) -> None:
        """Read the ratio and the history (a note about an earlier change is cleared)."""
        set_note(self.report, "", "ok")
        self._set_busy(True)
        self.controller.runner.start("ct-load", self._load(),
                                     restore=lambda: self._set_busy(False))

    async def _load(self) -> None:
        values = await self.controller.get_settings([CT])
        ratio = values.get(CT.key)
        self.ratio = ratio if isinstance(ratio, CtRatio) else None
        self.current.setText(str(ratio) + " A" if self.ratio else self.tr("unreadable"))
        try:
            history = await self.controller.read_ct_history()
        except UnsupportedError as exc:  # M-Bus carries the ratio, not the history
            self.left = None
            self.remaining.setText("—")
            set_note(self.validation, error_message(exc), "warning")
            return
        decoded = interpret(history, self.ratio)
        self.left = decoded.changes_left
        self.loaded = True
        self.remaining.setText(str(self.left) if self.left is not None else
                               self.tr("unknown (see the history below)"))
        for slot in decoded.slots:
            for col, text in enumerate(self._cells(slot)):
                self.table.setItem(slot.number - 1, col, QTableWidgetItem(text))
        self._history_note(decoded)
        self.freshness.mark_read()
        if self.left == 0:
            set_note(self.validation, self.tr("All 7 changes are used: the CT ratio can no "
                                              "longer be changed."), "error")
        self._validate()

    def _cells(self, slot: HistorySlot) -> list[str]:
        """One table row: decoded values, raw words where they do not decode."""
        if slot.state is SlotState.NOT_ANSWERED:
            return [self.tr("not answered")] + [""] * len(HISTORY_COLUMNS)
        if slot.state is SlotState.EMPTY:
            return ["—"] + [""] * len(HISTORY_COLUMNS)
        first = str(slot.ratio) if slot.ratio is not None else _words(slot.raw.get("ratio"))
        if slot.state is SlotState.IN_FORCE:
            first = self.tr("{ratio} (in force)").format(ratio=first)
        cells = [first]
        for name, _obis in HISTORY_COLUMNS:
            value = slot.readings.get(name)
            cells.append(QLocale().toString(value, "f", 2) if value is not None
                         else _words(slot.raw.get(name)))
        return cells

    def _history_note(self, history: CtHistory) -> None:
        """Say which slots the meter did not answer or did not fill with decodable values."""
        lines = []
        missing = [f"{s.number:02d}" for s in history.not_answered]
        if missing:
            codes = sorted({s.exception for s in history.not_answered if s.exception is not None})
            lines.append(self.tr("The meter did not answer history slot(s) {slots} (exception "
                                 "{codes}); the other slots are shown.").format(
                slots=", ".join(missing), codes=", ".join(f"{c:02d}" for c in codes)))
        if any(s.raw for s in history.slots):
            lines.append(self.tr("Values that do not decode are shown as their raw register "
                                 "words (hex)."))
        if history.changes_used is None:
            lines.append(self.tr("The number of changes left is unknown: a slot before the "
                                 "last used one could not be read."))
        set_note(self.history_note, " ".join(lines), "warning" if lines else "info")

    def _problem(self) -> str:
        if not self.editor.text().strip():
            return ""
        try:
            value = self.editor.current()
        except ConfiguratorError as exc:
            return error_message(exc)
        if self.ratio is not None and value == self.ratio:
            return self.tr("The meter already uses {ratio}.").format(ratio=str(value))
        return ""

    def _validate(self) -> None:
        if self.left == 0:
            return
        set_note(self.validation, self._problem(), "error")
        self._update_enabled()

    def _set_busy(self, busy: bool) -> None:
        """A task starts (True) or ends (False); busy while any runs (a re-read after a
        write may start before the write's task has ended)."""
        self._busy_depth = max(0, getattr(self, "_busy_depth", 0) + (1 if busy else -1))
        self.busy = self._busy_depth > 0
        self._update_enabled()

    def ask_confirmation(self) -> None:
        """Write the new ratio; the engine counts the changes left and the one confirmation
        dialog says plainly what the change costs (nothing is written without a yes)."""
        try:
            value = self.editor.current()
        except ConfiguratorError as exc:
            set_note(self.validation, error_message(exc), "error")
            return
        self._set_busy(True)
        set_note(self.report, self.tr("Writing the CT ratio…"), "info")
        self.controller.runner.start("ct-apply", self._apply(value),
                                     restore=lambda: self._set_busy(False),
                                     on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ConfirmationDeclined):
            set_note(self.report, self.tr("Not changed."), "info")
            return
        set_note(self.report, self.tr("Not confirmed: {reason} Read from the meter to see what "
                                      "it holds.").format(reason=error_text(exc)), "error")

    async def _apply(self, value: CtRatio) -> ApplyReport:
        report = await self.controller.apply({CT: value}, self.confirmer)
        result = report.results[0]
        if report.error is not None:
            problem = (translated(result.note) if result.note
                       else error_message(report.error))
            set_note(self.report, f"{status_mark(result)}: {problem}", "error")
        else:
            set_note(self.report, self.tr("✔ The meter now uses {ratio}.").format(
                ratio=str(result.after)), "ok")
        self.editor.clear()
        self.controller.note_edits()
        return report  # the page reads itself again through `written` (on_written)
