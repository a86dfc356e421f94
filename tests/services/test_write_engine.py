"""The write engine's outcome table on the branches a lost or garbled answer takes.

`StandIn` replaces one boundary: a session's primitives, i.e. the meter and the wire between,
because the simulator cannot (yet) lose an answer or garble it on purpose; the "faults" helper
adds a seeded fault mode to the simulator for end-to-end runs of these branches. Everything
above the primitives (the engine: ordering, confirmation, verification, re-sends, link follow)
is the real code. The other statuses are produced end to end against the real simulator in
test_write_outcomes_end_to_end.py.
"""

from __future__ import annotations

import asyncio
import dataclasses
from typing import Any

import pytest

from configurator.errors import (
    ExitCode,
    FrameError,
    LinkLostError,
    MeterExceptionError,
    MeterTimeoutError,
    UsageError,
)
from configurator.model.models import Model
from configurator.model.settings import ACTIONS, SETTINGS, factory_settings, reachable_settings
from configurator.model.types import CtRatio
from configurator.services.engine import (
    MAX_SENDS,
    NotSentError,
    WriteEngine,
    accept_all,
    ct_changes_left,
)
from configurator.services.outcomes import (
    ActKind,
    AddressInUseError,
    ConfirmationDeclined,
    ConfirmationRequired,
    LinkPoint,
    LinkWhere,
    Probe,
    WriteStatus,
)

TARIFF, ADDRESS, CT = SETTINGS["tariff"], SETTINGS["modbus.address"], SETTINGS["ct.ratio"]


class StandIn:
    """The primitives of a Modbus session, with a scripted meter behind a scripted wire."""

    transport_name = "modbus"

    def __init__(self, model: Model = Model.PU4, *, lose: int = 0, takes: bool = True,
                 cause: type[Exception] = MeterTimeoutError, read_fails: bool = False,
                 link_lost: bool = False, refuse: int | None = None,
                 moves: bool = True, silent_after_move: bool = False,
                 occupant: Probe | None = None) -> None:
        self.model = model
        self.held = dict(factory_settings(model))
        self.held["modbus.address"] = 1
        self.lose, self.takes, self.cause = lose, takes, cause
        self.read_fails, self.link_lost, self.refuse = read_fails, link_lost, refuse
        self.moves, self.silent_after_move = moves, silent_after_move
        self.point = LinkPoint("modbus", 1, 9600, "even")  # where the session talks
        self.meter_at = self.point  # where the meter answers
        self.sent: list[tuple[str, Any]] = []
        self.history: dict[str, Any] = {}
        self.occupant_found = occupant

    async def require_model(self) -> Model:
        return self.model

    def reachable_settings(self, model: Model) -> list:
        return reachable_settings(model, self.transport_name)

    def write_reason(self, item, model):
        return None

    def readable(self, item) -> bool:
        return True

    def write_note(self, item):
        return None

    async def read_values(self, items) -> dict[str, Any]:
        if self.read_fails and self.sent:
            raise MeterTimeoutError("no answer to the read")
        if self.point != self.meter_at:
            raise MeterTimeoutError("nobody answers here")
        return {item.key: self.held.get(item.key) for item in items}

    async def send(self, item, value) -> None:
        self.sent.append((item.key, value))
        if self.refuse is not None:
            raise MeterExceptionError("Meter 1 answered with exception 3.", self.refuse)
        if self.takes:
            self.held[item.key] = value
            if item.link and self.moves:
                self.meter_at = None if self.silent_after_move else self.point_after(item, value)
        if self.link_lost:
            raise LinkLostError("the adapter was unplugged")
        if self.lose:
            self.lose -= 1
            raise self.cause("the answer was lost")

    def check_action(self, action, model) -> None:
        return None

    async def send_action(self, action) -> None:
        await self.send(dataclasses.replace(TARIFF, key=action.name), action.value)

    async def read_action(self, action) -> Any:
        return self.held.get(action.name, 17)

    async def read_ct_history(self) -> dict[str, Any]:
        return self.history

    def link_point(self) -> LinkPoint:
        return self.point

    def point_after(self, item, value) -> LinkPoint | None:
        field = {"modbus.address": "address", "modbus.baudrate": "baudrate",
                 "modbus.parity": "parity"}.get(item.key)
        if field is None:
            return None
        return dataclasses.replace(self.point, **{field: value})

    async def switch_to(self, point: LinkPoint) -> None:
        self.point = point

    async def probe(self) -> Probe:
        ok = self.point == self.meter_at
        return Probe(ok, ok, 23000001 if ok else None)

    async def occupant(self, point: LinkPoint) -> Probe | None:
        return self.occupant_found

    def link_description(self) -> str:
        return f"address {self.point.address}"


def run(coro):
    return asyncio.run(coro)


def apply(stand_in: StandIn, changes: dict, confirm=accept_all):
    return run(WriteEngine(stand_in).apply(changes, confirm))


def test_lost_answer_but_the_meter_took_it_is_verified_with_a_note() -> None:
    meter = StandIn(lose=1)
    report = apply(meter, {TARIFF: 2})
    [result] = report.results
    assert (result.status, result.sends, result.after) == (WriteStatus.VERIFIED, 1, 2)
    assert "answer to the write was lost" in str(result.note)
    assert report.error is None


def test_lost_answer_and_the_old_value_is_sent_again_when_that_is_safe() -> None:
    meter = StandIn(lose=1, takes=False)
    original = meter.send

    async def takes_the_second(item, value):  # the first write was lost on its way
        meter.takes = len(meter.sent) >= 1
        await original(item, value)

    meter.send = takes_the_second  # type: ignore[method-assign]
    report = apply(meter, {TARIFF: 2})
    [result] = report.results
    assert result.status is WriteStatus.VERIFIED and result.sends == 2
    assert meter.sent == [("tariff", 2), ("tariff", 2)]


@pytest.mark.parametrize(("cause", "code"), [(MeterTimeoutError, ExitCode.TIMEOUT),
                                             (FrameError, ExitCode.CRC)])
def test_never_taken_after_the_resends_is_not_taken_with_the_causes_exit_code(cause,
                                                                              code) -> None:
    meter = StandIn(lose=9, takes=False, cause=cause)
    report = apply(meter, {TARIFF: 2, SETTINGS["lcd.rolling_time"]: 20})
    first, second = report.results
    assert first.status is WriteStatus.NOT_TAKEN and first.sends == MAX_SENDS
    assert first.after == 1 and "still holds 1" in str(first.note)
    assert second.status is WriteStatus.NOT_ATTEMPTED  # stopped after the failure
    assert report.error is not None and report.error.exit_code == code


def test_the_ct_ratio_is_never_sent_twice() -> None:
    meter = StandIn(Model.PUCT2, lose=9, takes=False)
    report = apply(meter, {CT: CtRatio(100, 5)})
    [result] = report.results
    assert result.status is WriteStatus.NOT_TAKEN and result.sends == 1
    assert meter.sent == [("ct.ratio", CtRatio(100, 5))]


def test_lost_answer_and_no_second_read_is_unknown() -> None:
    meter = StandIn(lose=1, read_fails=True)
    report = apply(meter, {TARIFF: 2})
    [result] = report.results
    assert result.status is WriteStatus.UNKNOWN and result.after is None
    assert "may or may not hold 2" in str(result.note)
    assert report.error is not None and report.error.exit_code == ExitCode.TIMEOUT


def test_a_lost_link_is_unknown_never_refused() -> None:
    meter = StandIn(link_lost=True)
    report = apply(meter, {TARIFF: 2})
    [result] = report.results
    assert result.status is WriteStatus.UNKNOWN
    assert "link was lost" in str(result.note)
    assert report.error is not None and report.error.exit_code == ExitCode.PORT


def test_an_exception_is_refused_with_its_code_and_nothing_after_is_sent() -> None:
    meter = StandIn(refuse=4)
    report = apply(meter, {TARIFF: 2, SETTINGS["lcd.rolling_time"]: 20})
    assert [r.status for r in report.results] == [WriteStatus.REFUSED,
                                                 WriteStatus.NOT_ATTEMPTED]
    assert report.results[0].code == 4 and report.results[0].after == 1
    assert report.error is not None and report.error.exit_code == ExitCode.METER_EXCEPTION
    assert meter.sent == [("tariff", 2)]


def test_a_refused_pulse_rate_says_which_width_at_which_rate() -> None:
    report = apply(StandIn(refuse=3), {SETTINGS["s0.rate"]: 10000.0})
    assert str(report.results[0].note) == \
        "the meter refused 30 ms at 10000 imp/kWh (exception 3)"
    assert "the meter refused 30 ms at 10000 imp/kWh" in str(report.error)


def test_a_write_that_could_not_be_sent_is_not_attempted() -> None:
    meter = StandIn()

    async def cannot(item, value):
        raise NotSentError(MeterTimeoutError("the link could not be set up"))

    meter.send = cannot  # type: ignore[method-assign]
    report = apply(meter, {TARIFF: 2})
    assert report.results[0].status is WriteStatus.NOT_ATTEMPTED
    assert report.results[0].sends == 0
    assert report.error is not None and report.error.exit_code == ExitCode.TIMEOUT


def test_permanent_acts_need_a_yes_and_nothing_is_sent_without_one() -> None:
    meter = StandIn()
    with pytest.raises(ConfirmationRequired) as required:
        apply(meter, {TARIFF: 3, ADDRESS: 7}, confirm=None)
    assert [a.kind for a in required.value.acts] == [ActKind.MID_TARIFF, ActKind.LINK_MOVE]
    assert isinstance(required.value, UsageError)

    async def no(acts):
        return False

    with pytest.raises(ConfirmationDeclined):
        apply(meter, {TARIFF: 4}, confirm=no)
    assert meter.sent == []
    assert apply(meter, {TARIFF: 2}, confirm=None).error is None  # no act: no question


def test_the_ct_act_counts_the_changes_left_in_one_place() -> None:
    meter = StandIn(Model.PUCT2)
    meter.held["ct.ratio"] = CtRatio(50, 5)  # changed once: the factory 5/5 is in the history
    meter.history = {"ct.history.1.ratio": CtRatio(5, 5), "ct.history.2.ratio": CtRatio(0, 0)}
    assert ct_changes_left(meter.history, CtRatio(50, 5)) == 6
    seen = []

    async def look(acts):
        seen.extend(acts)
        return False

    with pytest.raises(ConfirmationDeclined):
        apply(meter, {CT: CtRatio(100, 5)}, confirm=look)
    [act] = seen
    assert (act.changes_left, act.changes_left_after) == (6, 5)
    assert "(6 left, 5 after this)" in str(act.sentence())
    meter.history = {f"ct.history.{n}.ratio": CtRatio(5 * n, 5) for n in range(1, 8)}
    with pytest.raises(Exception, match="used up"):
        apply(meter, {CT: CtRatio(100, 5)})


def test_a_reset_is_a_permanent_act_and_is_verified() -> None:
    meter = StandIn()
    action = ACTIONS["power-down-counter"]
    with pytest.raises(ConfirmationRequired) as required:
        run(WriteEngine(meter).run_action(action))
    assert required.value.acts[0].kind is ActKind.COUNTER_RESET and meter.sent == []
    report = run(WriteEngine(meter).run_action(action, accept_all))
    assert report.results[0].status is WriteStatus.VERIFIED and report.results[0].after == 0


def test_a_move_to_an_address_in_use_is_refused_before_any_write() -> None:
    meter = StandIn(occupant=Probe(True, True, 23000002))
    with pytest.raises(AddressInUseError) as caught:
        apply(meter, {TARIFF: 2, ADDRESS: 7})
    assert "Address 7 is already used by meter 23000002" in str(caught.value)
    assert meter.sent == []


def test_link_move_lost_answer_then_found_at_the_new_point_is_verified() -> None:
    meter = StandIn(lose=1)
    report = apply(meter, {ADDRESS: 7})
    [result] = report.results
    assert result.status is WriteStatus.VERIFIED and result.link is not None
    assert result.link.where is LinkWhere.NEW and result.link.new.address == 7
    assert report.link_note == "address 7"


@pytest.mark.parametrize(("lose", "code"), [(1, ExitCode.TIMEOUT), (0, ExitCode.VERIFY)])
def test_link_move_the_meter_still_at_the_old_point_is_not_taken(lose, code) -> None:
    meter = StandIn(lose=lose, moves=False)
    report = apply(meter, {ADDRESS: 7})
    [result] = report.results
    assert result.status is WriteStatus.NOT_TAKEN and result.link.where is LinkWhere.OLD
    assert meter.point.address == 1  # switched back: the session goes on at the old point
    assert report.error is not None and report.error.exit_code == code


def test_link_move_answering_nowhere_is_unknown_with_both_candidates() -> None:
    meter = StandIn(lose=1, silent_after_move=True)
    report = apply(meter, {ADDRESS: 7})
    [result] = report.results
    assert result.status is WriteStatus.UNKNOWN
    assert [p.address for p in result.link.candidates] == [7, 1]
    assert report.error is not None and report.error.exit_code == ExitCode.TIMEOUT
    assert meter.sent == [("modbus.address", 7)]  # a link write is never sent again


def test_link_settings_go_last_in_their_declared_order() -> None:
    meter = StandIn()
    report = apply(meter, {SETTINGS["modbus.baudrate"]: 19200, TARIFF: 2,
                           SETTINGS["modbus.parity"]: "none", ADDRESS: 9})
    assert [r.key for r in report.results] == ["tariff", "modbus.address", "modbus.parity",
                                               "modbus.baudrate"]
