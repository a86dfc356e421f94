"""Which wiring explains the measured current angles best (the phasor part of the wiring check).

The meter gives, per phase, active and reactive power; their ratio gives the angle by which the
current lags its voltage, theta = atan2(Q, P) (derived, not measured: the meter reports no
angle). A current that belongs to another phase appears shifted by +-120 degrees, a reversed
one by 180 degrees. So every explanation of the installation - which circuit's current each
phase measures (a permutation) and in which sense (a polarity) - implies a true load angle per
phase. An explanation is possible when every implied angle lies in the window of plausible
loads (manual 4.2's test points: cos phi 0.5 inductive to 0.8 capacitive; for an expected
export the same window turned by 180 degrees); among the possible ones, the explanation whose
angles lie closest to a typical load ranks first. Nothing here reads a meter.

On a direct-connected meter (4PU, 4PS) voltage and current share a terminal: only the polarity
can be wrong, so only polarities are tried. A 2PU CT has voltage inputs apart from its CTs:
every permutation is tried too.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ...model.wiring_rules import PHASES, THRESHOLDS, Expect

# Angles of the phase voltages, degrees counter-clockwise (L2 lags L1 by 120 degrees).
VOLTAGE_ANGLE: Mapping[str, float] = {"l1": 0.0, "l2": -120.0, "l3": 120.0}


def wrap(angle: float) -> float:
    """An angle in degrees brought into (-180, 180]."""
    out = math.fmod(angle, 360.0)
    if out <= -180.0:
        out += 360.0
    elif out > 180.0:
        out -= 360.0
    return out


def current_angle(active: float, reactive: float) -> float:
    """Degrees by which the current lags its voltage: atan2(Q, P) (positive = inductive)."""
    return math.degrees(math.atan2(reactive, active))


@dataclass(frozen=True)
class Assignment:
    """What one phase of the meter measures under an explanation."""

    circuit: str  # whose current the phase's input carries ("l1".."l3")
    reversed: bool  # carried the other way round
    load_angle: float  # the true load angle this implies (degrees, lag positive)


@dataclass(frozen=True)
class Explanation:
    """One wiring that fits the measured angles: per measured phase, what it carries."""

    assignments: Mapping[str, Assignment]
    score: float  # sum of |load angle - typical angle|, degrees: lower is more plausible

    def is_expected(self) -> bool:
        """Every phase carries its own circuit's current the right way round."""
        return all(a.circuit == p and not a.reversed for p, a in self.assignments.items())

    def key(self) -> tuple[tuple[str, str, bool], ...]:
        """What tells two explanations apart (the implied angles follow from it)."""
        return tuple((p, a.circuit, a.reversed) for p, a in sorted(self.assignments.items()))


def _windows(expect: Expect) -> list[tuple[float, float, float]]:
    """(low, high, typical) windows of the true load angle for an expected flow."""
    low, high = -THRESHOLDS.value("angle.capacitive"), THRESHOLDS.value("angle.inductive")
    typical = THRESHOLDS.value("angle.typical")
    imported = (low, high, typical)
    exported = (low + 180.0, high + 180.0, typical + 180.0)
    if expect is Expect.IMPORT:
        return [imported]
    if expect is Expect.EXPORT:
        return [exported]
    return [imported, exported]


def fit_cost(load_angle: float, expect: Expect) -> float | None:
    """How far a true load angle lies from a typical one, or None when it is implausible."""
    best: float | None = None
    for low, high, typical in _windows(expect):
        offset = wrap(load_angle - low)  # position inside the window, measured from its start
        if 0.0 <= offset <= high - low or math.isclose(offset, high - low, abs_tol=1e-9):
            cost = abs(wrap(load_angle - typical))
            best = cost if best is None else min(best, cost)
    return best


def _candidate(phase: str, circuit: str, reversed_: bool, theta: float, expect: Expect
               ) -> tuple[Assignment, float] | None:
    shift = VOLTAGE_ANGLE[phase] - VOLTAGE_ANGLE[circuit] + (180.0 if reversed_ else 0.0)
    load = wrap(theta - shift)
    cost = fit_cost(load, expect)
    if cost is None:
        return None
    return Assignment(circuit, reversed_, load), cost


def explanations(angles: Mapping[str, float], expected: Mapping[str, Expect], *,
                 permutations: bool) -> list[Explanation]:
    """Every possible explanation of the measured angles (phase -> theta), best first.

    `expected` gives each circuit's expected flow; with EITHER the polarity of that circuit
    cannot be seen and is left out (not reversed). `permutations` False tries polarities only
    (a direct-connected meter).
    """
    measured = sorted(angles)
    orders: Sequence[tuple[str, ...]] = list(itertools.permutations(PHASES)) if permutations \
        else [PHASES]
    found: dict[tuple[tuple[str, str, bool], ...], Explanation] = {}
    for order in orders:
        source = dict(zip(PHASES, order, strict=True))  # measured phase -> circuit
        options = []
        for phase in measured:
            circuit = source[phase]
            senses = (False,) if expected[circuit] is Expect.EITHER else (False, True)
            fits = [c for sense in senses
                    if (c := _candidate(phase, circuit, sense, angles[phase], expected[circuit]))]
            options.append(fits)
        for combo in itertools.product(*options):
            assignments = {p: a for p, (a, _cost) in zip(measured, combo, strict=True)}
            explanation = Explanation(assignments, sum(cost for _a, cost in combo))
            key = explanation.key()
            if key not in found or found[key].score > explanation.score:
                found[key] = explanation
    return sorted(found.values(), key=lambda e: (e.score, not e.is_expected(), e.key()))


def near_best(found: Sequence[Explanation], phases: int) -> list[Explanation]:
    """The explanations within the margin of the best (all equally likely as far as the angles
    can tell)."""
    if not found:
        return []
    limit = found[0].score + THRESHOLDS.value("angle.margin") * max(1, phases)
    return [e for e in found if e.score <= limit + 1e-9]


def expected_fits(phase: str, theta: float, expect: Expect) -> bool:
    """Whether the phase's own current, the expected way round, explains the angle."""
    return _candidate(phase, phase, False, theta, expect) is not None


def any_fit(phase: str, theta: float, expected: Mapping[str, Expect], *,
            permutations: bool) -> bool:
    """Whether any explanation at all fits this one phase's angle."""
    circuits = PHASES if permutations else (phase,)
    return any(_candidate(phase, c, sense, theta, expected[c]) is not None
               for c in circuits for sense in (False, True))


__all__ = ["VOLTAGE_ANGLE", "Assignment", "Explanation", "any_fit", "current_angle",
           "expected_fits", "explanations", "fit_cost", "near_best", "wrap"]
