"""`configurator commission PLAN.json`: a whole commissioning job from a plan file.

The steps live in services/commission.py; this module prints what each did and where the job
stands. Running the same command again resumes the job at its first step not done.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys

from ..errors import ExitCode
from ..model.verdicts import parse_verdict
from ..services import commission as cm
from ..services.connection import require_port
from .commands import confirmer
from .connect import options_from


def add_commission_arguments(parser: argparse.ArgumentParser) -> None:
    """The description and options of `commission`."""
    parser.description = (
        "Run a commissioning job from a plan file: search the bus, identify each meter and "
        "check its checksum, give each meter its address (M-Bus: factory meters all at primary "
        "0 are selected by secondary address), apply the plan's template, judge the wiring "
        "under load, back up every meter and write one PDF report for the whole job. The state "
        "is saved after every step in the job folder; run the command again to resume.")
    parser.add_argument("plan", metavar="PLAN.json", help="the job's plan file")
    parser.add_argument("--stop-after", choices=[s.value for s in cm.STEPS], default=None,
                        help="pause after this step (run again to resume)")
    parser.add_argument("--restart", action="store_true",
                        help="forget the saved state and start the job from the beginning")
    parser.add_argument("--yes", action="store_true",
                        help="confirm the address moves and other permanent acts without "
                             "asking")


def _checklist(job: cm.Job) -> str:
    lines = []
    marks = {cm.StepState.DONE: "[x]", cm.StepState.FAILED: "[!]",
             cm.StepState.RUNNING: "[>]", cm.StepState.PENDING: "[ ]"}
    for step in cm.STEPS:
        state = job.steps[step]
        count = ""
        if step in cm.PER_METER and job.meters:
            done = sum(1 for m in job.meters if m.has(step))
            count = f" ({done}/{len(job.meters)})"
        lines.append(f"  {marks[state]} {cm.STEP_LABELS[step]}{count}")
    return "\n".join(lines)


async def _prompt(number: int, total: int) -> bool:
    """Modbus one at a time: wait until the installer has connected the next factory meter."""
    text = (f"Connect meter {number} of {total} to the bus (it answers at the factory address "
            f"{cm.FACTORY_ADDRESS}), then press Enter (p and Enter: pause the job): ")
    answer = await asyncio.get_running_loop().run_in_executor(None, input, text)
    return answer.strip().lower() not in ("p", "pause")


def commission(args: argparse.Namespace) -> int:
    """Run or resume the job of a plan file."""
    plan = cm.load_plan(args.plan)
    options = options_from(args)
    require_port(options)
    job = cm.Job.open(plan, options, restart=args.restart)
    if job.meters and not args.json:
        print(f"Resuming the job in {plan.output}.", file=sys.stderr)

    def progress(step: cm.Step, meter: cm.JobMeter | None, text: str) -> None:
        if args.json:
            return
        who = f" {meter.serial:08d}" if meter is not None and meter.serial else ""
        print(f"{step.value}{who}: {text}", file=sys.stderr, flush=True)

    stop_after = cm.Step(args.stop_after) if args.stop_after else None
    outcome = asyncio.run(cm.run_job(job, confirm=confirmer(args), progress=progress,
                                     stop_after=stop_after,
                                     next_meter=_prompt if sys.stdin.isatty() else None))
    not_pass = [m for m in job.meters if m.verdict is not None and not m.passed]
    if args.json:
        print(json.dumps({**job.as_dict(), "paused": outcome.paused,
                          "stopped_at": outcome.stopped_at.value if outcome.stopped_at else None,
                          "error": str(outcome.error) if outcome.error else None},
                         indent=2, ensure_ascii=False))
    else:
        print(f"Commissioning job {plan.site}: {len(job.meters)} meter(s)")
        print(_checklist(job))
        if job.report:
            print(f"Report: {job.report}")
        if outcome.paused:
            print(f"Paused before '{outcome.stopped_at}'; state in {plan.state_path}. Run the "
                  "same command again to resume.")
        for meter in not_pass:
            word = parse_verdict(str(meter.verdict)).word
            print(f"  {meter.serial:08d}: wiring verdict {word}: "
                  f"{', '.join(meter.failed_checks)}")
    if outcome.error is not None:
        print(f"error: {outcome.error} (state saved in {plan.state_path}; run the command "
              "again to resume)", file=sys.stderr)
        return int(outcome.error.exit_code)
    if outcome.paused:
        return int(ExitCode.PAUSED)
    if not_pass:
        return int(ExitCode.WIRING)
    return 0


__all__ = ["add_commission_arguments", "commission"]
