"""A bad RS-485 line in front of the real simulator: a pseudo-terminal that passes requests on
and garbles some answers (one byte flipped, so the CRC fails).

It stands for the boundary we cannot run here — a noisy wire, a missing termination, or two
meters answering at once — while the meter itself is the simulator on its own pty.
"""

from __future__ import annotations

import os
import select
import threading

import serial


class NoisyWire:
    """`path` is the port to open; every `every`-th answer arrives garbled."""

    def __init__(self, meter_port: str, every: int = 2) -> None:
        self.every = every
        self.answers = 0
        self.garbled = 0
        self._master, self._slave = os.openpty()
        self.path = os.ttyname(self._slave)
        self._meter = serial.Serial(meter_port, 9600, timeout=0)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> NoisyWire:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join(5)
        self._meter.close()
        for fd in (self._master, self._slave):
            os.close(fd)

    def _run(self) -> None:
        meter = self._meter.fileno()
        while not self._stop.is_set():
            ready, _, _ = select.select([self._master, meter], [], [], 0.05)
            if self._master in ready:
                try:
                    data = os.read(self._master, 4096)
                except OSError:
                    data = b""
                if data:
                    self._meter.write(data)
            if meter in ready:
                data = self._meter.read(4096)
                if data:
                    self.answers += 1
                    if self.every and self.answers % self.every == 0:
                        data = data[:-1] + bytes([data[-1] ^ 0xFF])
                        self.garbled += 1
                    os.write(self._master, data)
