"""Restore: a key-by-key plan (meter vs backup file), then writes with a per-key report.

    state = await read_meter_state(session)
    plan = plan_restore(state, load_backup(path), include_ct=False, template=False)
    report = await apply_restore(session, plan, options=options, confirm=confirm)  # undo file first

`plan_restore` is pure (the GUI can show it as a dry run); `apply_restore` writes only what
differs through `session.apply`, the one write engine (which validates, asks the caller's
confirmer for the permanent acts, reads back, writes link settings last and follows the meter),
and saves the meter's current settings as a backup file after the confirmation and BEFORE the
first write. Plan statuses are `PlanStatus`; results of written keys are the engine's
`WriteStatus`. No printing here.
"""

from __future__ import annotations

import enum
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import ConfiguratorError, FileError, InvalidValueError, UsageError
from ..i18n import QT_TRANSLATE_NOOP, message_of
from ..model.models import Model
from ..model.settings import (
    SETTINGS,
    SETTINGS_LIST,
    S0Overlap,
    Setting,
    check_rules,
    rule_safe_order,
    rule_warnings,
    unreachable,
)
from .api import MeterSession
from .backup import backup_file_name, make_backup, write_backup_file
from .connection import ConnectionOptions, open_session
from .documents import BackupDocument
from .engine import Confirmer
from .outcomes import (
    ApplyReport,
    Unreachable,
    UnreachableKind,
    WriteOutcome,
    WriteStatus,
)

# Keys that belong to one meter, not to a fleet: a template never copies them.
TEMPLATE_SKIPPED = ("modbus.address", "mbus.address", "mbus.secondary_address", "ct.ratio")
CT_KEY = "ct.ratio"


class PlanStatus(str, enum.Enum):
    """What a restore plan does with one key (values are the JSON words of the plan)."""

    CHANGE = "change"  # the file's value differs from the meter's: it will be written
    UNCHANGED = "unchanged"  # the meter already holds the file's value
    NOT_ON_MODEL = "not on this model"  # the meter's model has no such setting
    UNREACHABLE = "not reachable"  # this link cannot write it (e.g. M-Bus keys over Modbus)
    SKIPPED = "skipped"  # the CT ratio unless asked; per-meter keys in a template
    NOT_IN_FILE = "not in file"  # the meter has it, the backup does not
    INVALID = "invalid"  # the file's value is not valid for this setting

    def __str__(self) -> str:
        return self.value


class SkipReason(str, enum.Enum):
    """Why a key is SKIPPED."""

    TEMPLATE = "template"  # belongs to one meter: a template never copies it
    CT_NOT_ASKED = "ct not asked"  # the CT ratio is restored only when asked


# Module names kept for callers of the first version (same members as PlanStatus).
CHANGE, UNCHANGED, NOT_ON_MODEL, UNREACHABLE, SKIPPED, NOT_IN_FILE, INVALID = PlanStatus
# The restore result word of a verified write: `restore --json` has said "applied" since its
# first version (the engine's WriteStatus.VERIFIED is "written" in `set --json`).
APPLIED = "applied"
RESULT_WORDS: dict[WriteStatus, str] = {WriteStatus.VERIFIED: APPLIED}


def result_word(status: WriteStatus | PlanStatus) -> str:
    """A result status as `restore --json` prints it."""
    if isinstance(status, WriteStatus):
        return RESULT_WORDS.get(status, status.value)
    return status.value


# Every result word, written ones first (for summaries).
RESULT_ORDER: tuple[str, ...] = tuple(dict.fromkeys(
    [result_word(s) for s in WriteStatus] + [result_word(s) for s in PlanStatus
                                             if s is not PlanStatus.CHANGE]))

ENV_DATA_DIR = "CONFIGURATOR_DATA_DIR"


@dataclass(frozen=True)
class MeterState:
    """What a restore compares against: the meter's model, transport and current settings."""

    model: Model
    transport: str
    serial: int | None
    values: dict[str, Any]  # reachable settings: key -> user value (Exception if unreadable)
    # Why a setting cannot be written here (None: derived from the model and transport; a
    # session knows more, e.g. a vendor register a BLE meter does not answer).
    write_reasons: dict[str, Unreachable] | None = None

    def write_reason(self, item: Setting) -> Unreachable | None:
        """Why this meter and link cannot write `item`, or None."""
        if self.write_reasons is not None:
            return self.write_reasons.get(item.key)
        return unreachable(item, self.model, self.transport, write=True)


async def read_meter_state(session: MeterSession) -> MeterState:
    """Identify the meter and read every setting this transport reaches."""
    identity = await session.identify()
    values = await session.get_settings(session.reachable_settings(identity.model))
    reasons = {item.key: reason for item in SETTINGS_LIST
               if (reason := session.write_reason(item, identity.model)) is not None}
    return MeterState(identity.model, session.transport_name, identity.serial, values, reasons)


@dataclass
class PlanEntry:
    """One key of a restore plan."""

    key: str
    status: PlanStatus
    file_value: Any = None
    meter_value: Any = None
    why: Unreachable | None = None  # NOT_ON_MODEL, UNREACHABLE
    skipped: SkipReason | None = None  # SKIPPED
    detail: str = ""  # INVALID: what is wrong with the file's value

    @property
    def reason(self) -> str:
        """Why the key is not written, in one sentence ("" when it is or needs none)."""
        if self.why is not None:
            return self.why.sentence()
        if self.skipped is SkipReason.TEMPLATE:
            return QT_TRANSLATE_NOOP(
                "Services", "belongs to one meter: a template never copies it")
        if self.skipped is SkipReason.CT_NOT_ASKED:
            return QT_TRANSLATE_NOOP(
                "Services", "the CT ratio is restored only when asked: each change uses one of "
                "only 7 and cannot be undone")
        if self.status is PlanStatus.NOT_IN_FILE:
            return QT_TRANSLATE_NOOP("Services", "the backup holds no value for it")
        return self.detail

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (values as the CLI shows them)."""
        fmt = SETTINGS[self.key].domain.format
        return {"key": self.key, "status": self.status,
                "file": None if self.file_value is None else fmt(self.file_value),
                "meter": None if self.meter_value is None or isinstance(
                    self.meter_value, Exception) else fmt(self.meter_value),
                "reason": str(self.reason),
                "why": self.why.kind if self.why is not None else None}


@dataclass
class RestorePlan:
    """A restore, worked out key by key before anything is written."""

    entries: list[PlanEntry]
    state: MeterState
    source_model: str
    source_serial: int | None
    include_ct: bool
    template: bool
    problem: InvalidValueError | None = None  # the file's values together break a rule
    warnings: list[S0Overlap] = field(default_factory=list)  # of the state after the restore

    def changes(self) -> dict[Setting, Any]:
        """The writes, in an order whose every intermediate state obeys the rules."""
        wanted = {SETTINGS[e.key]: e.file_value for e in self.entries
                  if e.status is PlanStatus.CHANGE}
        return _rule_safe_order(self.state, wanted)

    def count(self, status: str) -> int:
        """How many keys have this status."""
        return sum(1 for e in self.entries if e.status == status)

    @property
    def other_meter(self) -> bool:
        """Whether the file comes from another meter than this one."""
        return self.source_serial is not None and self.source_serial != self.state.serial

    @property
    def other_model(self) -> bool:
        """Whether the file comes from another model than this meter's."""
        return self.source_model != self.state.model.info.code

    def not_written(self) -> list[PlanEntry]:
        """The file's keys that will not be written, each with its reason."""
        return [e for e in self.entries if e.status in (
            PlanStatus.NOT_ON_MODEL, PlanStatus.UNREACHABLE, PlanStatus.SKIPPED,
            PlanStatus.INVALID)]

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"model": self.state.model.info.code, "serial": self.state.serial,
                "source_model": self.source_model, "source_serial": self.source_serial,
                "template": self.template, "include_ct": self.include_ct,
                "problem": str(self.problem) if self.problem else None,
                "warnings": [str(w.sentence()) for w in self.warnings],
                "entries": [e.as_dict() for e in self.entries]}


def plan_restore(current: MeterState, doc: BackupDocument, *, include_ct: bool = False,
                 template: bool = False) -> RestorePlan:
    """Compare a loaded backup (`load_backup`) with the meter, key by key.

    - not on this model: the meter's model has no such setting (a backup from another model
      restores only the settings this model has);
    - not reachable: this transport cannot write it (e.g. M-Bus keys over Modbus);
    - skipped: ct.ratio unless `include_ct`; with `template`, the per-meter identity keys
      (TEMPLATE_SKIPPED) are never copied;
    - not in file: the meter has it, the backup does not (e.g. made over another transport);
    - change / unchanged: compared with the meter's current value.
    """
    file_settings = doc.settings
    meter = doc.meter
    entries: list[PlanEntry] = []
    for item in SETTINGS.values():
        key = item.key
        if key not in file_settings:
            if key in current.values:
                entries.append(PlanEntry(key, PlanStatus.NOT_IN_FILE, None,
                                         current.values[key]))
            continue
        try:
            value = item.domain.check(key, file_settings[key])
        except ConfiguratorError as exc:
            entries.append(PlanEntry(key, PlanStatus.INVALID, None, current.values.get(key),
                                     detail=message_of(exc)))
            continue
        entry = PlanEntry(key, PlanStatus.CHANGE, value, current.values.get(key))
        why = current.write_reason(item)
        if why is not None:
            entry.status = (PlanStatus.NOT_ON_MODEL if why.kind is UnreachableKind.NOT_ON_MODEL
                            else PlanStatus.UNREACHABLE)
            entry.why = why
        elif template and key in TEMPLATE_SKIPPED:
            entry.status, entry.skipped = PlanStatus.SKIPPED, SkipReason.TEMPLATE
        elif key == CT_KEY and not include_ct:
            entry.status, entry.skipped = PlanStatus.SKIPPED, SkipReason.CT_NOT_ASKED
        elif not isinstance(entry.meter_value, Exception) and entry.meter_value == value:
            entry.status = PlanStatus.UNCHANGED
        entries.append(entry)
    plan = RestorePlan(entries, current, meter.model_code,
                       _int_or_none(meter.value("serial")), include_ct, template)
    final = {k: v for k, v in current.values.items() if not isinstance(v, Exception)}
    final.update({e.key: e.file_value for e in entries if e.status is PlanStatus.CHANGE})
    try:
        check_rules(current.model, final)
    except InvalidValueError as exc:
        plan.problem = exc
    if {e.key for e in entries if e.status is PlanStatus.CHANGE} & {"s0.rate", "s0.width_ms",
                                                                   CT_KEY}:
        plan.warnings = rule_warnings(current.model, final)
    return plan


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _rule_safe_order(state: MeterState, wanted: dict[Setting, Any]) -> dict[Setting, Any]:
    """Order writes so the meter accepts each one (see settings.rule_safe_order)."""
    return dict(rule_safe_order(state.model, state.values, wanted))


# --- applying -----------------------------------------------------------------------------

@dataclass
class RestoreResult:
    """What happened to one key: the plan's status, or (for a key that was to change) the
    write engine's outcome."""

    key: str
    status: WriteStatus | PlanStatus
    file_value: Any = None
    before: Any = None
    after: Any = None
    message: str = ""
    outcome: WriteOutcome | None = None

    @property
    def word(self) -> str:
        """The status as `restore --json` prints it."""
        return result_word(self.status)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        fmt = SETTINGS[self.key].domain.format

        def show(value: Any) -> Any:
            return None if value is None or isinstance(value, Exception) else fmt(value)

        return {"key": self.key, "status": self.word, "file": show(self.file_value),
                "before": show(self.before), "after": show(self.after),
                "message": str(self.message),
                "code": self.outcome.code if self.outcome else None,
                "sends": self.outcome.sends if self.outcome else 0}


@dataclass
class RestoreReport:
    """Per-key results of a restore, the undo file and where the meter answers now."""

    results: list[RestoreResult] = field(default_factory=list)
    undo_path: Path | None = None
    link_note: str = ""
    error: ConfiguratorError | None = None
    applied: ApplyReport | None = None  # the write engine's report (link outcomes, acts)
    warnings: list[S0Overlap] = field(default_factory=list)

    def count(self, status: str) -> int:
        """How many keys ended with this status (an enum member or its JSON word)."""
        return sum(1 for r in self.results if r.status == status or r.word == status)

    @property
    def ct_changed(self) -> bool:
        """Whether the restore changed the CT ratio (undoing it costs another change)."""
        return any(r.key == CT_KEY and r.status is WriteStatus.VERIFIED for r in self.results)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        applied = self.applied
        return {"results": [r.as_dict() for r in self.results],
                "undo_file": str(self.undo_path) if self.undo_path else None,
                "undo_costs_ct_change": self.ct_changed,
                "link": self.link_note or None,
                "link_outcome": applied.link.as_dict() if applied and applied.link else None,
                "acts": [a.as_dict() for a in applied.acts] if applied else [],
                "error": str(self.error) if self.error else None}


def default_data_dir() -> Path:
    """Where the configurator keeps its own files ($CONFIGURATOR_DATA_DIR overrides).

    Linux: $XDG_DATA_HOME or ~/.local/share; Windows: %LOCALAPPDATA%; macOS:
    ~/Library/Application Support; each with a `wago-meter-configurator` folder.
    """
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override)
    name = "wago-meter-configurator"
    if sys.platform.startswith("win"):
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / name
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / name
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / name


def default_undo_dir() -> Path:
    """Where the automatic pre-restore backups go: <data dir>/pre-restore."""
    return default_data_dir() / "pre-restore"


async def save_undo_backup(session: MeterSession, options: ConnectionOptions | str,
                           undo_dir: str | os.PathLike[str] | None = None) -> Path:
    """Back up the meter as it is now, into `undo_dir` (created if missing); returns the path.

    The file is named <serial>-before-restore-<UTC time>.json and never replaces another.
    """
    folder = Path(undo_dir) if undo_dir is not None else default_undo_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileError(QT_TRANSLATE_NOOP(
            "Errors", "Cannot create the folder {folder} for the pre-restore backup: {reason}."
        ).format(folder=folder, reason=exc.strerror or exc)) from None
    doc = await make_backup(session, options)
    stamp = doc.created_utc.replace("-", "").replace(":", "").replace("Z", "")
    stem = backup_file_name(doc).removesuffix(".json")
    for n in range(100):
        suffix = f"-{n}" if n else ""
        path = folder / f"{stem}-before-restore-{stamp}{suffix}.json"
        if not path.exists():
            return write_backup_file(path, doc)
    raise FileError(QT_TRANSLATE_NOOP(
        "Errors", "Too many pre-restore backups of meter {meter} in {folder} this second."
    ).format(meter=stem, folder=folder))


async def apply_restore(session: MeterSession, plan: RestorePlan, *,
                        options: ConnectionOptions | str,
                        undo_dir: str | os.PathLike[str] | None = None,
                        confirm: Confirmer | None = None) -> RestoreReport:
    """Carry out a plan: confirm its permanent acts, save an undo backup, write what differs.

    Through the session's write engine (`session.apply`): the CT ratio, tariffs T3/T4 and
    link moves need `confirm` to say yes; the undo backup is saved after that and before the
    first write; link settings go last and the session follows the meter (`report.link_note`
    says where it answers). A failure stops the writes; the report says per key what happened.
    Nothing is written (and no undo file made) when nothing differs, the plan breaks a rule,
    or the engine refuses before writing.
    """
    report = RestoreReport(warnings=list(plan.warnings))
    by_key: dict[str, RestoreResult] = {}
    for entry in plan.entries:
        result = RestoreResult(entry.key, entry.status, entry.file_value, entry.meter_value,
                               entry.meter_value, entry.reason)
        if entry.status is PlanStatus.CHANGE:
            result.status, result.after, result.message = WriteStatus.NOT_ATTEMPTED, None, ""
        report.results.append(result)
        by_key[entry.key] = result
    changes = plan.changes()
    if not changes:
        return report
    if plan.problem is not None:
        for item in changes:
            by_key[item.key].message = message_of(plan.problem)
        report.error = plan.problem
        return report
    identity = await session.identify()
    if plan.state.serial is not None and identity.serial != plan.state.serial:
        raise UsageError(QT_TRANSLATE_NOOP(
            "Errors", "The plan was made for meter {planned}, but meter {serial} answers now; "
            "nothing was written.").format(planned=plan.state.serial, serial=identity.serial))

    async def save_undo() -> None:
        report.undo_path = await save_undo_backup(session, options, undo_dir)

    try:
        applied = await session.apply(changes, confirm, before_write=save_undo)
    except ConfiguratorError as exc:  # refused before any write: reach, rules, confirmation
        for item in changes:
            by_key[item.key].message = message_of(exc)
        report.error = exc
        return report
    report.applied = applied
    for outcome in applied.results:
        result = by_key[outcome.key]
        result.status, result.outcome = outcome.status, outcome
        result.before, result.after = outcome.before, outcome.after
        result.message = outcome.message
    report.link_note = applied.link_note
    report.error = applied.error
    return report


# --- many meters --------------------------------------------------------------------------

def parse_addresses(text: str, low: int = 1, high: int = 247) -> list[int]:
    """Parse "1,2,5-7" into [1, 2, 5, 6, 7]; raises UsageError with one sentence."""
    found: list[int] = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        first, sep, last = part.partition("-")
        try:
            start = int(first)
            end = int(last) if sep else start
        except ValueError:
            raise UsageError(QT_TRANSLATE_NOOP(
                "Errors", "--addresses: {part!r} is not an address or a range like 5-7.").format(
                part=part)) from None
        if start > end or not (low <= start and end <= high):
            raise UsageError(QT_TRANSLATE_NOOP(
                "Errors", "--addresses: {part!r} is outside {low}-{high} or reversed.").format(
                part=part, low=low, high=high))
        for address in range(start, end + 1):
            if address not in found:
                found.append(address)
    if not found:
        raise UsageError(QT_TRANSLATE_NOOP(
            "Errors", "--addresses names no address (e.g. 1,2,5-7)."))
    return found


@dataclass
class MeterRestore:
    """One meter of a template restore."""

    address: int
    plan: RestorePlan | None = None
    report: RestoreReport | None = None
    error: ConfiguratorError | None = None


RestoreProgress = Callable[[int, int, int], None]  # (index, total, address)


async def restore_template(options: ConnectionOptions, doc: BackupDocument,
                           addresses: Iterable[int], *, include_ct: bool = False,
                           dry_run: bool = False,
                           undo_dir: str | os.PathLike[str] | None = None,
                           progress: RestoreProgress | None = None,
                           confirm: Confirmer | None = None) -> list[MeterRestore]:
    """Apply a settings template to several meters, each at its own address.

    Per-meter identity keys are never copied (TEMPLATE_SKIPPED). A meter that fails is
    reported and the next one is still done.
    """
    wanted = list(addresses)
    outcomes: list[MeterRestore] = []
    for index, address in enumerate(wanted, start=1):
        if progress is not None:
            progress(index, len(wanted), address)
        outcome = MeterRestore(address)
        meter_options = replace(options, address=address)
        try:
            async with open_session(meter_options) as session:
                state = await read_meter_state(session)
                outcome.plan = plan_restore(state, doc, include_ct=include_ct, template=True)
                if not dry_run:
                    outcome.report = await apply_restore(session, outcome.plan,
                                                         options=meter_options,
                                                         undo_dir=undo_dir, confirm=confirm)
                    outcome.error = outcome.report.error
        except ConfiguratorError as exc:
            outcome.error = exc
        outcomes.append(outcome)
    return outcomes


__all__ = ["APPLIED", "CHANGE", "INVALID", "NOT_IN_FILE", "NOT_ON_MODEL", "SKIPPED",
           "TEMPLATE_SKIPPED", "UNCHANGED", "UNREACHABLE", "MeterRestore", "MeterState",
           "PlanEntry", "PlanStatus", "RestorePlan", "RestoreReport", "RestoreResult",
           "SkipReason", "RESULT_ORDER", "apply_restore", "result_word", "default_data_dir",
           "default_undo_dir", "parse_addresses", "plan_restore", "read_meter_state",
           "restore_template", "save_undo_backup"]
