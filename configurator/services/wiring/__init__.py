"""The wiring verdict: is this meter connected the way the installation needs it?

From one reading (or several averaged) of the instantaneous values, a `Finding` per phase
(voltage; current direction and phase) and for the installation (the best explanation of the
current angles, frequency, line voltages against phase voltages, voltage and load unbalance),
each with the figures that led to it and what to do. Every number it compares against comes
from `model/wiring_rules.py`. `judge` is pure (the commissioning report uses it on its
snapshot); `check_wiring` reads a meter through the transport-neutral `MeterSession` API.
Over M-Bus the telegram has no line voltages, power factors per phase, direction or quadrant
registers: what cannot be derived is CANNOT_JUDGE, never guessed. Current angles are derived
from P and Q, never measured; every result says so.

Modules: `findings` (the result types), `supply` (voltages, frequency, neutral, unbalance),
`currents` (direction and phase of each current), `angles` (which wiring explains the angles).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from ...i18n import QT_TRANSLATE_NOOP
from ...model.models import Model
from ...model.wiring_rules import MODEL_WIRING, PHASES, Expect, Network, judge_current_a
from ..api import MeterSession
from .angles import VOLTAGE_ANGLE, wrap
from .currents import PhaseValues, current_findings, installation_finding, phase_values
from .findings import (
    CHECK_NAMES,
    DERIVED_NOTE,
    DERIVED_WORD,
    Check,
    Diagnosis,
    Figure,
    Finding,
    Phasor,
    WiringReport,
    figure_label,
)
from .supply import (
    frequency_finding,
    load_unbalance_finding,
    neutral_finding,
    voltage_finding,
    voltage_unbalance,
    voltage_unbalance_finding,
)

MAX_SAMPLES = 100
DIRECT_NOTE = QT_TRANSLATE_NOOP(
    "Wiring", "On a direct-connected meter voltage and current share each phase's terminals, "
    "so a current cannot sit on the wrong phase: only its direction is judged.")


def ct_ratio(values: Mapping[str, Any]) -> tuple[float | None, float | None]:
    """(primary, secondary) amps of the CT ratio among the values (a CtRatio or "100/5")."""
    ratio = values.get("ct.ratio")
    primary, secondary = getattr(ratio, "primary", None), getattr(ratio, "secondary", None)
    if primary is None and isinstance(ratio, str):
        head, _, tail = ratio.partition("/")
        if head.strip().isdigit() and tail.strip().isdigit():
            primary, secondary = int(head), int(tail)
    return (float(primary), float(secondary)) if primary and secondary else (None, None)


def judge(values: Mapping[str, Any], *, model: Model, transport: str,
          expected: Mapping[str, Expect] | None = None,
          network: Network = Network.THREE_PHASE, samples: int = 1) -> WiringReport:
    """The wiring verdict from register values by key: the measurements, plus the status
    registers direction.lN / quadrant.lN and ct.ratio where the link has them."""
    expect = {p: (expected or {}).get(p, Expect.IMPORT) for p in PHASES}
    least = judge_current_a(model, *ct_ratio(values))
    phases = network.phases
    voltages = {p: voltage_finding(p, values, model) for p in phases}
    missing = {p for p, f in voltages.items() if f.diagnosis is Diagnosis.MISSING}
    figures = {p: phase_values(p, values) for p in phases}
    currents, best = current_findings(figures, expect, model, least, missing)
    findings: list[Finding] = []
    for phase in phases:
        findings += [voltages[phase], currents[phase]]
    wiring = installation_finding(currents, best, expect)
    findings += [wiring, frequency_finding(values)]
    if network is Network.THREE_PHASE:
        findings += [neutral_finding(values, transport),
                     voltage_unbalance_finding(values, transport, bool(missing)),
                     load_unbalance_finding(values)]
    notes: tuple[str, ...] = (DERIVED_NOTE,)
    if not MODEL_WIRING[model].separate_voltage_inputs:
        notes += (DIRECT_NOTE,)
    phasors = tuple(_phasor(figures[p], currents[p]) for p in phases)
    return WiringReport(model, transport, network, expect, samples, least, tuple(findings),
                        phasors, wiring.message, notes)


def _phasor(values: PhaseValues, finding: Finding) -> Phasor:
    reference = VOLTAGE_ANGLE[values.phase]
    angle = values.angle
    shown = angle is not None and finding.diagnosis not in (Diagnosis.NO_LOAD,
                                                            Diagnosis.NO_VOLTAGE)
    current_at = wrap(reference - angle) if shown and angle is not None else None
    return Phasor(values.phase, values.voltage, reference, values.current, current_at)


def average(samples: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Per key, the mean of the finite floats among `samples`; other values as last seen."""
    sums: dict[str, float] = {}
    counts: dict[str, int] = {}
    out: dict[str, Any] = {}
    for sample in samples:
        for key, value in sample.items():
            if isinstance(value, float) and math.isfinite(value):
                sums[key] = sums.get(key, 0.0) + value
                counts[key] = counts.get(key, 0) + 1
            elif key not in sums:
                out[key] = value
    out.update({key: sums[key] / counts[key] for key in sums})
    return out


async def check_wiring(session: MeterSession, *, expected: Mapping[str, Expect] | None = None,
                       network: Network = Network.THREE_PHASE, samples: int = 1
                       ) -> WiringReport:
    """Read the meter (identity once, the measurements `samples` times, averaged) and judge.

    Raises ValueError for a sample count outside 1-100; the session's errors pass unchanged.
    """
    if not 1 <= samples <= MAX_SAMPLES:
        raise ValueError(f"samples must be 1-{MAX_SAMPLES}")
    identity = await session.identify()
    readings = []
    for _ in range(samples):
        readings.append({r.register.key: r.value for r in await session.read_measurements()
                         if r.register.group == "measurement"})
    values = average(readings)
    for key, value in identity.values.items():
        if key.startswith(("direction.", "quadrant.")) or key == "ct.ratio":
            values[key] = value
    return judge(values, model=identity.model, transport=session.transport_name,
                 expected=expected, network=network, samples=samples)


__all__ = ["CHECK_NAMES", "DERIVED_NOTE", "DERIVED_WORD", "DIRECT_NOTE", "MAX_SAMPLES", "Check",
           "Diagnosis", "Figure", "Finding", "Phasor", "WiringReport", "average",
           "check_wiring", "ct_ratio", "figure_label", "judge", "voltage_unbalance"]
