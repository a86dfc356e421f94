"""Simulated M-Bus: the same virtual meters as M-Bus slaves behind one pseudo-terminal.

Reuses the Modbus bus's pty, baud-rate detection, state saving and serving loop
(`bus.MeterBus`) and replaces only what is M-Bus: frames (EN 13757-2), addressing and the
manual's telegrams (A2.2 RSP_UD, A2.3 writes, both from `protocol/mbus/meter_map.py`).

- Addressing: primary address (setting `mbus.address`, factory 0 on every meter), 254 (all
  answer), 255 (broadcast, none answers), 253 (the meters selected by secondary address).
  A selection (`CI 52`) selects every meter whose ident/manufacturer/version/medium match,
  with F wildcards, and deselects all others; SND_NKE to 253 deselects.
- Collisions: when several meters answer at once, the client receives the bitwise OR of
  their answers (what an M-Bus master's current detector makes of overlapping replies):
  identical E5s look like one E5, different RSP_UDs become garbage.
- REQ_UD2: a new RSP_UD from live values, access number counting up and wrapping 255 -> 0;
  a repeated frame count bit repeats the previous answer unchanged (EN 13757-2).
- Writes: acknowledged with E5 when valid, ignored (no answer) when not. A baud-rate, primary
  or secondary address change takes effect after the E5 has gone out.
- Baud: a meter hears the client only when the speed the client set on the pty is its M-Bus
  baud rate (termios, as on the Modbus bus).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from ..errors import ConfiguratorError
from ..model.registers import REGISTERS
from ..model.settings import ACTIONS, SETTINGS
from ..protocol.mbus import frames
from ..protocol.mbus.frames import Frame, MbusFrameError, split_frames
from ..protocol.mbus.master import pattern_matches
from ..protocol.mbus.meter_map import encode_records, parse_write
from ..protocol.mbus.records import Header, manufacturer_encode
from .bus import MeterBus, wire_time
from .faults import Shaped
from .meter import VirtualMeter

log = logging.getLogger(__name__)

MANUFACTURER = "INM"  # CD 25 (FACTS.md)
MEDIUM_ELECTRICITY = 0x02
LINK_KEYS = tuple(s.key for s in SETTINGS.values() if s.link and s.mbus)  # settings table


@dataclass
class Slave:
    """A virtual meter's M-Bus link state."""

    meter: VirtualMeter
    selected: bool = False
    access: int = 0
    last_fcb: bool | None = None
    last_reply: bytes | None = None

    @property
    def primary(self) -> int:
        """The M-Bus primary address."""
        return int(self.meter.setting_value("mbus.address"))

    @property
    def baudrate(self) -> int:
        """The M-Bus baud rate."""
        return int(self.meter.setting_value("mbus.baudrate"))

    @property
    def ident(self) -> int:
        """The secondary address as a number."""
        return int(self.meter.setting_value("mbus.secondary_address"))

    @property
    def version(self) -> int:
        """The header's version byte: the software's major version (A2.2)."""
        return int(self.meter.software_version)

    def reset(self) -> None:
        """What SND_NKE and a new selection do to the frame count memory."""
        self.last_fcb = None
        self.last_reply = None

    def rsp_ud(self, fcb: bool | None) -> bytes:
        """The answer to REQ_UD2 (the previous one again if the FCB did not toggle)."""
        if fcb is not None and fcb == self.last_fcb and self.last_reply is not None:
            return self.last_reply
        meter = self.meter
        reading = meter.tick()
        header = Header(self.ident, MANUFACTURER, self.version, MEDIUM_ELECTRICITY,
                        self.access, 0, 0)
        body = header.to_bytes() + encode_records(
            meter.model, lambda key: meter.register_value(REGISTERS[key], reading))
        self.access = (self.access + 1) % 256
        reply = frames.long_frame(frames.RSP_UD, self.primary, frames.CI_RSP_LONG_HEADER, body)
        self.last_fcb, self.last_reply = fcb, reply
        return reply

    def describe(self) -> str:
        """One line for the simulator's start-up output."""
        meter = self.meter
        return (f"Meter {meter.model.info.code} ({meter.model.info.article}) serial "
                f"{meter.serial:08d}: M-Bus primary address {self.primary}, secondary "
                f"{self.ident:08d}, {self.baudrate} baud")


def collide(replies: list[bytes]) -> bytes:
    """What the master receives when these replies overlap: their bitwise OR."""
    size = max(len(r) for r in replies)
    mixed = bytearray(size)
    for reply in replies:
        for i, byte in enumerate(reply):
            mixed[i] |= byte
    return bytes(mixed)


class MbusBus(MeterBus):
    """Serve virtual meters as M-Bus slaves on one pseudo-terminal."""

    def __init__(self, meters: Sequence[VirtualMeter], **kwargs: Any) -> None:
        """As MeterBus; the meters' M-Bus settings give their addresses and baud rates."""
        super().__init__(meters, **kwargs)
        self.slaves = [Slave(m) for m in self.meters]

    # --- dispatch (no I/O) ------------------------------------------------------------

    def listening(self, client_baud: int | None) -> list[Slave]:
        """The slaves that understand the client at its baud rate."""
        return [s for s in self.slaves if s.baudrate == client_baud]

    def _targets(self, listening: list[Slave], address: int) -> list[Slave]:
        if address == frames.SECONDARY:
            return [s for s in listening if s.selected]
        if address in (frames.BROADCAST, frames.BROADCAST_REPLY):
            return listening
        return [s for s in listening if s.primary == address]

    def handle(self, frame: Frame, client_baud: int | None
               ) -> tuple[bytes | None, list[Callable[[], None]]]:
        """One request: the reply to send (None: silence) and what happens after it."""
        listening = self.listening(client_baud)
        replies: list[bytes] = []
        after: list[Callable[[], None]] = []
        if frame.kind == "short":
            targets = self._targets(listening, frame.address)
            if frame.control == frames.SND_NKE:
                for slave in targets:
                    slave.reset()
                    replies.append(bytes([frames.ACK]))
                    if frame.address == frames.SECONDARY:
                        after.append(functools.partial(setattr, slave, "selected", False))
            elif frame.control & ~frames.FCB == frames.REQ_UD2:
                fcb = bool(frame.control & frames.FCB)
                replies.extend(slave.rsp_ud(fcb) for slave in targets)
        elif frame.kind == "long" and frame.control & ~frames.FCB == frames.SND_UD:
            if frame.address == frames.SECONDARY and frame.ci == frames.CI_SELECT:
                replies.extend(self._select(listening, frame.data))
            else:
                for slave in self._targets(listening, frame.address):
                    ok = self._write(slave, frame, after)
                    if ok:
                        replies.append(bytes([frames.ACK]))
        if frame.address == frames.BROADCAST or not replies:
            return None, after
        return (replies[0] if len(replies) == 1 else collide(replies)), after

    @staticmethod
    def _select(listening: list[Slave], pattern: bytes) -> list[bytes]:
        if len(pattern) != 8:
            return []
        acks = []
        for slave in listening:
            chosen = pattern_matches(pattern, slave.ident, manufacturer_encode(MANUFACTURER),
                                     slave.version, MEDIUM_ELECTRICITY)
            slave.selected = chosen
            if chosen:
                slave.reset()
                acks.append(bytes([frames.ACK]))
        return acks

    @staticmethod
    def _write(slave: Slave, frame: Frame, after: list[Callable[[], None]]) -> bool:
        """Apply a SND_UD to one meter; False (no E5) when the meter would refuse it."""
        meter = slave.meter
        if frame.ci == frames.CI_APPLICATION_RESET:
            slave.reset()
            return True
        try:
            assert frame.ci is not None
            changes = parse_write(frame.ci, frame.data)
            for key, value in changes:
                if key in ACTIONS:
                    continue
                SETTINGS[key].domain.check(key, value)
            for key, value in changes:
                if key in ACTIONS:
                    meter.perform_action(key)
                elif key in LINK_KEYS:  # in force once the E5 has gone out
                    after.append(functools.partial(meter.set_setting, key, value))
                else:
                    meter.set_setting(key, value)
        except (MbusFrameError, ConfiguratorError) as exc:
            log.debug("meter %s ignores the write: %s", meter.serial, exc)
            return False
        return True

    # --- serving ----------------------------------------------------------------------

    def split(self, buffer: bytes) -> tuple[list[Any], bytes]:
        """M-Bus framing: whole frames; a bad frame is dropped, as a slave ignores it."""
        found, rest = split_frames(buffer)
        frames = []
        for item in found:
            if isinstance(item, MbusFrameError):
                log.debug("ignoring a bad frame: %s", item)
            else:
                frames.append(item)
        return frames, rest

    async def _reply(self, frame: Frame, shaped: Shaped, baud: int | None) -> None:
        """Send a reply; with wire timing, its first character arrives after the request's
        wire time and the turnaround, the rest at the line's pace (one write at the end)."""
        reply = shaped.data
        assert reply is not None and self._queue is not None
        if self.wire_timing and baud:
            await asyncio.sleep(wire_time(len(frame.to_bytes()), 0, baud) + self.turnaround_s)
        if shaped.late or not self.wire_timing or not baud or len(reply) == 1:
            await self.emit(shaped)
            return
        if not self._queue.empty():
            log.debug("reply dropped: the client has moved on to its next request")
            return
        self._save_faults()
        self._send(reply[:1])
        await asyncio.sleep(wire_time(0, len(reply) - 1, baud))
        self._put(reply[1:])

    async def _worker(self) -> None:
        assert self._queue is not None
        while True:
            frame, baud = cast("tuple[Frame, int | None]", await self._queue.get())
            if self._dies_now():
                return
            try:
                reply, after = self.handle(frame, baud)
            except Exception:  # a simulator bug must not silence the whole bus
                log.exception("meter failed on request %s", frame)
                continue
            write = frame.kind == "long" and frame.ci != frames.CI_SELECT
            if write and reply is not None:
                self.save()  # stored before the answer goes out
            shaped = self.shape(reply, write=write and frame.address != frames.BROADCAST)
            if shaped.data is not None:
                await self._reply(frame, shaped, baud)
            for action in after:
                with contextlib.suppress(ConfiguratorError):
                    action()
            if after:
                self.save()
