"""The connection manager: one session at a time, lost-link detection, reconnect with backoff.

No Qt here: the GUI subscribes through plain callbacks. Every I/O goes through `call`, which
hands the one open session to the caller (the session's master serialises transactions, so
polling and a settings write never interleave frames). A vanished port or several timeouts in
a row mark the link lost; a background task then reopens it with growing delays.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
from collections.abc import Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager, AsyncExitStack
from dataclasses import replace
from typing import TypeVar

from ..errors import ConfiguratorError, LinkLostError, MeterTimeoutError, PortError
from ..i18n import QT_TRANSLATE_NOOP, message_of
from .api import MeterSession
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
        """Open a session and identify the meter; raises ConfiguratorError with a sentence."""
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
