"""The Modbus RTU master without an event loop, for one-shot reads (docs/DECISIONS.md P2).

It runs the very same transaction logic as the asynchronous ModbusMaster (protocol/
transaction.py: retries, echo, timeouts, counters, traffic log, error sentences) on a blocking
transport; only the waiting differs. It reads and never writes: every write goes through the
one write engine (services/engine.py) on the asynchronous master.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, TypeVar

from .transaction import ModbusLogic, Send, Step, Steps, drive

T = TypeVar("T")


class BlockingLine(Protocol):
    """A byte pipe one thread uses in turn (transport/serial_blocking.py)."""

    @property
    def description(self) -> str:
        """Where the line goes, for messages."""

    def send(self, data: bytes) -> None:
        """Write all of `data`; LinkLostError if the line is gone."""

    def receive(self, timeout: float) -> bytes | None:
        """The next chunk of bytes; None if none came within `timeout`."""

    def discard_input(self) -> None:
        """Drop bytes already received."""

    def char_time(self) -> float:
        """Seconds one character takes on the wire."""


def run_blocking(steps: Steps[T], line: BlockingLine) -> T:
    """Run protocol logic on a blocking line: its result, or the error it raised. What the
    line raises (a lost link) is raised inside the logic, as the asynchronous driver does."""
    def perform(step: Step) -> bytes | None:
        if isinstance(step, Send):
            line.send(step.data)
            return None
        return line.receive(step.timeout)
    return drive(steps, perform)


@dataclass
class BlockingModbusMaster(ModbusLogic):
    """Modbus RTU reads with retries over a blocking line."""

    transport: BlockingLine

    def read_registers(self, device_id: int, address: int, count: int, *,
                       timeout: float | None = None, retries: int | None = None) -> list[int]:
        """FC03: read `count` holding registers starting at `address`."""
        return run_blocking(self.read_steps(device_id, address, count, timeout=timeout,
                                            retries=retries), self.transport)


__all__ = ["BlockingLine", "BlockingModbusMaster", "run_blocking"]
