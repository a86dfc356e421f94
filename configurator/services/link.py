"""The connection manager: one session at a time, lost-link detection, reconnect with backoff.

No Qt here: the GUI subscribes through plain callbacks. Every I/O goes through `call`, which
hands the one open session to the caller (the session's master serialises transactions, so
polling and a settings write never interleave frames). A vanished port or several timeouts in
a row mark the link lost; a background task then reopens it with growing delays.

Bus mode: `open_bus` hands out the whole bus (services/bus.py) instead of one meter's session,
and `bus_job` / `autodetect` run whole-bus jobs (scan, M-Bus search, the link-settings hunt).
The manager holds a session or a bus or runs one such job, never two of them: opening one
closes the other, and connecting while a bus job runs is refused with a sentence
(BusBusyError). No other part of the program opens a port.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
from collections.abc import Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager, AsyncExitStack
from dataclasses import replace
from typing import Any, TypeVar

from ..errors import (
    ConfiguratorError,
    ExitCode,
    LinkLostError,
    MeterTimeoutError,
    PortError,
)
from ..i18n import QT_TRANSLATE_NOOP, message_of
from .api import MeterSession
from .bus import Bus, open_bus
from .connection import ConnectionOptions, TrafficCallback, open_session
from .meter import Identity
from .outcomes import ApplyReport, LinkPoint, LinkWhere

log = logging.getLogger(__name__)
T = TypeVar("T")
BACKOFF_S: tuple[float, ...] = (0.2, 0.5, 1.0, 2.0, 5.0, 10.0)
LOST_AFTER_TIMEOUTS = 3


class LinkState(enum.Enum):
    """Where the connection stands."""

    DISCONNECTED = "disconnected"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    LOST = "lost"  # reconnecting with backoff


class NotConnectedError(ConfiguratorError):
    """An action needs a meter, but none is connected right now."""


class BusBusyError(ConfiguratorError):
    """The bus is taken by a whole-bus job (a scan, a search, auto-detect): the port is busy."""

    exit_code = ExitCode.PORT


Opener = Callable[[ConnectionOptions, "TrafficCallback | None"],
                  AbstractAsyncContextManager[MeterSession]]


class ConnectionManager:
    """Owns the session to one meter and keeps it alive."""

    def __init__(self, *, opener: Opener = open_session,
                 on_state: Callable[[LinkState, str], None] | None = None,
                 on_traffic: TrafficCallback | None = None,
                 on_identity: Callable[[Identity], None] | None = None,
                 backoff: Sequence[float] = BACKOFF_S,
                 lost_after_timeouts: int = LOST_AFTER_TIMEOUTS) -> None:
        self.opener = opener
        self.on_state = on_state
        self.on_traffic = on_traffic
        self.on_identity = on_identity
        self.backoff = tuple(backoff)
        self.lost_after_timeouts = lost_after_timeouts
        self.options: ConnectionOptions | None = None
        self.session: MeterSession | None = None
        self.identity: Identity | None = None
        self.state = LinkState.DISCONNECTED
        self.message = ""
        self.reconnect_attempts = 0
        # Where else the meter may answer after a link move that could not be verified: the
        # reconnect tries these too (services/outcomes.LinkOutcome.candidates).
        self.alternatives: list[ConnectionOptions] = []
        self._stack: AsyncExitStack | None = None
        self._timeouts_in_row = 0
        self._reconnect_task: asyncio.Task[None] | None = None
        self.bus: Bus | None = None  # bus mode: the whole bus, open (open_bus)
        self._bus_stack: AsyncExitStack | None = None
        self.bus_job_name: str | None = None  # the whole-bus job running now, if any

    def _set_state(self, state: LinkState, message: str = "") -> None:
        self.state, self.message = state, message
        if self.on_state is not None:
            self.on_state(state, message)

    async def _open(self, options: ConnectionOptions) -> Identity:
        stack = AsyncExitStack()
        try:
            session = await stack.enter_async_context(self.opener(options, self.on_traffic))
            identity = await session.identify()
        except BaseException:
            await stack.aclose()
            raise
        self._stack, self.session, self.identity = stack, session, identity
        self._timeouts_in_row = 0
        return identity

    async def _close(self) -> None:
        stack, self._stack, self.session = self._stack, None, None
        if stack is not None:
            with contextlib.suppress(Exception):
                await stack.aclose()

    async def connect(self, options: ConnectionOptions) -> Identity:
        """Open a session and identify the meter; raises ConfiguratorError with a sentence.
        An open bus is closed first (one owner); a running bus job refuses."""
        self._refuse_if_busy()
        await self.close_bus()
        await self.disconnect()
        self.options = options.resolved()
        self._set_state(LinkState.CONNECTING, QT_TRANSLATE_NOOP("Services", "Connecting: {where}")
                        .format(where=self.options.describe()))
        try:
            identity = await self._open(self.options)
        except BaseException as exc:
            self._set_state(LinkState.DISCONNECTED, message_of(exc) if isinstance(
                exc, ConfiguratorError) else QT_TRANSLATE_NOOP(
                "Services", "Connection failed: {error!r}").format(error=exc))
            raise
        self._set_state(LinkState.CONNECTED, self.options.describe())
        if self.on_identity is not None:
            self.on_identity(identity)
        return identity

    async def disconnect(self) -> None:
        """Close the session and stop reconnecting."""
        task, self._reconnect_task = self._reconnect_task, None
        if task is not None and task is not asyncio.current_task():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        was = self.state
        await self._close()
        self.identity = None
        self.alternatives = []
        if was is not LinkState.DISCONNECTED:
            self._set_state(LinkState.DISCONNECTED, QT_TRANSLATE_NOOP("Services", "Disconnected."))

    # -- bus mode ---------------------------------------------------------------------------
    def _refuse_if_busy(self) -> None:
        if self.bus_job_name is not None:
            raise BusBusyError(QT_TRANSLATE_NOOP(
                "Errors", "The bus is busy ({job}): wait for it to finish or cancel it.").format(
                job=self.bus_job_name))

    async def open_bus(self, options: ConnectionOptions) -> Bus:
        """Take the whole bus at `options` (its port, one master): the meter session is
        closed first, and an open bus at other options too. Jobs on it run one at a time."""
        self._refuse_if_busy()
        opts = options.resolved()
        if self.bus is not None and not self.bus.closed and self.bus.options == opts:
            return self.bus
        await self.disconnect()
        await self.close_bus()
        stack = AsyncExitStack()
        try:
            bus = await stack.enter_async_context(open_bus(opts, self.on_traffic))
        except BaseException:
            await stack.aclose()
            raise
        self.bus, self._bus_stack = bus, stack
        return bus

    async def close_bus(self) -> None:
        """Close the open bus, if any (its jobs end with BusClosedError)."""
        stack, self._bus_stack, self.bus = self._bus_stack, None, None
        if stack is not None:
            with contextlib.suppress(Exception):
                await stack.aclose()

    async def bus_job(self, name: str, options: ConnectionOptions,
                      job: Callable[[Bus], Awaitable[T]]) -> T:
        """Run the whole-bus job `job(bus)` named `name` (for BusBusyError's sentence) on the
        bus at `options`: the open one if it is at these options, else one opened for the
        job and closed after it."""
        self._refuse_if_busy()
        opened = self.bus is None or self.bus.closed or self.bus.options != options.resolved()
        bus = await self.open_bus(options)
        self.bus_job_name = name
        try:
            return await job(bus)
        finally:
            self.bus_job_name = None
            if opened:
                await self.close_bus()

    async def autodetect(self, options: ConnectionOptions,
                         on_progress: Callable[[int, int, str], None] | None = None
                         ) -> tuple[ConnectionOptions, Any] | None:
        """Hunt for the link settings a meter answers at (services/autodetect.py): a
        whole-bus job, as the port is reopened at each speed; session and bus closed first."""
        from .autodetect import autodetect

        self._refuse_if_busy()
        await self.disconnect()
        await self.close_bus()
        self.bus_job_name = QT_TRANSLATE_NOOP("Services", "auto-detect")
        try:
            return await autodetect(options, on_progress, on_traffic=self.on_traffic)
        finally:
            self.bus_job_name = None

    async def call(self, action: Callable[[MeterSession], Awaitable[T]]) -> T:
        """Run `action(session)`; a lost link is noticed here and reconnecting starts."""
        session = self.session
        if session is None or self.state is not LinkState.CONNECTED:
            raise NotConnectedError(QT_TRANSLATE_NOOP(
                "Errors", "No meter connected ({reason}).").format(reason=self.message)
                if self.message else QT_TRANSLATE_NOOP("Errors", "No meter connected."))
        try:
            result = await action(session)
        except (LinkLostError, PortError) as exc:
            if session is self.session:
                await self.mark_lost(message_of(exc))
            raise
        except MeterTimeoutError as exc:
            self._timeouts_in_row += 1
            if self._timeouts_in_row >= self.lost_after_timeouts and session is self.session:
                await self.mark_lost(message_of(exc))
            raise
        self._timeouts_in_row = 0
        return result

    async def mark_lost(self, reason: str) -> None:
        """Close the session, say why, and reconnect in the background."""
        if self.state is not LinkState.CONNECTED:
            return
        await self._close()
        self.reconnect_attempts = 0
        self._set_state(LinkState.LOST, QT_TRANSLATE_NOOP("Services", "Connection lost: {reason}")
                        .format(reason=reason))
        self._reconnect_task = asyncio.ensure_future(self._reconnect())

    async def _reconnect(self) -> None:
        assert self.options is not None
        serial_before = self.identity.serial if self.identity is not None else None
        identity: Identity | None = None
        while identity is None:
            delay = self.backoff[min(self.reconnect_attempts, len(self.backoff) - 1)]
            self.reconnect_attempts += 1
            await asyncio.sleep(delay)
            for options in [self.options, *self.alternatives]:
                try:
                    identity = await self._open(options)
                except asyncio.CancelledError:
                    raise
                except Exception as exc:
                    self._set_state(LinkState.LOST, QT_TRANSLATE_NOOP(
                        "Services", "Connection lost; retry {attempt} failed: {reason}").format(
                        attempt=self.reconnect_attempts, reason=message_of(exc)))
                    continue
                self.options, self.alternatives = options, []
                break
        self._reconnect_task = None
        if serial_before is not None and identity.serial != serial_before:
            text = QT_TRANSLATE_NOOP(
                "Services", "Reconnected: {where}. Note: a different meter answers now (serial "
                "{serial}).").format(where=self.options.describe(), serial=identity.serial)
        else:
            text = QT_TRANSLATE_NOOP("Services", "Reconnected: {where}.").format(
                where=self.options.describe())
        self._set_state(LinkState.CONNECTED, text)
        if self.on_identity is not None:
            self.on_identity(identity)

    def follow_link(self, report: ApplyReport) -> ConnectionOptions | None:
        """After `apply`, update the options to where the meter answers now (or None).

        Uses each write's link outcome: a verified move is followed; when the meter answered
        neither at the new nor at the old point, the options go to the new point and the old
        one is kept in `alternatives`, which the reconnect tries as well."""
        if self.options is None:
            return None
        options = self.options
        alternatives: list[ConnectionOptions] = []
        for result in report.results:
            link = result.link
            if link is None:
                continue
            if link.where is LinkWhere.UNKNOWN:
                options, *alternatives = [self._at(options, p) for p in link.candidates]
            elif link.where is LinkWhere.NEW:
                options = self._at(options, link.new)
        self.alternatives = alternatives
        if options == self.options:
            return None
        self.options = options
        return options

    @staticmethod
    def _at(options: ConnectionOptions, point: LinkPoint) -> ConnectionOptions:
        fields = point.option_fields()
        if "device" in fields and not options.device:
            del fields["device"]  # reached by primary address: the secondary does not move it
        return replace(options, **fields)

    def link_unsettled(self, report: ApplyReport) -> str | None:
        """Why the session cannot go on after `report` (link lost, or the meter answers at
        neither point), or None when it can."""
        error = report.error
        if isinstance(error, (LinkLostError, PortError)):
            return message_of(error)
        link = report.link
        if link is not None and link.where is LinkWhere.UNKNOWN:
            return message_of(error) if error is not None else QT_TRANSLATE_NOOP(
                "Services", "the meter answers at neither link point")
        return None
