"""RS-485 through a serial port (USB adapter, COM port, or a pseudo-terminal), with pyserial.

Reading is event-driven where the OS allows it (`add_reader` on POSIX); elsewhere a short
poll of pyserial's non-blocking read stands in.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import os

import serial

from ..errors import PortError
from ..i18n import QT_TRANSLATE_NOOP
from .serial_line import (
    BITS_PER_CHAR,
    LINE_ERRORS,
    PARITY,
    SerialSettings,
    discard_received,
    is_pseudo_terminal,
    link_lost,
    list_serial_ports,
    not_open,
    open_port,
    port_error,
    write_frame,
)
from .waiting import within

__all__ = ["BITS_PER_CHAR", "LINE_ERRORS", "SerialSettings", "SerialTransport",
           "is_pseudo_terminal", "list_serial_ports", "port_error"]

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
        port, self.is_pty = open_port(self.settings)
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
        self._queue.put_nowait(link_lost(self.settings, exc))

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
            raise not_open(self.settings)
        return self._serial

    async def send(self, data: bytes) -> None:
        """Write a whole frame."""
        write_frame(self.settings, self._require_open(), data)

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
        discard_received(self._serial)
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
