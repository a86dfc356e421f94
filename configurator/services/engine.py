"""THE write engine: one algorithm for every protocol, over small per-protocol primitives.

    plan = await WriteEngine(session).prepare(changes)   # reach, read, rules, acts, collisions
    report = await WriteEngine(session).execute(plan, confirm)   # confirm, order, write, verify

A session (Modbus, BLE, M-Bus, or a fourth protocol) implements only `WritePrimitives`: read
settings, send one write, say what it can read back, and for link settings name the point it
answers at, the point after a change, switch the local side there and probe it. Everything
else is here, once:

1. Reachability of every key (typed `Unreachable`), the current values, the rules on the merged
   set (`check_rules`; S0 overlap is a warning), the permanent acts (CT change, T3/T4, link
   moves; counter resets in `run_action`), and before moving to another address, a probe of
   it: a device already there stops everything before any write.
2. One confirmation: `confirm(acts)` must say yes, else nothing is written.
3. Order: rule-safe for plain settings, link settings last in their declared `link_order`.
4. Per write: skip what the meter already holds; send (the masters never retry writes);
   an exception is REFUSED; an answer is read back (VERIFIED / MISMATCH, or ACKNOWLEDGED where
   the link cannot read it); no clean answer means reading again: the new value is VERIFIED,
   the old one is re-sent if the setting is `resend_safe`, else NOT_TAKEN; unreadable is
   UNKNOWN. A lost link is UNKNOWN, never REFUSED. The first failure stops the writes.
5. Link writes: send (a lost answer is normal while the meter switches), switch to the new
   point and probe it; else switch back and probe the old one (NOT_TAKEN), else UNKNOWN with
   both candidate points.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, Protocol

from ..errors import (
    ConfiguratorError,
    FrameError,
    LinkLostError,
    MeterExceptionError,
    MeterTimeoutError,
    PortError,
    UnsupportedError,
    VerifyError,
)
from ..i18n import QT_TRANSLATE_NOOP, Message, message_of
from ..model.ct_history import interpret
from ..model.domains import Choice
from ..model.models import Model
from ..model.settings import (
    RULE_KEYS,
    S0_RATES,
    TRANSPORT_NAMES,
    Action,
    Setting,
    check_rules,
    rule_safe_order,
    rule_warnings,
)
from ..model.types import CtRatio
from .outcomes import (
    ActKind,
    AddressInUseError,
    ApplyReport,
    ConfirmationDeclined,
    ConfirmationRequired,
    LinkOutcome,
    LinkPoint,
    LinkWhere,
    PermanentAct,
    Probe,
    Unreachable,
    UnreachableError,
    WriteOutcome,
    WritePlan,
    WriteStatus,
)

Confirmer = Callable[[Sequence[PermanentAct]], Awaitable[bool]]
BeforeWrite = Callable[[], Awaitable[None]]

MAX_SENDS = 2  # a resend_safe write whose answer was lost is sent at most this often
CT_KEY = "ct.ratio"
TARIFF_KEY = "tariff"
MID_TARIFFS = (3, 4)  # manual A1.2: energy in T3/T4 stays in the MID area for good
S0_KEYS = ("s0.rate", "s0.width_ms")


async def accept_all(acts: Sequence[PermanentAct]) -> bool:
    """A confirmer that says yes to everything (scripts and tests that mean it)."""
    del acts
    return True


class NotSentError(ConfiguratorError):
    """Raised by a primitive when a write could not even be sent (e.g. the M-Bus link could
    not be set up first): nothing reached the meter. `cause` is the error that stopped it."""

    def __init__(self, cause: ConfiguratorError) -> None:
        self.cause = cause
        self.exit_code = cause.exit_code
        super().__init__(message_of(cause))


class WritePrimitives(Protocol):
    """What a protocol's session provides to the engine (and nothing more)."""

    transport_name: str

    async def require_model(self) -> Model:
        """The meter's model (identify first if needed)."""

    def reachable_settings(self, model: Model) -> list[Setting]:
        """Settings this model has and this link reads or writes."""

    def write_reason(self, item: Setting, model: Model) -> Unreachable | None:
        """Why this link cannot write `item`, or None."""

    def readable(self, item: Setting) -> bool:
        """Whether this link can read `item` back."""

    def write_note(self, item: Setting) -> str | None:
        """A remark every write of `item` over this link carries (e.g. M-Bus writes the S0
        rate in an unverified byte reading, named there), or None."""

    async def read_values(self, items: Sequence[Setting]) -> dict[str, Any]:
        """Current user values (an Exception instance for one that cannot be read or decoded);
        reads use the master's read retries. Raises MeterTimeoutError / FrameError / PortError
        when the meter cannot be read at all."""

    async def send(self, item: Setting, value: Any) -> None:
        """Send one write, never retried. Raises MeterExceptionError (refused), MeterTimeoutError
        or FrameError (no clean answer), PortError (link gone), NotSentError (never sent)."""

    def check_action(self, action: Action, model: Model) -> None:
        """Raise UnsupportedError if this model or link cannot perform `action`."""

    async def send_action(self, action: Action) -> None:
        """Send one action write (same errors as `send`)."""

    async def read_action(self, action: Action) -> Any:
        """The action register's value now, or None when this link cannot read it."""

    async def read_ct_history(self) -> dict[str, Any]:
        """The CT history by register key (2PU CT)."""

    def link_point(self) -> LinkPoint:
        """Where the session talks to the meter now."""

    def point_after(self, item: Setting, value: Any) -> LinkPoint | None:
        """Where the meter answers once `item` is `value`; None: the write does not move this
        link (it is written and read back like any setting)."""

    async def switch_to(self, point: LinkPoint) -> None:
        """Point the local side (address, serial speed, selection) at `point`."""

    async def probe(self) -> Probe:
        """Does a WAGO meter answer at the current point, and with which serial? Never raises
        for silence or a garbled answer; a lost link raises PortError."""

    async def occupant(self, point: LinkPoint) -> Probe | None:
        """Who answers at another address on this bus, without moving the session; None when
        this link cannot tell (BLE reaches only its own meter)."""

    def link_description(self) -> str:
        """Where the meter answers now, for the user to reuse."""


# --- helpers ----------------------------------------------------------------------------------

def ct_changes_used(history: Mapping[str, Any], ratio: CtRatio | None = None) -> int | None:
    """How many of the 7 CT ratio changes are used (model.ct_history, the one count; manual
    6.9); None when a history slot that matters could not be read."""
    return interpret(history, ratio).changes_used


def ct_changes_left(history: Mapping[str, Any], ratio: CtRatio | None = None) -> int | None:
    """How many more CT ratio changes the meter accepts; None when that is unknown."""
    return interpret(history, ratio).changes_left


def _known(value: Any) -> Any:
    return None if isinstance(value, Exception) else value


def _same(held: Any, wanted: Any) -> bool:
    return held is not None and not isinstance(held, Exception) and held == wanted


def _shown(item: Setting | None, value: Any) -> str:
    if value is None or isinstance(value, Exception):
        return "?"
    if item is not None:
        try:
            return item.domain.format(value)
        except (KeyError, ValueError, TypeError):
            return str(value)
    return f"{value:g}" if isinstance(value, float) else str(value)


def _like(cause: BaseException | None, message: Message) -> ConfiguratorError:
    """An error of the cause's class (its exit code) carrying `message`."""
    if isinstance(cause, MeterExceptionError):
        return MeterExceptionError(message, cause.code)
    for kind in (LinkLostError, PortError, FrameError, MeterTimeoutError):
        if isinstance(cause, kind):
            return kind(message)
    return VerifyError(message)


def _stopped(key: str, note: Message | str) -> Message:
    return QT_TRANSLATE_NOOP("Errors", "{key}: {problem}.").format(key=key, problem=note)


def _act_kind(item: Setting, value: Any) -> ActKind | None:
    if item.link:
        return ActKind.LINK_MOVE
    if item.key == CT_KEY:
        return ActKind.CT_CHANGE
    if item.key == TARIFF_KEY and value in MID_TARIFFS:
        return ActKind.MID_TARIFF
    return None


# --- the engine -------------------------------------------------------------------------------

class WriteEngine:
    """The one write algorithm; `prims` is the session (see WritePrimitives)."""

    def __init__(self, prims: WritePrimitives) -> None:
        self.prims = prims

    # -- before writing --------------------------------------------------------------------------
    async def prepare(self, changes: Mapping[Setting, Any]) -> WritePlan:
        """Check every key, read the meter, apply the rules, list the permanent acts and probe
        any new address. Raises (UnreachableError, InvalidValueError, AddressInUseError ...)
        before anything is written."""
        prims = self.prims
        model = await prims.require_model()
        for item in changes:
            reason = prims.write_reason(item, model)
            if reason is not None:
                raise UnreachableError(reason)
        readable = [s for s in prims.reachable_settings(model) if prims.readable(s)]
        current = await prims.read_values(readable)
        merged = {k: v for k, v in current.items() if not isinstance(v, Exception)}
        merged.update({item.key: value for item, value in changes.items()})
        check_rules(model, merged)
        warnings = (rule_warnings(model, merged)
                    if RULE_KEYS & {item.key for item in changes} else [])
        plain = {item: value for item, value in changes.items() if not item.link}
        links = sorted(((item, value) for item, value in changes.items() if item.link),
                       key=lambda kv: kv[0].link_order)
        ordered = rule_safe_order(model, current, plain) + links
        acts = await self._acts(current, ordered)
        await self._check_free(current, links)
        return WritePlan(dict(changes), dict(current), ordered, acts, warnings)

    async def _acts(self, current: Mapping[str, Any], ordered: list[tuple[Setting, Any]]
                    ) -> list[PermanentAct]:
        acts: list[PermanentAct] = []
        for item, value in ordered:
            before = current.get(item.key)
            kind = _act_kind(item, value)
            if kind is None or _same(before, value):
                continue
            left = None
            if kind is ActKind.CT_CHANGE:
                ratio = before if isinstance(before, CtRatio) else None
                left = ct_changes_left(await self.prims.read_ct_history(), ratio)
                if left is not None and left <= 0:
                    raise UnsupportedError(QT_TRANSLATE_NOOP(
                        "Errors", "All 7 CT ratio changes of this meter are used up (manual "
                        "6.9); the ratio can no longer be changed."))
            acts.append(PermanentAct(kind, item.key, _known(before), value, changes_left=left))
        return acts

    async def _check_free(self, current: Mapping[str, Any],
                          links: list[tuple[Setting, Any]]) -> None:
        """Refuse a move to an address where another device answers (before any write)."""
        here = self.prims.link_point()
        for item, value in links:
            if _same(current.get(item.key), value):
                continue
            there = self.prims.point_after(item, value)
            if there is None or there.address == here.address:
                continue
            found = await self.prims.occupant(there)
            if found is not None and (found.answered or found.heard):
                raise AddressInUseError(there, found.serial)

    # -- writing ----------------------------------------------------------------------------------
    async def apply(self, changes: Mapping[Setting, Any] | WritePlan,
                    confirm: Confirmer | None = None, *,
                    before_write: BeforeWrite | None = None) -> ApplyReport:
        """Prepare (unless given a plan) and execute."""
        plan = changes if isinstance(changes, WritePlan) else await self.prepare(changes)
        return await self.execute(plan, confirm, before_write=before_write)

    async def execute(self, plan: WritePlan, confirm: Confirmer | None = None, *,
                      before_write: BeforeWrite | None = None) -> ApplyReport:
        """Confirm the plan's permanent acts, then write in the plan's order and verify.

        Raises ConfirmationRequired (acts, no confirmer) or ConfirmationDeclined before
        anything is written; `before_write` runs after the confirmation, before the first
        write (restore saves its undo file there). A failure stops the writes: the report
        says per key what happened and carries the error (its exit code)."""
        await _confirm(plan.acts, confirm)
        report = ApplyReport(warnings=list(plan.warnings), acts=list(plan.acts))
        report.results = [WriteOutcome(item.key, value, WriteStatus.NOT_ATTEMPTED,
                                       before=_known(plan.current.get(item.key)))
                          for item, value in plan.ordered]
        to_write = [(i, v) for i, v in plan.ordered if not _same(plan.current.get(i.key), v)]
        if to_write and before_write is not None:
            await before_write()
        state = {k: v for k, v in plan.current.items() if not isinstance(v, Exception)}
        for index, (item, value) in enumerate(plan.ordered):
            before = plan.current.get(item.key)
            if _same(before, value):
                report.results[index] = WriteOutcome(item.key, value, WriteStatus.UNCHANGED,
                                                     before, value)
                continue
            state[item.key] = value
            target = self.prims.point_after(item, value) if item.link else None
            if target is not None:
                outcome, error = await self._write_link(item, value, _known(before), target)
            else:
                outcome, error = await self._write_plain(item, value, _known(before), state)
            report.results[index] = outcome
            if error is not None:
                report.error = error
                break
        if any(r.link is not None and r.link.where is not LinkWhere.UNKNOWN
               or (item.link and r.status is WriteStatus.VERIFIED)
               for (item, _value), r in zip(plan.ordered, report.results, strict=True)):
            report.link_note = self.prims.link_description()
        return report

    async def _read_one(self, item: Setting) -> Any:
        return (await self.prims.read_values([item]))[item.key]

    async def _write_plain(self, item: Setting, value: Any, before: Any,
                           state: Mapping[str, Any]
                           ) -> tuple[WriteOutcome, ConfiguratorError | None]:
        """Send, then verify; re-send a resend_safe write whose answer was lost."""
        prims, key = self.prims, item.key
        shown = _shown(item, value)
        sends = 0
        while True:
            sends += 1
            lost: ConfiguratorError | None = None
            try:
                await prims.send(item, value)
            except NotSentError as exc:
                return self._not_sent(key, value, before, sends - 1, exc)
            except MeterExceptionError as exc:
                note = _refusal(item, exc, state)
                return (WriteOutcome(key, value, WriteStatus.REFUSED, before, before,
                                     code=exc.code, sends=sends, note=note),
                        MeterExceptionError(_stopped(key, note), exc.code))
            except PortError as exc:
                return self._link_lost(key, shown, value, before, sends, exc)
            except (MeterTimeoutError, FrameError) as exc:
                lost = exc
            if not prims.readable(item):
                if lost is None:
                    said = QT_TRANSLATE_NOOP(
                        "Services", "the meter acknowledged the write; {transport} cannot read "
                        "{key} back").format(transport=TRANSPORT_NAMES[prims.transport_name],
                                             key=key)
                    remark = prims.write_note(item)
                    if remark:  # e.g. which reading of the bytes was written (unverified)
                        said = QT_TRANSLATE_NOOP("Services", "{message}; {unverified}").format(
                            message=said, unverified=remark)
                    return WriteOutcome(key, value, WriteStatus.ACKNOWLEDGED, before, None,
                                        sends=sends, note=said), None
                note = QT_TRANSLATE_NOOP(
                    "Services", "sent without a clean answer ({reason}); {transport} cannot "
                    "read {key} back, so whether the meter holds {value} is unknown").format(
                    reason=message_of(lost), transport=TRANSPORT_NAMES[prims.transport_name],
                    key=key, value=shown)
                return (WriteOutcome(key, value, WriteStatus.UNKNOWN, before, None, sends=sends,
                                     note=note), _like(lost, _stopped(key, note)))
            try:
                now = await self._read_one(item)
            except PortError as exc:
                return self._link_lost(key, shown, value, before, sends, exc)
            except (MeterTimeoutError, FrameError) as exc:
                note = (QT_TRANSLATE_NOOP(
                    "Services", "sent without a clean answer ({reason}), and reading it again "
                    "failed too: the meter may or may not hold {value}").format(
                    reason=message_of(lost), value=shown) if lost is not None else
                    QT_TRANSLATE_NOOP(
                        "Services", "the meter acknowledged the write, but reading it back "
                        "failed ({reason}): it may or may not hold {value}").format(
                        reason=message_of(exc), value=shown))
                return (WriteOutcome(key, value, WriteStatus.UNKNOWN, before, None, sends=sends,
                                     note=note), _like(exc, _stopped(key, note)))
            if _same(now, value):
                verified_note: Message | None = None if lost is None else QT_TRANSLATE_NOOP(
                    "Services", "the answer to the write was lost ({sends} sent); reading it "
                    "again shows {value}").format(sends=sends, value=shown)
                return WriteOutcome(key, value, WriteStatus.VERIFIED, before, now, sends=sends,
                                    note=verified_note), None
            if lost is None:
                note = QT_TRANSLATE_NOOP(
                    "Errors", "wrote {value} but the meter reads back {after}").format(
                    value=shown, after=_shown(item, now))
                return (WriteOutcome(key, value, WriteStatus.MISMATCH, before, _known(now),
                                     sends=sends, note=note), VerifyError(_stopped(key, note)))
            if before is not None and not _same(now, before):
                note = QT_TRANSLATE_NOOP(
                    "Services", "sent without a clean answer ({reason}); the meter now holds "
                    "{after}, neither {before} nor {value}").format(
                    reason=message_of(lost), after=_shown(item, now),
                    before=_shown(item, before), value=shown)
                return (WriteOutcome(key, value, WriteStatus.MISMATCH, before, _known(now),
                                     sends=sends, note=note), VerifyError(_stopped(key, note)))
            if item.resend_safe and sends < MAX_SENDS:
                continue
            note = QT_TRANSLATE_NOOP(
                "Services", "sent {sends} time(s) without a clean answer ({reason}); the meter "
                "still holds {after}").format(sends=sends, reason=message_of(lost),
                                               after=_shown(item, now))
            return (WriteOutcome(key, value, WriteStatus.NOT_TAKEN, before, _known(now),
                                 sends=sends, note=note), _like(lost, _stopped(key, note)))

    def _not_sent(self, key: str, value: Any, before: Any, sends: int, exc: NotSentError
                  ) -> tuple[WriteOutcome, ConfiguratorError]:
        note = QT_TRANSLATE_NOOP("Services", "not sent: {reason}").format(
            reason=message_of(exc.cause))
        return (WriteOutcome(key, value, WriteStatus.NOT_ATTEMPTED, before, before, sends=sends,
                             note=note), exc.cause)

    def _link_lost(self, key: str, shown: str, value: Any, before: Any, sends: int,
                   exc: PortError, link: LinkOutcome | None = None
                   ) -> tuple[WriteOutcome, ConfiguratorError]:
        if link is not None:
            note = QT_TRANSLATE_NOOP(
                "Services", "sent, then the link was lost ({reason}): the meter may answer at "
                "{new} or at {old}").format(reason=message_of(exc), new=link.new.describe(),
                                             old=link.old.describe())
        else:
            note = QT_TRANSLATE_NOOP(
                "Services", "sent, then the link was lost ({reason}): whether the meter holds "
                "{value} is unknown").format(reason=message_of(exc), value=shown)
        return (WriteOutcome(key, value, WriteStatus.UNKNOWN, before, None, sends=sends,
                             note=note, link=link), _like(exc, _stopped(key, note)))

    async def _write_link(self, item: Setting, value: Any, before: Any, new: LinkPoint
                          ) -> tuple[WriteOutcome, ConfiguratorError | None]:
        """Send a link write, follow the meter to the new point, verify it answers there."""
        prims, key = self.prims, item.key
        old = prims.link_point()
        unknown = LinkOutcome(LinkWhere.UNKNOWN, new, old)
        acked = False
        cause: ConfiguratorError | None = None
        try:
            await prims.send(item, value)
            acked = True
        except NotSentError as exc:
            return self._not_sent(key, value, before, 0, exc)
        except MeterExceptionError as exc:  # answered at the old point: it did not move
            note = message_of(exc)
            return (WriteOutcome(key, value, WriteStatus.REFUSED, before, before, code=exc.code,
                                 sends=1, note=note,
                                 link=LinkOutcome(LinkWhere.OLD, new, old)),
                    MeterExceptionError(_stopped(key, note), exc.code))
        except PortError as exc:
            return self._link_lost(key, _shown(item, value), value, before, 1, exc, unknown)
        except (MeterTimeoutError, FrameError) as exc:
            cause = exc  # normal: the answer may be lost while the meter switches over
        try:
            await prims.switch_to(new)
            if (await prims.probe()).answered:
                now = await self._read_one(item) if prims.readable(item) else value
                where = LinkOutcome(LinkWhere.NEW, new, old)
                if _same(now, value):
                    return WriteOutcome(key, value, WriteStatus.VERIFIED, before, now, sends=1,
                                        link=where), None
                note = QT_TRANSLATE_NOOP(
                    "Errors", "wrote {value} but the meter reads back {after}").format(
                    value=_shown(item, value), after=_shown(item, now))
                return (WriteOutcome(key, value, WriteStatus.MISMATCH, before, _known(now),
                                     sends=1, note=note, link=where),
                        VerifyError(_stopped(key, note)))
            await prims.switch_to(old)
            if (await prims.probe()).answered:
                now = await self._read_one(item) if prims.readable(item) else before
                note = QT_TRANSLATE_NOOP(
                    "Services", "the meter did not take it: it still answers at {old}").format(
                    old=old.describe())
                outcome = WriteOutcome(key, value, WriteStatus.NOT_TAKEN, before, _known(now),
                                       sends=1, note=note,
                                       link=LinkOutcome(LinkWhere.OLD, new, old))
                return outcome, (VerifyError(_stopped(key, note)) if acked
                                 else _like(cause, _stopped(key, note)))
        except PortError as exc:
            return self._link_lost(key, _shown(item, value), value, before, 1, exc, unknown)
        except (MeterTimeoutError, FrameError) as exc:
            cause = cause or exc
        note = QT_TRANSLATE_NOOP(
            "Services", "sent, but the meter answers neither at {new} nor at {old}: it may "
            "answer at either").format(new=new.describe(), old=old.describe())
        error = (_like(cause, _stopped(key, note)) if cause is not None
                 else MeterTimeoutError(_stopped(key, note)))
        return (WriteOutcome(key, value, WriteStatus.UNKNOWN, before, None, sends=1, note=note,
                             link=unknown), error)

    # -- counter resets ---------------------------------------------------------------------------
    async def run_action(self, action: Action, confirm: Confirmer | None = None
                         ) -> ApplyReport:
        """Confirm and perform a counter reset, verified like a setting ("back to zero")."""
        prims, key = self.prims, action.name
        model = await prims.require_model()
        prims.check_action(action, model)
        before = await prims.read_action(action)
        act = PermanentAct(ActKind.COUNTER_RESET, key, before, action.value, label=action.label)
        await _confirm([act], confirm)
        report = ApplyReport(acts=[act])
        outcome, report.error = await self._reset(action, before)
        report.results = [outcome]
        return report

    async def _reset(self, action: Action, before: Any
                     ) -> tuple[WriteOutcome, ConfiguratorError | None]:
        prims, key, value = self.prims, action.name, action.value
        sends = 0
        while True:
            sends += 1
            lost: ConfiguratorError | None = None
            try:
                await prims.send_action(action)
            except NotSentError as exc:
                return self._not_sent(key, value, before, sends - 1, exc)
            except MeterExceptionError as exc:
                note = message_of(exc)
                return (WriteOutcome(key, value, WriteStatus.REFUSED, before, before,
                                     code=exc.code, sends=sends, note=note),
                        MeterExceptionError(_stopped(key, note), exc.code))
            except PortError as exc:
                return self._link_lost(key, _shown(None, value), value, before, sends, exc)
            except (MeterTimeoutError, FrameError) as exc:
                lost = exc
            try:
                after = await prims.read_action(action)
            except PortError as exc:
                return self._link_lost(key, _shown(None, value), value, before, sends, exc)
            except (MeterTimeoutError, FrameError) as exc:
                note = QT_TRANSLATE_NOOP(
                    "Services", "reading the counter after the reset failed ({reason}): it may "
                    "or may not be reset").format(reason=message_of(exc))
                return (WriteOutcome(key, value, WriteStatus.UNKNOWN, before, None, sends=sends,
                                     note=note), _like(exc, _stopped(key, note)))
            if after is None:
                if lost is None:
                    return WriteOutcome(key, value, WriteStatus.ACKNOWLEDGED, before, None,
                                        sends=sends, note=QT_TRANSLATE_NOOP(
                                            "Services", "the meter acknowledged the reset; "
                                            "{transport} cannot read the counter back").format(
                                            transport=TRANSPORT_NAMES[prims.transport_name])
                                        ), None
                note = QT_TRANSLATE_NOOP(
                    "Services", "sent without a clean answer ({reason}); {transport} cannot "
                    "read the counter back, so whether it is reset is unknown").format(
                    reason=message_of(lost), transport=TRANSPORT_NAMES[prims.transport_name])
                return (WriteOutcome(key, value, WriteStatus.UNKNOWN, before, None, sends=sends,
                                     note=note), _like(lost, _stopped(key, note)))
            if _reset_done(action, after):
                note = None if lost is None else QT_TRANSLATE_NOOP(
                    "Services", "the answer to the reset was lost ({sends} sent); reading the "
                    "counter again shows {after}").format(sends=sends, after=_shown(None, after))
                return WriteOutcome(key, value, WriteStatus.VERIFIED, before, after, sends=sends,
                                    note=note), None
            if lost is not None and action.resend_safe and sends < MAX_SENDS:
                continue
            note = QT_TRANSLATE_NOOP(
                "Errors", "After reset {action} the meter still reads {after}.").format(
                action=key, after=_shown(None, after))
            status = WriteStatus.MISMATCH if lost is None else WriteStatus.NOT_TAKEN
            error = VerifyError(note) if lost is None else _like(lost, note)
            return WriteOutcome(key, value, status, before, after, sends=sends,
                                note=note), error


def _reset_done(action: Action, after: Any) -> bool:
    """A counter is reset when it reads the reset value, or a little above it for a counter
    that keeps counting at once (DECISIONS #21)."""
    return isinstance(after, (int, float)) and \
        0 <= after - action.value <= action.still_counting_tolerance


def _refusal(item: Setting, exc: MeterExceptionError, state: Mapping[str, Any]) -> Message | str:
    """The sentence for a meter's refusal: with the S0 values when it refused a width or rate
    (the manual's "depending on pulse rate" is the meter's to decide)."""
    rate, width = state.get("s0.rate"), state.get("s0.width_ms")
    if item.key in S0_KEYS and exc.code == 3 and rate is not None and width is not None:
        return QT_TRANSLATE_NOOP(
            "Services", "the meter refused {width} ms at {rate} imp/kWh (exception {code})"
        ).format(width=width, rate=Choice(S0_RATES).format(float(rate)), code=exc.code)
    return message_of(exc)


async def _confirm(acts: Sequence[PermanentAct], confirm: Confirmer | None) -> None:
    if not acts:
        return
    if confirm is None:
        raise ConfirmationRequired(acts)
    if not await confirm(list(acts)):
        raise ConfirmationDeclined(acts)


__all__ = ["MAX_SENDS", "BeforeWrite", "Confirmer", "NotSentError", "WriteEngine",
           "WritePrimitives", "accept_all", "ct_changes_left", "ct_changes_used"]
