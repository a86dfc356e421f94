"""Find meters on a Modbus RTU bus: probe each address with the smallest useful read.

The probe reads the meter code (0x4002, one register), which also tells the model. Timeouts
adapt: they start from wire time plus a generous turnaround and shrink to a few times the
turnaround actually observed once a meter has answered, so an empty address costs little.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import FrameError, MeterExceptionError, MeterTimeoutError
from ..model.models import Model
from ..model.registers import REGISTERS
from ..model.types import CodecError
from ..protocol.modbus_master import ModbusMaster

PROBE_REQUEST_CHARS = 8
PROBE_REPLY_CHARS = 7
INITIAL_TURNAROUND = 0.06  # before any meter answered
MIN_TURNAROUND = 0.02
TURNAROUND_FACTOR = 4.0


@dataclass(frozen=True)
class Found:
    """A device that answered a probe."""

    address: int
    model: Model | None
    note: str = ""


@dataclass
class ScanStats:
    """Counts for the report and the benchmark."""

    probes: int = 0
    answered: int = 0
    turnaround: float | None = None  # slowest observed answer beyond wire time, seconds


class AdaptiveTimeout:
    """Per-probe timeout: wire time + an allowance learned from answers seen."""

    def __init__(self, char_time: float, fixed: float | None = None) -> None:
        self.char_time = char_time
        self.fixed = fixed
        self.allowance = INITIAL_TURNAROUND
        self.observed: float | None = None

    @property
    def wire(self) -> float:
        """Seconds the probe and its answer take on the wire."""
        return (PROBE_REQUEST_CHARS + PROBE_REPLY_CHARS) * self.char_time

    def current(self) -> float:
        """The timeout for the next probe."""
        return self.fixed if self.fixed is not None else self.wire + self.allowance

    def learn(self, elapsed: float) -> None:
        """Record how long an answer took and adapt the allowance."""
        turnaround = max(0.0, elapsed - self.wire)
        self.observed = turnaround if self.observed is None else max(self.observed, turnaround)
        self.allowance = max(MIN_TURNAROUND, TURNAROUND_FACTOR * self.observed)


async def scan(
    master: ModbusMaster,
    first: int = 1,
    last: int = 247,
    progress: Callable[[int, list[Found]], None] | None = None,
    fixed_timeout: float | None = None,
) -> tuple[list[Found], ScanStats]:
    """Probe every address from `first` to `last`; returns what answered and the counts."""
    timeout = AdaptiveTimeout(master.transport.char_time(), fixed_timeout)
    stats = ScanStats()
    found: list[Found] = []
    for address in range(first, last + 1):
        stats.probes += 1
        hit = await _probe(master, address, timeout, stats)
        if hit is GARBLED:
            # Something answered but unreadably (noise, or two meters at once): one careful
            # retry with a long timeout before giving up on the address.
            stats.probes += 1
            hit = await _probe(master, address, AdaptiveTimeout(timeout.char_time, 1.0), stats)
        if isinstance(hit, Found):
            found.append(hit)
        if progress is not None:
            progress(address, found)
    stats.turnaround = timeout.observed
    return found, stats


GARBLED = object()


async def _probe(master: ModbusMaster, address: int, timeout: AdaptiveTimeout,
                 stats: ScanStats) -> Found | object | None:
    """A Found, None for silence, or GARBLED for an unreadable answer."""
    started = time.monotonic()
    try:
        words = await master.read_registers(address, 0x4002, 1, timeout=timeout.current(),
                                            retries=0)
    except MeterTimeoutError:
        return None
    except FrameError:
        return GARBLED
    except MeterExceptionError as exc:
        stats.answered += 1
        return Found(address, None, f"answers Modbus but is not a 879-30xx ({exc})")
    timeout.learn(time.monotonic() - started)
    stats.answered += 1
    try:
        model = Model.from_meter_code(REGISTERS["meter_code"].dtype.decode(words))
    except CodecError:
        model = None
    note = "" if model else f"unknown meter code 0x{words[0]:04X}"
    return Found(address, model, note)
