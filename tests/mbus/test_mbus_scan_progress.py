"""The secondary search's progress estimate (for the CLI's progress line and the GUI)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from configurator.protocol.mbus.master import MbusMaster
from configurator.services.mbus_scan import SearchProgress, scan_secondary
from configurator.simulator.launcher import SimulatorProcess
from configurator.transport.serial_port import SerialSettings, SerialTransport


def test_progress_counts_probes_and_the_selections_still_to_go(tmp_path: Path) -> None:
    seen: list[SearchProgress] = []

    # 0.1 s for the first byte of an answer: silent branches end quickly, and a loaded machine
    # still gets the simulator's answer in (30 ms was missed under load)
    async def go(port: str):  # type: ignore[no-untyped-def]
        transport = SerialTransport(SerialSettings(port, 2400, "even"))
        await transport.open()
        try:
            return await scan_secondary(MbusMaster(transport, timeout=0.1),
                                        estimate=seen.append)
        finally:
            await transport.close()

    with SimulatorProcess("--protocol", "mbus", "--count", "3", "--link",
                          str(tmp_path / "bus")) as sim:
        found, stats = asyncio.run(go(sim.port))
    assert [f.secondary for f in found] == ["23000001", "23000002", "23000003"]
    assert len(seen) == stats.selects and stats.reprobes == 0  # one report per selection
    assert [p.probes for p in seen] == sorted(p.probes for p in seen)
    assert all(p.pending >= 0 for p in seen) and seen[-1].pending == 0
    assert seen[0].pattern == "FFFFFFFF" and seen[-1].found == 3
    # each collision schedules ten branches: what is left never exceeds what was scheduled
    assert max(p.pending for p in seen) <= 10 * stats.collisions
    assert not any(p.line_faulty or p.garbled_recent for p in seen)
