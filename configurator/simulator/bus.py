"""A simulated RS-485 bus: several virtual meters behind one pseudo-terminal.

The client (the configurator, pymodbus, mbpoll ...) opens the pty's slave side like a USB
adapter; this server reads the master side with asyncio, reassembles Modbus RTU requests and
lets the addressed meter answer.

Line emulation:
- Baud rate: a pty carries bytes at once, but on Linux the master's termios shows the speed
  the client set on the slave side. A meter answers only when that speed equals its
  configured Modbus baud rate; otherwise it would hear garbage, so it stays silent.
- Parity: a pty refuses PARENB (FACTS.md), so clients open it without parity. The meters
  store their parity setting but the bus cannot and does not check it.
- Timing: optionally (`wire_timing`) each reply is delayed by the time request and reply
  would take on a real wire (11 bits per character) plus a turnaround.
- Stale bytes: a partial frame left by a client that went away is dropped after a silence
  (Modbus RTU frames are separated by silence on the wire). Modbus is half duplex, so a
  reply is not sent once the next request has already arrived, and unread old replies are
  flushed from the pty before a new one is written (not with --faults: there the client has
  to cope with stale bytes itself). A client that opens the port while another's reply is in
  flight can still receive it, as on a real bus.
- State: with a state file, every write is saved before it is answered, and all meters are
  saved every ~10 s and when serving stops.
- Faults (`faults.FaultInjector`, `simulate --faults`): seeded drops, corrupted bytes, late
  replies, unanswered writes, a garbage-talking device and a simulator that dies after N
  frames act on the replies here, after the meters have answered (so a dropped write reply
  still leaves the write done), and are counted.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import termios
import tty
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..model.registers import MODBUS
from ..model.settings import MODBUS_BAUD_CODES
from ..protocol.modbus_rtu import (
    BROADCAST,
    READ_HOLDING,
    WRITE_MULTIPLE,
    WRITE_SINGLE,
    Request,
    build_exception,
    build_read_response,
    build_write_response,
    load_server_codec,
    split_requests,
)
from .faults import FaultInjector, Shaped
from .meter import SimulatorModbusError, VirtualMeter
from .state import StateFile

log = logging.getLogger(__name__)

BITS_PER_CHARACTER = 11  # start + 8 data + parity + stop (8E1)
DEFAULT_TURNAROUND_S = 0.002
SILENCE_RESET_S = 0.05  # a gap this long between bytes ends any partial frame
SAVE_INTERVAL_S = 10.0

# termios speed constant -> baud rate, for every rate a meter can be set to.
_SPEEDS: dict[int, int] = {
    getattr(termios, f"B{baud}"): baud for baud in MODBUS_BAUD_CODES if hasattr(termios, f"B{baud}")
}


def wire_time(request_length: int, reply_length: int, baudrate: int) -> float:
    """Seconds a request and its reply take on a real line at `baudrate` (11 bits a byte)."""
    return (request_length + reply_length) * BITS_PER_CHARACTER / baudrate


class LinkPathError(Exception):
    """The --link path cannot be used (a real file is in the way, or no such folder)."""


class MeterBus:
    """Serve virtual meters on one pseudo-terminal."""

    def __init__(
        self,
        meters: Sequence[VirtualMeter],
        *,
        link: str | os.PathLike[str] | None = None,
        wire_timing: bool = False,
        turnaround_s: float = DEFAULT_TURNAROUND_S,
        state_file: StateFile | None = None,
        save_interval_s: float = SAVE_INTERVAL_S,
        faults: FaultInjector | None = None,
    ) -> None:
        """Prepare the bus; `open` creates the pty and `serve` answers requests."""
        self.meters = list(meters)
        self.link = Path(link) if link is not None else None
        self.wire_timing = wire_timing
        self.turnaround_s = turnaround_s
        self.state_file = state_file
        self.save_interval_s = save_interval_s
        self.faults = faults
        self.pty_path: str | None = None
        self._master: int | None = None
        self._slave: int | None = None
        self._buffer = b""
        self._last_rx = 0.0
        self._queue: asyncio.Queue[tuple[Request, int | None]] | None = None
        self._stop: asyncio.Event | None = None

    # --- pty --------------------------------------------------------------------------

    def open(self) -> str:
        """Create the pty (and the link symlink); return the slave's path.

        Raises LinkPathError if `link` names something that is not a symlink, or its
        folder does not exist.
        """
        if self.link is not None:
            if self.link.exists() and not self.link.is_symlink():
                raise LinkPathError(f"{self.link} exists and is not a symlink; "
                                    "refusing to replace it.")
            if not self.link.parent.is_dir():
                raise LinkPathError(f"folder {self.link.parent} does not exist.")
        master, slave = os.openpty()
        # Raw 8N1 at 9600 until a client configures the port: no echo, no line editing.
        tty.setraw(slave)
        attrs = termios.tcgetattr(slave)
        attrs[4] = attrs[5] = termios.B9600
        termios.tcsetattr(slave, termios.TCSANOW, attrs)
        os.set_blocking(master, False)
        self._master, self._slave = master, slave  # keep the slave open: no EIO when idle
        self.pty_path = os.ttyname(slave)
        if self.link is not None:
            if self.link.is_symlink():
                self.link.unlink()
            self.link.symlink_to(self.pty_path)
        return self.pty_path

    def close(self) -> None:
        """Remove the symlink (if still ours) and close the pty."""
        if self.link is not None and self.link.is_symlink():
            with contextlib.suppress(OSError):
                if os.readlink(self.link) == self.pty_path:
                    self.link.unlink()
        for fd in (self._master, self._slave):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._master = self._slave = None

    @property
    def port(self) -> str | None:
        """What a client should open: the link if there is one, else the pty."""
        return str(self.link) if self.link is not None else self.pty_path

    def client_baudrate(self) -> int | None:
        """The baud rate the client set on the pty, or None if it is not a meter rate."""
        if self._master is None:
            return None
        try:
            speed = termios.tcgetattr(self._master)[4]
        except termios.error:
            return None
        return _SPEEDS.get(speed)

    # --- dispatch (no I/O) ------------------------------------------------------------

    def listeners(self, client_baud: int | None) -> list[VirtualMeter]:
        """The meters that can understand the client at its baud rate."""
        return [m for m in self.meters if m.link.baudrate == client_baud]

    def dispatch(self, request: Request, client_baud: int | None
                 ) -> tuple[bytes | None, list[VirtualMeter]]:
        """Let the meters handle one request.

        Returns the reply to send (None: the bus stays silent) and the meters whose pending
        link change takes effect once that reply has gone out.
        """
        listening = self.listeners(client_baud)
        if request.device_id == BROADCAST:
            if request.function_code in (WRITE_SINGLE, WRITE_MULTIPLE) and not request.exception:
                for meter in listening:
                    with contextlib.suppress(SimulatorModbusError):
                        meter.write_registers(request.function_code, request.address,
                                              request.values)
                return None, listening
            return None, []
        addressed = [m for m in listening if m.link.address == request.device_id]
        if not addressed:
            return None, []
        replies = [self._answer(meter, request) for meter in addressed]
        if len(replies) == 1:
            return replies[0], addressed
        # Two meters with one address talk at once: the client gets a garbled mix.
        size = max(len(r) for r in replies)
        mixed = bytearray(size)
        for reply in replies:
            for i, byte in enumerate(reply):
                mixed[i] |= byte
        return bytes(mixed), addressed

    @staticmethod
    def _answer(meter: VirtualMeter, request: Request, transport: str = MODBUS) -> bytes:
        """The meter's answer to one request arriving over `transport` (BLE reuses this)."""
        unit, function = request.device_id, request.function_code
        if request.exception:  # the framing alone shows it: unsupported or malformed
            return build_exception(unit, function, request.exception)
        try:
            if function == READ_HOLDING:
                words = meter.read_registers(request.address, request.count, transport)
                return build_read_response(unit, words)
            if function in (WRITE_SINGLE, WRITE_MULTIPLE):
                meter.write_registers(function, request.address, request.values, transport)
                return build_write_response(request)
            return build_exception(unit, function, 1)
        except SimulatorModbusError as exc:
            log.debug("meter %s: %s", meter.serial, exc)
            return build_exception(unit, function, exc.code)

    # --- serving ----------------------------------------------------------------------

    def _on_readable(self) -> None:
        assert self._master is not None and self._queue is not None
        try:
            data = os.read(self._master, 4096)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:  # EIO cannot happen while we hold the slave; be safe anyway
            log.debug("pty read failed: %s", exc)
            return
        loop = asyncio.get_running_loop()
        now = loop.time()
        if self._buffer and now - self._last_rx > SILENCE_RESET_S:
            log.debug("dropping stale partial frame %s", self._buffer.hex(" "))
            self._buffer = b""
        self._last_rx = now
        baud = self.client_baudrate()
        requests, self._buffer = self.split(self._buffer + data)
        for request in requests:
            self._queue.put_nowait((request, baud))

    def split(self, buffer: bytes) -> tuple[list[Any], bytes]:
        """Take the complete requests off the front of `buffer` (the protocol's framing)."""
        return split_requests(buffer)

    def _send(self, data: bytes) -> None:
        assert self._master is not None and self._slave is not None
        # Anything still unread on the client's side is a reply nobody waited for (its
        # client timed out or closed the port): Modbus is half duplex, and a new request
        # means the previous answer is over. Drop it, as a closed USB adapter would have.
        # Not with line faults: then the client must cope with stale bytes by itself.
        if self.faults is None or not self.faults.spec.active:
            with contextlib.suppress(termios.error):
                termios.tcflush(self._slave, termios.TCIFLUSH)
        self._put(data)

    async def _worker(self) -> None:
        assert self._queue is not None
        while True:
            request, baud = await self._queue.get()
            if self._dies_now():
                return
            try:
                reply, touched = self.dispatch(request, baud)
            except Exception:  # a simulator bug must not silence the whole bus
                log.exception("meter failed on request %s", request.raw.hex(" "))
                continue
            write = request.function_code in (WRITE_SINGLE, WRITE_MULTIPLE)
            if write and touched:
                self.save()  # like the meter's EEPROM: stored before the answer goes out
            shaped = self.shape(reply, write=write and request.device_id != BROADCAST)
            if shaped.data is not None:
                if self.wire_timing and baud:
                    await asyncio.sleep(wire_time(len(request.raw), len(shaped.data), baud)
                                        + self.turnaround_s)
                await self.emit(shaped)
            for meter in touched:
                meter.apply_pending_link()

    # --- faults -----------------------------------------------------------------------

    def shape(self, reply: bytes | None, *, write: bool) -> Shaped:
        """The reply as the faults let it out (unchanged without --faults)."""
        if self.faults is None:
            return Shaped(reply)
        shaped = self.faults.shape(reply, write=write)
        if shaped.data is None:
            self.faults.save()  # nothing goes out: the counts are final for this frame
        return shaped

    def _dies_now(self) -> bool:
        """die-after: the frame past the limit closes the bus instead of being answered."""
        if self.faults is None or not self.faults.must_die():
            return False
        log.info("die-after=%s reached: closing the bus", self.faults.spec.die_after)
        if self._stop is not None:
            self._stop.set()
        return True

    async def emit(self, shaped: Shaped) -> None:
        """Put a (shaped) reply on the line, half duplex; a late one whatever came since.

        The fault counts are saved before the reply goes out, so a client that has its
        answer finds them up to date."""
        assert shaped.data is not None and self._queue is not None
        if shaped.late:
            await asyncio.sleep(shaped.delay)
            self._save_faults()
            self._put(shaped.data)
            while not self._queue.empty():  # the meter was busy: it heard none of these
                self._queue.get_nowait()
                if self.faults is not None:
                    self.faults.unheard()
            self._save_faults()
        elif self._queue.empty():
            self._save_faults()
            self._send(shaped.data)
        else:  # half duplex: a client that already sent its next request gave up
            log.debug("reply dropped: the client has moved on to its next request")
            if self.faults is not None:
                self.faults.stats.sent -= 1
            self._save_faults()

    def _save_faults(self) -> None:
        if self.faults is not None:
            self.faults.save()

    def _put(self, data: bytes) -> None:
        """Write to the line as is (no flush of what the client has not read yet)."""
        assert self._master is not None
        try:
            os.write(self._master, data)
        except OSError as exc:  # buffer full because nobody reads: the reply is lost
            log.debug("reply lost: %s", exc)

    async def _autosave(self) -> None:
        while True:
            await asyncio.sleep(self.save_interval_s)
            self.save()

    def save(self) -> None:
        """Write every meter's state to the state file, if there is one."""
        if self.state_file is None:
            return
        for meter in self.meters:
            meter.tick()
        try:
            self.state_file.save(self.meters)
        except OSError as exc:
            log.warning("cannot save simulator state to %s: %s", self.state_file.path, exc)

    async def serve(self, stop: asyncio.Event,
                    on_ready: Callable[[], None] | None = None) -> None:
        """Answer requests until `stop` is set; then save the state and return.

        `open` must have been called. `on_ready` runs once the bus is listening.
        """
        if self._master is None:
            raise RuntimeError("MeterBus.open() must be called before serve()")
        load_server_codec()  # before listening: the first answer as quick as every other
        loop = asyncio.get_running_loop()
        self._queue = asyncio.Queue()
        self._stop = stop
        loop.add_reader(self._master, self._on_readable)
        tasks = [asyncio.create_task(self._worker())]
        if self.state_file is not None:
            tasks.append(asyncio.create_task(self._autosave()))
        try:
            if on_ready is not None:
                on_ready()
            await stop.wait()
        finally:
            loop.remove_reader(self._master)
            for task in tasks:
                task.cancel()
            for task in tasks:
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            self.save()
