"""Shared fixtures: real simulator processes on real pseudo-terminals, and the real CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from configurator.simulator.launcher import SimulatorProcess


@dataclass
class CliResult:
    """A finished CLI process."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        """stdout parsed as JSON."""
        return json.loads(self.out)


def run_cli(*args: str, stdin: str | None = None) -> CliResult:
    """Run `python -m configurator ARGS` as its own process, as a user would."""
    done = subprocess.run([sys.executable, "-m", "configurator", *args], capture_output=True,
                          text=True, timeout=120, input=stdin if stdin is not None else "")
    return CliResult(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def simulator(tmp_path: Path) -> Iterator[Callable[..., SimulatorProcess]]:
    """Start simulated meter buses (`simulator("--count", "3")`); all stopped at the end."""
    started: list[SimulatorProcess] = []

    def start(*args: str) -> SimulatorProcess:
        link = tmp_path / f"bus{len(started)}"
        sim = SimulatorProcess("--link", str(link), *args)
        sim.__enter__()
        started.append(sim)
        return sim

    yield start
    for sim in reversed(started):
        sim.__exit__(None, None, None)
