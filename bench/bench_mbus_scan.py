"""M-Bus secondary-address search benchmark (not part of the tests).

    .venv/bin/python bench/bench_mbus_scan.py [--layout factory|spread|both]

Ten meters on one simulated M-Bus at 2400 baud, all at primary address 0 as shipped, the
simulator emulating wire time (`--wire-timing`: the first character of an answer arrives after
the request's wire time and a 2 ms turnaround, the rest at line pace). The search runs with
its default timeouts (wire time + 330 bit times + 50 ms, EN 13757-2's longest turnaround,
+ 30 ms margin). Reported: probes, probes per meter, wall time, and the minimum a master
obeying EN 13757-2 needs for those same probes (every frame on the wire at 11 bits a
character, plus the standard's 330 bit times + 50 ms of silence before a silent probe may be
given up).

Layouts: "factory" = serials 23000001-23000010 (sharing 6-7 leading digits: the realistic
worst case); "spread" = the test suite's mix of shared and distinct leading digits.

Reference: libmbus (mbus-serial-scan-secondary) would be the natural comparison, but it is not
packaged in Debian here (`apt-cache search libmbus` finds nothing), so there is none.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import tempfile
import time
from pathlib import Path

from configurator.protocol.mbus.master import MbusMaster
from configurator.services.mbus_scan import scan_secondary
from configurator.simulator.launcher import SimulatorProcess
from configurator.transport.serial_port import SerialSettings, SerialTransport

BAUD = 2400
TURNAROUND_S = 0.002  # the simulator's (bus.DEFAULT_TURNAROUND_S)
SPREAD = ["11111111", "11222222", "11333333", "22222222", "22223333", "33333333", "44444444",
          "55555555", "66666666", "77777777"]


async def run_scan(port: str) -> tuple[float, int, object]:
    transport = SerialTransport(SerialSettings(port, BAUD, "even"))
    await transport.open()
    try:
        master = MbusMaster(transport)
        started = time.monotonic()
        found, stats = await scan_secondary(master)
        return time.monotonic() - started, len(found), stats
    finally:
        await transport.close()


def bench(layout: str) -> None:
    extra: list[str] = []
    if layout == "spread":
        for secondary in SPREAD:
            extra += ["--mbus-secondary", secondary]
    with tempfile.TemporaryDirectory() as tmp, SimulatorProcess(
            "--protocol", "mbus", "--count", "10", "--mbus-baud", str(BAUD), "--wire-timing",
            "--link", str(Path(tmp) / "bus"), *extra) as sim:
        elapsed, found, stats = asyncio.run(run_scan(sim.port))
    answered = stats.probes - stats.silent
    minimum = stats.wire_s + stats.silence_s + answered * TURNAROUND_S
    print(f"secondary search, 10 meters ({layout}), {BAUD} baud, simulated wire time:")
    print(f"   found {found}; {stats.probes} probes ({stats.selects} selections, "
          f"{stats.requests} REQ_UD2, {stats.silent} silent, {stats.collisions} collisions), "
          f"{stats.probes / max(found, 1):.1f} probes per meter")
    print(f"   wall time {elapsed:.2f} s; EN 13757-2 minimum for these probes {minimum:.2f} s "
          f"(wire {stats.wire_s:.2f} s + mandatory silence {stats.silence_s:.2f} s); "
          f"ratio {elapsed / minimum:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layout", choices=["factory", "spread", "both"], default="both")
    args = parser.parse_args()
    for layout in ("factory", "spread") if args.layout == "both" else (args.layout,):
        bench(layout)
    if shutil.which("mbus-serial-scan-secondary") is None:
        print("reference: libmbus is not packaged in Debian here (apt-cache search libmbus "
              "finds nothing); no comparison with mbus-serial-scan-secondary.")
    else:
        print("reference: libmbus's mbus-serial-scan-secondary is installed but not compared "
              "by this script.")


if __name__ == "__main__":
    main()
