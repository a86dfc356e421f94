"""One owner per bus: the open serial bus, its one master, and the jobs that run on it.

A `Bus` is what the connection manager (services/link.py, `ConnectionManager.open_bus`) hands
out when the whole bus is wanted rather than one meter: a scan, the M-Bus secondary search,
the polling of every meter (services/bus_poll.py). It owns the port and the one master on it;
every job runs under its lock (`Bus.run`), so one transaction is on the line at a time and a
multi-frame exchange (an M-Bus selection then its REQ_UD2) is never split by another job.
`Bus.meter(address | secondary)` is a session to one meter of the bus whose every coroutine
runs as such a job.

`TransactionCounter` watches the bus's frames (the traffic entries) and counts transactions,
and requests sent while an earlier one still waited for its answer (`overlaps`): the proof
that the bus never had two transactions at once.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from ..errors import ConfiguratorError, ExitCode, UsageError
from ..i18n import QT_TRANSLATE_NOOP, message_of
from ..model.models import Model
from ..model.registers import MODBUS
from ..model.settings import MBUS
from .connection import ConnectionOptions, TrafficCallback, TrafficEntry, open_master
from .meter import Identity, ModbusMeter
from .scan import Found, ScanStats, scan

T = TypeVar("T")


class TransactionCounter:
    """Counts a bus's transactions from its traffic: a request ("tx") opens one, its answer
    ("rx") or the master's verdict on it ("error": timeout, garbled) closes it. A request
    sent while one is still open is an overlap: two transactions at once."""

    def __init__(self) -> None:
        self.transactions = 0
        self.overlaps = 0
        self.open = False

    def __call__(self, entry: TrafficEntry) -> None:
        if entry.direction == "tx":
            self.transactions += 1
            if self.open:
                self.overlaps += 1
            self.open = True
        else:
            self.open = False


@dataclass(frozen=True)
class ScannedMeter:
    """A device that answered a Modbus scan, identified where it is a meter."""

    address: int
    model: Model | None
    serial: int | None
    note: Any = ""  # why it is not usable: a translatable Message, or plain text
    identity: Identity | None = None


class _BusSession:
    """A session to one meter of the bus: every coroutine of the underlying session runs as
    a job of the bus (one at a time); plain attributes pass through."""

    def __init__(self, bus: Bus, session: Any) -> None:
        self._bus = bus
        self._session = session

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._session, name)
        if not inspect.iscoroutinefunction(value):
            return value

        @functools.wraps(value)
        async def as_job(*args: Any, **kwargs: Any) -> Any:
            return await self._bus.run(lambda: value(*args, **kwargs))

        return as_job


class Bus:
    """An open bus: the port, its one master, and a lock that lets one job run at a time."""

    def __init__(self, options: ConnectionOptions, master: Any) -> None:
        self.options = options
        self.protocol = options.protocol
        self.master = master
        self.counter = TransactionCounter()
        self.jobs = 0  # jobs run so far
        self.closed = False
        self._lock = asyncio.Lock()

    @property
    def busy(self) -> bool:
        """Whether a job holds the bus now."""
        return self._lock.locked()

    async def run(self, job: Callable[[], Awaitable[T]]) -> T:
        """Run `job()` as the bus's only user; others wait their turn."""
        async with self._lock:
            if self.closed:
                raise BusClosedError(QT_TRANSLATE_NOOP("Errors", "The bus was closed."))
            self.jobs += 1
            return await job()

    def meter(self, address: int | None = None, secondary: str | None = None) -> Any:
        """A session (services/api.MeterSession) to the meter at primary `address`, or, on an
        M-Bus, selected by its 8-digit `secondary` address; each call runs as a bus job."""
        return _BusSession(self, self.session_in_job(address, secondary))

    def session_in_job(self, address: int | None = None, secondary: str | None = None) -> Any:
        """The bare session of `meter`, for use inside ONE job (`run`) only: several calls
        in one job stay together (an M-Bus selection stays valid between them)."""
        if self.protocol == MBUS:
            from .mbus_session import MbusMeter, parse_secondary

            primary = address if address is not None else self.options.address or 0
            return MbusMeter(self.master, primary, parse_secondary(secondary))
        if address is None:
            raise UsageError(QT_TRANSLATE_NOOP("Errors", "A Modbus meter is reached by its "
                                               "address."))
        return ModbusMeter(self.master, address)

    # -- whole-bus jobs ---------------------------------------------------------------------
    async def scan(self, first: int, last: int,
                   progress: Callable[[int, list[Found]], None] | None = None
                   ) -> tuple[list[ScannedMeter], ScanStats]:
        """Modbus: probe addresses `first`-`last`, then identify each meter found (one job)."""
        if self.protocol != MODBUS:
            raise UsageError(QT_TRANSLATE_NOOP("Errors", "The address scan is for Modbus RTU; "
                                               "over M-Bus use the secondary search."))

        async def job() -> tuple[list[ScannedMeter], ScanStats]:
            found, stats = await scan(self.master, first, last, progress,
                                      fixed_timeout=self.options.timeout)
            meters = []
            for hit in found:
                identity, text = None, hit.note
                if hit.model is not None:
                    try:
                        identity = await ModbusMeter(self.master, hit.address).identify()
                    except ConfiguratorError as exc:
                        text = message_of(exc)
                meters.append(ScannedMeter(hit.address, hit.model,
                                           identity.serial if identity else None, text,
                                           identity))
            return meters, stats

        return await self.run(job)

    async def search(self, progress: Callable[[str, list[Any]], None] | None = None
                     ) -> tuple[list[Any], Any]:
        """M-Bus: the secondary-address search (services/mbus_scan.scan_secondary), one job."""
        if self.protocol != MBUS:
            raise UsageError(QT_TRANSLATE_NOOP("Errors", "The secondary search is for M-Bus."))
        from .mbus_scan import scan_secondary

        return await self.run(lambda: scan_secondary(self.master, progress))


class BusClosedError(ConfiguratorError):
    """A job was asked of a bus that is closed (the manager gave the port to someone else)."""

    exit_code = ExitCode.PORT


@asynccontextmanager
async def open_bus(options: ConnectionOptions, on_traffic: TrafficCallback | None = None
                   ) -> AsyncIterator[Bus]:
    """The options' serial bus, open with its one master (Modbus RTU or M-Bus); closed on
    exit. Bluetooth LE reaches one meter, never a bus."""
    opts = options.resolved()
    if opts.protocol not in (MODBUS, MBUS):
        raise UsageError(QT_TRANSLATE_NOOP(
            "Errors", "A bus is a serial line: Modbus RTU or M-Bus, not {protocol}.").format(
            protocol=opts.protocol))
    holder: list[Bus] = []

    def tap(entry: TrafficEntry) -> None:
        holder[0].counter(entry)
        if on_traffic is not None:
            on_traffic(entry)

    if opts.protocol == MBUS:
        from .mbus_session import open_mbus_master

        opener: Any = open_mbus_master(opts, tap)
    else:
        opener = open_master(opts, tap)
    async with opener as master:
        bus = Bus(opts, master)
        holder.append(bus)
        try:
            yield bus
        finally:
            bus.closed = True


__all__ = ["Bus", "BusClosedError", "ScannedMeter", "TransactionCounter", "open_bus"]
