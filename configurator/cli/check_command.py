"""`configurator check`: the wiring verdict of one meter (services/wiring).

Prints a verdict per phase and for the installation with the figures behind each and what to
do; `--json` gives every verdict with its figures and thresholds. Exits 0 only when every
verdict passes, else with ExitCode.WIRING. Only argparse and the model's tables are imported
up front: the services load when the command runs.
"""

from __future__ import annotations

import argparse
import textwrap
from typing import TYPE_CHECKING

from ..errors import ExitCode, UsageError
from ..model.wiring_rules import Expect, Network, parse_expectations

if TYPE_CHECKING:
    from ..services.wiring import Finding, WiringReport

WIDTH = 100
HIDDEN_FIGURES = ("expected", "threshold")  # in the header already


def add_check_arguments(check: argparse.ArgumentParser) -> None:
    """The options of `check` (its one-line help is in cli/main.py)."""
    from . import options

    check.description = (
        "Reads the live values and judges the wiring: reversed CT or load direction, a current "
        "on the wrong phase (2PU CT), missing phase, voltage and frequency against EN 50160, "
        "line voltages against phase voltages (neutral), unbalance. Too little current is "
        "'cannot judge', never a pass. Current angles are derived from PF and the sign of Q, "
        "not measured.")
    check.add_argument("--expect", action="append", default=None, metavar="FLOW",
                       help="expected power flow: import (default), export (a generator, PV) "
                            "or either, for all phases, or per phase as l1=export; repeatable")
    check.add_argument("--samples", type=options.int_range(1, 100, "a number of readings"),
                       default=1, metavar="N",
                       help="average N readings (1-100, default 1)")
    check.add_argument("--network", default=Network.THREE_PHASE.value,
                       choices=[n.value for n in Network],
                       help="3p4w: three phases and neutral (default); 1p2w: L1 and N only")


def check(args: argparse.Namespace) -> int:
    """`configurator check [--expect FLOW] [--samples N] [--network 3p4w|1p2w]`."""
    import asyncio

    from ..services.connection import open_session
    from ..services.wiring import MAX_SAMPLES, check_wiring
    from .commands import _print_json
    from .connect import options_from

    try:
        expected = parse_expectations(args.expect or [])
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if not 1 <= args.samples <= MAX_SAMPLES:
        raise UsageError(f"--samples {args.samples} is not valid: allowed 1-{MAX_SAMPLES}.")
    network = Network(args.network)
    options = options_from(args)

    async def go() -> WiringReport:
        async with open_session(options) as session:
            return await check_wiring(session, expected=expected, network=network,
                                      samples=args.samples)

    report = asyncio.run(go())
    if args.json:
        _print_json(report.as_dict())
    else:
        print(report_text(report))
    return 0 if report.verdict.passed else int(ExitCode.WIRING)


def _expected_text(expected: dict[str, Expect], phases: tuple[str, ...]) -> str:
    flows = {expected[p] for p in phases}
    if len(flows) == 1:
        return f"{flows.pop()} on {', '.join(p.upper() for p in phases)}"
    return ", ".join(f"{p.upper()} {expected[p]}" for p in phases)


def _figures(finding: Finding) -> str:
    from ..services.wiring import figure_label

    parts = []
    for fig in finding.figures:
        if fig.key in HIDDEN_FIGURES or fig.value is None:
            continue
        parts.append(f"{figure_label(fig.key)} {fig.text()}" + (" (derived)" if fig.derived
                                                                  else ""))
    return " · ".join(parts)


def _block(label: str, finding: Finding, indent: int) -> list[str]:
    head = f"{label:<{indent}}{str(finding.verdict.word):<13}"
    lead = " " * len(head)
    lines = textwrap.wrap(str(finding.message), WIDTH, initial_indent=head,
                          subsequent_indent=lead) or [head]
    figures = _figures(finding)
    if figures and " · " in figures:  # one figure alone is in the message already
        lines += textwrap.wrap(figures, WIDTH, initial_indent=lead, subsequent_indent=lead)
    if finding.advice:
        lines += textwrap.wrap(f"What to do: {finding.advice}", WIDTH, initial_indent=lead,
                               subsequent_indent=lead + "  ")
    return lines


def report_text(report: WiringReport) -> str:
    """The `check` screen: per phase, then the installation, then the verdict."""
    phases = report.network.phases
    lines = [f"Wiring check of a {report.model.info.title} over {report.transport}"
             f" ({report.samples} reading{'s' if report.samples != 1 else ''}"
             f"{' averaged' if report.samples > 1 else ''})",
             f"Expected: {_expected_text(dict(report.expected), phases)}; network "
             f"{report.network}; least current judged {report.judge_current_a:.3f} A", ""]
    for phase in phases:
        for index, finding in enumerate(report.for_phase(phase)):
            name = phase.upper() if index == 0 else ""
            lines += _block(f"{name:<4}{finding.check.value:<9}", finding, 13)
        lines.append("")
    lines.append("Installation")
    for finding in report.for_phase(None):
        lines += _block(f"    {str(finding.name):<27}", finding, 31)
    lines.append("")
    lines += [str(note) for note in report.notes]
    lines.append(f"Verdict: {report.verdict.word}")
    return "\n".join(lines)


__all__ = ["add_check_arguments", "check", "report_text"]
