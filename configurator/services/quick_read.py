"""One-shot reads with no event loop: `configurator read` and `info` over Modbus RTU.

A command that reads once and exits spends most of its time starting up, and asyncio's import
is the largest part of that (bench/bench_modbus.py). These reads therefore run the meter's
read steps (services/meter_reads.py) through the blocking master (protocol/modbus_blocking.py)
on a blocking serial line: the same plan, transactions, retries, errors and traffic log as the
asynchronous session, without asyncio in the process (docs/DECISIONS.md P2). Anything that
writes, polls or follows the meter uses the asynchronous session (services/meter.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from ..model.models import Model
from ..model.registers import MODBUS
from ..protocol.modbus_blocking import BlockingModbusMaster
from ..protocol.transaction import TrafficEntry
from ..transport.serial_blocking import BlockingSerial
from ..transport.serial_line import SerialSettings
from . import meter_reads as reads
from .connection import ConnectionOptions, require_port
from .meter_reads import Identity, Reading, ReadSteps

T = TypeVar("T")


class QuickMeter:
    """One meter on a Modbus RTU bus, read from one thread with no event loop."""

    transport_name = MODBUS
    notes: tuple[str, ...] = ()  # what a session noticed; a Modbus read has none

    def __init__(self, master: BlockingModbusMaster, address: int) -> None:
        self.master = master
        self.address = address
        self.model: Model | None = None

    def _run(self, steps: ReadSteps[T]) -> T:
        def read(address: int, count: int) -> list[int]:
            return self.master.read_registers(self.address, address, count)
        return reads.run_reads(steps, read)

    def identify(self) -> Identity:
        """Identity, status and counters; NotAMeterError for a device that is not a meter."""
        self.model = self._run(reads.model_steps(self.address))
        return self._run(reads.identity_steps(self.model, self.transport_name))

    def read_measurements(self) -> list[Reading]:
        """Every instantaneous value and energy register, in the fewest reads."""
        if self.model is None:  # as the asynchronous session: who it is, then what it measures
            self.identify()
        assert self.model is not None
        return self._run(reads.measurement_steps(self.model, self.transport_name))


@contextmanager
def open_quick_meter(options: ConnectionOptions,
                     on_traffic: Callable[[TrafficEntry], None] | None = None
                     ) -> Iterator[QuickMeter]:
    """The options' meter on an open blocking serial line; the line is closed on exit."""
    opts = options.resolved()
    assert opts.baudrate is not None and opts.parity is not None and opts.address is not None
    with BlockingSerial(SerialSettings(require_port(opts), opts.baudrate, opts.parity)) as line:
        yield QuickMeter(BlockingModbusMaster(line, timeout=opts.timeout, retries=opts.retries,
                                              on_traffic=on_traffic), opts.address)


__all__ = ["QuickMeter", "open_quick_meter"]
