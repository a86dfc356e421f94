"""The commissioning job: a guided sequence over a bus of meters, resumable from a state file.

    plan = load_plan(path)                       # schema-checked
    job = Job.start(plan, options) or Job.resume(state_path, plan, options)
    await run_job(job, confirm=..., progress=..., stop_after=Step.ADDRESS)

Steps, in order (`STEPS`): connect (search the bus) -> identify (serial, model, checksum) ->
address (each meter its own address: on M-Bus every factory meter answers at primary 0, so each
is selected by its secondary address and given its primary; on Modbus each is reached at its
own address and moved, docs/DECISIONS.md C2) -> template (services/template.py, through the
one write engine) -> wiring (the verdict under load, services/report) -> backup (one file per
serial) -> report (one PDF for the whole job). A meter's step is recorded as done in the state
file only once it is finished; the state is written after every meter's step, so a job stopped
at any point (asked, a failure, the program closed) resumes at the first step not done, and
every step is safe to run again (a move to the address a meter already has, a template the
meter already holds: nothing is written). No printing and no widgets here: the CLI and the GUI
present `progress` events and the state.
"""

from __future__ import annotations

import enum
import hashlib
import json
import os
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import ConfiguratorError, FileError, UsageError
from ..i18n import QT_TRANSLATE_NOOP, Message
from ..model.models import Model
from ..model.settings import SETTINGS
from . import template as tp
from .backup import (
    backup_file_name,
    make_backup,
    scan_bus,
    utc_now,
    write_backup_file,
    write_text_atomic,
)
from .connection import ConnectionOptions, open_session
from .documents import ReportDocument
from .engine import Confirmer
from .files import read_json_file
from .outcomes import (
    ActKind,
    ConfirmationDeclined,
    ConfirmationRequired,
    PermanentAct,
    WriteStatus,
)

PLAN_FORMAT = "wago-879-30xx-commission-plan"
STATE_FORMAT = "wago-879-30xx-commission-state"
FORMAT_VERSION = 1
STATE_FILE = "commission-state.json"
REPORT_FILE = "commissioning-report.pdf"
MAX_PLAN_BYTES = 256 * 1024
FACTORY_ADDRESS = 1  # every Modbus meter leaves the factory at ID 1 (settings table)


class Step(str, enum.Enum):
    """The steps of a commissioning job, in order (values are the JSON words)."""

    CONNECT = "connect"
    IDENTIFY = "identify"
    ADDRESS = "address"
    TEMPLATE = "template"
    WIRING = "wiring"
    BACKUP = "backup"
    REPORT = "report"

    def __str__(self) -> str:
        return self.value


STEPS: tuple[Step, ...] = tuple(Step)
PER_METER: tuple[Step, ...] = (Step.IDENTIFY, Step.ADDRESS, Step.TEMPLATE, Step.WIRING,
                               Step.BACKUP)
STEP_LABELS: dict[Step, str] = {
    Step.CONNECT: QT_TRANSLATE_NOOP("Commission", "Connect and search the bus"),
    Step.IDENTIFY: QT_TRANSLATE_NOOP("Commission", "Identify each meter, check the checksum"),
    Step.ADDRESS: QT_TRANSLATE_NOOP("Commission", "Give each meter its address"),
    Step.TEMPLATE: QT_TRANSLATE_NOOP("Commission", "Apply the template"),
    Step.WIRING: QT_TRANSLATE_NOOP("Commission", "Wiring verdict under load"),
    Step.BACKUP: QT_TRANSLATE_NOOP("Commission", "Back up every meter"),
    Step.REPORT: QT_TRANSLATE_NOOP("Commission", "Write the report"),
}


class StepState(str, enum.Enum):
    """Where a step stands (values are the JSON words)."""

    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"

    def __str__(self) -> str:
        return self.value


# --- the plan -----------------------------------------------------------------------------

def plan_schema() -> dict[str, Any]:
    """The JSON Schema of a plan file."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "WAGO 879-30xx commissioning plan",
        "type": "object",
        "required": ["format", "format_version", "site"],
        "additionalProperties": False,
        "properties": {
            "format": {"const": PLAN_FORMAT},
            "format_version": {"const": FORMAT_VERSION},
            "site": {"type": "string", "minLength": 1},
            "installer": {"type": "string"},
            "template": {"type": "string", "description": "template file, relative to the plan"},
            "include_ct": {"type": "boolean"},
            "first_address": {"type": "integer", "minimum": 1, "maximum": 250,
                              "description": "meters not listed get addresses from here on, "
                                             "in the order of their serial numbers"},
            "expected_meters": {"type": "integer", "minimum": 1, "maximum": 250},
            "one_at_a_time": {"type": "boolean",
                              "description": "Modbus: factory meters (all at address 1) are "
                                             "added to the bus one at a time, each moved to "
                                             "its address before the next is connected "
                                             "(needs expected_meters; no meter planned at 1)"},
            "output": {"type": "string", "description": "job folder, relative to the plan"},
            "meters": {"type": "array", "items": {
                "type": "object", "required": ["serial", "address"],
                "additionalProperties": False,
                "properties": {"serial": {"type": "integer", "minimum": 0,
                                          "maximum": 99_999_999},
                               "address": {"type": "integer", "minimum": 1, "maximum": 250},
                               "label": {"type": "string"}}}},
        },
    }


@dataclass(frozen=True)
class Plan:
    """A loaded, checked plan."""

    path: Path
    doc: dict[str, Any]
    digest: str
    template: dict[str, Any] | None

    @property
    def site(self) -> str:
        """The site's name."""
        return str(self.doc["site"])

    @property
    def installer(self) -> str:
        """Who commissions."""
        return str(self.doc.get("installer", ""))

    @property
    def output(self) -> Path:
        """The job folder: backups, undo files, the state and the report go here."""
        name = self.doc.get("output") or f"{self.path.stem}-job"
        return (self.path.parent / name).resolve()

    @property
    def state_path(self) -> Path:
        """The job's state file."""
        return self.output / STATE_FILE

    def labels(self) -> dict[int, str]:
        """serial -> label given in the plan."""
        return {int(m["serial"]): str(m.get("label", "")) for m in self.doc.get("meters", [])}

    def targets(self) -> dict[int, int]:
        """serial -> address named in the plan."""
        return {int(m["serial"]): int(m["address"]) for m in self.doc.get("meters", [])}


def _schema_errors(doc: Any, schema: dict[str, Any], name: str) -> None:
    import jsonschema

    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(doc),
                    key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "top level"
        raise FileError(QT_TRANSLATE_NOOP(
            "Errors", "{name} does not match its schema at {where}: {problem}.").format(
            name=name, where=where, problem=first.message[:160]))


def plan_from_document(doc: dict[str, Any], path: Path) -> Plan:
    """Check a plan document (also the GUI's, never written to disk first)."""
    name = QT_TRANSLATE_NOOP("Errors", "Plan file {path}").format(path=path)
    _schema_errors(doc, plan_schema(), name)
    addresses = [int(m["address"]) for m in doc.get("meters", [])]
    serials = [int(m["serial"]) for m in doc.get("meters", [])]
    if len(set(addresses)) != len(addresses) or len(set(serials)) != len(serials):
        raise FileError(QT_TRANSLATE_NOOP(
            "Errors", "{name} gives the same address or serial to two meters.").format(name=name))
    if doc.get("one_at_a_time") and ("expected_meters" not in doc
                                     or FACTORY_ADDRESS in addresses):
        raise FileError(QT_TRANSLATE_NOOP(
            "Errors", "{name}: one_at_a_time needs expected_meters and no meter planned at "
            "the factory address {address} (each new meter arrives there).").format(
            name=name, address=FACTORY_ADDRESS))
    template = None
    if doc.get("template"):
        template = tp.load_template(path.parent / str(doc["template"]), backups_too=True)
    digest = hashlib.sha256(json.dumps(doc, sort_keys=True).encode()).hexdigest()
    return Plan(path, doc, digest, template)


def load_plan(path: str | os.PathLike[str]) -> Plan:
    """Read and check a plan file (and its template); FileError with one sentence otherwise."""
    where = Path(path).resolve()
    doc = read_json_file(where, what=QT_TRANSLATE_NOOP("Errors", "Plan file"),
                         max_bytes=MAX_PLAN_BYTES,
                         expected=QT_TRANSLATE_NOOP("Errors", "a commissioning plan"))
    return plan_from_document(doc, where)


# --- the state ----------------------------------------------------------------------------

@dataclass
class Change:
    """One setting changed on a meter, from what to what."""

    key: str
    before: Any
    after: Any

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"key": self.key, "before": self.before, "after": self.after}


@dataclass
class JobMeter:
    """One meter of the job and how far it is."""

    serial: int
    model: str
    address: int  # where it answers now (M-Bus: its primary address)
    secondary: str | None = None  # M-Bus: selects the meter while others share its primary
    target: int | None = None
    label: str = ""
    checksum: str = ""
    done: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    verdict: str | None = None
    failed_checks: list[str] = field(default_factory=list)
    backup: str | None = None
    error: str | None = None

    @property
    def passed(self) -> bool:
        """Whether the meter's wiring verdict is a pass (False while not judged)."""
        from ..model.verdicts import parse_verdict

        return self.verdict is not None and parse_verdict(self.verdict).passed

    def has(self, step: Step) -> bool:
        """Whether `step` is done for this meter."""
        return step.value in self.done

    def mark(self, step: Step) -> None:
        """Record `step` as done."""
        if step.value not in self.done:
            self.done.append(step.value)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"serial": self.serial, "model": self.model, "address": self.address,
                "secondary": self.secondary, "target": self.target, "label": self.label,
                "checksum": self.checksum, "done": list(self.done),
                "changes": [c.as_dict() for c in self.changes], "verdict": self.verdict,
                "failed_checks": list(self.failed_checks), "backup": self.backup,
                "error": self.error}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> JobMeter:
        """From the state file's form."""
        return cls(int(data["serial"]), str(data["model"]), int(data["address"]),
                   data.get("secondary"), data.get("target"), str(data.get("label", "")),
                   str(data.get("checksum", "")), list(data.get("done", [])),
                   [Change(c["key"], c["before"], c["after"]) for c in data.get("changes", [])],
                   data.get("verdict"), list(data.get("failed_checks", [])),
                   data.get("backup"), data.get("error"))


def state_schema() -> dict[str, Any]:
    """The JSON Schema of a job's state file."""
    steps = [s.value for s in STEPS]
    nullable_str = {"type": ["string", "null"]}
    meter = {
        "type": "object", "additionalProperties": False,
        "required": ["serial", "model", "address", "done"],
        "properties": {
            "serial": {"type": "integer", "minimum": 0, "maximum": 99_999_999},
            "model": {"enum": [m.info.code for m in Model]},
            "address": {"type": "integer", "minimum": 0, "maximum": 250},
            "secondary": nullable_str, "target": {"type": ["integer", "null"]},
            "label": {"type": "string"}, "checksum": {"type": "string"},
            "done": {"type": "array", "items": {"enum": steps}, "uniqueItems": True},
            "changes": {"type": "array", "items": {
                "type": "object", "required": ["key", "before", "after"],
                "additionalProperties": False,
                "properties": {"key": {"enum": list(SETTINGS)}, "before": {}, "after": {}}}},
            "verdict": nullable_str,
            "failed_checks": {"type": "array", "items": {"type": "string"}},
            "backup": nullable_str, "error": nullable_str,
        }}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "WAGO 879-30xx commissioning job state",
        "type": "object", "additionalProperties": False,
        "required": ["format", "format_version", "plan", "plan_sha256", "protocol", "steps",
                     "meters", "log"],
        "properties": {
            "format": {"const": STATE_FORMAT},
            "format_version": {"const": FORMAT_VERSION},
            "plan": {"type": "string"}, "plan_sha256": {"type": "string"},
            "protocol": {"enum": ["modbus", "mbus"]},
            "started_utc": {"type": "string"}, "updated_utc": {"type": "string"},
            "steps": {"type": "object", "additionalProperties": False,
                      "properties": {s: {"enum": [v.value for v in StepState]} for s in steps}},
            "meters": {"type": "array", "items": meter},
            "log": {"type": "array", "items": {"type": "string"}},
            "report": nullable_str,
        },
    }


@dataclass
class Job:
    """A commissioning job: its plan, the bus it runs on and how far it is."""

    plan: Plan
    options: ConnectionOptions
    steps: dict[Step, StepState]
    meters: list[JobMeter] = field(default_factory=list)
    log: list[str] = field(default_factory=list)
    report: str | None = None
    started: str = ""
    pages: dict[int, ReportDocument] = field(default_factory=dict)  # serial -> report page

    @classmethod
    def start(cls, plan: Plan, options: ConnectionOptions) -> Job:
        """A new job (its state file is written when the first step ends)."""
        if options.protocol not in ("modbus", "mbus"):
            raise UsageError(QT_TRANSLATE_NOOP(
                "Errors", "A commissioning job runs on a Modbus RTU or M-Bus bus."))
        return cls(plan, options, {s: StepState.PENDING for s in STEPS},
                   started=utc_now().isoformat().replace("+00:00", "Z"))

    @classmethod
    def resume(cls, plan: Plan, options: ConnectionOptions) -> Job:
        """The job of `plan` as its state file left it (FileError if it cannot be used)."""
        path = plan.state_path
        data = read_json_file(path, what=QT_TRANSLATE_NOOP("Errors", "Job state file"),
                              max_bytes=4 * 1024 * 1024,
                              expected=QT_TRANSLATE_NOOP("Errors", "a commissioning job state"))
        _schema_errors(data, state_schema(),
                       QT_TRANSLATE_NOOP("Errors", "Job state file {path}").format(path=path))
        if data["plan_sha256"] != plan.digest:
            raise FileError(QT_TRANSLATE_NOOP(
                "Errors", "The plan {plan} changed since its job started: start the job "
                "again (its state {state} would not match).").format(plan=plan.path,
                                                                      state=path))
        if data["protocol"] != options.protocol:
            raise UsageError(QT_TRANSLATE_NOOP(
                "Errors", "The job started over {before}; it resumes over the same bus, not "
                "{now}.").format(before=data["protocol"], now=options.protocol))
        steps = {s: StepState(data["steps"].get(s.value, "pending")) for s in STEPS}
        steps = {s: (StepState.PENDING if v is StepState.RUNNING else v)
                 for s, v in steps.items()}
        return cls(plan, options, steps, [JobMeter.from_dict(m) for m in data["meters"]],
                   list(data["log"]), data.get("report"), str(data.get("started_utc", "")))

    @classmethod
    def open(cls, plan: Plan, options: ConnectionOptions, *, restart: bool = False) -> Job:
        """Resume the plan's job if its state file exists (and not `restart`), else start."""
        if plan.state_path.exists() and not restart:
            return cls.resume(plan, options)
        return cls.start(plan, options)

    @property
    def finished(self) -> bool:
        """Whether every step is done."""
        return all(v is StepState.DONE for v in self.steps.values())

    def next_step(self) -> Step | None:
        """The first step not done."""
        return next((s for s in STEPS if self.steps[s] is not StepState.DONE), None)

    def as_dict(self) -> dict[str, Any]:
        """The state file's document."""
        return {"format": STATE_FORMAT, "format_version": FORMAT_VERSION,
                "plan": str(self.plan.path), "plan_sha256": self.plan.digest,
                "protocol": self.options.protocol, "started_utc": self.started,
                "updated_utc": utc_now().isoformat().replace("+00:00", "Z"),
                "steps": {s.value: v.value for s, v in self.steps.items()},
                "meters": [m.as_dict() for m in self.meters], "log": list(self.log),
                "report": self.report}

    def save(self) -> Path:
        """Write the state file atomically (the job folder is created if missing)."""
        folder = self.plan.output
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise FileError(QT_TRANSLATE_NOOP(
                "Errors", "Cannot create the job folder {folder}: {reason}.").format(
                folder=folder, reason=exc.strerror or exc)) from None
        text = json.dumps(self.as_dict(), indent=2, ensure_ascii=False) + "\n"
        return write_text_atomic(self.plan.state_path, text, overwrite=True)

    def meter_options(self, meter: JobMeter) -> ConnectionOptions:
        """The options that reach this one meter now."""
        if self.options.protocol == "mbus" and (meter.target is None
                                                or meter.address != meter.target):
            return replace(self.options, address=meter.address, device=meter.secondary)
        return replace(self.options, address=meter.address, device=None)


# --- running ------------------------------------------------------------------------------

Progress = Callable[[Step, "JobMeter | None", "Message | str"], None]
"""Told what each step did: (step, the meter or None for the bus, one sentence)."""
Pause = Callable[[], bool]
"""Asked between steps (and meters): True stops the job there, to resume later."""
NextMeter = Callable[[int, int], Awaitable[bool]]
"""Modbus one at a time: (number of the meter, of how many) -> True once the installer has
connected it (False: stop here, to resume later)."""


class JobPaused(Exception):
    """The job stopped between two steps because it was asked to (state saved)."""


@dataclass
class JobOutcome:
    """How a run ended."""

    job: Job
    paused: bool = False
    error: ConfiguratorError | None = None
    stopped_at: Step | None = None


def _say(job: Job, progress: Progress | None, step: Step, meter: JobMeter | None,
         text: Message | str) -> None:
    prefix = f"{step.value}: " + (f"{meter.serial:08d}: " if meter is not None else "")
    job.log.append(prefix + str(text))
    if progress is not None:
        progress(step, meter, text)


async def run_job(job: Job, *, confirm: Confirmer | None = None,
                  progress: Progress | None = None, stop_after: Step | None = None,
                  pause: Pause | None = None,
                  translator: Callable[[str, str], str] | None = None,
                  next_meter: NextMeter | None = None) -> JobOutcome:
    """Run the job's steps from the first one not done; save the state after every step of
    every meter. Stops after `stop_after`, when `pause()` says so, or at the first failure
    (the failing meter's step is not marked done, so running the job again retries it)."""
    runners: dict[Step, Callable[..., Awaitable[None]]] = {
        Step.CONNECT: _connect, Step.IDENTIFY: _identify, Step.ADDRESS: _address,
        Step.TEMPLATE: _template, Step.WIRING: _wiring, Step.BACKUP: _backup,
        Step.REPORT: _report}
    outcome = JobOutcome(job)
    for step in STEPS:
        if job.steps[step] is StepState.DONE:
            continue
        if pause is not None and pause():
            outcome.paused, outcome.stopped_at = True, step
            job.save()
            return outcome
        job.steps[step] = StepState.RUNNING
        try:
            if step is Step.REPORT:
                await _report(job, progress, translator)
            elif step in PER_METER:
                await _per_meter(job, step, runners[step], confirm, progress, pause)
            elif job.plan.doc.get("one_at_a_time") and job.options.protocol == "modbus":
                await _one_at_a_time(job, confirm, progress, pause, next_meter)
            else:
                await runners[step](job, progress)
        except JobPaused:
            job.steps[step] = StepState.PENDING
            outcome.paused, outcome.stopped_at = True, step
            job.save()
            return outcome
        except ConfiguratorError as exc:
            job.steps[step] = StepState.FAILED
            _say(job, progress, step, None, QT_TRANSLATE_NOOP(
                "Commission", "stopped: {error}").format(error=exc))
            outcome.error, outcome.stopped_at = exc, step
            job.save()
            return outcome
        job.steps[step] = StepState.DONE
        job.save()
        if stop_after is step and not job.finished:
            outcome.paused, outcome.stopped_at = True, job.next_step()
            return outcome
    return outcome


async def _confirm_moves(job: Job, confirm: Confirmer | None) -> Confirmer | None:
    """Ask once for every address move of the step (the same dialog or --yes as any link
    move); the engine's own question for each meter is then answered with that yes, for
    exactly those moves, and asked again for anything else."""
    key = "mbus.address" if job.options.protocol == "mbus" else "modbus.address"
    acts = [PermanentAct(ActKind.LINK_MOVE, key, m.address, m.target) for m in job.meters
            if not m.has(Step.ADDRESS) and m.target is not None and m.address != m.target]
    if not acts:
        return confirm
    if confirm is None:
        raise ConfirmationRequired(acts)
    if not await confirm(acts):
        raise ConfirmationDeclined(acts)
    agreed = {(a.key, a.before, a.after) for a in acts}

    async def known(asked: Sequence[PermanentAct]) -> bool:
        if all(a.kind is ActKind.LINK_MOVE and (a.key, a.before, a.after) in agreed
               for a in asked):
            return True
        return await confirm(asked)

    return known


async def _per_meter(job: Job, step: Step, runner: Callable[..., Awaitable[None]],
                     confirm: Confirmer | None, progress: Progress | None,
                     pause: Pause | None) -> None:
    if step is Step.ADDRESS:
        _order(job, step)  # a ring of moves is refused before anything is asked or written
        confirm = await _confirm_moves(job, confirm)
    for meter in _order(job, step):
        if meter.has(step):
            continue
        if pause is not None and pause():
            raise JobPaused
        try:
            await runner(job, meter, confirm, progress)
        except ConfiguratorError as exc:
            meter.error = str(exc)
            job.save()
            raise
        meter.error = None
        meter.mark(step)
        job.save()


def _order(job: Job, step: Step) -> list[JobMeter]:
    """The meters in the order this step takes them (moves into free addresses first)."""
    if step is not Step.ADDRESS or job.options.protocol == "mbus":
        return list(job.meters)
    ordered: list[JobMeter] = []
    held = {m.address for m in job.meters}
    remaining = [m for m in job.meters if not m.has(Step.ADDRESS)]
    ordered.extend(m for m in job.meters if m.has(Step.ADDRESS))
    while remaining:
        free = next((m for m in remaining if m.target in (None, m.address)
                     or m.target not in held), None)
        if free is None:
            raise UsageError(QT_TRANSLATE_NOOP(
                "Errors", "The plan's addresses move meters onto each other's addresses in a "
                "ring; give one of them a free address first."))
        remaining.remove(free)
        held.discard(free.address)
        if free.target is not None:
            held.add(free.target)
        ordered.append(free)
    return ordered


async def _connect(job: Job, progress: Progress | None) -> None:
    found = await scan_bus(job.options)
    meters = [m for m in found if m.model is not None]
    garbled = [m for m in found if m.error is not None]
    if garbled:
        raise garbled[0].error  # type: ignore[misc]
    expected = job.plan.doc.get("expected_meters")
    if expected is not None and len(meters) != expected:
        raise UsageError(QT_TRANSLATE_NOOP(
            "Errors", "The plan expects {expected} meters, the bus search found {found}: check "
            "the wiring, then run the job again.").format(expected=expected, found=len(meters)))
    job.meters = []
    for hit in meters:
        assert hit.model is not None
        secondary = hit.options.device if job.options.protocol == "mbus" else None
        meter = JobMeter(0, hit.model.info.code, hit.address, secondary)
        job.meters.append(meter)
    _say(job, progress, Step.CONNECT, None, QT_TRANSLATE_NOOP(
        "Commission", "found {count} meter(s) on {link}").format(
        count=len(job.meters), link=job.options.describe()))


async def _one_at_a_time(job: Job, confirm: Confirmer | None, progress: Progress | None,
                         pause: Pause | None, next_meter: NextMeter | None) -> None:
    """Modbus factory meters: each new meter is connected alone at the factory address,
    identified and moved to its address before the next one is connected (docs/DECISIONS.md
    C2). Each meter's identify and address steps are recorded as it is done."""
    total = int(job.plan.doc["expected_meters"])
    while len(job.meters) < total:
        number = len(job.meters) + 1
        if pause is not None and pause():
            raise JobPaused
        if next_meter is None:
            raise UsageError(QT_TRANSLATE_NOOP(
                "Errors", "Connecting factory meters one at a time needs someone to say when "
                "the next meter is connected: run the job at a terminal or in the window."))
        if not await next_meter(number, total):
            raise JobPaused
        meter = JobMeter(0, "", FACTORY_ADDRESS)
        async with open_session(replace(job.options, address=FACTORY_ADDRESS)) as session:
            identity = await session.identify()
        if any(m.serial == identity.serial for m in job.meters):
            _say(job, progress, Step.CONNECT, None, QT_TRANSLATE_NOOP(
                "Commission", "meter {serial} is already done: connect the next one").format(
                serial=f"{identity.serial:08d}"))
            continue
        meter.serial, meter.model = identity.serial, identity.model.info.code
        meter.checksum = str(getattr(identity.checksum_verdict, "value",
                                     identity.checksum_verdict))
        meter.label = job.plan.labels().get(meter.serial, "")
        meter.target = _next_target(job, meter.serial)
        _say(job, progress, Step.IDENTIFY, meter, QT_TRANSLATE_NOOP(
            "Commission", "{model} serial {serial}, checksum {checksum}").format(
            model=meter.model, serial=f"{meter.serial:08d}", checksum=meter.checksum))
        await _address(job, meter, confirm, progress)
        meter.mark(Step.IDENTIFY)
        meter.mark(Step.ADDRESS)
        job.meters.append(meter)
        job.save()


def _next_target(job: Job, serial: int) -> int:
    """The address of a meter met one at a time: the plan's, else the next one free."""
    named = job.plan.targets()
    if serial in named:
        return named[serial]
    taken = set(named.values()) | {m.target for m in job.meters if m.target is not None}
    address = int(job.plan.doc.get("first_address", 1))
    while address in taken or address == FACTORY_ADDRESS:
        address += 1
    return address


async def _identify(job: Job, meter: JobMeter, confirm: Confirmer | None,
                    progress: Progress | None) -> None:
    async with open_session(job.meter_options(meter)) as session:
        identity = await session.identify()
    meter.serial = identity.serial
    meter.model = identity.model.info.code
    meter.checksum = str(getattr(identity.checksum_verdict, "value", identity.checksum_verdict))
    meter.label = job.plan.labels().get(meter.serial, "")
    _assign_targets(job)
    _say(job, progress, Step.IDENTIFY, meter, QT_TRANSLATE_NOOP(
        "Commission", "{model} serial {serial}, checksum {checksum}").format(
        model=meter.model, serial=f"{meter.serial:08d}", checksum=meter.checksum))


def _assign_targets(job: Job) -> None:
    """Each identified meter's address: the plan's, else the next free one from
    `first_address` in the order of the serial numbers (the same on every run)."""
    named = job.plan.targets()
    first = int(job.plan.doc.get("first_address", 1))
    taken = set(named.values())
    next_free = first
    for meter in sorted((m for m in job.meters if m.serial), key=lambda m: m.serial):
        if meter.serial in named:
            meter.target = named[meter.serial]
            continue
        while next_free in taken:
            next_free += 1
        meter.target = next_free
        taken.add(next_free)


async def _address(job: Job, meter: JobMeter, confirm: Confirmer | None,
                   progress: Progress | None) -> None:
    if meter.target is None:
        raise UsageError(QT_TRANSLATE_NOOP("Errors", "Meter {serial} has no address planned.")
                         .format(serial=f"{meter.serial:08d}"))
    key = "mbus.address" if job.options.protocol == "mbus" else "modbus.address"
    limit = 250 if key == "mbus.address" else 247
    if not 1 <= meter.target <= limit:
        raise UsageError(QT_TRANSLATE_NOOP(
            "Errors", "Address {address} is outside 1-{limit} for this bus.").format(
            address=meter.target, limit=limit))
    if meter.address == meter.target:
        _say(job, progress, Step.ADDRESS, meter, QT_TRANSLATE_NOOP(
            "Commission", "already at address {address}").format(address=meter.target))
        return
    before = meter.address
    if await _answers_at_target(job, meter):  # moved before the answer was lost: done
        meter.address = meter.target
        meter.changes.append(Change(key, before, meter.target))
        _say(job, progress, Step.ADDRESS, meter, QT_TRANSLATE_NOOP(
            "Commission", "already at address {address}").format(address=meter.target))
        return
    async with open_session(job.meter_options(meter)) as session:
        identity = await session.identify()
        if identity.serial != meter.serial:
            raise UsageError(QT_TRANSLATE_NOOP(
                "Errors", "Meter {serial} was expected at address {address}, meter {other} "
                "answers there: nothing was written.").format(
                serial=f"{meter.serial:08d}", address=meter.address,
                other=f"{identity.serial:08d}"))
        report = await session.apply({SETTINGS[key]: meter.target}, confirm)
    if report.error is not None:
        raise report.error
    meter.address = meter.target
    meter.changes.append(Change(key, before, meter.target))
    _say(job, progress, Step.ADDRESS, meter, QT_TRANSLATE_NOOP(
        "Commission", "address {before} -> {after}").format(before=before, after=meter.target))


async def _answers_at_target(job: Job, meter: JobMeter) -> bool:
    """Whether this meter already answers at its planned address (a move whose answer was
    lost, then the job resumed). Only asked when the step is run again after a failure."""
    if meter.error is None or meter.target is None:
        return False
    options = replace(job.options, address=meter.target, device=None)
    try:
        async with open_session(options) as session:
            return (await session.identify()).serial == meter.serial
    except ConfiguratorError:
        return False


async def _template(job: Job, meter: JobMeter, confirm: Confirmer | None,
                    progress: Progress | None) -> None:
    doc = job.plan.template
    if doc is None:
        _say(job, progress, Step.TEMPLATE, meter, QT_TRANSLATE_NOOP(
            "Commission", "the plan names no template: nothing to apply"))
        return
    options = job.meter_options(meter)
    async with open_session(options) as session:
        outcome = await tp.apply_to_meter(
            session, doc, options=options, include_ct=bool(job.plan.doc.get("include_ct")),
            undo_dir=job.plan.output / "undo", confirm=confirm)
    report = outcome.report
    if report is not None:
        for result in report.results:
            if result.status in (WriteStatus.VERIFIED, WriteStatus.ACKNOWLEDGED):
                meter.changes.append(Change(result.key, _shown(result.key, result.before),
                                            _shown(result.key, result.after)))
    if outcome.error is not None:
        raise outcome.error
    written = sum(report.count(s) for s in (WriteStatus.VERIFIED, WriteStatus.ACKNOWLEDGED)
                  ) if report is not None else 0
    _say(job, progress, Step.TEMPLATE, meter, QT_TRANSLATE_NOOP(
        "Commission", "{count} setting(s) written").format(count=written))


def _shown(key: str, value: Any) -> Any:
    if value is None or isinstance(value, Exception):
        return None
    return SETTINGS[key].domain.format(value)


async def _wiring(job: Job, meter: JobMeter, confirm: Confirmer | None,
                  progress: Progress | None) -> None:
    from ..model.verdicts import Verdict
    from .report import collect_report

    options = job.meter_options(meter)
    async with open_session(options) as session:
        page = await collect_report(session, options)
    job.pages[meter.serial] = page
    verdict = page.verdict
    meter.verdict = verdict.value
    meter.failed_checks = [str(c.name) for c in page.checks if c.verdict is not Verdict.PASS]
    _say(job, progress, Step.WIRING, meter, QT_TRANSLATE_NOOP(
        "Commission", "verdict {verdict}").format(verdict=verdict.word))


async def _backup(job: Job, meter: JobMeter, confirm: Confirmer | None,
                  progress: Progress | None) -> None:
    options = job.meter_options(meter)
    async with open_session(options) as session:
        doc = await make_backup(session, options)
    folder = job.plan.output / "backups"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileError(QT_TRANSLATE_NOOP(
            "Errors", "Cannot create the job folder {folder}: {reason}.").format(
            folder=folder, reason=exc.strerror or exc)) from None
    path = write_backup_file(folder / backup_file_name(doc), doc, overwrite=True)
    meter.backup = str(path)
    _say(job, progress, Step.BACKUP, meter, QT_TRANSLATE_NOOP(
        "Commission", "backup written to {path}").format(path=path))


async def _report(job: Job, progress: Progress | None,
                  translator: Callable[[str, str], str] | None) -> None:
    from .report import collect_report
    from .report.job import job_report_pdf

    pages: list[ReportDocument] = []
    for meter in job.meters:
        page = job.pages.get(meter.serial)
        if page is None:  # resumed after the wiring step: read the meter again
            options = job.meter_options(meter)
            async with open_session(options) as session:
                page = await collect_report(session, options)
            job.pages[meter.serial] = page
        pages.append(page)
    data = job_report_pdf(job, pages, translator)
    path = write_text_atomic(job.plan.output / REPORT_FILE, data, overwrite=True)
    job.report = str(path)
    _say(job, progress, Step.REPORT, None, QT_TRANSLATE_NOOP(
        "Commission", "report of {count} meter(s) written to {path}").format(
        count=len(pages), path=path))


__all__ = ["Change", "Job", "JobMeter", "JobOutcome", "PER_METER", "PLAN_FORMAT", "Plan",
           "REPORT_FILE", "STATE_FILE", "STATE_FORMAT", "STEPS", "STEP_LABELS", "Step",
           "StepState", "load_plan", "plan_from_document", "plan_schema", "run_job",
           "state_schema"]
