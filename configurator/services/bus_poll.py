"""Every meter of one bus at once: round-robin polling through the bus's one owner.

`BusPoller` reads the meters of an open `Bus` (services/bus.py) one after the other, each
read a job of the bus, so there is never more than one transaction on the line; a round
starts again after `interval` seconds at the earliest. Per meter it keeps a `BusMember`: the
latest measurement values, the wiring verdict of that reading (services/wiring.judge, no
extra transaction), when it last answered and how many polls in a row it missed. No Qt here:
the Bus page listens through `on_update`. Memory is flat: one member per meter, whose values
are replaced, never appended.

A meter that stops answering is not dropped or left showing old figures as if fresh: after
STALE_AFTER_MISSES polls in a row without an answer (or when its answer is older than the
usual staleness limit of polling.stale_after for the round time) it is `stale`, and its age
keeps growing for the page to show.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import ConfiguratorError
from ..i18n import message_of
from ..model.models import Model
from ..model.verdicts import Verdict
from .bus import Bus, BusClosedError
from .meter import Identity
from .polling import stale_after
from .wiring import judge

STALE_AFTER_MISSES = 2  # polls in a row without an answer before a meter shows stale
DEFAULT_INTERVAL_S = 1.0  # the shortest time from the start of one round to the next


@dataclass
class BusMember:
    """One meter of the bus as the poller knows it."""

    address: int | None  # primary address (Modbus address, M-Bus primary)
    secondary: str | None = None  # M-Bus: 8-digit secondary address it is selected by
    model: Model | None = None
    serial: int | None = None
    identity: Identity | None = None
    values: dict[str, Any] = field(default_factory=dict)  # latest measurements by key
    verdict: Verdict | None = None  # the wiring verdict of the latest reading
    last_answer: float | None = None  # time.monotonic() of its last answer
    polls: int = 0  # answered polls
    misses: int = 0  # polls in a row without an answer
    failures: int = 0  # polls without an answer, in all
    error: Any = None  # why the last poll failed (a Message or text), None after an answer

    @property
    def key(self) -> str:
        """What tells it apart on the bus: the secondary address, else the primary one."""
        return self.secondary or str(self.address)

    def age(self, now: float | None = None) -> float | None:
        """Seconds since it last answered, or None if it never has."""
        if self.last_answer is None:
            return None
        return (time.monotonic() if now is None else now) - self.last_answer

    def is_stale(self, round_s: float, now: float | None = None) -> bool:
        """Whether its figures are out of date: missed polls in a row, never answered, or an
        answer older than the staleness limit for a round of `round_s` seconds."""
        if self.polls == 0 or self.misses >= STALE_AFTER_MISSES:
            return True
        age = self.age(now)
        return age is not None and age > stale_after(round_s)


class BusPoller:
    """Polls every member of `bus` round-robin, one bus job per meter read."""

    def __init__(self, bus: Bus, members: Sequence[BusMember], *,
                 on_update: Callable[[BusMember], None] | None = None,
                 on_round: Callable[[int], None] | None = None,
                 on_closed: Callable[[], None] | None = None,
                 interval: float = DEFAULT_INTERVAL_S) -> None:
        self.bus = bus
        self.members = list(members)
        self.on_update = on_update
        self.on_round = on_round
        self.on_closed = on_closed
        self.interval = interval
        self.rounds = 0
        self.polls = 0  # meter reads attempted
        self.round_s = interval  # how long the last round took (at least `interval`)
        self._task: asyncio.Task[None] | None = None

    @property
    def running(self) -> bool:
        """Whether the polling task is alive."""
        return self._task is not None and not self._task.done()

    def start(self) -> None:
        """Start polling (idempotent)."""
        if not self.running:
            self._task = asyncio.ensure_future(self._run())

    async def stop(self) -> None:
        """Stop polling and wait for the task to end (a read in flight is cancelled)."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def stale(self, member: BusMember, now: float | None = None) -> bool:
        """Whether `member` shows stale (see BusMember.is_stale), for this bus's round."""
        return member.is_stale(self.round_s, now)

    async def _run(self) -> None:
        while True:
            started = time.monotonic()
            try:
                await self.poll_round()
            except BusClosedError:
                if self.on_closed is not None:
                    self.on_closed()
                return
            self.round_s = max(self.interval, time.monotonic() - started)
            await asyncio.sleep(max(0.0, self.interval - (time.monotonic() - started)))

    async def poll_round(self) -> None:
        """Read every member once, in order; BusClosedError ends the round."""
        for member in self.members:
            await self.poll(member)
            await asyncio.sleep(0)  # the window gets its turn between meters
        self.rounds += 1
        if self.on_round is not None:
            self.on_round(self.rounds)

    async def poll(self, member: BusMember) -> None:
        """One read of one meter (identity first if not known yet); errors are counted on
        the member, never raised, except that the bus was closed."""
        self.polls += 1

        async def read() -> tuple[Identity | None, list[Any]]:
            # One bus job: identity and reading of the same meter, nothing between them.
            session = self.bus.session_in_job(member.address, member.secondary)
            identity = await session.identify() if member.identity is None else None
            return identity, await session.read_measurements()

        try:
            identity, readings = await self.bus.run(read)
            if identity is not None:
                member.identity, member.model = identity, identity.model
                member.serial = identity.serial
        except (asyncio.CancelledError, BusClosedError):
            raise
        except ConfiguratorError as exc:
            member.misses += 1
            member.failures += 1
            member.error = message_of(exc)
        else:
            values = {r.register.key: r.value for r in readings
                      if r.register.group == "measurement"}
            member.values = values
            member.verdict = self._verdict(member, values)
            member.last_answer = time.monotonic()
            member.polls += 1
            member.misses = 0
            member.error = None
        if self.on_update is not None:
            self.on_update(member)

    def _verdict(self, member: BusMember, values: dict[str, Any]) -> Verdict | None:
        identity = member.identity
        if identity is None:
            return None
        judged = dict(values)
        for key, value in identity.values.items():
            if key.startswith(("direction.", "quadrant.")) or key == "ct.ratio":
                judged[key] = value
        try:
            return judge(judged, model=identity.model, transport=self.bus.protocol).verdict
        except (ArithmeticError, KeyError, TypeError, ValueError):
            return Verdict.CANNOT_JUDGE  # a reading the verdict cannot work with


__all__ = ["STALE_AFTER_MISSES", "BusMember", "BusPoller"]
