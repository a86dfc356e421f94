"""Commission page: the guided commissioning job over a bus, with its checklist.

The steps are services/commission.py's (the same as `configurator commission`); this page only
gathers the plan (site, installer, template, first address, job folder, the bus), shows where
the job stands and what each step did, and lets the job pause and resume. The job owns the bus
while it runs: a meter connected in the window is disconnected first. The plan is written into
the job folder, so a job paused here (or left when the window closed) resumes from its state
file, in the window or with the command.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDir, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ...errors import ConfiguratorError
from ...i18n import QT_TRANSLATE_NOOP, translate
from ...services import commission as cm
from ...services.connection import ConnectionOptions
from ..confirm import Confirmer, ConfirmingPage
from ..dialogs import DialogAsker, accepted
from ..messages import error_message, translated
from ..tasks import error_text
from .base import Page, note, register, set_note

MARKS = {cm.StepState.DONE: "☑", cm.StepState.FAILED: "☒", cm.StepState.RUNNING: "▶",
         cm.StepState.PENDING: "☐"}
PLAN_NAME = "plan.json"


class NextMeterQuestion(QMessageBox):
    """Modbus factory meters one at a time: connect the next meter, or pause the job (the
    words come from the page, whose translations they are)."""

    def __init__(self, parent: QWidget, title: str, text: str, go: str, pause: str) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(title)
        self.setText(text)
        self.accept_button = self.addButton(go, QMessageBox.ButtonRole.AcceptRole)
        self.pause_button = self.addButton(pause, QMessageBox.ButtonRole.RejectRole)


@register
class CommissionPage(ConfirmingPage, Page):
    """A whole bus commissioned step by step, with one report."""

    NAME, SECTION, ORDER = "commission", "Tools", 40
    TITLE = QT_TRANSLATE_NOOP("Pages", "Commission")
    INTRO = QT_TRANSLATE_NOOP(
        "Pages", "Commission every meter on a bus in one job: find them, check each one, give "
        "each its address, apply a template, judge the wiring under load, back them up and "
        "write one report. The job can be paused and resumed; each step finishes before the "
        "next starts.")

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.busy = False
        self.pause_asked = False
        self.job: cm.Job | None = None
        self.outcome: cm.JobOutcome | None = None
        self.confirmer = Confirmer(self)
        self._dialog: QFileDialog | None = None
        self.next_asker: DialogAsker[NextMeterQuestion] = DialogAsker(self)  # the next meter

        form = QFormLayout()
        self.site_edit = QLineEdit()
        self.installer_edit = QLineEdit()
        self.template_edit = QLineEdit()
        self.template_edit.setPlaceholderText(self.tr("no template: settings stay as they are"))
        template_row = QHBoxLayout()
        template_row.addWidget(self.template_edit, 1)
        self.template_button = QPushButton(self.tr("Choose…"))
        self.template_button.clicked.connect(self.ask_template)
        template_row.addWidget(self.template_button)
        self.folder_edit = QLineEdit()
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        self.folder_button = QPushButton(self.tr("Choose…"))
        self.folder_button.clicked.connect(self.ask_folder)
        folder_row.addWidget(self.folder_button)
        self.first_box = QSpinBox()
        self.first_box.setRange(1, 247)
        count_row = QHBoxLayout()
        self.count_box = QSpinBox()
        self.count_box.setRange(0, 247)
        self.count_box.setSpecialValueText(self.tr("as found"))
        self.one_box = QCheckBox(self.tr("Modbus factory meters: connect one at a time"))
        self.one_box.setToolTip(self.tr(
            "Every Modbus meter leaves the factory at address 1, so two of them cannot share a "
            "bus. The job asks you to connect each new meter and gives it its address before "
            "the next one."))
        count_row.addWidget(self.count_box)
        count_row.addWidget(self.one_box, 1)
        bus_row = QHBoxLayout()
        self.protocol_box = QComboBox()
        self.protocol_box.addItem(self.tr("Modbus RTU"), "modbus")
        self.protocol_box.addItem(self.tr("M-Bus"), "mbus")
        self.port_edit = QLineEdit()
        bus_row.addWidget(self.protocol_box)
        bus_row.addWidget(self.port_edit, 1)
        form.addRow(self.tr("Site"), self.site_edit)
        form.addRow(self.tr("Installer"), self.installer_edit)
        form.addRow(self.tr("Template"), template_row)
        form.addRow(self.tr("First address"), self.first_box)
        form.addRow(self.tr("Meters"), count_row)
        form.addRow(self.tr("Bus (serial port)"), bus_row)
        form.addRow(self.tr("Job folder"), folder_row)
        self.layout_.addLayout(form)

        buttons = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Start or resume"))
        self.pause_button = QPushButton(self.tr("Pause after this step"))
        self.restart_button = QPushButton(self.tr("Start over"))
        self.restart_button.setToolTip(self.tr(
            "Forget where the saved job stands and start it from the bus search; meters "
            "already given their address are found there."))
        self.start_button.clicked.connect(lambda: self.start_job())
        self.restart_button.clicked.connect(lambda: self.start_job(restart=True))
        self.pause_button.clicked.connect(self.ask_pause)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.restart_button)
        buttons.addWidget(self.pause_button)
        buttons.addStretch(1)
        self.layout_.addLayout(buttons)
        self.status_label = note("", "info")
        self.status_label.setVisible(False)
        self.layout_.addWidget(self.status_label)
        row = QHBoxLayout()
        self.checklist = QListWidget()
        self.checklist.setWordWrap(True)
        self.checklist.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        row.addWidget(self.checklist, 1)
        row.addWidget(self.log, 1)
        self.layout_.addLayout(row, 1)
        controller.options_changed.connect(self._on_options)
        self._on_options(controller.options)
        self.show_checklist()
        self._update_enabled()

    # -- fields ----------------------------------------------------------------------------
    def _on_options(self, options: ConnectionOptions | None) -> None:
        if options is None or self.busy:
            return
        if options.protocol in ("modbus", "mbus") and options.port:
            self.port_edit.setText(options.port)
            self.protocol_box.setCurrentIndex(self.protocol_box.findData(options.protocol))

    def _choose(self, title: str, folder: bool, then: Any) -> None:
        dialog = QFileDialog(self, title, QDir.homePath(), self.tr("Templates (*.json)"))
        if folder:
            dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.fileSelected.connect(then)
        self._dialog = dialog
        dialog.open()

    def ask_template(self) -> None:
        """Choose the template file."""
        self._choose(self.tr("Choose the template"), False, self.template_edit.setText)

    def ask_folder(self) -> None:
        """Choose the job folder."""
        self._choose(self.tr("Choose the job folder"), True, self.folder_edit.setText)

    def plan_document(self) -> dict[str, Any]:
        """The plan the fields describe."""
        doc: dict[str, Any] = {"format": cm.PLAN_FORMAT, "format_version": cm.FORMAT_VERSION,
                               "site": self.site_edit.text().strip(),
                               "installer": self.installer_edit.text().strip(),
                               "first_address": self.first_box.value(), "output": "."}
        if self.count_box.value():
            doc["expected_meters"] = self.count_box.value()
        if self.one_box.isChecked():
            doc["one_at_a_time"] = True
        if self.template_edit.text().strip():
            doc["template"] = str(Path(self.template_edit.text().strip()).resolve())
        return doc

    def options(self) -> ConnectionOptions:
        """The bus the job runs on."""
        return ConnectionOptions(port=self.port_edit.text().strip() or None,
                                 protocol=str(self.protocol_box.currentData()))

    # -- the checklist -----------------------------------------------------------------------
    def show_checklist(self) -> None:
        """One line per step: done, running, failed or to do, with the meters' count."""
        self.checklist.clear()
        job = self.job
        for step in cm.STEPS:
            state = job.steps[step] if job is not None else cm.StepState.PENDING
            text = f"{MARKS[state]} {translate('Commission', cm.STEP_LABELS[step])}"
            if job is not None and job.meters and step in cm.PER_METER:
                done = sum(1 for m in job.meters if m.has(step))
                text += f" ({done}/{len(job.meters)})"
            self.checklist.addItem(text)

    def _update_enabled(self) -> None:
        self.start_button.setEnabled(not self.busy)
        self.restart_button.setEnabled(not self.busy)
        self.pause_button.setEnabled(self.busy and not self.pause_asked)
        for widget in (self.site_edit, self.installer_edit, self.template_edit,
                       self.template_button, self.first_box, self.count_box, self.one_box,
                       self.protocol_box, self.port_edit,
                       self.folder_edit, self.folder_button):
            widget.setEnabled(not self.busy)

    def _status(self, text: str, kind: str = "info") -> None:
        set_note(self.status_label, text, kind)

    # -- running -----------------------------------------------------------------------------
    def ask_pause(self) -> None:
        """Stop the job after the step running now (its state is kept)."""
        self.pause_asked = True
        self._status(self.tr("The job pauses when this step is finished…"), "info")
        self._update_enabled()

    def start_job(self, restart: bool = False) -> None:
        """Start the job, or resume the job saved in the job folder (`restart`: start it
        again from the beginning)."""
        if not self.site_edit.text().strip():
            self._status(self.tr("Name the site first: it heads the report."), "error")
            return
        if not self.folder_edit.text().strip() or not self.port_edit.text().strip():
            self._status(self.tr("Choose the bus's serial port and a job folder first."),
                         "error")
            return
        folder = Path(self.folder_edit.text().strip())
        try:
            folder.mkdir(parents=True, exist_ok=True)
            plan_path = folder / PLAN_NAME
            doc = self.plan_document()
            plan = cm.plan_from_document(doc, plan_path.resolve())
            if restart or not plan.state_path.exists() or not plan_path.exists():
                plan_path.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
            self.job = cm.Job.open(plan, self.options(), restart=restart)
        except (ConfiguratorError, OSError) as exc:
            self._status(error_text(exc) if isinstance(exc, ConfiguratorError) else str(exc),
                         "error")
            return
        self.busy, self.pause_asked, self.outcome = True, False, None
        self._update_enabled()
        self.show_checklist()
        self._status(self.tr("The job is running…"), "info")
        self.controller.runner.start("commission", self._run(self.job),
                                     restore=self._finished, on_error=self._failed)

    async def _run(self, job: cm.Job) -> None:
        if self.controller.connected:  # the job owns the bus now
            await self.controller.disconnect()

        def progress(step: cm.Step, meter: cm.JobMeter | None, text: Any) -> None:
            who = f"{meter.serial:08d} " if meter is not None and meter.serial else ""
            label = translate("Commission", cm.STEP_LABELS[step])
            self.log.appendPlainText(f"{label}: {who}{translated(text)}")
            self.show_checklist()

        self.outcome = await cm.run_job(job, confirm=self.confirmer, progress=progress,
                                        pause=lambda: self.pause_asked, translator=translate,
                                        next_meter=self.ask_next_meter)
        self.show_checklist()
        outcome = self.outcome
        if outcome.error is not None:
            self._status(self.tr("The job stopped: {reason} Correct it and press Start or "
                                 "resume.").format(reason=error_message(outcome.error)),
                         "error")
        elif outcome.paused:
            self._status(self.tr("Paused. Press Start or resume to go on; the job is saved in "
                                 "{folder}.").format(folder=str(job.plan.output)), "info")
        else:
            self._status(self.tr("Job finished: {count} meter(s), report {path}.").format(
                count=len(job.meters), path=str(job.report)), "ok")

    async def ask_next_meter(self, number: int, total: int) -> bool:
        """Modbus factory meters one at a time: ask the installer to connect the next one."""
        box = NextMeterQuestion(
            self, self.tr("Connect the next meter"),
            self.tr("Connect meter {number} of {total} to the bus. It answers at the "
                    "factory address {address} until the job gives it its own.").format(
                number=number, total=total, address=cm.FACTORY_ADDRESS),
            self.tr("It is connected"), self.tr("Pause the job"))
        return await self.next_asker.ask(box, accepted)

    @property
    def next_dialog(self) -> NextMeterQuestion | None:
        """The open "connect the next meter" question, if any (tests answer it)."""
        return self.next_asker.dialog

    def _finished(self) -> None:
        self.busy = False
        self.pause_asked = False
        self._update_enabled()

    def _failed(self, exc: BaseException) -> None:
        self._status(error_text(exc), "error")
