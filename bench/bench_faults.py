"""Commands through a faulty line: success rates and the retries they cost (not a test).

    .venv/bin/python bench/bench_faults.py [--runs 20] [--timeout 0.1] [--seed 1]

The simulator (its own process, a real pty) runs with `--faults drop=D,crc=C,seed=S` at 10, 25
and 40 % faulty replies (60 % of the faults drops, 40 % corrupted bytes: 25 % is the tester's
drop=0.15,crc=0.10), and each command runs `--runs` times through the services API exactly as
the CLI runs it: a fresh session (a new master, so the first-contact rule applies) per run,
the default retries. Reference: the same commands on a clean line (0 %), where a run costs
the fewest transactions. Reported per command and fault level:

- success: runs that completed (for `set`: every key written and read back as asked);
- transactions per run and their ratio to the clean run;
- retries per successful run (the master's LinkCounters: read and write retries apart);
- the simulator's own counts of dropped and corrupted replies.

`set tariff=1|2` goes through whatever `ModbusMeter.apply` does on this branch: a write that
loses its answer is not re-sent by the master (retries=0 for writes), so `set` is the figure
that shows what the write engine has to add. `--timeout` (default 0.1 s) is the wait for an
answer; the pty answers at once, so it only sets what a lost answer costs in time.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

from configurator.errors import ConfiguratorError
from configurator.model.settings import SETTINGS
from configurator.protocol.modbus_master import LinkCounters
from configurator.services.connection import ConnectionOptions, open_session
from configurator.services.meter import ModbusMeter
from configurator.simulator.launcher import SimulatorProcess

LEVELS = (0.0, 0.10, 0.25, 0.40)
DROP_SHARE = 0.6  # of the faults: the rest are corrupted bytes


@dataclass
class Tally:
    """One command at one fault level."""

    runs: int = 0
    ok: int = 0
    transactions: int = 0
    read_retries: int = 0
    write_retries: int = 0
    seconds: float = 0.0
    errors: dict[str, int] = field(default_factory=dict)

    def add(self, ok: bool, counters: LinkCounters, seconds: float, error: str = "") -> None:
        self.runs += 1
        self.ok += ok
        self.transactions += counters.transactions
        self.read_retries += counters.read_retries
        self.write_retries += counters.write_retries
        self.seconds += seconds
        if error:
            self.errors[error] = self.errors.get(error, 0) + 1


Command = Callable[[ModbusMeter, int], Awaitable[bool]]


async def _info(meter: ModbusMeter, run: int) -> bool:
    await meter.identify()
    return True


async def _read(meter: ModbusMeter, run: int) -> bool:
    await meter.read_measurements()
    return True


async def _get(meter: ModbusMeter, run: int) -> bool:
    await meter.identify()
    values = await meter.get_settings(meter.reachable_settings(meter.model))
    return not any(isinstance(v, Exception) for v in values.values())


async def _set(meter: ModbusMeter, run: int) -> bool:
    await meter.identify()
    report = await meter.apply({SETTINGS["tariff"]: 1 + run % 2})
    return report.error is None and all(r.status in ("written", "unchanged")
                                        for r in report.results)


COMMANDS: dict[str, Command] = {"read": _read, "get": _get, "info": _info, "set": _set}


async def _run_once(options: ConnectionOptions, command: Command, run: int, tally: Tally
                    ) -> None:
    started = time.perf_counter()
    counters = LinkCounters()
    ok, error = False, ""
    try:
        async with open_session(options) as session:
            assert isinstance(session, ModbusMeter)
            counters = session.master.counters
            ok = await command(session, run)
            if not ok:
                error = "incomplete"
    except ConfiguratorError as exc:
        error = type(exc).__name__
    tally.add(ok, counters, time.perf_counter() - started, error)


def _spec(level: float, seed: int) -> str | None:
    if not level:
        return None
    return f"drop={level * DROP_SHARE:.3f},crc={level * (1 - DROP_SHARE):.3f},seed={seed}"


def bench_level(level: float, runs: int, timeout: float, seed: int
                ) -> tuple[dict[str, Tally], tuple[int, int]]:
    """Every command `runs` times at one fault level; returns the tallies and (dropped,
    corrupted) as the simulator counted them."""
    tallies: dict[str, Tally] = {}
    with tempfile.TemporaryDirectory() as tmp:
        with SimulatorProcess("--link", str(Path(tmp) / "bus"), faults=_spec(level, seed),
                              fault_stats=Path(tmp) / "stats.json") as sim:
            options = ConnectionOptions(port=sim.port, timeout=timeout)
            for name, command in COMMANDS.items():
                tally = tallies[name] = Tally()
                for run in range(runs):
                    asyncio.run(_run_once(options, command, run, tally))
        counts = sim.fault_counts()
    return tallies, (counts.dropped, counts.corrupted)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="runs per command and level")
    parser.add_argument("--timeout", type=float, default=0.1, help="answer timeout, s")
    parser.add_argument("--seed", type=int, default=1, help="the simulator's fault seed")
    args = parser.parse_args()
    reference: dict[str, Tally] = {}
    print(f"{args.runs} runs per command, timeout {args.timeout} s, seed {args.seed}; "
          "reference: the clean line (0 %)")
    print(f"{'faults':>6}  {'command':<7} {'success':>8}  {'tx/run':>7}  {'vs clean':>8}  "
          f"{'retries/success':>15}  {'(read+write)':>12}  {'s/run':>6}  failures")
    for level in LEVELS:
        tallies, (dropped, corrupted) = bench_level(level, args.runs, args.timeout, args.seed)
        if not level:
            reference = tallies
        for name, t in tallies.items():
            per_run = t.transactions / t.runs
            ratio = per_run / (reference[name].transactions / reference[name].runs)
            retries = (t.read_retries + t.write_retries) / t.ok if t.ok else float("nan")
            split = f"{t.read_retries}+{t.write_retries}"
            failures = ", ".join(f"{k} {v}" for k, v in sorted(t.errors.items())) or "-"
            print(f"{level:6.0%}  {name:<7} {t.ok:>3}/{t.runs:<4}  {per_run:7.1f}  "
                  f"{ratio:7.2f}x  {retries:15.2f}  {split:>12}  {t.seconds / t.runs:6.2f}  "
                  f"{failures}")
        print(f"        (simulator: {dropped} replies dropped, {corrupted} corrupted)")


if __name__ == "__main__":
    main()
