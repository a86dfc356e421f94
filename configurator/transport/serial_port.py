"""RS-485 through a serial port (USB adapter, COM port, or a pseudo-terminal), with pyserial.

Reading is event-driven where the OS allows it (`add_reader` on POSIX); elsewhere a short
poll of pyserial's non-blocking read stands in.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import os
import stat
import sys
from dataclasses import dataclass

import serial

from ..errors import LinkLostError, PortError
from ..i18n import QT_TRANSLATE_NOOP
from .waiting import within

log = logging.getLogger(__name__)

try:  # termios errors (e.g. tcdrain on a vanished pty) are not OSErrors
    from termios import error as _TermiosError
except ImportError:  # Windows
    class _TermiosError(Exception):  # type: ignore[no-redef]
        """Never raised off POSIX."""

LINE_ERRORS = (serial.SerialException, OSError, _TermiosError)

PARITY = {"even": serial.PARITY_EVEN, "none": serial.PARITY_NONE, "odd": serial.PARITY_ODD}
BITS_PER_CHAR = 11  # start + 8 data + parity + stop; 8N1 has a second stop bit in Modbus RTU


@dataclass(frozen=True)
class SerialSettings:
    """Where and how to open a serial line."""

    port: str
    baudrate: int = 9600
    parity: str = "even"

    def describe(self) -> str:
        """Like "/dev/ttyUSB0 9600 8E1"."""
        return f"{self.port} {self.baudrate} 8{self.parity[0].upper()}1"


def is_pseudo_terminal(path: str) -> bool:
    """Whether `path` (or what a symlink points at) is a Unix pseudo-terminal."""
    if sys.platform != "linux":
        return os.path.realpath(path).startswith("/dev/pts/")
    try:
        info = os.stat(path)
    except OSError:
        return False
    # Unix98 pty slaves use majors 136-143 on Linux.
    return stat.S_ISCHR(info.st_mode) and 136 <= os.major(info.st_rdev) <= 143


def list_serial_ports() -> list[tuple[str, str]]:
    """Serial ports present, as (device, description incl. USB VID:PID where known)."""
    from serial.tools import list_ports  # globs /dev: only when ports are listed

    found = []
    for port in sorted(list_ports.comports(), key=lambda p: p.device):
        extra = f" [{port.vid:04X}:{port.pid:04X}]" if port.vid is not None else ""
        found.append((port.device, f"{port.description}{extra}"))
    return found


_BUSY_ERRNOS = frozenset({errno.EBUSY, errno.EAGAIN, errno.EWOULDBLOCK})
_NOT_A_PORT_ERRNOS = frozenset({errno.ENOTTY, errno.EISDIR, errno.EINVAL})
_GONE_ERRNOS = frozenset({errno.ENXIO, errno.ENODEV})


def _port_error(settings: SerialSettings, exc: Exception) -> PortError:
    """One sentence for a port that would not open (pyserial's texts vary by OS and version:
    the errno decides where there is one, the text only where there is none)."""
    number = getattr(exc, "errno", None)
    text = str(exc)
    lowered = text.lower()
    port = settings.port
    if number == errno.ENOENT or "no such file" in lowered or "filenotfounderror" in lowered \
            or "cannot find the file" in lowered:
        ports = ", ".join(device for device, _ in list_serial_ports()) or "none found"
        return PortError(QT_TRANSLATE_NOOP(
            "Errors", "Serial port {port} does not exist (ports present: {ports}).").format(
            port=port, ports=ports))
    if number in _BUSY_ERRNOS or "exclusively lock" in lowered or "busy" in lowered \
            or "resource temporarily unavailable" in lowered:
        return PortError(QT_TRANSLATE_NOOP(
            "Errors", "Serial port {port} is in use by another program.").format(port=port))
    if number in (errno.EACCES, errno.EPERM) or "permission denied" in lowered \
            or "access is denied" in lowered:
        if sys.platform == "win32":  # Windows says "Access is denied" for a port in use
            return PortError(QT_TRANSLATE_NOOP(
                "Errors", "Serial port {port} is in use by another program, or this user may "
                "not open it.").format(port=port))
        return PortError(QT_TRANSLATE_NOOP(
            "Errors", "No permission to open {port}: add your user to the 'dialout' group "
            "(sudo usermod -aG dialout $USER) and log in again.").format(port=port))
    if number in _NOT_A_PORT_ERRNOS or "inappropriate ioctl" in lowered \
            or "is a directory" in lowered:
        return PortError(QT_TRANSLATE_NOOP(
            "Errors", "{port} is not a serial port.").format(port=port))
    if number in _GONE_ERRNOS or "no such device" in lowered:
        return PortError(QT_TRANSLATE_NOOP(
            "Errors", "Serial port {port} is not there (adapter unplugged?).").format(port=port))
    return PortError(QT_TRANSLATE_NOOP("Errors", "Cannot open serial port {port}: {reason}.")
                     .format(port=port, reason=text))


class SerialTransport:
    """A ByteTransport over pyserial."""

    def __init__(self, settings: SerialSettings) -> None:
        self.settings = settings
        self._serial: serial.Serial | None = None
        self._queue: asyncio.Queue[bytes | Exception] = asyncio.Queue()
        self._reader_installed = False
        self._poll_task: asyncio.Task[None] | None = None
        self.is_pty = False

    @property
    def description(self) -> str:
        """The port and line settings, for messages."""
        return self.settings.describe()

    async def open(self) -> None:
        """Open the port with the configured speed and parity."""
        settings = self.settings
        self.is_pty = is_pseudo_terminal(settings.port)
        parity = PARITY[settings.parity]
        if self.is_pty and parity != serial.PARITY_NONE:
            # Pseudo-terminals reject PARENB (FACTS.md) and parity means nothing on them.
            log.debug("%s is a pseudo-terminal: opening without parity", settings.port)
            parity = serial.PARITY_NONE
        try:
            port = serial.Serial(
                port=settings.port, baudrate=settings.baudrate, bytesize=8, parity=parity,
                stopbits=serial.STOPBITS_ONE, timeout=0, write_timeout=2, exclusive=True,
            )
        except (*LINE_ERRORS, ValueError) as exc:
            raise _port_error(settings, exc) from exc
        self._serial = port
        self._queue = asyncio.Queue()
        loop = asyncio.get_running_loop()
        try:
            loop.add_reader(port.fileno(), self._on_readable)
            self._reader_installed = True
        except (NotImplementedError, AttributeError, ValueError, OSError):
            self._poll_task = loop.create_task(self._poll())

    async def reconfigure(self, baudrate: int | None = None, parity: str | None = None) -> None:
        """Change speed/parity on the open port (to follow a meter to new link settings)."""
        self.settings = SerialSettings(self.settings.port, baudrate or self.settings.baudrate,
                                       parity or self.settings.parity)
        port = self._require_open()
        try:
            port.baudrate = self.settings.baudrate
            if not self.is_pty:
                port.parity = PARITY[self.settings.parity]
        except (*LINE_ERRORS, ValueError) as exc:
            raise PortError(QT_TRANSLATE_NOOP(
                "Errors", "Cannot switch {port} to {line}: {reason}.").format(
                port=self.settings.port, line=self.settings.describe(), reason=str(exc))
            ) from exc

    def _on_readable(self) -> None:
        port = self._serial
        if port is None:
            return
        try:
            data = port.read(port.in_waiting or 1)
        except LINE_ERRORS as exc:
            self._fail(exc)
            return
        if data:
            self._queue.put_nowait(data)
        elif not os.path.exists(self.settings.port):
            self._fail(OSError(errno.ENODEV, "device vanished"))

    def _fail(self, exc: Exception) -> None:
        if self._reader_installed and self._serial is not None:
            asyncio.get_running_loop().remove_reader(self._serial.fileno())
            self._reader_installed = False
        self._queue.put_nowait(
            LinkLostError(QT_TRANSLATE_NOOP(
                "Errors", "Serial port {port} stopped working (adapter unplugged?): {reason}.")
                .format(port=self.settings.port, reason=str(exc)))
        )

    async def _poll(self) -> None:
        while self._serial is not None:
            try:
                data = self._serial.read(self._serial.in_waiting or 1)
            except LINE_ERRORS as exc:
                self._fail(exc)
                return
            if data:
                self._queue.put_nowait(data)
            else:
                await asyncio.sleep(0.002)

    def _require_open(self) -> serial.Serial:
        if self._serial is None:
            raise LinkLostError(QT_TRANSLATE_NOOP("Errors", "Serial port {port} is not open.")
                                .format(port=self.settings.port))
        return self._serial

    async def send(self, data: bytes) -> None:
        """Write a whole frame."""
        port = self._require_open()
        try:
            port.write(data)
            port.flush()
        except LINE_ERRORS as exc:
            raise LinkLostError(QT_TRANSLATE_NOOP(
                "Errors", "Serial port {port} stopped working (adapter unplugged?): {reason}.")
                .format(port=self.settings.port, reason=str(exc))) from exc

    async def receive(self, timeout: float) -> bytes:
        """Next chunk of bytes, or TimeoutError."""
        self._require_open()
        item = await within(self._queue.get(), timeout)  # never loses a cancellation
        if isinstance(item, Exception):
            self._queue.put_nowait(item)  # keep reporting the loss
            raise item
        return item

    def discard_input(self) -> None:
        """Drop anything already received: queued chunks and bytes still in the OS buffer
        (a late answer that arrived since the loop last looked must not pass for the next)."""
        if self._serial is not None:
            with contextlib.suppress(*LINE_ERRORS):
                self._serial.reset_input_buffer()
        while not self._queue.empty():
            item = self._queue.get_nowait()
            if isinstance(item, Exception):
                self._queue.put_nowait(item)
                return

    def char_time(self) -> float:
        """Seconds per character at the configured speed (11 bits each)."""
        return BITS_PER_CHAR / self.settings.baudrate

    async def close(self) -> None:
        """Close the port."""
        port, self._serial = self._serial, None
        if port is None:
            return
        if self._reader_installed:
            with contextlib.suppress(ValueError, OSError):
                asyncio.get_running_loop().remove_reader(port.fileno())
            self._reader_installed = False
        if self._poll_task is not None:
            self._poll_task.cancel()
            self._poll_task = None
        with contextlib.suppress(*LINE_ERRORS):
            port.close()
