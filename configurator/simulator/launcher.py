"""Run the simulator as a child process: for tests, the demo mode and benchmarks.

    with SimulatorProcess("--count", "3") as sim:
        client = AsyncModbusSerialClient(sim.port, baudrate=9600, parity="N")

Start-up is event-driven: the child's stdout is watched until the ready line
(`Simulated meter bus on <pty>`) arrives, with one overall deadline and no sleeping.

Line faults pass through (`faults="drop=0.15,crc=0.10,seed=1"`, see simulator/faults.py);
`fault_stats=path` makes the child write its frame and fault counts there after every frame,
and `fault_counts()` reads them.
"""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import IO

from .command import READY_PREFIX
from .faults import FaultStats, read_stats

DEFAULT_READY_TIMEOUT_S = 20.0
DEFAULT_STOP_TIMEOUT_S = 5.0


def _argument(args: Sequence[str], option: str) -> str | None:
    value = None
    for i, arg in enumerate(args):
        if arg == option and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith(f"{option}="):
            value = arg.partition("=")[2]
    return value


def _link_argument(args: Sequence[str]) -> str | None:
    return _argument(args, "--link")


class SimulatorProcess:
    """`python -m configurator.simulator ARGS` as a context manager."""

    def __init__(
        self,
        *args: str,
        ready_timeout: float = DEFAULT_READY_TIMEOUT_S,
        stop_timeout: float = DEFAULT_STOP_TIMEOUT_S,
        env: Mapping[str, str] | None = None,
        faults: str | None = None,
        fault_stats: str | os.PathLike[str] | None = None,
    ) -> None:
        """Prepare (not start) a simulator with these command-line arguments (plus
        `--faults` and `--fault-stats` when given here)."""
        self.args = list(args)
        if faults is not None:
            self.args += ["--faults", faults]
        if fault_stats is not None:
            self.args += ["--fault-stats", os.fspath(fault_stats)]
        self.fault_stats_path = _argument(self.args, "--fault-stats")
        self.ready_timeout = ready_timeout
        self.stop_timeout = stop_timeout
        self.env = dict(env) if env is not None else None
        self.process: subprocess.Popen[bytes] | None = None
        self.pty_path: str | None = None
        self.link = _link_argument(self.args)
        self.stdout_lines: list[str] = []
        self.stderr = ""
        self._pending = b""
        self._stderr_file: IO[bytes] | None = None

    @property
    def port(self) -> str:
        """The serial port a client should open: the --link path if given, else the pty."""
        if self.pty_path is None:
            raise RuntimeError("the simulator has not started")
        return self.link or self.pty_path

    @property
    def returncode(self) -> int | None:
        """The child's exit code once it has ended."""
        return self.process.returncode if self.process is not None else None

    def start(self) -> SimulatorProcess:
        """Start the child and wait for its ready line.

        Raises RuntimeError (with the child's stderr) if it exits or stays silent first.
        """
        if getattr(sys, "frozen", False):  # a PyInstaller build: the binary is the CLI
            command = [sys.executable, "simulate", *self.args]
        else:
            command = [sys.executable, "-m", "configurator.simulator", *self.args]
        self._stderr_file = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the child
        self.process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=self._stderr_file,
            bufsize=0, env=self.env, start_new_session=True,
        )
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_ready(self) -> None:
        assert self.process is not None and self.process.stdout is not None
        fd = self.process.stdout.fileno()
        deadline = time.monotonic() + self.ready_timeout
        with selectors.DefaultSelector() as selector:
            selector.register(fd, selectors.EVENT_READ)
            while True:
                while b"\n" in self._pending:
                    raw, _, self._pending = self._pending.partition(b"\n")
                    line = raw.decode("utf-8", errors="replace")
                    self.stdout_lines.append(line)
                    if line.startswith(READY_PREFIX):
                        self.pty_path = line[len(READY_PREFIX):].strip()
                        self._take_complete_lines()  # the meter lines came in the same write
                        return
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise RuntimeError(
                        f"the simulator did not report ready within {self.ready_timeout} s; "
                        f"stderr: {self._read_stderr()!r}")
                if not selector.select(remaining):
                    continue
                chunk = os.read(fd, 4096)
                if not chunk:
                    code = self.process.wait()
                    raise RuntimeError(
                        f"the simulator exited with code {code} before it was ready; "
                        f"stderr: {self._read_stderr().strip()}")
                self._pending += chunk

    def fault_counts(self) -> FaultStats:
        """The frame and fault counts the child wrote last (needs `fault_stats`)."""
        if self.fault_stats_path is None:
            raise RuntimeError("the simulator was started without fault_stats")
        return read_stats(self.fault_stats_path)

    def _take_complete_lines(self) -> None:
        *complete, self._pending = self._pending.split(b"\n")
        self.stdout_lines.extend(line.decode("utf-8", errors="replace") for line in complete)

    def _read_stderr(self) -> str:
        if self._stderr_file is None:
            return self.stderr
        self._stderr_file.seek(0)
        self.stderr = self._stderr_file.read().decode("utf-8", errors="replace")
        return self.stderr

    def stop(self) -> int | None:
        """Terminate the child (SIGTERM, then SIGKILL after `stop_timeout`) and collect output.

        Returns the exit code; calling it again is harmless.
        """
        process = self.process
        if process is None:
            return None
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(self.stop_timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if process.stdout is not None and not process.stdout.closed:
            rest = self._pending + process.stdout.read()
            self._pending = b""
            self.stdout_lines.extend(
                line for line in rest.decode("utf-8", errors="replace").splitlines())
            process.stdout.close()
        if self._stderr_file is not None:
            self._read_stderr()
            self._stderr_file.close()
            self._stderr_file = None
        return process.returncode

    def __enter__(self) -> SimulatorProcess:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
