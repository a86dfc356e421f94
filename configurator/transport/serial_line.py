"""A serial line's settings, how to open one and what its failures mean: shared by the
asyncio transport (serial_port.py) and the blocking one (serial_blocking.py), with no asyncio.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from dataclasses import dataclass

import serial

from ..debuglog import debug
from ..errors import LinkLostError, PortError
from ..i18n import QT_TRANSLATE_NOOP

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


def port_error(settings: SerialSettings, exc: Exception) -> PortError:
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


def open_port(settings: SerialSettings) -> tuple[serial.Serial, bool]:
    """The port opened non-blocking at the settings' speed and parity, and whether it is a
    pseudo-terminal (opened without parity: a pty rejects it, FACTS.md); PortError with one
    sentence when it will not open."""
    is_pty = is_pseudo_terminal(settings.port)
    parity = PARITY[settings.parity]
    if is_pty and parity != serial.PARITY_NONE:
        debug(__name__, "%s is a pseudo-terminal: opening without parity", settings.port)
        parity = serial.PARITY_NONE
    try:
        port = serial.Serial(
            port=settings.port, baudrate=settings.baudrate, bytesize=8, parity=parity,
            stopbits=serial.STOPBITS_ONE, timeout=0, write_timeout=2, exclusive=True,
        )
    except (*LINE_ERRORS, ValueError) as exc:
        raise port_error(settings, exc) from exc
    return port, is_pty


def link_lost(settings: SerialSettings, exc: BaseException) -> LinkLostError:
    """The error for a port that stopped working after it opened."""
    return LinkLostError(QT_TRANSLATE_NOOP(
        "Errors", "Serial port {port} stopped working (adapter unplugged?): {reason}.")
        .format(port=settings.port, reason=str(exc)))


def not_open(settings: SerialSettings) -> LinkLostError:
    """The error for using a port that is not open."""
    return LinkLostError(QT_TRANSLATE_NOOP("Errors", "Serial port {port} is not open.")
                         .format(port=settings.port))


def write_frame(settings: SerialSettings, port: serial.Serial, data: bytes) -> None:
    """Write a whole frame and wait until it has left; LinkLostError if the port is gone."""
    try:
        port.write(data)
        port.flush()
    except LINE_ERRORS as exc:
        raise link_lost(settings, exc) from exc


def discard_received(port: serial.Serial | None) -> None:
    """Drop the bytes waiting in the OS buffer (never raises)."""
    if port is not None:
        with contextlib.suppress(*LINE_ERRORS):
            port.reset_input_buffer()


__all__ = ["BITS_PER_CHAR", "LINE_ERRORS", "PARITY", "SerialSettings", "discard_received",
           "is_pseudo_terminal", "link_lost", "list_serial_ports", "not_open", "open_port",
           "port_error", "write_frame"]

