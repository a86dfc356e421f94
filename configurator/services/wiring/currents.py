"""The current side of the wiring check: per phase, does the current flow the expected way and
belong to this phase? And for the installation: which wiring explains all the angles?

Each phase is judged only with enough current (5 % of the base current) and a voltage; its
angle is derived from P and Q (angles.py). A phase passes when its own current, flowing the
expected way, explains the angle and no other wiring explains it as well; it fails when the
expected wiring cannot explain it at all; otherwise PF alone cannot tell (a reactive load looks
like a current on the wrong phase) and the verdict says how to find out.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ...i18n import QT_TRANSLATE_NOOP, Message, Template
from ...model.models import Model
from ...model.verdicts import Verdict, worst
from ...model.wiring_rules import MODEL_WIRING, Expect
from .angles import (
    Assignment,
    Explanation,
    any_fit,
    current_angle,
    expected_fits,
    explanations,
    near_best,
)
from .findings import Check, Diagnosis, Figure, Finding
from .supply import number

CURRENT_THRESHOLDS = ("current.judge_fraction", "angle.inductive", "angle.capacitive",
                      "angle.typical", "angle.margin")
HEATER_TEST = QT_TRANSLATE_NOOP(
    "Wiring", "PF alone cannot tell these apart. To confirm, switch off motors and other "
    "reactive loads and switch on a purely resistive load such as a heater on every phase: "
    "each phase must then read PF about 1 (an angle near 0°) in the expected direction.")


OR = QT_TRANSLATE_NOOP("Wiring", "{first} or {rest}")
OR_ELSE = QT_TRANSLATE_NOOP("Wiring", "{first}; or {rest}")
AND = QT_TRANSLATE_NOOP("Wiring", "{first}, {rest}")


def join_messages(items: Sequence[Message], template: Template) -> Message:
    """Messages joined by a translatable template ("{first} or {rest}"), each still
    translatable."""
    if not items:
        return Message("", "Wiring", "", {})
    if len(items) == 1:
        return items[0]
    return template.format(first=items[0], rest=join_messages(items[1:], template))


@dataclass(frozen=True)
class PhaseValues:
    """The figures of one phase's current, as read (PF derived where the link lacks it)."""

    phase: str
    voltage: float | None
    current: float | None
    active: float | None
    reactive: float | None
    power_factor: float | None
    pf_derived: bool
    direction: str | None
    quadrant: int | None

    @property
    def angle(self) -> float | None:
        """The derived lag of the current behind its voltage (degrees), if P and Q exist."""
        if self.active is None or self.reactive is None or (not self.active
                                                            and not self.reactive):
            return None
        return current_angle(self.active, self.reactive)


def phase_values(phase: str, values: Mapping[str, Any]) -> PhaseValues:
    """One phase's figures from register values by key."""
    active = number(values, f"power.active.{phase}")
    reactive = number(values, f"power.reactive.{phase}")
    pf = number(values, f"power_factor.{phase}")
    derived = False
    if pf is None and active is not None and reactive is not None and (active or reactive):
        pf, derived = active / math.hypot(active, reactive), True
    direction = values.get(f"direction.{phase}")
    quadrant = values.get(f"quadrant.{phase}")
    return PhaseValues(phase, number(values, f"voltage.{phase}"),
                       number(values, f"current.{phase}"), active, reactive, pf, derived,
                       direction.strip().upper() if isinstance(direction, str) else None,
                       quadrant if isinstance(quadrant, int) and not isinstance(quadrant, bool)
                       else None)


def _figures(v: PhaseValues, expect: Expect, least: float) -> tuple[Figure, ...]:
    out = [Figure("current", v.current, "A"), Figure("power.active", v.active, "kW"),
           Figure("power.reactive", v.reactive, "kvar"),
           Figure("power_factor", v.power_factor, "", v.pf_derived)]
    if v.angle is not None:
        out.append(Figure("angle", v.angle, "deg", derived=True))
    if v.quadrant is not None:
        out.append(Figure("quadrant", v.quadrant))
    if v.direction is not None:
        out.append(Figure("direction", v.direction))
    out += [Figure("expected", expect.value), Figure("threshold", least, "A", derived=True)]
    return tuple(out)


def _flow(v: PhaseValues) -> Message:
    """ "imports 1.234 kW at PF 0.92" / "exports ..." """
    active, pf = v.active or 0.0, v.power_factor if v.power_factor is not None else 0.0
    template = QT_TRANSLATE_NOOP("Wiring", "imports {power:.3f} kW at PF {pf:.2f}") \
        if active >= 0 else QT_TRANSLATE_NOOP("Wiring", "exports {power:.3f} kW at PF {pf:.2f}")
    return template.format(power=abs(active), pf=pf)


def _alternative(phase: str, circuit: str, reversed_: bool) -> Message:
    if circuit == phase:
        return (QT_TRANSLATE_NOOP("Wiring", "its own current reversed") if reversed_
                else QT_TRANSLATE_NOOP("Wiring", "its own current as expected")).format()
    template = QT_TRANSLATE_NOOP("Wiring", "the current of {other}, reversed") if reversed_ \
        else QT_TRANSLATE_NOOP("Wiring", "the current of {other}")
    return template.format(other=circuit.upper())


def _reverse_advice(phase: str, model: Model) -> Message:
    n = phase[1]
    if MODEL_WIRING[model].separate_voltage_inputs:
        return QT_TRANSLATE_NOOP(
            "Wiring", "Turn the CT on {phase} round (P1/K towards the supply) or swap its two "
            "wires at the meter's IN CT{n} and OUT CT{n}.").format(phase=phase.upper(), n=n)
    return QT_TRANSLATE_NOOP(
        "Wiring", "Swap the {phase} wires at the meter's IN {phase} and OUT {phase} terminals: "
        "the supply side belongs on IN.").format(phase=phase.upper())


def _judged(phase: str, v: PhaseValues, expect: Expect, model: Model,
            best: Sequence[Explanation], least: float) -> Finding:
    angle = v.angle
    assert angle is not None
    figures = _figures(v, expect, least)
    name = phase.upper()
    own = expected_fits(phase, angle, expect)
    choices = sorted({(e.assignments[phase].circuit, e.assignments[phase].reversed)
                      for e in best})
    if own and choices == [(phase, False)]:
        return Finding(Check.CURRENT, phase, Verdict.PASS, Diagnosis.OK, QT_TRANSLATE_NOOP(
            "Wiring", "{phase} {flow}: its own current, in the expected direction ({expect})."
        ).format(phase=name, flow=_flow(v), expect=expect.value), figures=figures,
            thresholds=CURRENT_THRESHOLDS)
    others = join_messages([_alternative(phase, c, r) for c, r in choices
                            if (c, r) != (phase, False)], OR)
    if own:
        return Finding(Check.CURRENT, phase, Verdict.WARN, Diagnosis.AMBIGUOUS, QT_TRANSLATE_NOOP(
            "Wiring", "{phase} {flow} (the current lags by {angle:+.0f}°): a reactive load, or "
            "{others}.").format(phase=name, flow=_flow(v), angle=angle, others=others),
            HEATER_TEST, figures, CURRENT_THRESHOLDS)
    if len(choices) == 1:
        circuit, reversed_ = choices[0]
        if circuit == phase:
            return _reversed(phase, v, expect, model, figures)
        diagnosis = Diagnosis.WRONG_PHASE_REVERSED if reversed_ else Diagnosis.WRONG_PHASE
        template = QT_TRANSLATE_NOOP(
            "Wiring", "{phase} {flow}: the angle ({angle:+.0f}°) fits the current of {other} "
            "flowing the wrong way round, not {phase}'s own current.") if reversed_ else \
            QT_TRANSLATE_NOOP(
            "Wiring", "{phase} {flow}: the angle ({angle:+.0f}°) fits the current of {other}, "
            "not {phase}'s own current.")
        return Finding(Check.CURRENT, phase, Verdict.FAIL, diagnosis, template.format(
            phase=name, flow=_flow(v), angle=angle, other=circuit.upper()), QT_TRANSLATE_NOOP(
            "Wiring", "CT{n} must sit on the conductor whose voltage goes to U{n}: move the CT "
            "(or swap the voltage wires) so each CT and voltage input belong to the same phase, "
            "then check again.").format(n=phase[1]), figures, CURRENT_THRESHOLDS)
    if not choices:
        message = QT_TRANSLATE_NOOP(
            "Wiring", "{phase} {flow}: not as expected, and no wiring explains all phases "
            "together.").format(phase=name, flow=_flow(v))
    else:
        message = QT_TRANSLATE_NOOP(
            "Wiring", "{phase} {flow}: not as expected; the angle ({angle:+.0f}°) fits {others}."
        ).format(phase=name, flow=_flow(v), angle=angle, others=others)
    return Finding(Check.CURRENT, phase, Verdict.FAIL, Diagnosis.AMBIGUOUS, message,
                   HEATER_TEST, figures, CURRENT_THRESHOLDS)


def _reversed(phase: str, v: PhaseValues, expect: Expect, model: Model,
              figures: tuple[Figure, ...]) -> Finding:
    name = phase.upper()
    registers = ""
    if v.quadrant is not None or v.direction is not None:
        registers = QT_TRANSLATE_NOOP("Wiring", " (quadrant {quadrant}, direction {direction})"
                                      ).format(quadrant=v.quadrant if v.quadrant else "?",
                                               direction=v.direction or "?")
    if expect is Expect.EXPORT:
        message = QT_TRANSLATE_NOOP(
            "Wiring", "{phase} {flow}{registers} where export is expected: the generator is not "
            "producing now, or the current is measured the wrong way round.").format(
            phase=name, flow=_flow(v), registers=registers)
        advice = QT_TRANSLATE_NOOP(
            "Wiring", "Check again while the generator produces. If {phase} still imports: {fix}"
        ).format(phase=name, fix=_reverse_advice(phase, model))
    else:
        message = QT_TRANSLATE_NOOP(
            "Wiring", "REVERSED: {phase} {flow}{registers} where import is expected: the current "
            "is measured the wrong way round.").format(phase=name, flow=_flow(v),
                                                       registers=registers)
        advice = QT_TRANSLATE_NOOP(
            "Wiring", "{fix} If a generator feeds {phase}, this is a real export: check again "
            "expecting export.").format(fix=_reverse_advice(phase, model), phase=name)
    return Finding(Check.CURRENT, phase, Verdict.FAIL, Diagnosis.REVERSED, message, advice,
                   figures, CURRENT_THRESHOLDS)


def current_findings(values: Mapping[str, PhaseValues], expected: Mapping[str, Expect],
                     model: Model, least: float, missing: set[str]
                     ) -> tuple[dict[str, Finding], list[Explanation]]:
    """One current finding per phase in `values`, and the explanations that fit best."""
    permutations = MODEL_WIRING[model].separate_voltage_inputs
    out: dict[str, Finding] = {}
    angles: dict[str, float] = {}
    for phase, v in values.items():
        figures = _figures(v, expected[phase], least)
        name = phase.upper()

        def cannot(diagnosis: Diagnosis, message: Message, advice: str = "",
                   figures: tuple[Figure, ...] = figures, phase: str = phase) -> Finding:
            return Finding(Check.CURRENT, phase, Verdict.CANNOT_JUDGE, diagnosis, message,
                           advice, figures, CURRENT_THRESHOLDS)

        if phase in missing:
            out[phase] = cannot(Diagnosis.NO_VOLTAGE, QT_TRANSLATE_NOOP(
                "Wiring", "Not judged: {phase} has no voltage, so the meter measures no power "
                "on it.").format(phase=name), QT_TRANSLATE_NOOP(
                "Wiring", "Restore the {phase} voltage first.").format(phase=name))
        elif v.current is None or v.active is None or v.reactive is None:
            out[phase] = cannot(Diagnosis.NOT_CARRIED, QT_TRANSLATE_NOOP(
                "Wiring", "Not judged: the current or the powers of {phase} were not read."
            ).format(phase=name))
        elif v.current < least or v.angle is None:
            out[phase] = cannot(Diagnosis.NO_LOAD, QT_TRANSLATE_NOOP(
                "Wiring", "Not enough current to judge: {current:.3f} A, less than {least:.3f} A "
                "(5 % of the meter's base current).").format(current=v.current, least=least),
                QT_TRANSLATE_NOOP(
                "Wiring", "Switch on a load drawing at least {least:.2f} A on {phase} and check "
                "again.").format(least=least, phase=name))
        elif not any_fit(phase, v.angle, expected, permutations=permutations):
            out[phase] = cannot(Diagnosis.REACTIVE, QT_TRANSLATE_NOOP(
                "Wiring", "Not judged: the current lags its voltage by {angle:+.0f}° (PF "
                "{pf:.2f}), which no plausible load does; an almost purely reactive load leaves "
                "the direction open.").format(angle=v.angle, pf=v.power_factor or 0.0),
                HEATER_TEST)
        else:
            angles[phase] = v.angle
    found = explanations(angles, expected, permutations=permutations)
    best = near_best(found, len(angles))
    for phase in angles:
        out[phase] = _judged(phase, values[phase], expected[phase], model, best, least)
    return {p: out[p] for p in values}, best


def describe_explanation(best: Sequence[Explanation], judged: Sequence[str],
                         phases: Sequence[str], *, expected_possible: bool = False) -> Message:
    """The best explanation of the current angles in words (with `expected_possible`, the
    expected wiring is named first among equals)."""
    if not judged:
        return QT_TRANSLATE_NOOP("Wiring", "No phase carries enough current to judge.").format()
    if not best:
        return QT_TRANSLATE_NOOP("Wiring", "No wiring explains all the angles together."
                                 ).format()
    shown = list(best[:3])
    if expected_possible and not any(e.is_expected() for e in shown):
        shown = [Explanation({p: Assignment(p, False, 0.0) for p in judged}, 0.0), *shown[:2]]
    unjudged = [p.upper() for p in phases if p not in judged]
    if len(shown) == 1:
        text = QT_TRANSLATE_NOOP("Wiring", "Best explanation: {explanation}.").format(
            explanation=_describe(shown[0]))
    else:
        text = QT_TRANSLATE_NOOP("Wiring", "The angles fit more than one wiring: {explanations}."
                                 ).format(explanations=join_messages(
                                     [_describe(e) for e in shown], OR_ELSE))
    if unjudged:
        return QT_TRANSLATE_NOOP("Wiring", "{explanation} Not judged: {phases}.").format(
            explanation=text, phases=", ".join(unjudged))
    return text


def _describe(explanation: Explanation) -> Message:
    if explanation.is_expected():
        return QT_TRANSLATE_NOOP("Wiring", "each judged current belongs to its phase and flows "
                                           "as expected").format()
    parts: list[Message] = []
    source = {p: a.circuit for p, a in explanation.assignments.items()}
    done: set[str] = set()
    for phase, circuit in sorted(source.items()):
        if circuit == phase or phase in done:
            continue
        if source.get(circuit) == phase:
            parts.append(QT_TRANSLATE_NOOP(
                "Wiring", "the currents of {a} and {b} are swapped").format(
                a=phase.upper(), b=circuit.upper()))
            done |= {phase, circuit}
        else:
            parts.append(QT_TRANSLATE_NOOP("Wiring", "{phase} measures the current of {other}"
                                           ).format(phase=phase.upper(), other=circuit.upper()))
            done.add(phase)
    flipped = [p.upper() for p, a in sorted(explanation.assignments.items()) if a.reversed]
    if flipped:
        parts.append(QT_TRANSLATE_NOOP("Wiring", "{phases} reversed").format(
            phases=", ".join(flipped)))
    return join_messages(parts, AND)


def installation_finding(currents: Mapping[str, Finding], best: Sequence[Explanation],
                         expected: Mapping[str, Expect]) -> Finding:
    """The installation's current wiring: the worst phase verdict, and the explanation."""
    judged = [p for p, f in currents.items() if f.verdict is not Verdict.CANNOT_JUDGE]
    verdict = worst(f.verdict for f in currents.values())
    possible = all(currents[p].verdict is not Verdict.FAIL for p in judged)
    explanation = describe_explanation(best, judged, list(currents),
                                       expected_possible=possible)
    reversed_all = len(judged) > 1 and all(
        currents[p].diagnosis is Diagnosis.REVERSED and expected[p] is Expect.IMPORT
        for p in judged)
    advice: str
    if not judged:
        diagnosis, advice = Diagnosis.NO_LOAD, QT_TRANSLATE_NOOP(
            "Wiring", "Switch on loads on every phase and check again.")
    elif reversed_all:
        diagnosis, advice = Diagnosis.REVERSED, QT_TRANSLATE_NOOP(
            "Wiring", "Every judged phase exports. If a generator (PV) feeds this installation, "
            "check again expecting export; otherwise supply and load are swapped at the meter.")
    elif verdict is Verdict.PASS:
        diagnosis, advice = Diagnosis.OK, ""
    elif verdict is Verdict.FAIL:
        diagnosis = next(f.diagnosis for f in currents.values() if f.verdict is Verdict.FAIL)
        advice = QT_TRANSLATE_NOOP("Wiring", "Correct the phases marked FAIL (what to do is "
                                             "given there), then check again.")
    elif verdict is Verdict.WARN:
        diagnosis, advice = Diagnosis.AMBIGUOUS, HEATER_TEST
    else:
        diagnosis = next(f.diagnosis for f in currents.values()
                         if f.verdict is Verdict.CANNOT_JUDGE)
        advice = QT_TRANSLATE_NOOP("Wiring", "The phases marked CANNOT JUDGE say what they "
                                             "need; the others are judged.")
    return Finding(Check.WIRING, None, verdict, diagnosis, explanation, advice,
                   thresholds=CURRENT_THRESHOLDS)


__all__ = ["HEATER_TEST", "PhaseValues", "current_findings", "describe_explanation",
           "installation_finding", "phase_values"]
