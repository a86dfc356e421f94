"""Backup page: save the settings to a file, restore one (dry-run diff, then a per-key report),
and write the commissioning report as PDF.

Every meter access goes through the controller (the connection manager owns the bus); work runs
as tracked tasks of the controller's runner; dialogs are opened with open() and answer through
signals (never exec() inside a coroutine). The services (backup, restore, report) import no
widgets: this page only presents their results.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDir, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QWidget,
)

from ...errors import ConfiguratorError
from ...i18n import QT_TRANSLATE_NOOP, translate
from ...model.models import Model
from ...model.settings import SETTINGS, TRANSPORT_NAMES
from ...services import restore as rs
from ...services.backup import (
    backup_file_name,
    load_backup,
    write_backup_file,
    write_text_atomic,
)
from ...services.documents import BackupDocument
from ...services.outcomes import (
    ConfirmationDeclined,
    UnreachableKind,
    WriteStatus,
)
from ...services.report import render_report_pdf
from ..confirm import Confirmer, ConfirmingPage
from ..editors import value_text
from ..messages import error_message, link_outcome_text, translated
from ..restore_preview import PreviewAsker
from ..tasks import error_text
from ..widgets import read_only_table
from .base import Page, note, register, set_note

# Plan statuses and result words (RestoreResult.word) as the table shows them.
_WORD = rs.result_word
STATUS_TEXT = {
    _WORD(rs.PlanStatus.CHANGE): QT_TRANSLATE_NOOP("BackupStatus", "will change"),
    _WORD(rs.PlanStatus.UNCHANGED): QT_TRANSLATE_NOOP("BackupStatus", "unchanged"),
    _WORD(rs.PlanStatus.NOT_ON_MODEL): QT_TRANSLATE_NOOP("BackupStatus", "not on this model"),
    _WORD(rs.PlanStatus.UNREACHABLE): QT_TRANSLATE_NOOP("BackupStatus", "not reachable"),
    _WORD(rs.PlanStatus.SKIPPED): QT_TRANSLATE_NOOP("BackupStatus", "skipped"),
    _WORD(rs.PlanStatus.NOT_IN_FILE): QT_TRANSLATE_NOOP("BackupStatus", "not in file"),
    _WORD(rs.PlanStatus.INVALID): QT_TRANSLATE_NOOP("BackupStatus", "invalid in the file"),
    _WORD(WriteStatus.VERIFIED): QT_TRANSLATE_NOOP("BackupStatus", "applied"),
    _WORD(WriteStatus.ACKNOWLEDGED): QT_TRANSLATE_NOOP("BackupStatus", "acknowledged"),
    _WORD(WriteStatus.REFUSED): QT_TRANSLATE_NOOP("BackupStatus", "refused by the meter"),
    _WORD(WriteStatus.MISMATCH): QT_TRANSLATE_NOOP("BackupStatus", "reads back another value"),
    _WORD(WriteStatus.NOT_TAKEN): QT_TRANSLATE_NOOP("BackupStatus", "not taken"),
    _WORD(WriteStatus.UNKNOWN): QT_TRANSLATE_NOOP("BackupStatus", "unknown: sent, no answer"),
    _WORD(WriteStatus.NOT_ATTEMPTED): QT_TRANSLATE_NOOP("BackupStatus", "not attempted"),
}
_BAD = "#fde8e8"
STATUS_COLOUR = {_WORD(rs.PlanStatus.CHANGE): "#fff4d6", _WORD(WriteStatus.VERIFIED): "#e7f6e9",
                 _WORD(rs.PlanStatus.INVALID): _BAD,
                 **{_WORD(s): _BAD for s in WriteStatus if s.failed or
                    s is WriteStatus.NOT_ATTEMPTED}}
COL_SETTING, COL_STATUS, COL_FILE, COL_METER, COL_NOTE = range(5)


def status_text(status: str) -> str:
    """A plan status or result word in the UI language."""
    word = str(status)
    return translate("BackupStatus", STATUS_TEXT[word]) if word in STATUS_TEXT else word


@register
class BackupPage(ConfirmingPage, Page):
    """Save and restore the meter's settings; commissioning report."""

    NAME, SECTION, ORDER = "backup", "Tools", 10
    TITLE = QT_TRANSLATE_NOOP("Pages", "Backup & restore")
    INTRO = QT_TRANSLATE_NOOP(
        "Pages", "Save the meter's settings to a file and restore them later, or write the "
        "commissioning report. A restore first shows what would change; nothing is written "
        "until you press Apply.")

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.busy = False
        self.doc: BackupDocument | None = None  # the loaded backup
        self.doc_path: Path | None = None
        self.state: rs.MeterState | None = None
        self.plan: rs.RestorePlan | None = None
        self.last_report: rs.RestoreReport | None = None
        self.undo_dir: str | None = None  # None: the default folder (restore.default_undo_dir)
        self._dialog: QWidget | None = None
        self.confirmer = Confirmer(self)  # CT ratio, T3/T4, link moves: asked before writing
        self.previewer = PreviewAsker(self)  # another model's file: what is (not) written

        top = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("Back up settings…"))
        self.restore_button = QPushButton(self.tr("Restore from file…"))
        self.report_button = QPushButton(self.tr("Commissioning report (PDF)…"))
        self.backup_button.clicked.connect(self.ask_backup)
        self.restore_button.clicked.connect(self.ask_restore)
        self.report_button.clicked.connect(self.ask_report)
        for button in (self.backup_button, self.restore_button, self.report_button):
            top.addWidget(button)
        top.addStretch(1)
        self.layout_.addLayout(top)
        self.status_label = note("", "info")
        self.status_label.setVisible(False)
        self.layout_.addWidget(self.status_label)

        self.file_label = note("", "info")
        self.file_label.setVisible(False)
        self.layout_.addWidget(self.file_label)
        self.table = read_only_table([
            self.tr("Setting"), self.tr("Status"), self.tr("In the file"),
            self.tr("On the meter"), self.tr("Note")], fit=(0, 1, 2, 3))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.setVisible(False)
        self.layout_.addWidget(self.table, 1)

        self.ct_box = QCheckBox(self.tr("Include CT ratio"))
        self.ct_box.setVisible(False)
        self.ct_box.toggled.connect(self._replan)
        self.ct_warning = note(self.tr(
            "The meter accepts only 7 changes of the CT ratio in its lifetime, and none can be "
            "undone. Restore it only when this meter's current transformers match the file."),
            "warning")
        self.ct_warning.setVisible(False)
        self.layout_.addWidget(self.ct_box)
        self.layout_.addWidget(self.ct_warning)
        self.problem_label = note("", "error")
        self.problem_label.setVisible(False)
        self.layout_.addWidget(self.problem_label)
        self.warning_label = note("", "warning")
        self.warning_label.setVisible(False)
        self.layout_.addWidget(self.warning_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.apply_button = QPushButton(self.tr("Apply restore"))
        self.apply_button.setVisible(False)
        self.apply_button.clicked.connect(self.start_apply)
        buttons.addWidget(self.apply_button)
        self.layout_.addLayout(buttons)
        self.result_label = note("", "ok")
        self.result_label.setVisible(False)
        self.layout_.addWidget(self.result_label)
        self.layout_.addStretch(1)  # takes the free space while no table is shown
        self._tail = self.layout_.count() - 1

        controller.state_changed.connect(lambda *_: self._update_enabled())
        controller.identity_changed.connect(self._on_identity)
        self._update_enabled()

    # -- enabling --------------------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        """A task starts (True) or ends (False); busy while any runs."""
        self._busy_depth = max(0, getattr(self, "_busy_depth", 0) + (1 if busy else -1))
        self.busy = self._busy_depth > 0
        self._update_enabled()

    def _update_enabled(self) -> None:
        ready = self.controller.connected and not self.busy
        for button in (self.backup_button, self.restore_button, self.report_button):
            button.setEnabled(ready)
            button.setToolTip("" if self.controller.connected
                              else self.tr("Connect to a meter first."))
        plan = self.plan
        self.apply_button.setEnabled(ready and plan is not None and plan.problem is None
                                     and bool(plan.changes()))
        self.ct_box.setEnabled(not self.busy)

    def _on_identity(self, _identity: Any) -> None:
        if self.plan is not None and not self.busy:  # another meter (or a reconnect): re-read
            self._clear_plan()

    def _clear_plan(self) -> None:
        self.plan = None
        self.state = None
        self._show_table(False)
        self.apply_button.setVisible(False)
        self.ct_box.setVisible(False)
        self.ct_warning.setVisible(False)
        set_note(self.problem_label, "", "error")
        set_note(self.warning_label, "", "warning")
        set_note(self.file_label, "", "info")
        self._update_enabled()

    def _status(self, text: str, kind: str = "info") -> None:
        set_note(self.status_label, text, kind)

    # -- dialogs (open(), answered through signals) -------------------------------------------
    def _file_dialog(self, title: str, filter_: str, save: bool, suggested: str,
                     slot: Any) -> QFileDialog:
        dialog = QFileDialog(self, title, QDir.homePath(), filter_)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        if save:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)  # we ask ourselves
            dialog.selectFile(suggested)
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(slot)
        self._dialog = dialog
        dialog.open()
        return dialog

    def _confirm_overwrite(self, path: Path, then: Any) -> None:
        """Ask before replacing a file (window-modal, via open()); `then(path)` on yes."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Replace the file?"))
        box.setText(self.tr("{name} exists already. Replace it?").format(name=path.name))
        yes = box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda _r: then(path) if box.clickedButton() is yes else None)
        self._dialog = box
        box.open()

    def ask_backup(self) -> None:
        """Choose where to save the backup."""
        serial = self.controller.identity.serial if self.controller.identity else None
        suggested = f"{serial}.json" if serial is not None else "meter-backup.json"
        self._file_dialog(self.tr("Save the meter's settings"),
                          self.tr("Backup files (*.json)"), True, suggested,
                          lambda name: self._chosen_save(name, self.backup_to, ".json"))

    def ask_report(self) -> None:
        """Choose where to save the commissioning report."""
        serial = self.controller.identity.serial if self.controller.identity else None
        suggested = f"commissioning-{serial}.pdf" if serial is not None else "commissioning.pdf"
        self._file_dialog(self.tr("Save the commissioning report"),
                          self.tr("PDF files (*.pdf)"), True, suggested,
                          lambda name: self._chosen_save(name, self.report_to, ".pdf"))

    def ask_restore(self) -> None:
        """Choose a backup file to compare with the meter."""
        self._file_dialog(self.tr("Open a backup"), self.tr("Backup files (*.json)"), False, "",
                          self.load_file)

    def _chosen_save(self, name: str, action: Any, suffix: str) -> None:
        if not name:
            return
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(suffix)
        if path.exists():
            self._confirm_overwrite(path, lambda p: action(p, overwrite=True))
        else:
            action(path, overwrite=False)

    # -- backup ----------------------------------------------------------------------------
    def backup_to(self, path: str | Path, overwrite: bool = False) -> None:
        """Read the meter and write the backup to `path` (a tracked task)."""
        self._set_busy(True)
        self._status(self.tr("Reading the meter's settings…"), "info")
        self.controller.runner.start("backup-save", self._backup(Path(path), overwrite),
                                     restore=lambda: self._set_busy(False),
                                     on_error=self._failed)

    async def _backup(self, path: Path, overwrite: bool) -> Path:
        doc = await self.controller.make_backup()
        if path.is_dir():
            path = path / backup_file_name(doc)
        written = write_backup_file(path, doc, overwrite=overwrite)
        self._status(self.tr("Saved {count} settings of meter {serial} to {path}.").format(
            count=len(doc.settings), serial=doc.meter.value("serial", "?"),
            path=str(written)), "ok")
        return written

    def _failed(self, exc: BaseException) -> None:
        self._status(error_text(exc), "error")

    # -- restore -----------------------------------------------------------------------------
    def load_file(self, path: str | Path) -> None:
        """Load a backup and compare it with the meter (nothing is written)."""
        if not path:
            return
        self._clear_plan()
        set_note(self.result_label, "", "ok")
        try:
            doc = load_backup(path)
        except ConfiguratorError as exc:
            self.doc = None
            self._status(self.tr("Cannot use this file: {reason}").format(
                reason=error_message(exc)), "error")
            return
        self.doc, self.doc_path = doc, Path(path)
        self._set_busy(True)
        self._status(self.tr("Comparing the file with the meter…"), "info")
        self.controller.runner.start("backup-plan", self._plan(),
                                     restore=lambda: self._set_busy(False),
                                     on_error=self._failed)

    async def _plan(self) -> None:
        self.state = await self.controller.read_meter_state()
        self._status("", "info")
        self._replan()

    def _replan(self, *_args: Any) -> None:
        if self.doc is None or self.state is None:
            return
        self.plan = rs.plan_restore(self.state, self.doc, include_ct=self.ct_box.isChecked())
        self.show_plan(self.plan)

    def show_plan(self, plan: rs.RestorePlan) -> None:
        """The key-by-key dry run."""
        doc = self.doc
        text = self.tr("File {name}: a {model}, serial {serial}, saved {when}.").format(
            name=self.doc_path.name if self.doc_path else "?",
            model=doc.meter.model.info.title if doc else "?",
            serial=doc.meter.serial if doc else "?",
            when=doc.created_utc if doc else "?")
        changes = plan.count(rs.CHANGE)
        text += " " + self.tr("{changes} to change, {same} unchanged.").format(
            changes=changes, same=plan.count(rs.UNCHANGED))
        kind = "info"
        if plan.other_meter:
            text += " " + self.tr("The file comes from another meter (serial {serial}).").format(
                serial=plan.source_serial)
            kind = "warning"
        if plan.other_model:
            left = plan.not_written() + [e for e in plan.entries if e.status is
                                         rs.PlanStatus.NOT_IN_FILE and not self._source_has(e.key)]
            skipped = [f"{translate('Settings', SETTINGS[e.key].label)} ({self.reason_text(e)})"
                       for e in left]
            text += " " + self.tr("It is of a {source}, this meter is a {model}: only the "
                                  "settings this model has are written.").format(
                source=Model.parse(plan.source_model).info.title if plan.source_model else "?",
                model=plan.state.model.info.title)
            if skipped:
                text += " " + self.tr("Not written: {keys}.").format(keys="; ".join(skipped))
            kind = "warning"
        set_note(self.file_label, text, kind)
        set_note(self.warning_label, "\n".join(str(translated(w.sentence()))
                                               for w in plan.warnings), "warning")
        self._fill_table([(e.key, e.status.value, e.file_value, e.meter_value,
                           self.reason_text(e)) for e in plan.entries])
        has_ct = any(e.key == "ct.ratio" and e.status in (
            rs.PlanStatus.SKIPPED, rs.PlanStatus.CHANGE, rs.PlanStatus.UNCHANGED)
            for e in plan.entries)
        self.ct_box.setVisible(has_ct)
        self.ct_warning.setVisible(has_ct and self.ct_box.isChecked())
        set_note(self.problem_label,
                 self.tr("The file's values together break a rule of the meter; nothing can be "
                         "written: {reason}").format(reason=error_message(plan.problem))
                 if plan.problem else "", "error")
        self.apply_button.setVisible(True)
        count = len(plan.changes())
        if count == 1:
            self.apply_button.setText(self.tr("Apply restore (1 change)"))
        elif count:
            self.apply_button.setText(self.tr("Apply restore ({count} changes)").format(
                count=count))
        else:
            self.apply_button.setText(self.tr("Apply restore"))
        self._update_enabled()

    def reason_text(self, entry: rs.PlanEntry) -> str:
        """Why a key is not written, in the UI language (the service's own words otherwise)."""
        why = entry.why
        if why is not None and why.kind is UnreachableKind.NOT_ON_MODEL and \
                entry.key == rs.CT_KEY:
            return self.tr("this meter has no current transformers (only the 2PU CT has a CT "
                           "ratio)")
        if why is not None and why.kind is UnreachableKind.NOT_ON_MODEL:
            return self.tr("exists only on {models}").format(models=", ".join(why.models))
        if why is not None and why.kind is UnreachableKind.NOT_OVER_TRANSPORT:
            return self.tr("cannot be written over {transport}").format(
                transport=TRANSPORT_NAMES[why.transport])
        if why is not None:
            return str(translated(why.sentence()))
        if entry.skipped is rs.SkipReason.CT_NOT_ASKED:
            return self.tr("restored only when asked: each change uses one of only 7 and "
                           "cannot be undone")
        if entry.skipped is rs.SkipReason.TEMPLATE:
            return self.tr("belongs to one meter: a template never copies it")
        if entry.status is rs.PlanStatus.NOT_IN_FILE and self.plan is not None \
                and self.plan.other_model and not self._source_has(entry.key):
            return self.tr("the file's {model} has no such setting: the meter keeps its "
                           "own").format(model=self.plan.source_model)
        if entry.status is rs.PlanStatus.NOT_IN_FILE:
            return self.tr("the backup holds no value for it")
        return str(translated(entry.reason))

    def _source_has(self, key: str) -> bool:
        """Whether the file's model has the setting (True when the model is not known)."""
        from ...model.models import Model

        try:
            source = Model.parse(self.plan.source_model) if self.plan is not None else None
        except ValueError:
            return True
        return source is None or source in SETTINGS[key].models

    def _fill_table(self, rows: list[tuple[str, str, Any, Any, str]]) -> None:
        from PySide6.QtGui import QColor

        self.table.setRowCount(len(rows))
        for row, (key, status, file_value, meter_value, reason) in enumerate(rows):
            item = SETTINGS[key]
            cells = [translate("Settings", item.label), status_text(status),
                     self._fmt(key, file_value), self._fmt(key, meter_value), translated(reason)]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)  # the whole text where a column cuts it
                if col == COL_SETTING:
                    cell.setData(Qt.ItemDataRole.UserRole, key)
                if status in STATUS_COLOUR:
                    cell.setBackground(QColor(STATUS_COLOUR[status]))
                self.table.setItem(row, col, cell)
        self._show_table(True)

    def _show_table(self, visible: bool) -> None:
        self.table.setVisible(visible)
        self.layout_.setStretch(self._tail, 0 if visible else 1)

    @staticmethod
    def _fmt(key: str, value: Any) -> str:
        if value is None:
            return "—"
        if isinstance(value, Exception):
            return "?"
        try:
            return value_text(SETTINGS[key], value)
        except (KeyError, ValueError, TypeError):
            return str(value)

    @property
    def preview(self) -> Any:
        """The open "what will be written" dialog (a file of another model), if any."""
        return self.previewer.dialog

    def start_apply(self) -> None:
        """Write the plan's changes (the undo backup is saved first); a file of another model
        first says what will and will not be written, and writes only on yes."""
        plan = self.plan
        if plan is None or plan.problem is not None or not plan.changes():
            return
        if plan.other_model:
            self._set_busy(True)
            self.controller.runner.start("restore-preview", self._preview(plan),
                                         restore=lambda: self._set_busy(False),
                                         on_error=self._failed)
            return
        self._start_apply(plan)

    async def _preview(self, plan: rs.RestorePlan) -> None:
        if await self.previewer(plan, self.reason_text):
            self._start_apply(plan)
        else:
            set_note(self.result_label, self.tr("Not written: the restore was cancelled."),
                     "info")

    def _start_apply(self, plan: rs.RestorePlan) -> None:
        self._set_busy(True)
        self._status(self.tr("Saving an undo backup, then writing…"), "info")
        self.controller.runner.start("apply-restore", self._apply(plan),
                                     restore=lambda: self._set_busy(False),
                                     on_error=self._apply_failed)

    async def _apply(self, plan: rs.RestorePlan) -> rs.RestoreReport:
        report = await self.controller.restore(plan, self.undo_dir, self.confirmer)
        self.show_report(report)
        self.plan = None
        return report

    def _apply_failed(self, exc: BaseException) -> None:
        self._status(self.tr("Nothing confirmed: {reason} Some values may have reached the "
                             "meter: load the file again to compare.").format(
                                 reason=error_text(exc)), "error")

    def show_report(self, report: rs.RestoreReport) -> None:
        """Per-key results in the table, a summary and the undo file."""
        self.last_report = report
        self.table.setHorizontalHeaderLabels([
            self.tr("Setting"), self.tr("Result"), self.tr("From the file"),
            self.tr("Before"), self.tr("Note")])
        self._fill_table([(r.key, r.word, r.file_value, r.before,
                           translated(r.message)) for r in report.results])
        if isinstance(report.error, ConfirmationDeclined):
            self._status("", "info")
            set_note(self.result_label, self.tr("Not written: not confirmed."), "info")
            return
        counts = [f"{report.count(w)} {status_text(w)}" for w in rs.RESULT_ORDER
                  if report.count(w)]
        lines = [self.tr("Restore finished: {counts}.").format(counts=", ".join(counts))]
        if report.undo_path and report.ct_changed:
            lines.append(self.tr("Before writing, the meter's settings were saved to {path}. "
                                 "Restoring that file undoes the other settings; the CT ratio "
                                 "comes back only with \"Include CT ratio\", which uses another "
                                 "of the 7 CT ratio changes.").format(path=str(report.undo_path)))
        elif report.undo_path:
            lines.append(self.tr("Before writing, the meter's settings were saved to {path} "
                                 "(restore that file to undo).").format(
                                     path=str(report.undo_path)))
        moved = link_outcome_text(report.applied.link if report.applied is not None else None,
                                  report.link_note)
        if moved:
            lines.append(moved)
        kind = "ok"
        if report.error is not None:
            lines.append(self.tr("Stopped: {reason}").format(reason=error_message(report.error)))
            kind = "error"
        self._status("", "info")
        set_note(self.result_label, "\n".join(lines), kind)
        self.apply_button.setVisible(False)
        self.ct_box.setVisible(False)
        self.ct_warning.setVisible(False)

    # -- report ------------------------------------------------------------------------------
    def report_to(self, path: str | Path, overwrite: bool = False) -> None:
        """Read the meter and write the commissioning report (PDF rendered off the UI thread)."""
        self._set_busy(True)
        self._status(self.tr("Reading the meter for the report…"), "info")
        self.controller.runner.start("backup-report", self._report(Path(path), overwrite),
                                     restore=lambda: self._set_busy(False),
                                     on_error=self._failed)

    async def _report(self, path: Path, overwrite: bool) -> Path:
        doc = await self.controller.collect_report()
        self._status(self.tr("Writing the PDF…"), "info")
        await asyncio.sleep(0)  # let the status paint first
        # One meter is one page (~0.2 s): rendered here, because QTextDocument and fonts belong
        # to the GUI thread.
        pdf = render_report_pdf([doc], translator=translate)  # in the UI language
        written = write_text_atomic(path, pdf, overwrite=overwrite)
        self._status(self.tr("Saved the commissioning report to {path}.").format(
            path=str(written)), "ok")
        return written
