"""Settings pages mirroring the meter's menu (6.7), generated from settings.py.

Each page lists setting keys; labels, editors, ranges, warnings and reachability come from the
model. Changed-but-not-written values are highlighted and listed; one Apply validates all of
them (domain and cross-setting rules) before anything is written, then reports per key.

A value never read is shown as unknown (editors.SettingEditor), never as a pretend one; the
page says how old its values are (freshness.py) and reads them again after every write,
restore or Write all that touched one of its keys (`AppController.written`).
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from ...errors import ConfiguratorError, UnsupportedError, UsageError
from ...i18n import QT_TRANSLATE_NOOP, translate
from ...model.settings import (
    RULE_KEYS,
    SETTINGS,
    S0Overlap,
    Setting,
    check_rules,
    rule_warnings,
    s0_width_limit_ms,
    unreachable,
)
from ...services.outcomes import (
    ApplyReport,
    ConfirmationDeclined,
    WriteOutcome,
    WriteStatus,
)
from ..confirm import Confirmer, ConfirmingPage
from ..editors import (
    UNKNOWN,
    SettingEditor,
    label_of,
    make_editor,
    same_value,
    unknown_text,
    value_text,
)
from ..freshness import FreshnessLabel, mark_stale
from ..messages import error_message, link_outcome_text, translated
from ..tasks import error_text
from .base import Page, note, register, set_note

# How each write outcome shows beside its setting (context "SettingsPage").
STATUS_MARK = {
    WriteStatus.VERIFIED: QT_TRANSLATE_NOOP("SettingsPage", "✔ written, read back"),
    WriteStatus.UNCHANGED: QT_TRANSLATE_NOOP("SettingsPage", "= unchanged"),
    WriteStatus.ACKNOWLEDGED: QT_TRANSLATE_NOOP("SettingsPage",
                                                "✔ acknowledged (cannot be read back)"),
    WriteStatus.REFUSED: QT_TRANSLATE_NOOP("SettingsPage", "✖ refused by the meter"),
    WriteStatus.MISMATCH: QT_TRANSLATE_NOOP("SettingsPage", "✖ reads back another value"),
    WriteStatus.NOT_TAKEN: QT_TRANSLATE_NOOP("SettingsPage", "✖ not taken"),
    WriteStatus.UNKNOWN: QT_TRANSLATE_NOOP("SettingsPage", "? unknown: sent, no answer"),
    WriteStatus.NOT_ATTEMPTED: QT_TRANSLATE_NOOP("SettingsPage", "… not attempted"),
}


def status_mark(result: WriteOutcome) -> str:
    """A write outcome's mark in the UI language."""
    return translate("SettingsPage", STATUS_MARK[result.status])


def written_summary(report: ApplyReport) -> tuple[str, bool]:
    """One line per written setting ("Label: mark"), and whether every write went through."""
    lines = [f"{label_of(SETTINGS[r.key])}: {status_mark(r)}" for r in report.results
             if r.key in SETTINGS]
    ok = report.error is None and all(r.status.done for r in report.results)
    head = (QCoreApplication.translate("SettingsPage", "Write all: every change written.") if ok
            else QCoreApplication.translate("SettingsPage",
                                         "Write all: not every change went through."))
    if report.error is not None:
        lines.append(QCoreApplication.translate("SettingsPage", "Stopped: {reason}").format(
            reason=error_message(report.error)))
    return "\n".join([head, *lines]), ok


class SettingsPage(ConfirmingPage, Page):
    """A page of settings from one menu section."""

    SECTION = "Settings (menu 6.7)"
    KEYS: ClassVar[tuple[str, ...]] = ()

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.items: list[Setting] = [SETTINGS[key] for key in self.KEYS]
        self.meter_values: dict[str, Any] = {}
        self.reachable: dict[str, bool] = {}
        self.editors: dict[str, SettingEditor] = {}
        self.meter_labels: dict[str, QLabel] = {}
        self.result_labels: dict[str, QLabel] = {}
        self.reason_labels: dict[str, QLabel] = {}
        self.warning_labels: dict[str, QLabel] = {}
        self.loaded = False
        self.touched: set[str] = set()  # edited by the user since the last read
        self.writing: set[str] = set()  # keys this page's Apply is writing now
        self.confirmer = Confirmer(self)  # permanent acts (T3/T4, link moves) ask here

        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(6)
        for col, text in enumerate((self.tr("Setting"), self.tr("New value"),
                                    self.tr("On the meter"), self.tr("Result"))):
            header = QLabel(f"<b>{text}</b>")
            grid.addWidget(header, 0, col)
        row = 1
        for item in self.items:
            label = QLabel(label_of(item))
            help_text = translate("Settings", item.help)
            label.setToolTip(self.tr("Manual {menu}").format(menu=item.menu)
                             + (f"\n{help_text}" if help_text else ""))
            editor = make_editor(item)
            editor.edited.connect(lambda key=item.key: self._touch(key))
            editor.widget().setAccessibleName(label_of(item))
            meter = QLabel("—")
            result = QLabel("")
            self.editors[item.key] = editor
            self.meter_labels[item.key] = meter
            self.result_labels[item.key] = result
            grid.addWidget(label, row, 0)
            grid.addWidget(editor.widget(), row, 1)
            grid.addWidget(meter, row, 2)
            grid.addWidget(result, row, 3)
            row += 1
            if item.help:
                help_label = QLabel(help_text)
                help_label.setWordWrap(True)
                help_label.setObjectName("pageIntro")
                grid.addWidget(help_label, row, 1, 1, 3)
                row += 1
            reason = QLabel("")
            reason.setWordWrap(True)
            reason.setObjectName("note_warning")
            reason.setVisible(False)
            self.reason_labels[item.key] = reason
            grid.addWidget(reason, row, 0, 1, 4)
            row += 1
        grid.setColumnStretch(3, 1)
        self.layout_.addLayout(grid)
        self.freshness = FreshnessLabel(controller)
        self.freshness.stale_changed.connect(self._show_stale)
        self.layout_.addWidget(self.freshness)
        for item in self.items:
            if item.warning:
                label = note(translate("Settings", item.warning), "warning")
                self.warning_labels[item.key] = label
                self.layout_.addWidget(label)
        self.extra = QHBoxLayout()
        self.layout_.addLayout(self.extra)
        self.pending_label = note("", "info")
        self.pending_label.setVisible(False)
        self.validation_label = note("", "error")
        self.validation_label.setVisible(False)
        self.report_label = note("", "ok")
        self.report_label.setVisible(False)
        self.layout_.addWidget(self.pending_label)
        self.layout_.addWidget(self.validation_label)
        buttons = QHBoxLayout()
        self.reload_button = QPushButton(self.tr("Read from meter"))
        self.revert_button = QPushButton(self.tr("Revert"))
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setDefault(True)
        self.write_all_button = QPushButton()
        self.write_all_button.setToolTip(self.tr(
            "Write the unwritten changes of every page at once, with one report per setting."))
        self.write_all_button.setVisible(False)
        self.reload_button.clicked.connect(self.load)
        self.revert_button.clicked.connect(self.revert)
        self.apply_button.clicked.connect(self.start_apply)
        self.write_all_button.clicked.connect(self._write_all)
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        buttons.addWidget(self.write_all_button)
        buttons.addWidget(self.apply_button)
        self.layout_.addLayout(buttons)
        self.layout_.addWidget(self.report_label)
        self.layout_.addStretch(1)
        self.busy = False
        controller.identity_changed.connect(self._on_identity)
        controller.state_changed.connect(lambda *_: self._update_enabled())
        controller.written.connect(self.on_written)
        controller.edits_changed.connect(self._update_write_all)
        controller.add_edit_source(self)
        self._update_reachability()

    # -- reachability and enabling ----------------------------------------------------------
    def _on_identity(self, identity: Any) -> None:
        self.loaded = False
        serial = getattr(identity, "serial", None)
        if serial != getattr(self, "_serial", None):  # another meter: its values are unknown
            self._serial = serial
            self.forget_values()
        self._update_reachability()
        if self.isVisible():
            self.load()

    def forget_values(self) -> None:
        """Show every setting as unknown (nothing read from this meter yet)."""
        self.meter_values.clear()
        self.touched.clear()
        for item in self.items:
            self.editors[item.key].set_unknown()
            self.meter_labels[item.key].setText("—")
            self.result_labels[item.key].setText("")
        self.freshness.forget()
        self._on_edited()

    def _show_stale(self, stale: bool) -> None:
        """Grey the meter's values while the link is down (they may no longer be true)."""
        for label in self.meter_labels.values():
            mark_stale(label, stale)

    def _update_reachability(self) -> None:
        model = self.controller.model
        for item in self.items:
            reason = ""
            why = (unreachable(item, model, self.controller.transport_name)
                   if model is not None else None)
            if why is not None:
                reason = self.tr("Not available here: {reason}").format(
                    reason=translated(why.sentence()))
            self.reachable[item.key] = model is not None and not reason
            label = self.reason_labels[item.key]
            label.setText(reason)
            label.setVisible(bool(reason))
        self._update_enabled()

    def _update_enabled(self) -> None:
        connected = self.controller.connected
        for item in self.items:
            self.editors[item.key].widget().setEnabled(
                connected and self.reachable.get(item.key, False) and not self.busy)
        any_reachable = any(self.reachable.values())
        self.reload_button.setEnabled(connected and any_reachable and not self.busy)
        self.revert_button.setEnabled(not self.busy and bool(self.pending()))
        self.apply_button.setEnabled(connected and not self.busy and bool(self.pending())
                                     and not self.validate())
        if not connected:
            self.apply_button.setToolTip(self.tr("Connect to a meter first."))
        else:
            self.apply_button.setToolTip("")
        self.write_all_button.setEnabled(connected and not self.busy)

    def page_shown(self) -> None:
        if self.controller.connected and not self.loaded:
            self.load()

    # -- values -------------------------------------------------------------------------------
    def reachable_items(self) -> list[Setting]:
        """Settings on this page that the meter and link reach."""
        return [item for item in self.items if self.reachable.get(item.key)]

    def load(self) -> None:
        """Read the page's settings from the meter (a tracked task)."""
        items = self.reachable_items()
        if not items or not self.controller.connected:
            return
        self._set_busy(True)
        self.controller.runner.start(f"load-{self.NAME}", self._load(items),
                                     restore=lambda: self._set_busy(False),
                                     on_error=self._load_failed)

    def _load_failed(self, exc: BaseException) -> None:
        self.loaded = False
        if not self.controller.connected:  # disconnected meanwhile: read again when back
            return
        set_note(self.report_label, self.tr("Could not read the settings: {reason}").format(
            reason=error_text(exc)), "error")

    async def _load(self, items: list[Setting]) -> None:
        edited = self.pending()  # keep what the user typed (e.g. across a reconnect)
        values = await self.controller.get_settings(items)
        self.meter_values.update(values)
        for item in items:
            value = values.get(item.key)
            label = self.meter_labels[item.key]
            if isinstance(value, Exception):
                label.setText(self.tr("unreadable"))  # the reason in the tooltip: fits
                label.setToolTip(error_message(value))
                if item not in edited:  # shown as unknown: never a pretend value
                    self.editors[item.key].set_unknown()
                    self.touched.discard(item.key)
                continue
            label.setText(self.format(item, value))
            label.setToolTip("")
            if item not in edited:
                self.editors[item.key].set_current(value)
                self.touched.discard(item.key)
        self.loaded = True
        self.freshness.mark_read()
        self._on_edited()

    def on_written(self, report: ApplyReport) -> None:
        """A write, restore or Write all finished: show the outcome of this page's keys
        beside them and read the page again (what the meter holds now, not what was typed)."""
        mine = [result for result in report.results if result.key in self.KEYS]
        if not mine:
            return
        for result in mine:
            self.result_labels[result.key].setText(status_mark(result))
            if result.status.done and result.after is not None:
                item = SETTINGS[result.key]
                self.meter_values[result.key] = result.after
                self.meter_labels[result.key].setText(self.format(item, result.after))
                self.editors[result.key].set_current(result.after)
                self.touched.discard(result.key)
        self.loaded = False
        self._on_edited()
        if self.controller.connected:
            self.load()

    def _touch(self, key: str) -> None:
        self.touched.add(key)
        self._on_edited()

    def revert(self) -> None:
        """Put the meter's values back into the editors (unknown where none was read)."""
        for item in self.items:
            value = self.meter_values.get(item.key)
            if value is not None and not isinstance(value, Exception):
                self.editors[item.key].set_current(value)
            else:
                self.editors[item.key].set_unknown()
        self.touched.clear()
        self._on_edited()

    def unwritten(self) -> dict[Setting, Any]:
        """The pending edits this page's Apply is not writing now."""
        return {item: value for item, value in self.pending().items()
                if item.key not in self.writing}

    def discard_edits(self) -> None:
        """Throw the unwritten edits away (the meter's values back in the editors)."""
        self.revert()

    @staticmethod
    def format(item: Setting, value: Any) -> str:
        """A value with its unit (option words translated, decimals in the UI locale)."""
        return value_text(item, value)

    def pending(self) -> dict[Setting, Any]:
        """Edited values that differ from the meter's (invalid text counts as pending); an
        editor left unknown is never pending: only what the user set is written."""
        changes: dict[Setting, Any] = {}
        for item in self.reachable_items():
            if item.key not in self.meter_values:
                continue
            if isinstance(self.meter_values[item.key], Exception) and item.key not in self.touched:
                continue  # unreadable (e.g. write-only over M-Bus): pending only once edited
            editor = self.editors[item.key]
            try:
                value = editor.current()
            except ConfiguratorError:
                changes[item] = editor.raw_text()
                continue
            if value is UNKNOWN:
                continue
            if not same_value(item.domain, value, self.meter_values[item.key]):
                changes[item] = value
        return changes

    def validate(self) -> str:
        """The first problem with the pending values, or "" when all may be written."""
        problems = []
        for item in self.reachable_items():
            if item.key not in self.meter_values:
                continue
            try:
                self.editors[item.key].current()
            except ConfiguratorError as exc:
                problems.append(error_message(exc))
        if problems:
            return " ".join(problems)
        model = self.controller.model
        if model is None:
            return ""
        try:
            check_rules(model, self.merged())
        except ConfiguratorError as exc:
            return error_message(exc)
        return ""

    def merged(self) -> dict[str, Any]:
        """The meter's values with the pending edits (what the meter would hold after)."""
        merged = {k: v for k, v in self.meter_values.items() if not isinstance(v, Exception)}
        merged.update({item.key: value for item, value in self.pending().items()})
        return merged

    def warnings(self) -> list[S0Overlap]:
        """Warnings (never refusals) about the pending values, with their figures."""
        model = self.controller.model
        if model is None or not RULE_KEYS & {item.key for item in self.pending()}:
            return []
        return rule_warnings(model, self.merged())

    def _on_edited(self) -> None:
        changes = self.pending()
        for item in self.items:
            widget = self.editors[item.key].widget()
            changed = item in changes
            widget.setProperty("changed", changed)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        if changes:
            lines = [f"{label_of(item)}: "
                     f"{self.format_maybe(item, self.meter_values.get(item.key))}"
                     f" → {self.format_maybe(item, value)}" for item, value in changes.items()]
            set_note(self.pending_label,
                     self.tr("Not written yet — {changes}").format(changes="; ".join(lines)),
                     "info")
            self.apply_button.setText(
                self.tr("Apply 1 change") if len(changes) == 1
                else self.tr("Apply {count} changes").format(count=len(changes)))
        else:
            set_note(self.pending_label, "", "info")
            self.apply_button.setText(self.tr("Apply"))
        problem = self.validate()
        set_note(self.validation_label, problem, "error")
        self.update_extra()
        self._update_enabled()
        self.controller.note_edits()

    def _update_write_all(self) -> None:
        """Offer Write all while another page has unwritten edits too."""
        total = self.controller.pending_count()
        self.write_all_button.setText(self.tr("Write all ({count})").format(count=total))
        self.write_all_button.setVisible(total > len(self.unwritten()))

    def _write_all(self) -> None:
        window: Any = self.window()
        if callable(getattr(window, "write_all", None)):
            window.write_all()

    def format_maybe(self, item: Setting, value: Any) -> str:
        """Format a value that may be raw text or an error."""
        if isinstance(value, str) and item.domain.widget in ("text", "ratio"):
            return value
        if value is None or value is UNKNOWN or isinstance(value, Exception):
            return unknown_text()
        try:
            return self.format(item, value)
        except (KeyError, ValueError, TypeError):
            return str(value)

    def update_extra(self) -> None:
        """Hook for page-specific hints that follow the edited values."""

    # -- apply --------------------------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        """A task starts (True) or ends (False); busy while any runs (a re-read after a
        write may start before the write's task has ended)."""
        self._busy_depth = max(0, getattr(self, "_busy_depth", 0) + (1 if busy else -1))
        self.busy = self._busy_depth > 0
        self._update_enabled()

    def start_apply(self) -> None:
        """Validate and write the pending changes (a tracked task)."""
        problem = self.validate()
        if problem:
            set_note(self.validation_label, problem, "error")
            return
        changes = self.pending()
        if not changes:
            return
        self._set_busy(True)
        self.writing = {item.key for item in changes}
        set_note(self.report_label, self.tr("Writing…"), "info")

        def restore() -> None:
            self.writing = set()
            self._set_busy(False)
            self.controller.note_edits()

        self.controller.runner.start(f"apply-{self.NAME}", self._apply(changes),
                                     restore=restore, on_error=self._apply_failed)

    async def _apply(self, changes: dict[Setting, Any]) -> ApplyReport:
        report = await self.controller.apply(changes, self.confirmer)
        self.show_report(report)
        for result in report.results:
            if result.status.done and result.after is not None:
                self.meter_values[result.key] = result.after
                item = SETTINGS[result.key]
                self.meter_labels[result.key].setText(self.format(item, result.after))
        self._on_edited()
        return report

    def _apply_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ConfirmationDeclined):
            set_note(self.report_label, self.tr("Not written: not confirmed."), "info")
            return
        if isinstance(exc, (UsageError, UnsupportedError)):  # refused before any write
            set_note(self.report_label, self.tr("Not written: {reason}").format(
                reason=error_text(exc)), "error")
            return
        set_note(self.report_label,
                 self.tr("Nothing confirmed: {reason} Some values may have reached the meter: "
                         "press 'Read from meter' once it answers again.").format(
                             reason=error_text(exc)), "error")

    def show_report(self, report: ApplyReport) -> None:
        """Per-key results beside each setting and in a summary."""
        lines = []
        for result in report.results:
            mark = status_mark(result)
            label = self.result_labels.get(result.key)
            if label is not None:
                label.setText(mark)
            item = SETTINGS[result.key]
            line = f"{label_of(item)}: {mark}"
            if result.status is WriteStatus.UNKNOWN and result.after is not None:
                line += " — " + self.tr("the meter now holds {value}").format(
                    value=self.format(item, result.after))
            if result.note:
                line += f" — {translated(result.note)}"
            lines.append(line)
        moved = link_outcome_text(report.link, report.link_note)
        if moved:
            lines.append(moved)
        kind = "error" if report.error is not None else "ok"
        if report.error is not None:
            lines.append(self.tr("Stopped: {reason}").format(reason=error_message(report.error)))
        set_note(self.report_label, "\n".join(lines), kind)


@register
class TariffPage(SettingsPage):
    """6.7.2 Tariff (and the combination code that decides how totals count)."""

    NAME, TITLE, ORDER = "tariff", QT_TRANSLATE_NOOP("Pages", "Tariff"), 20
    INTRO = QT_TRANSLATE_NOOP(
        "Pages", "The tariff the meter counts in now (manual 6.7.2), and how the total register "
            "combines import and export.")
    KEYS = ("tariff", "combination_code")

    def update_extra(self) -> None:
        label = self.warning_labels.get("tariff")
        if label is None:
            return
        try:
            value = self.editors["tariff"].current()
        except ConfiguratorError:
            return
        item = SETTINGS["tariff"]
        risky = value in (3, 4) and value != self.meter_values.get("tariff")
        warning = translate("Settings", item.warning)
        set_note(label, self.tr("Selecting T{tariff}: {warning}").format(
            tariff=value, warning=warning) if risky else warning,
            "error" if risky else "warning")


@register
class S0Page(SettingsPage):
    """6.7.3-6.7.5 S0 pulse outputs."""

    NAME, TITLE, ORDER = "s0", QT_TRANSLATE_NOOP("Pages", "S0 output"), 30
    INTRO = QT_TRANSLATE_NOOP(
        "Pages", "The two open-collector pulse outputs (manual 6.7.3-6.7.5): pulses per kWh, what "
            "each output counts, and the pulse length.")
    KEYS = ("s0.rate", "s0.type", "s0.width_ms")

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.limit_label = note("", "info")
        self.extra.addWidget(self.limit_label)
        self.update_extra()

    def update_extra(self) -> None:
        if not hasattr(self, "limit_label"):
            return
        model = self.controller.model
        try:
            rate = self.editors["s0.rate"].current()
        except ConfiguratorError:
            return
        if rate is UNKNOWN:
            rate = self.meter_values.get("s0.rate")
        if model is None or not isinstance(rate, (int, float)):
            set_note(self.limit_label, self.tr("The meter accepts pulse widths of 2-99 ms; "
                                               "connect to see which may overlap at full "
                                               "load."), "info")
            return
        warnings = self.warnings()
        if warnings:
            set_note(self.limit_label, "\n".join(str(translated(w.sentence()))
                                                 for w in warnings), "warning")
            return
        ratio = self.meter_values.get("ct.ratio")
        limit = s0_width_limit_ms(model, float(rate), ratio)
        rate_text = value_text(SETTINGS["s0.rate"], rate, with_unit=False)
        set_note(self.limit_label, self.tr(
            "The meter accepts 2-99 ms. At {rate} imp/kWh on a {model}, pulses up to {limit} ms "
            "stay apart at full load; longer ones are written with a warning.").format(
                rate=rate_text, model=model.info.code, limit=limit), "info")


@register
class ModbusPage(SettingsPage):
    """6.7.6-6.7.8 Modbus link settings."""

    NAME, TITLE, ORDER = "modbus", QT_TRANSLATE_NOOP("Pages", "Modbus"), 40
    INTRO = QT_TRANSLATE_NOOP(
        "Pages", "Modbus ID, baud rate and parity (manual 6.7.6-6.7.8). Changing them moves the "
            "link: the app follows the meter to its new settings and updates the connection.")
    KEYS = ("modbus.address", "modbus.baudrate", "modbus.parity", "data_type")


@register
class MbusPage(SettingsPage):
    """6.7.9-6.7.10 M-Bus addresses and speed."""

    NAME, TITLE, ORDER = "mbus", QT_TRANSLATE_NOOP("Pages", "M-Bus"), 50
    INTRO = QT_TRANSLATE_NOOP(
        "Pages", "M-Bus primary and secondary address and baud rate (manual 6.7.9-6.7.10). These "
            "are written over an M-Bus connection or on the meter's menu.")
    KEYS = ("mbus.address", "mbus.secondary_address", "mbus.baudrate")


@register
class BacklightPage(SettingsPage):
    """6.7.11 Backlight."""

    NAME, TITLE, ORDER = "backlight", QT_TRANSLATE_NOOP("Pages", "Backlight"), 60
    INTRO = QT_TRANSLATE_NOOP(
        "Pages", "When the display is lit (manual 6.7.11).")
    KEYS = ("backlight",)


@register
class DisplayPage(SettingsPage):
    """Display: rolling time, rotation, OBIS codes (6.7.14)."""

    NAME, TITLE, ORDER = "display", QT_TRANSLATE_NOOP("Pages", "Display"), 70
    INTRO = QT_TRANSLATE_NOOP(
        "Pages", "How the display cycles through values, which way up it is, and whether it shows "
            "OBIS codes (manual 6.7.14).")
    KEYS = ("lcd.rolling_time", "display.rotated", "display.obis")
