"""Template page: make and edit a settings template with no meter connected, save and open
it, and apply it to the meter connected now.

One editor per setting of the chosen model, generated from the settings table (ui/editors.py);
every change is checked at once by the same rules as a live write (services/template.py).
Applying goes through the restore plan and the one write engine (controller.restore), so
permanent acts are confirmed in the one dialog (ui/confirm.py). Addresses and the CT ratio are
left out of a new template and are never copied unless asked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDir
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from ...errors import ConfiguratorError
from ...i18n import QT_TRANSLATE_NOOP
from ...model.models import Model
from ...model.settings import SETTINGS
from ...services import template as tp
from ...services.outcomes import WriteStatus
from ..confirm import Confirmer, ConfirmingPage
from ..editors import label_of, make_editor
from ..messages import error_message, translated
from ..tasks import error_text
from .base import Page, note, register, set_note


@register
class TemplatePage(ConfirmingPage, Page):
    """Settings templates made before the site."""

    NAME, SECTION, ORDER = "template", "Tools", 30
    TITLE = QT_TRANSLATE_NOOP("Pages", "Template")
    INTRO = QT_TRANSLATE_NOOP(
        "Pages", "Prepare the settings for a site before you get there: no meter needs to be "
        "connected. Each value is checked as a write to the meter would be. Addresses and the "
        "CT ratio belong to one meter and are only written when you tick them.")

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.busy = False
        self.model = Model.PU4
        self.path: Path | None = None
        self.doc: dict[str, Any] | None = None
        self.problem: str = ""
        self.last_written = 0
        self.confirmer = Confirmer(self)
        self.editors: dict[str, Any] = {}
        self.included: dict[str, QCheckBox] = {}
        self._dialog: QFileDialog | None = None

        top = QHBoxLayout()
        self.model_box = QComboBox()
        for model in Model:
            self.model_box.addItem(model.info.title, model.info.code)
        self.new_button = QPushButton(self.tr("New"))
        self.open_button = QPushButton(self.tr("Open…"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_as_button = QPushButton(self.tr("Save as…"))
        self.new_button.clicked.connect(self._new_clicked)
        self.open_button.clicked.connect(self.ask_open)
        self.save_button.clicked.connect(self.save)
        self.save_as_button.clicked.connect(self.ask_save)
        top.addWidget(QLabel(self.tr("Model")))
        top.addWidget(self.model_box)
        for button in (self.new_button, self.open_button, self.save_button,
                       self.save_as_button):
            top.addWidget(button)
        top.addStretch(1)
        self.layout_.addLayout(top)
        self.file_label = note("", "info")
        self.file_label.setVisible(False)
        self.layout_.addWidget(self.file_label)
        self.form_host = QWidget()
        self.form = QGridLayout(self.form_host)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.form_host)
        self.problem_label = note("", "error")
        self.problem_label.setVisible(False)
        self.layout_.addWidget(self.problem_label)
        self.warning_label = note("", "warning")
        self.warning_label.setVisible(False)
        self.layout_.addWidget(self.warning_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.apply_button = QPushButton(self.tr("Apply to this meter"))
        self.apply_button.clicked.connect(self.start_apply)
        buttons.addWidget(self.apply_button)
        self.layout_.addLayout(buttons)
        self.result_label = note("", "ok")
        self.result_label.setVisible(False)
        self.layout_.addWidget(self.result_label)
        self.layout_.addStretch(1)
        controller.state_changed.connect(lambda *_: self._update_enabled())
        self.new_template(controller.model or self.model)  # the connected meter's, if any

    # -- the editor ------------------------------------------------------------------------
    def _new_clicked(self) -> None:
        self.path = None
        self.new_template(Model.parse(str(self.model_box.currentData())))

    def new_template(self, model: Model) -> None:
        """Start a template of `model` with the factory values (per-meter keys left out)."""
        self.show_document(tp.new_template(model))
        set_note(self.file_label, self.tr("New template for the {model}: not saved yet.")
                 .format(model=model.info.title), "info")

    def show_document(self, doc: dict[str, Any]) -> None:
        """Build one editor per setting of the template's model and show its values."""
        self.model = tp.template_model(doc)
        self.model_box.blockSignals(True)
        self.model_box.setCurrentIndex(self.model_box.findData(self.model.info.code))
        self.model_box.blockSignals(False)
        while self.form.count():
            taken = self.form.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self.editors.clear()
        self.included.clear()
        values = tp.template_values(doc)
        factory = {item.key: item.factory_value(self.model) for item in SETTINGS.values()}
        for row, item in enumerate(tp.template_settings(self.model)):
            check = QCheckBox(label_of(item))
            check.setChecked(item.key in values)
            editor = make_editor(item, self.form_host)
            shown = values.get(item.key, factory.get(item.key))
            if shown is not None:
                editor.set_current(shown)
            editor.widget().setEnabled(check.isChecked())
            check.toggled.connect(lambda on, e=editor: (e.widget().setEnabled(on),
                                                         self.validate()))
            editor.edited.connect(self.validate)
            column = 0 if row < 9 else 2
            self.form.addWidget(check, row % 9, column)
            self.form.addWidget(editor.widget(), row % 9, column + 1)
            self.editors[item.key] = editor
            self.included[item.key] = check
        self.doc = doc
        self.validate()

    def values(self) -> dict[str, Any]:
        """The ticked settings' values (raises InvalidValueError for a value that does not
        parse); a ticked setting whose editor shows no value is not held."""
        return {key: editor.current() for key, editor in self.editors.items()
                if self.included[key].isChecked() and not editor.is_unknown()}

    def validate(self) -> bool:
        """Check the edited template as a live write would be; show what is wrong."""
        try:
            values = self.values()
            warnings = tp.check_values(self.model, values)
            self.doc = tp.set_values(self.doc or tp.new_template(self.model),
                                     {**{k: None for k in self.editors}, **values})
        except ConfiguratorError as exc:
            self.problem = error_message(exc)
            set_note(self.problem_label, self.problem, "error")
            set_note(self.warning_label, "", "warning")
            self._update_enabled()
            return False
        self.problem = ""
        set_note(self.problem_label, "", "error")
        set_note(self.warning_label, "\n".join(str(translated(w.sentence()))
                                               for w in warnings), "warning")
        self._update_enabled()
        return True

    def _update_enabled(self) -> None:
        ok = not self.problem and not self.busy
        self.save_button.setEnabled(ok)
        self.save_as_button.setEnabled(ok)
        self.apply_button.setEnabled(ok and self.controller.connected)

    # -- files -------------------------------------------------------------------------------
    def _file_dialog(self, title: str, save: bool, then: Any) -> None:
        dialog = QFileDialog(self, title, str(self.path.parent if self.path else QDir.homePath()),
                             self.tr("Templates (*.json)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save
                             else QFileDialog.AcceptMode.AcceptOpen)
        if save:
            dialog.selectFile("template.json")
        dialog.fileSelected.connect(then)
        self._dialog = dialog
        dialog.open()

    def ask_open(self) -> None:
        """Choose a template to open."""
        self._file_dialog(self.tr("Open a template"), False, self.open_file)

    def ask_save(self) -> None:
        """Choose where to save the template."""
        self._file_dialog(self.tr("Save the template"), True,
                          lambda name: self.save_file(name, overwrite=True))

    def save(self) -> None:
        """Save to the file the template came from (or ask where, for a new one)."""
        if self.path is None:
            self.ask_save()
        else:
            self.save_file(self.path, overwrite=True)

    def open_file(self, path: str | Path) -> None:
        """Open a template (a meter's backup serves too: its per-meter values come unticked)."""
        if not path:
            return
        try:
            doc = tp.load_template(path, backups_too=True)
        except ConfiguratorError as exc:
            set_note(self.file_label, self.tr("Cannot use this file: {reason}").format(
                reason=error_message(exc)), "error")
            return
        if not tp.is_template(doc):
            keep = {k: v for k, v in tp.template_values(doc).items()
                    if k not in tp.PER_METER_KEYS}
            doc = tp.new_template(tp.template_model(doc), keep)
        self.path = Path(path)
        self.show_document(doc)
        set_note(self.file_label, self.tr("Template {path} for the {model}.").format(
            path=str(self.path), model=self.model.info.title), "info")

    def save_file(self, path: str | Path, overwrite: bool = False) -> Path | None:
        """Save the edited template (nothing is saved while a value is refused)."""
        if not path or not self.validate() or self.doc is None:
            return None
        try:
            written = tp.write_template(path, self.doc, overwrite=overwrite)
        except ConfiguratorError as exc:
            set_note(self.file_label, error_message(exc), "error")
            return None
        self.path = written
        set_note(self.file_label, self.tr("Saved the template for the {model} to {path}.")
                 .format(model=self.model.info.title, path=str(written)), "ok")
        return written

    # -- applying ----------------------------------------------------------------------------
    def start_apply(self) -> None:
        """Apply the template to the connected meter (plan, confirmation, writes)."""
        if not self.validate() or self.doc is None or not self.controller.connected:
            return
        self.busy = True
        self._update_enabled()
        set_note(self.result_label, self.tr("Applying the template…"), "info")
        self.controller.runner.start("template-apply", self._apply(self.doc),
                                     restore=self._done, on_error=self._failed)

    def _done(self) -> None:
        self.busy = False
        self._update_enabled()

    def _failed(self, exc: BaseException) -> None:
        set_note(self.result_label, error_text(exc), "error")

    async def _apply(self, doc: dict[str, Any]) -> None:
        state = await self.controller.read_meter_state()
        include_ct = self._ticked(tp.CT_KEY)
        include_addresses = any(self._ticked(k) for k in tp.ADDRESS_KEYS)
        plan = tp.plan_template(state, doc, include_ct=include_ct,
                                include_addresses=include_addresses)
        report = await self.controller.restore(plan, confirm=self.confirmer)
        written = sum(report.count(s) for s in (WriteStatus.VERIFIED, WriteStatus.ACKNOWLEDGED))
        self.last_written = written
        if report.error is not None:
            set_note(self.result_label, self.tr("Stopped: {reason}").format(
                reason=error_message(report.error)), "error")
            return
        set_note(self.result_label, self.tr(
            "{written} setting(s) written and read back, {unchanged} already as in the "
            "template, {other} not written on this meter or link.").format(
            written=written, unchanged=report.count(WriteStatus.UNCHANGED),
            other=len(plan.not_written())), "ok")

    def _ticked(self, key: str) -> bool:
        check = self.included.get(key)
        return check is not None and check.isChecked()
