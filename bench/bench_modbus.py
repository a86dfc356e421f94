"""Modbus RTU benchmarks against the simulator on a pseudo-terminal (not part of the tests).

    .venv/bin/python bench/bench_modbus.py [--reads 200]

1. Per transaction, a 56-register FC03 read of 0x5000, median over many reads in one process:
   this project's stack (ModbusMaster over SerialTransport) against a bare pymodbus
   AsyncModbusSerialClient and a raw pyserial write/read (the floor), on the same simulator.
   A pty has no baud rate, so this measures software overhead only (FACTS.md).
   The same read polled every 10 ms, this stack against `mbpoll -l 10` (mbpoll's minimum poll
   period). mbpoll's per-transaction cost is its poll period minus the 10 ms (so it includes its
   nanosleep's small overshoot); ours is the read itself, timed inside the same kind of loop
   (asyncio's sleep rounds up to the next millisecond in epoll, which would otherwise swamp
   the figure). This is the per-transaction comparison with mbpoll that a one-shot process
   cannot give.
2. Per command, as whole processes, in alternating runs against the same simulator: the
   installed `configurator --port P read` and `info` (the real console script beside this
   Python, as a user runs it; `--configurator PATH` times another install, e.g. a wheel in
   another venv) against `mbpoll -1` reading the same 28 floats of the 0x5000 block that `read`
   reads first (Debian's independent Modbus client; FACTS.md: 21.7 ms median), with the aim
   `read` <= 4x mbpoll; also the project's stack alone in a bare script (no CLI: the blocking
   master that `read` uses, one read), `python -c pass` (the interpreter's own start), the floor
   of a blocking client (the interpreter and pyserial imported, nothing else), the floor of any
   asyncio client over pyserial (asyncio imported without ssl, and pyserial) and
   `configurator --help` (aim < 100 ms). mbpoll's own figure is mostly a fixed sleep: strace
   shows libmodbus sleeping 20 ms after it opens the port, so its software cost is about 3 ms.
   Over a pty both sides answer at once, so the figures are start-up plus software: `read` is
   7 transactions (4 to identify the meter, then 0x5000 x56, 0x6000 x119, 0x6077 x26) against
   mbpoll's one, about 0.5 ms each here; parity is off on both (a pty rejects it, FACTS.md).
   Medians of wall time and of CPU time (user + system, from the children's rusage: steadier
   than wall time when other work shares the two cores). How the package is installed changes
   these figures (an editable install's import hook, bytecode), so they are printed too.
   `read` and `info` over Modbus RTU import no asyncio nor logging: they run the read steps on the
   blocking master (docs/DECISIONS.md P2); nor pymodbus (its own RTU codec, P1), the write
   engine, its outcomes or the settings table (tests/cli/test_cli_imports.py).
3. Scan of addresses 1-247 with 3 meters present, simulator emulating 9600-baud wire time:
   wall time and probes against the wire-time minimum (every probe and answer on the wire).
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import serial

from configurator.protocol import modbus_rtu as rtu
from configurator.protocol.modbus_master import ModbusMaster
from configurator.services.scan import scan
from configurator.simulator.launcher import SimulatorProcess
from configurator.transport.serial_port import SerialSettings, SerialTransport

ADDRESS, COUNT = 0x5000, 56
BITS = 11  # per character, 8E1


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


async def ours(port: str, reads: int) -> list[float]:
    transport = SerialTransport(SerialSettings(port, 9600, "even"))
    await transport.open()
    master = ModbusMaster(transport, timeout=1.0)
    samples = []
    try:
        for _ in range(reads):
            start = time.perf_counter()
            await master.read_registers(1, ADDRESS, COUNT)
            samples.append(time.perf_counter() - start)
    finally:
        await transport.close()
    return samples


async def bare_pymodbus(port: str, reads: int) -> list[float]:
    from pymodbus.client import AsyncModbusSerialClient

    client = AsyncModbusSerialClient(port, baudrate=9600, parity="N", timeout=1, retries=0)
    await client.connect()
    samples = []
    try:
        for _ in range(reads):
            start = time.perf_counter()
            result = await client.read_holding_registers(ADDRESS, count=COUNT, device_id=1)
            samples.append(time.perf_counter() - start)
            assert not result.isError()
    finally:
        client.close()
    return samples


def raw_pyserial(port: str, reads: int) -> list[float]:
    request = rtu.build_read(1, ADDRESS, COUNT)
    expected = 5 + 2 * COUNT
    samples = []
    with serial.Serial(port, 9600, timeout=1) as line:
        for _ in range(reads):
            start = time.perf_counter()
            line.write(request)
            answer = line.read(expected)
            samples.append(time.perf_counter() - start)
            assert len(answer) == expected
    return samples


POLL_PERIOD = 0.010


async def ours_polled(port: str, polls: int) -> list[float]:
    """Duration of each read in a read-then-sleep(10 ms) loop (caches cold as in polling)."""
    transport = SerialTransport(SerialSettings(port, 9600, "even"))
    await transport.open()
    master = ModbusMaster(transport, timeout=1.0)
    samples = []
    try:
        for _ in range(polls):
            start = time.perf_counter()
            await master.read_registers(1, ADDRESS, COUNT)
            samples.append(time.perf_counter() - start)
            await asyncio.sleep(POLL_PERIOD)
    finally:
        await transport.close()
    return samples


def mbpoll_polled(port: str, polls: int) -> list[float] | None:
    """mbpoll -l 10: time between its "-- Polling" lines (line-buffered), minus the 10 ms."""
    mbpoll = shutil.which("mbpoll")
    stdbuf = shutil.which("stdbuf")
    if not mbpoll or not stdbuf:
        return None
    process = subprocess.Popen(
        [stdbuf, "-oL", mbpoll, "-m", "rtu", "-b", "9600", "-P", "none", "-a", "1",
         "-r", str(ADDRESS + 1), "-c", str(COUNT // 2), "-t", "4:float", "-B", "-l", "10", port],
        stdout=subprocess.PIPE, text=True)
    stamps: list[float] = []
    assert process.stdout is not None
    try:
        for line in process.stdout:
            if line.startswith("-- Polling"):
                stamps.append(time.perf_counter())
                if len(stamps) > polls:
                    break
    finally:
        process.kill()
        process.wait()
    return [b - a - POLL_PERIOD for a, b in zip(stamps, stamps[1:], strict=False)]


MBPOLL_READ = ["-m", "rtu", "-b", "9600", "-P", "none", "-a", "1", "-r", str(ADDRESS + 1),
               "-c", str(COUNT // 2), "-t", "4:float", "-B", "-1", "-q"]

ONE_SHOT = (
    "import sys\n"
    "from configurator.protocol.modbus_blocking import BlockingModbusMaster\n"
    "from configurator.transport.serial_blocking import BlockingSerial\n"
    "from configurator.transport.serial_line import SerialSettings\n"
    "with BlockingSerial(SerialSettings(sys.argv[1], 9600, 'even')) as line:\n"
    f"    words = BlockingModbusMaster(line).read_registers(1, {ADDRESS}, {COUNT})\n"
    "print(len(words))\n"
)

# What any blocking client over pyserial pays before its first byte.
BLOCKING_FLOOR = "import serial\n"
# What any asyncio client over pyserial pays before its first byte: the interpreter, asyncio
# (imported without ssl, as cli/main.py does) and pyserial, nothing of this project.
FLOOR = "import sys\nsys.modules['ssl'] = None\nimport asyncio, serial\n"


def console_script() -> str | None:
    """The installed `configurator` command of this Python's environment (else on PATH)."""
    beside = Path(sys.executable).parent / "configurator"
    return str(beside) if beside.exists() else shutil.which("configurator")


def install_mode() -> str:
    """How the package is installed, which changes start-up time; its bytecode made fresh.

    A wheel install compiles the package at install time; an editable one writes bytecode on
    the first run, unless PYTHONDONTWRITEBYTECODE is set: then every run would compile the
    sources again, so the benchmark compiles them first (as an ordinary first run would).
    """
    import compileall

    import configurator

    editable = any(name.startswith("__editable__") for name in sys.modules)
    where = Path(configurator.__file__).resolve().parent
    fresh = compileall.compile_dir(str(where), quiet=1)
    kind = "editable (setuptools import hook)" if editable else "path or wheel install"
    return f"{kind}, {where}, bytecode {'fresh' if fresh else 'NOT writable'}"


def timed_runs(commands: dict[str, list[str]], runs: int
               ) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Run each command `runs` times, alternating them; every run must exit 0.
    Returns wall times and CPU times (user + system) per command."""
    import resource

    def cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    wall: dict[str, list[float]] = {name: [] for name in commands}
    used: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            cpu_before, start = cpu(), time.perf_counter()
            subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            wall[name].append(time.perf_counter() - start)
            used[name].append(cpu() - cpu_before)
    return wall, used


def one_shot_commands(port: str, runs: int, script: str | None
                      ) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Section 2: whole processes, alternating, against the simulator on `port`."""
    commands: dict[str, list[str]] = {}
    mbpoll = shutil.which("mbpoll")
    if mbpoll:
        commands["mbpoll -1 (28 floats)"] = [mbpoll, *MBPOLL_READ, port]
    if script:
        commands["configurator read"] = [script, "--port", port, "read"]
        commands["configurator info"] = [script, "--port", port, "info"]
        commands["configurator --help"] = [script, "--help"]
    python = sys.executable  # the interpreter of the install timed, when it has one beside it
    if script and (Path(script).parent / "python").exists():
        python = str(Path(script).parent / "python")
    commands["stack alone (bare script)"] = [python, "-c", ONE_SHOT, port]
    commands["floor: pyserial"] = [python, "-c", BLOCKING_FLOOR]
    commands["floor: asyncio + pyserial"] = [python, "-c", FLOOR]
    commands["python -c pass"] = [python, "-c", "pass"]
    return timed_runs(commands, runs)


def one_shot_section(port: str, runs: int, script: str | None = None) -> None:
    """Section 2: medians of the one-shot commands, and ratios to mbpoll -1."""
    script = script or console_script()
    mode = install_mode()  # compiles first
    if script is not None and Path(script).parent != Path(sys.executable).parent:
        mode = f"{script} (its own environment; compile it first)"
    wall, used = one_shot_commands(port, runs, script)
    print(f"2. one-shot commands, whole processes, alternating, median of {runs}:")
    print(f"   install: {mode}")
    ref_name = "mbpoll -1 (28 floats)"
    ref = median_ms(wall[ref_name]) if ref_name in wall else None
    for name, values in wall.items():
        line = (f"   {name:27s} {median_ms(values):7.1f} ms  (min {min(values) * 1000:6.1f}, "
                f"cpu {median_ms(used[name]):6.1f})")
        if ref and name != ref_name and not name.endswith("--help"):
            line += f"   ratio {median_ms(values) / ref:.2f}x"
            if name == "configurator read":
                line += " (aim <= 4x)"
        elif name == "configurator --help":
            line += "   (aim < 100 ms)"
        print(line)
    if ref is None:
        print("   mbpoll not installed (apt-get install mbpoll): no reference")
    if script is None:
        print("   no installed `configurator` command: pip install -e . first")


async def scan_run(port: str) -> tuple[float, int, int, int]:
    transport = SerialTransport(SerialSettings(port, 9600, "even"))
    await transport.open()
    master = ModbusMaster(transport)
    try:
        start = time.perf_counter()
        found, stats = await scan(master, 1, 247)
        elapsed = time.perf_counter() - start
    finally:
        await transport.close()
    return elapsed, stats.probes, len(found), master.counters.transactions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reads", type=int, default=200)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--one-shot", action="store_true",
                        help="only section 2, the one-shot commands")
    parser.add_argument("--configurator", metavar="PATH", default=None,
                        help="section 2: this `configurator` command (default: the one beside "
                             "this Python)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, \
            SimulatorProcess("--link", str(Path(tmp) / "bus")) as sim:
        port = sim.port
        if args.one_shot:
            one_shot_section(port, args.runs, args.configurator)
            return
        asyncio.run(ours(port, 20))  # warm-up
        floor = median_ms(raw_pyserial(port, args.reads))
        bare = median_ms(asyncio.run(bare_pymodbus(port, args.reads)))
        mine = median_ms(asyncio.run(ours(port, args.reads)))
        print(f"1. 56-register read over a pty, median of {args.reads}:")
        print(f"   raw pyserial floor        {floor:7.3f} ms")
        print(f"   bare pymodbus async       {bare:7.3f} ms")
        print(f"   configurator stack        {mine:7.3f} ms   ratio to pymodbus "
              f"{mine / bare:.2f}x, to floor {mine / floor:.2f}x")
        polled_ours = median_ms(asyncio.run(ours_polled(port, args.reads)))
        polled_mbpoll = mbpoll_polled(port, args.reads)
        print(f"   polled every 10 ms, cost per transaction, median of {args.reads}:")
        print(f"   configurator stack        {polled_ours:7.3f} ms")
        if polled_mbpoll:
            ref = median_ms(polled_mbpoll)
            print(f"   mbpoll -l 10              {ref:7.3f} ms   ratio {polled_ours / ref:.2f}x "
                  "(aim <= 1.5x)")
        else:
            print("   mbpoll (and stdbuf) not installed: no reference")
        one_shot_section(port, args.runs, args.configurator)
    with tempfile.TemporaryDirectory() as tmp, SimulatorProcess(
            "--link", str(Path(tmp) / "bus"), "--address", "1", "--address", "100",
            "--address", "247", "--wire-timing") as sim:
        elapsed, probes, found, transactions = asyncio.run(scan_run(sim.port))
        wire_min = probes * (8 + 7) * BITS / 9600
        print("3. scan 1-247 at 9600 baud, 3 meters (1, 100, 247), simulated wire time:")
        print(f"   {elapsed:.2f} s, {probes} probes, {transactions} transactions, "
              f"{found} found; wire-time minimum {wire_min:.2f} s "
              f"(ratio {elapsed / wire_min:.2f}x); aim < 20 s")


if __name__ == "__main__":
    main()
