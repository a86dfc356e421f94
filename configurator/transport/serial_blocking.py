"""RS-485 through a serial port, blocking: for a one-shot command that reads and exits.

The same port opening, errors and sentences as the asyncio transport (serial_line.py), but
no event loop: a command such as `configurator read` then never imports asyncio, which is
most of a one-shot command's start-up (docs/DECISIONS.md P2). Waiting for the answer is a
`select` on the port (POSIX) or a short poll where the OS has none for serial handles.
"""

from __future__ import annotations

import contextlib
import time

import serial

from .serial_line import (
    BITS_PER_CHAR,
    LINE_ERRORS,
    SerialSettings,
    discard_received,
    link_lost,
    not_open,
    open_port,
    write_frame,
)

try:
    from select import select
except ImportError:  # pragma: no cover - every platform we ship on has select
    select = None  # type: ignore[assignment]

POLL_S = 0.002  # where the port cannot be waited on: how often to look


class BlockingSerial:
    """A serial line one thread reads and writes in turn, with timeouts (no event loop)."""

    def __init__(self, settings: SerialSettings) -> None:
        self.settings = settings
        self._serial: serial.Serial | None = None
        self.is_pty = False

    @property
    def description(self) -> str:
        """The port and line settings, for messages."""
        return self.settings.describe()

    def open(self) -> None:
        """Open the port (PortError with one sentence when it will not)."""
        self._serial, self.is_pty = open_port(self.settings)

    def close(self) -> None:
        """Close the port; never raises."""
        port, self._serial = self._serial, None
        if port is not None:
            with contextlib.suppress(*LINE_ERRORS):
                port.close()

    def __enter__(self) -> BlockingSerial:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _require_open(self) -> serial.Serial:
        if self._serial is None:
            raise not_open(self.settings)
        return self._serial

    def send(self, data: bytes) -> None:
        """Write a whole frame."""
        write_frame(self.settings, self._require_open(), data)

    def receive(self, timeout: float) -> bytes | None:
        """The next chunk of bytes, or None when nothing came within `timeout` seconds."""
        port = self._require_open()
        deadline = time.monotonic() + max(timeout, 0.0)
        while True:
            try:
                data = port.read(port.in_waiting or 1)  # the port is non-blocking
            except LINE_ERRORS as exc:
                raise link_lost(self.settings, exc) from exc
            if data:
                return bytes(data)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            self._wait(port, remaining)

    def _wait(self, port: serial.Serial, seconds: float) -> None:
        """Until the port has something to read, at most `seconds`."""
        try:
            fd = port.fileno()
        except (AttributeError, *LINE_ERRORS):  # Windows: no descriptor to wait on
            fd = None
        if select is None or fd is None:
            time.sleep(min(POLL_S, seconds))
            return
        try:
            select([fd], [], [], seconds)
        except (OSError, ValueError) as exc:
            raise link_lost(self.settings, exc) from exc

    def discard_input(self) -> None:
        """Drop bytes waiting in the OS buffer (a late answer must not pass for the next)."""
        discard_received(self._serial)

    def char_time(self) -> float:
        """Seconds per character at the configured speed (11 bits each)."""
        return BITS_PER_CHAR / self.settings.baudrate


__all__ = ["BlockingSerial"]
