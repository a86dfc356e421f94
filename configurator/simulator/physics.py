"""Deterministic electrical physics for a simulated meter: a three-phase load and its energies.

Nothing here knows about registers or protocols. `Physics.tick` samples the load at a moment
and integrates power over the time since the previous tick into `Energies`; the meter maps the
results onto register keys (`Reading.measurement`, `Reading.status`, `Energies.register_value`).

The load is a smooth function of the time since the first tick, with seeded parameters, plus a
little seeded noise on voltage and frequency: the same seed and the same tick times give the
same values.
"""

from __future__ import annotations

import cmath
import math
import random
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

PHASES = ("l1", "l2", "l3")
TARIFFS = (1, 2, 3, 4)
NOMINAL_VOLTAGE = 230.0
NOMINAL_FREQUENCY = 50.0
FREQUENCY_SPAN = 0.05
# Pre-accumulated history (`Physics.preaccumulate`): the high tariff T1 runs from 05:00 to
# 22:00 (17 of 24 hours, about 70 % of the energy), the low tariff T2 the rest of the day.
HISTORY_T1_HOURS = range(5, 22)
HISTORY_STEP_H = 1.0
DEMO_HISTORY_HOURS = 8760  # the demo meters have about a year on their counters

# Accumulated quantities, each kept per phase and per tariff (kWh or kvarh).
# "active" and "reactive" are the totals formed with the combination code; "day" is the
# resettable day counter, which "runs parallel to the total energy register" (manual 6.7.13).
ENERGY_QUANTITIES = (
    "active", "active.import", "active.export",
    "reactive", "reactive.import", "reactive.export",
    "reactive.q1", "reactive.q2", "reactive.q3", "reactive.q4",
    "day",
)
_SELECTORS = ("total", *(f"t{t}" for t in TARIFFS), *PHASES)


VOLTAGE_ANGLES = {"l1": 0.0, "l2": -120.0, "l3": 120.0}  # degrees, positive sequence
MISSING_PHASE_VOLTAGE = 0.8  # V left on a phase whose supply is gone (coupling in the cable)
NO_LOAD_CURRENT = 0.01  # A: a standby load, below what the wiring check judges
PV_POWER_FACTOR = (0.97, 1.0)  # inverters feed in at about cos phi 1
WIRING_FAULTS = ("reversed-l1", "reversed-l2", "reversed-l3", "swapped-l1-l2",
                 "swapped-l1-l3", "swapped-l2-l3", "missing-l1", "missing-l2", "missing-l3",
                 "pv-export", "no-load", "open-neutral")


@dataclass(frozen=True)
class Wiring:
    """How the simulated meter is wired into its installation (faults a commissioning check
    must find). Physically consistent: each fault acts on the phasors, and the meter measures
    what results."""

    reversed: frozenset[str] = frozenset()  # CT (or IN/OUT) the wrong way round on these phases
    swapped: tuple[str, str] | None = None  # these two phases' currents measured on each other
    missing: frozenset[str] = frozenset()  # no supply on these phases (fuse out)
    export: bool = False  # a generator (PV) feeds in on every phase
    no_load: bool = False  # nothing switched on: a standby current only
    open_neutral: bool = False  # the supply's neutral is broken: the star point floats

    @classmethod
    def parse(cls, text: str) -> Wiring:
        """From "reversed-l2", "swapped-l2-l3,missing-l1" ...; raises ValueError."""
        reversed_: set[str] = set()
        missing: set[str] = set()
        swapped: tuple[str, str] | None = None
        flags = {"pv-export": False, "no-load": False, "open-neutral": False}
        for part in (p.strip().lower() for p in text.split(",")):
            if part not in WIRING_FAULTS:
                raise ValueError(f"unknown wiring {part!r}; known: {', '.join(WIRING_FAULTS)}")
            kind, _, rest = part.partition("-")
            if part in flags:
                flags[part] = True
            elif kind == "reversed":
                reversed_.add(rest)
            elif kind == "missing":
                missing.add(rest)
            else:
                if swapped is not None:
                    raise ValueError("only one pair of phases can be swapped")
                a, _, b = rest.partition("-")
                swapped = (a, b)
        return cls(frozenset(reversed_), swapped, frozenset(missing), flags["pv-export"],
                   flags["no-load"], flags["open-neutral"])

    def describe(self) -> str:
        """The canonical option text ("" for a correct installation)."""
        parts = [f"reversed-{p}" for p in sorted(self.reversed)]
        if self.swapped:
            parts.append(f"swapped-{self.swapped[0]}-{self.swapped[1]}")
        parts += [f"missing-{p}" for p in sorted(self.missing)]
        parts += [name for name, on in (("pv-export", self.export), ("no-load", self.no_load),
                                        ("open-neutral", self.open_neutral)) if on]
        return ",".join(parts)

    def source(self, phase: str) -> str:
        """Whose current the meter's input of `phase` carries."""
        if self.swapped and phase in self.swapped:
            a, b = self.swapped
            return b if phase == a else a
        return phase


CORRECT = Wiring()


def quadrant(active: float, reactive: float) -> int:
    """The IEC quadrant of a power flow: 1 P>0,Q>0; 2 P<0,Q>0; 3 P<0,Q<0; 4 P>0,Q<0.

    Zero counts as positive, so a meter with no load sits in quadrant 1.
    """
    if active >= 0:
        return 1 if reactive >= 0 else 4
    return 2 if reactive >= 0 else 3


def combine(code: int, imported: float, exported: float) -> float:
    """A total energy formed from import and export by the combination code (0x400F).

    1 import only, 2 export only, 3 import + export, 4 import - export; code 5
    ("import - export (10)") is not explained by the manual and is treated like 4.
    """
    if code == 1:
        return imported
    if code == 2:
        return exported
    if code == 3:
        return imported + exported
    return imported - exported



def apparent_power(active: float, reactive: float) -> float:
    """S = sqrt(P^2 + Q^2)."""
    return math.hypot(active, reactive)


def power_factor(active: float, reactive: float) -> float:
    """P / S, signed like P (negative on export); 1.0 with no load."""
    apparent = apparent_power(active, reactive)
    return active / apparent if apparent else 1.0

@dataclass(frozen=True)
class PhaseReading:
    """One phase at one moment: voltage (V), current (A), active (kW) and reactive (kvar) power."""

    voltage: float
    current: float
    active_kw: float
    reactive_kvar: float
    voltage_angle: float = 0.0  # degrees: where the phase voltage points (L1 0, L2 -120, L3 120)

    @property
    def apparent_kva(self) -> float:
        """Apparent power, sqrt(P^2 + Q^2)."""
        return apparent_power(self.active_kw, self.reactive_kvar)

    @property
    def power_factor(self) -> float:
        """P / S, negative while the phase exports; 1.0 with no load."""
        return power_factor(self.active_kw, self.reactive_kvar)

    @property
    def direction(self) -> str:
        """"F" (forward, import) or "R" (reverse, export), as registers 0x4012-0x4014 show it."""
        return "F" if self.active_kw >= 0 else "R"

    @property
    def quadrant(self) -> int:
        """The phase's quadrant (1-4)."""
        return quadrant(self.active_kw, self.reactive_kvar)


# Register key stems of the measurement group -> attribute of PhaseReading / Reading.
_MEASURES = {
    "voltage": "voltage",
    "current": "current",
    "power.active": "active_kw",
    "power.reactive": "reactive_kvar",
    "power.apparent": "apparent_kva",
    "power_factor": "power_factor",
}


@dataclass(frozen=True)
class Reading:
    """All three phases at one moment, plus frequency and the totals."""

    phases: Mapping[str, PhaseReading]
    frequency: float

    @property
    def voltage(self) -> float:
        """Mean phase voltage (register 0x5000)."""
        return sum(p.voltage for p in self.phases.values()) / len(self.phases)

    @property
    def current(self) -> float:
        """Sum of the phase currents (register 0x500A)."""
        return sum(p.current for p in self.phases.values())

    @property
    def active_kw(self) -> float:
        """Total active power."""
        return sum(p.active_kw for p in self.phases.values())

    @property
    def reactive_kvar(self) -> float:
        """Total reactive power."""
        return sum(p.reactive_kvar for p in self.phases.values())

    @property
    def apparent_kva(self) -> float:
        """Total apparent power, sqrt(Ptot^2 + Qtot^2)."""
        return apparent_power(self.active_kw, self.reactive_kvar)

    @property
    def power_factor(self) -> float:
        """Ptot / Stot, negative when the meter exports in total."""
        return power_factor(self.active_kw, self.reactive_kvar)

    @property
    def quadrant(self) -> int:
        """The quadrant of the total power flow."""
        return quadrant(self.active_kw, self.reactive_kvar)

    def line_voltage(self, a: str, b: str) -> float:
        """Line-to-line voltage: the difference of the two phase-voltage phasors (for a healthy
        supply sqrt(Ua^2 + Ub^2 + Ua*Ub), the phases being 120 degrees apart)."""
        pa, pb = self.phases[a], self.phases[b]
        return abs(cmath.rect(pa.voltage, math.radians(pa.voltage_angle))
                   - cmath.rect(pb.voltage, math.radians(pb.voltage_angle)))

    def measurement(self, key: str) -> float:
        """The value of a measurement register key such as "power.active.l2" or "voltage"."""
        if key == "frequency":
            return self.frequency
        head, _, tail = key.rpartition(".")
        if head == "voltage" and "_" in tail:
            a, _, b = tail.partition("_")
            return self.line_voltage(a, b)
        if tail in PHASES:
            return float(getattr(self.phases[tail], _MEASURES[head]))
        return float(getattr(self, _MEASURES[key]))

    def status(self, key: str) -> Any:
        """The value of a computed status register: "direction.l1", "quadrant", "quadrant.l3"."""
        head, _, tail = key.partition(".")
        if head == "direction":
            return self.phases[tail].direction
        if head == "quadrant":
            return self.phases[tail].quadrant if tail else self.quadrant
        raise KeyError(key)


class Energies:
    """Energy accumulators, one per quantity, phase and tariff (kWh / kvarh, float64)."""

    def __init__(self) -> None:
        """All accumulators at zero."""
        self._acc: dict[str, list[list[float]]] = {
            q: [[0.0] * len(TARIFFS) for _ in PHASES] for q in ENERGY_QUANTITIES
        }

    def accumulate(self, reading: Reading, hours: float, tariff: int, combination_code: int
                   ) -> None:
        """Add `hours` of `reading` into the given tariff, split by direction and quadrant."""
        t = TARIFFS.index(tariff)
        for p, phase in enumerate(PHASES):
            power = reading.phases[phase]
            active, reactive = power.active_kw * hours, power.reactive_kvar * hours
            imported, exported = max(active, 0.0), max(-active, 0.0)
            r_imported, r_exported = max(reactive, 0.0), max(-reactive, 0.0)
            acc = self._acc
            acc["active.import"][p][t] += imported
            acc["active.export"][p][t] += exported
            acc["reactive.import"][p][t] += r_imported
            acc["reactive.export"][p][t] += r_exported
            acc[f"reactive.q{power.quadrant}"][p][t] += abs(reactive)
            total = combine(combination_code, imported, exported)
            acc["active"][p][t] += total
            acc["day"][p][t] += total
            acc["reactive"][p][t] += combine(combination_code, r_imported, r_exported)

    def value(self, quantity: str, selector: str = "total") -> float:
        """Sum of one quantity: "total", one tariff ("t1".."t4") or one phase ("l1".."l3")."""
        rows = self._acc[quantity]
        if selector == "total":
            return sum(sum(row) for row in rows)
        if selector in PHASES:
            return sum(rows[PHASES.index(selector)])
        tariff = TARIFFS.index(int(selector[1:]))
        return sum(row[tariff] for row in rows)

    @staticmethod
    def split_key(key: str) -> tuple[str, str]:
        """Split an energy register key into (quantity, selector).

        "energy.active.import.t1" -> ("active.import", "t1"); "energy.day" -> ("day", "total").
        """
        rest = key.removeprefix("energy.")
        quantity, _, last = rest.rpartition(".")
        if quantity and last in _SELECTORS:
            return quantity, last
        return rest, "total"

    def register_value(self, key: str) -> float:
        """The value of an energy register key (group "energy" in the register table)."""
        quantity, selector = self.split_key(key)
        return self.value(quantity, selector)

    def reset(self, quantity: str) -> None:
        """Set one quantity to zero everywhere (the day counter reset)."""
        self._acc[quantity] = [[0.0] * len(TARIFFS) for _ in PHASES]

    def to_state(self) -> dict[str, list[list[float]]]:
        """A JSON-able copy: quantity -> [phase][tariff]."""
        return {q: [list(row) for row in rows] for q, rows in self._acc.items()}

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> Energies:
        """Rebuild from `to_state` output; unknown quantities are ignored, missing ones are 0."""
        energies = cls()
        for quantity, rows in state.items():
            if quantity not in energies._acc:
                continue
            if len(rows) != len(PHASES) or any(len(r) != len(TARIFFS) for r in rows):
                raise ValueError(f"energy {quantity!r} does not have {len(PHASES)}x"
                                 f"{len(TARIFFS)} values")
            energies._acc[quantity] = [[float(v) for v in row] for row in rows]
        return energies


def voltage_ratio(at_meter: complex, supply: complex) -> complex:
    """How a load's current follows its voltage: an impedance load draws I * (V / E); a phase
    without supply draws nothing."""
    if abs(supply) == 0:
        return 0j
    ratio = at_meter / supply
    return ratio if abs(ratio) >= 0.05 else 0j


@dataclass(frozen=True)
class _PhaseLoad:
    """Seeded parameters of one phase's load."""

    load: float  # mean load, fraction of full scale
    swing: float  # amplitude of the slow drift, fraction of full scale
    period: float  # seconds
    offset: float  # radians
    pf_mean: float
    pf_swing: float
    pf_period: float
    voltage_offset: float


class Physics:
    """A seeded three-phase load whose energies accumulate between ticks."""

    def __init__(self, seed: int | str = 0, *, reversed_phase: str | None = None,
                 wiring: Wiring | None = None) -> None:
        """A load drawn from `seed`, measured through `wiring` (default: correct);
        `reversed_phase` ("l1".."l3", kept for older callers) adds a reversed CT there."""
        if reversed_phase is not None and reversed_phase not in PHASES:
            raise ValueError(f"reversed phase must be one of {', '.join(PHASES)}")
        rng = random.Random(f"wago-meter-physics:{seed}")
        self.reversed_phase = reversed_phase
        wiring = wiring or CORRECT
        if reversed_phase is not None:
            wiring = replace(wiring, reversed=wiring.reversed | {reversed_phase})
        self.wiring = wiring
        self._loads = {
            phase: _PhaseLoad(
                load=rng.uniform(0.35, 0.6),
                swing=rng.uniform(0.1, 0.2),
                period=rng.uniform(300.0, 900.0),
                offset=rng.uniform(0.0, 2 * math.pi),
                pf_mean=rng.uniform(0.9, 0.94),
                pf_swing=rng.uniform(0.02, 0.04),
                pf_period=rng.uniform(200.0, 600.0),
                voltage_offset=rng.uniform(-2.0, 2.0),
            )
            for phase in PHASES
        }
        self._frequency_period = rng.uniform(60.0, 180.0)
        self._noise = random.Random(rng.getrandbits(64))
        self.energies = Energies()
        self._start: float | None = None
        self._last: float | None = None
        self.reading: Reading | None = None

    def sample(self, elapsed: float, full_scale_amps: float) -> Reading:
        """The load `elapsed` seconds after the first tick, currents scaled to `full_scale_amps`,
        as the meter measures it through its wiring."""
        wiring = self.wiring
        supply: dict[str, complex] = {}
        load: dict[str, complex] = {}
        for phase, spec in self._loads.items():
            fraction = spec.load + spec.swing * math.sin(2 * math.pi * elapsed / spec.period
                                                         + spec.offset)
            current = max(0.0, fraction * full_scale_amps)
            pf = spec.pf_mean + spec.pf_swing * math.sin(2 * math.pi * elapsed / spec.pf_period
                                                         + spec.offset)
            pf = min(0.99, max(0.85, pf))
            voltage = NOMINAL_VOLTAGE + spec.voltage_offset + self._noise.gauss(0.0, 0.3)
            angle = math.radians(VOLTAGE_ANGLES[phase])
            supply[phase] = cmath.rect(voltage, angle)
            if wiring.no_load:
                current = NO_LOAD_CURRENT
            if wiring.export:  # a generator: current out of the installation, at about PF 1
                low, high = PV_POWER_FACTOR
                pf = low + (high - low) * (pf - 0.85) / 0.14
                load[phase] = -cmath.rect(current, angle - math.acos(min(1.0, pf)))
            else:  # inductive load: the current lags its voltage
                load[phase] = cmath.rect(current, angle - math.acos(pf))
        at_meter = self._voltages_at_meter(supply, load)
        phases: dict[str, PhaseReading] = {}
        for phase in PHASES:
            source = wiring.source(phase)
            at = at_meter[phase]
            measured = load[source] * (voltage_ratio(at_meter[source], supply[source]))
            if phase in wiring.reversed:  # a CT fitted the wrong way round: current flips
                measured = -measured
            power = at * measured.conjugate() / 1000.0
            phases[phase] = PhaseReading(abs(at), abs(measured), power.real, power.imag,
                                         math.degrees(cmath.phase(at)))
        drift = 0.8 * FREQUENCY_SPAN * math.sin(2 * math.pi * elapsed / self._frequency_period)
        frequency = NOMINAL_FREQUENCY + drift + self._noise.gauss(0.0, 0.003)
        frequency = min(NOMINAL_FREQUENCY + FREQUENCY_SPAN,
                        max(NOMINAL_FREQUENCY - FREQUENCY_SPAN, frequency))
        return Reading(phases, frequency)

    def _voltages_at_meter(self, supply: Mapping[str, complex], load: Mapping[str, complex]
                           ) -> dict[str, complex]:
        """Phase voltages at the meter: a missing phase keeps a trace of voltage; with an open
        neutral the loads' star point floats (Millman: Vn = sum(Y E) / sum(Y))."""
        wiring = self.wiring
        out = {}
        for phase, voltage in supply.items():
            if phase in wiring.missing:
                out[phase] = cmath.rect(MISSING_PHASE_VOLTAGE, cmath.phase(voltage))
            else:
                out[phase] = voltage
        if wiring.open_neutral and not wiring.export:
            admittance = {p: load[p] / supply[p] for p in supply if p not in wiring.missing}
            total = sum(admittance.values())
            if abs(total) > 0:
                neutral = sum(admittance[p] * supply[p] for p in admittance) / total
                out = {p: v - neutral if p in admittance else v for p, v in out.items()}
        return out


    def preaccumulate(self, hours: float, *, full_scale_amps: float, combination_code: int
                      ) -> None:
        """Add `hours` of typical load into the energies, as if the meter had run that long.

        The load is sampled once an hour (the same seeded load as `tick`, spread over its
        swings) and each hour goes through `Energies.accumulate`, so every register stays
        consistent: tariffs, phases, directions, quadrants, reactive and the day counter.
        Hours of the day in `HISTORY_T1_HOURS` count into T1, the others into T2 (about
        70/30). Raises ValueError for a negative number of hours.
        """
        if hours < 0:
            raise ValueError("history hours must not be negative")
        steps = math.ceil(hours / HISTORY_STEP_H)
        for index in range(steps):
            step = min(HISTORY_STEP_H, hours - index * HISTORY_STEP_H)
            # 97 s more per hour: the samples walk over the load's swings instead of
            # meeting a swing whose period divides an hour at the same phase every time
            reading = self.sample(index * (HISTORY_STEP_H * 3600.0 + 97.0), full_scale_amps)
            tariff = 1 if index % 24 in HISTORY_T1_HOURS else 2
            self.energies.accumulate(reading, step, tariff, combination_code)

    def tick(self, now: float, *, full_scale_amps: float, tariff: int, combination_code: int
             ) -> Reading:
        """Advance to `now` (seconds, any monotonic origin) and return the reading there.

        The energy of the interval since the previous tick goes into `tariff`, using the
        power sampled at `now`. The first tick only starts the clock; a tick that does not
        move time forward changes nothing.
        """
        if self._start is None or self._last is None or self.reading is None:
            self._start = self._last = now
            self.reading = self.sample(0.0, full_scale_amps)
            return self.reading
        elapsed = now - self._last
        if elapsed <= 0:
            return self.reading
        self.reading = self.sample(now - self._start, full_scale_amps)
        self.energies.accumulate(self.reading, elapsed / 3600.0, tariff, combination_code)
        self._last = now
        return self.reading
