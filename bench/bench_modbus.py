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
2. Per command, as whole processes: a one-shot read of the same 56 registers with this
   project's stack against `mbpoll -1` (Debian's independent Modbus client), median of runs.
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


ONE_SHOT = (
    "import asyncio, sys\n"
    "from configurator.protocol.modbus_master import ModbusMaster\n"
    "from configurator.transport.serial_port import SerialSettings, SerialTransport\n"
    "async def main():\n"
    "    t = SerialTransport(SerialSettings(sys.argv[1], 9600, 'even'))\n"
    "    await t.open()\n"
    f"    words = await ModbusMaster(t).read_registers(1, {ADDRESS}, {COUNT})\n"
    "    await t.close()\n"
    "    print(len(words))\n"
    "asyncio.run(main())\n"
)


def one_shot_commands(port: str, runs: int) -> tuple[list[float], list[float] | None]:
    ours_samples, mbpoll_samples = [], []
    mbpoll = shutil.which("mbpoll")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", ONE_SHOT, port], check=True, capture_output=True)
        ours_samples.append(time.perf_counter() - start)
        if mbpoll:
            start = time.perf_counter()
            subprocess.run([mbpoll, "-m", "rtu", "-b", "9600", "-P", "none", "-a", "1",
                            "-r", str(ADDRESS + 1), "-c", str(COUNT // 2), "-t", "4:float", "-B",
                            "-1", "-q", port], check=True, capture_output=True)
            mbpoll_samples.append(time.perf_counter() - start)
    return ours_samples, (mbpoll_samples if mbpoll else None)


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
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, \
            SimulatorProcess("--link", str(Path(tmp) / "bus")) as sim:
        port = sim.port
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
        cmd_ours, cmd_mbpoll = one_shot_commands(port, args.runs)
        print(f"2. one-shot command reading the same block, whole process, median of "
              f"{args.runs}:")
        print(f"   configurator stack        {median_ms(cmd_ours):7.1f} ms")
        if cmd_mbpoll:
            print(f"   mbpoll -1                 {median_ms(cmd_mbpoll):7.1f} ms   ratio "
                  f"{median_ms(cmd_ours) / median_ms(cmd_mbpoll):.2f}x")
        else:
            print("   mbpoll not installed (apt-get install mbpoll): no reference")
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
