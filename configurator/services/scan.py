"""Find meters on a Modbus RTU bus: probe each address with the smallest useful read.

The probe reads the meter code (REGISTERS["meter_code"], one register), which also tells the
model. Timeouts adapt: they start from wire time plus a generous turnaround and shrink to a
few times the turnaround actually observed once a meter has answered, so an empty address
costs little.

On a noisy line (docs/DECISIONS.md F5, F6):
- a garbled answer means something is there: the probe is repeated (GARBLED_RETRIES times,
  with a long timeout) until an answer reads clean; an address that never does is reported
  as "answered garbled", never dropped silently;
- a lost answer looks exactly like an empty address, so a clean bus is probed once per address
  (247 probes); but once the line has shown that it loses or garbles answers (a garbled probe,
  or a retry while identifying the meters found), the addresses that stayed silent or garbled
  are probed again, up to SWEEPS more times. A meter is then missed only if all 1 + SWEEPS
  of its probes are lost: 0.15^3 = 0.3 % at 15 % loss;
- one rule for every bus-wide command (`bus_error`): no device answered at all -> a
  MeterTimeoutError (exit 4); any address answered only garbled -> a FrameError (exit 5),
  listing those addresses, even when other meters were found.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..errors import ConfiguratorError, FrameError, MeterExceptionError, MeterTimeoutError
from ..i18n import QT_TRANSLATE_NOOP
from ..model.models import Model
from ..model.registers import REGISTERS
from ..model.types import CodecError
from ..protocol.modbus_master import LinkCounters, ModbusMaster
from .meter import Identity, ModbusMeter

PROBE_REQUEST_CHARS = 8
PROBE_REPLY_CHARS = 7
INITIAL_TURNAROUND = 0.06  # before any meter answered
MIN_TURNAROUND = 0.02
TURNAROUND_FACTOR = 4.0
GARBLED_RETRIES = 2  # a garbled probe is repeated this often before the address is "garbled"
GARBLED_TIMEOUT_S = 1.0  # ... each time with this long a timeout
SWEEPS = 2  # on a line that showed faults: further passes over the silent addresses
METER_CODE = REGISTERS["meter_code"]


@dataclass(frozen=True)
class Found:
    """A device that answered a probe (`identity` when the scan identified it)."""

    address: int
    model: Model | None
    note: str = ""
    identity: Identity | None = None


@dataclass
class ScanStats:
    """Counts for the report and the benchmark."""

    probes: int = 0
    answered: int = 0
    garbled_probes: int = 0  # probes whose answer was garbled
    reprobes: int = 0  # probes repeated after a garbled answer
    sweeps: int = 0  # extra passes over silent addresses (only on a line that showed faults)
    garbled: list[int] = field(default_factory=list)  # addresses that only answered garbled
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


def _faults_seen(counters: LinkCounters) -> int:
    return counters.timeouts + counters.crc_errors + counters.retries


async def scan(
    master: ModbusMaster,
    first: int = 1,
    last: int = 247,
    progress: Callable[[int, list[Found]], None] | None = None,
    fixed_timeout: float | None = None,
    *,
    identify: bool = False,
) -> tuple[list[Found], ScanStats]:
    """Probe every address from `first` to `last`; returns what answered and the counts.

    With `identify`, each meter found is identified at once (ModbusMeter.identify, with the
    master's retries); its retries are part of the evidence that the line loses answers.
    Addresses that only answered garbled are in `stats.garbled` (see `bus_error`).
    """
    timeout = AdaptiveTimeout(master.transport.char_time(), fixed_timeout)
    stats = ScanStats()
    found: dict[int, Found] = {}
    in_order: list[Found] = []  # as found, for progress
    garbled: set[int] = set()
    line_faulty = False

    async def probe_all(addresses: Sequence[int]) -> None:
        nonlocal line_faulty
        for address in addresses:
            hit = await _probe_address(master, address, timeout, stats)
            if hit is GARBLED:
                garbled.add(address)
                line_faulty = True
            elif isinstance(hit, Found):
                garbled.discard(address)
                if identify and hit.model is not None:
                    before = _faults_seen(master.counters)
                    hit = await _identified(master, hit)
                    line_faulty |= _faults_seen(master.counters) > before
                found[address] = hit
                in_order.append(hit)
            if progress is not None:
                progress(address, in_order)

    await probe_all(range(first, last + 1))
    while line_faulty and stats.sweeps < SWEEPS:
        pending = [a for a in range(first, last + 1) if a not in found]
        if not pending:
            break
        stats.sweeps += 1
        await probe_all(pending)
    stats.turnaround = timeout.observed
    stats.garbled = sorted(garbled)
    return sorted(found.values(), key=lambda f: f.address), stats


GARBLED = object()


async def _probe_address(master: ModbusMaster, address: int, timeout: AdaptiveTimeout,
                         stats: ScanStats) -> Found | object | None:
    """Probe once; a garbled answer is probed again (bounded) with a long timeout."""
    stats.probes += 1
    hit = await _probe(master, address, timeout, stats)
    careful = AdaptiveTimeout(timeout.char_time, timeout.fixed or GARBLED_TIMEOUT_S)
    tries = 0
    while hit is GARBLED and tries < GARBLED_RETRIES:
        # Something answered but unreadably (noise, or two meters at once): look again.
        tries += 1
        stats.probes += 1
        stats.reprobes += 1
        again = await _probe(master, address, careful, stats)
        if again is not None:  # silence after a garbled answer proves nothing: keep GARBLED
            hit = again
    return hit


async def _identified(master: ModbusMaster, hit: Found) -> Found:
    try:
        identity = await ModbusMeter(master, hit.address).identify()
    except ConfiguratorError as exc:
        return Found(hit.address, hit.model, str(exc))
    return Found(hit.address, identity.model, hit.note, identity)


async def _probe(master: ModbusMaster, address: int, timeout: AdaptiveTimeout,
                 stats: ScanStats) -> Found | object | None:
    """A Found, None for silence, or GARBLED for an unreadable answer."""
    started = time.monotonic()
    try:
        words = await master.read_registers(address, METER_CODE.address, METER_CODE.count,
                                            timeout=timeout.current(), retries=0)
    except MeterTimeoutError:
        return None
    except FrameError:
        stats.garbled_probes += 1
        return GARBLED
    except MeterExceptionError as exc:
        stats.answered += 1
        return Found(address, None, f"answers Modbus but is not a 879-30xx ({exc})")
    timeout.learn(time.monotonic() - started)
    stats.answered += 1
    try:
        model = Model.from_meter_code(METER_CODE.dtype.decode(words))
    except CodecError:
        model = None
    note = "" if model else f"unknown meter code 0x{words[0]:04X}"
    return Found(address, model, note)


def bus_where(first: int, last: int, link: str) -> str:
    """"addresses 1-247 on /dev/ttyUSB0 9600 8E1", for `bus_error`."""
    return QT_TRANSLATE_NOOP("Errors", "addresses {first}-{last} on {link}").format(
        first=first, last=last, link=link)


def bus_error(found: int, garbled: Sequence[int | str], where: str
              ) -> ConfiguratorError | None:
    """The one exit rule of every bus-wide command (scan, backup --all, report --all).

    No device answered at all: MeterTimeoutError (exit 4). Some addresses answered only
    garbled: FrameError (exit 5), naming them, whether or not other devices were found.
    Otherwise None.
    """
    if garbled:
        return FrameError(QT_TRANSLATE_NOOP(
            "Errors", "{found} found, {count} address(es) answered garbled ({addresses}) at "
            "{where}: check wiring, termination and baud rate, or two devices sharing an "
            "address.").format(found=found, count=len(garbled),
                               addresses=", ".join(str(a) for a in garbled), where=where))
    if not found:
        return MeterTimeoutError(QT_TRANSLATE_NOOP(
            "Errors", "No device answered at {where}. Check wiring, baud rate and "
            "parity.").format(where=where))
    return None
