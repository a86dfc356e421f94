"""The bus mode of the connection manager and the round-robin BusPoller, against the real
simulator bus (`simulate --count 3` on a pty). Assertions are on counts: polls, rounds,
transactions and overlaps, never on time."""

from __future__ import annotations

import asyncio
import os
import signal

import pytest

from configurator.services.bus import BusClosedError
from configurator.services.bus_poll import STALE_AFTER_MISSES, BusMember, BusPoller
from configurator.services.connection import ConnectionOptions
from configurator.services.link import BusBusyError, ConnectionManager, LinkState
from configurator.services.traffic import TrafficLog


def _options(port: str) -> ConnectionOptions:
    return ConnectionOptions(port=port, retries=0, timeout=0.3)


def test_scan_and_round_robin_polling_one_transaction_at_a_time(simulator) -> None:
    sim = simulator("--model", "4PU", "--count", "3")
    log = TrafficLog()

    async def main() -> tuple[int, int, int, int, list[BusMember]]:
        manager = ConnectionManager(on_traffic=log)
        bus = await manager.open_bus(_options(sim.port))
        meters, _stats = await bus.scan(1, 5)
        members = [BusMember(m.address, model=m.model, serial=m.serial, identity=m.identity)
                   for m in meters]
        rounds = asyncio.Event()
        poller = BusPoller(bus, members, interval=0.0,
                           on_round=lambda n: rounds.set() if n >= 3 else None)
        # A second user of the same bus at the same time: its reads wait their turn.
        other = [asyncio.ensure_future(bus.meter(2).identify()) for _ in range(3)]
        poller.start()
        await rounds.wait()
        await asyncio.gather(*other)
        await poller.stop()
        sent = bus.master.counters.transactions
        counted, overlaps = bus.counter.transactions, bus.counter.overlaps
        await manager.close_bus()
        return sent, counted, overlaps, poller.rounds, members

    sent, counted, overlaps, rounds, members = asyncio.run(main())
    assert [m.address for m in members] == [1, 2, 3]
    assert rounds >= 3 and all(m.polls >= 3 and m.misses == 0 for m in members)
    assert len({m.serial for m in members}) == 3
    assert all(m.verdict is not None and "voltage.l1" in m.values for m in members)
    assert overlaps == 0  # never two transactions at once
    tx = sum(1 for line in log.lines if line.direction == "tx")
    assert counted == sent == tx > 0  # every frame on the log came from the bus's one master


def test_a_meter_that_stops_answering_goes_stale_and_comes_back(simulator) -> None:
    sim = simulator("--model", "4PU", "--count", "2")

    async def main() -> tuple[list[bool], list[bool], list[bool]]:
        manager = ConnectionManager()
        bus = await manager.open_bus(_options(sim.port))
        members = [BusMember(1), BusMember(2)]
        poller = BusPoller(bus, members, interval=0.0)
        for _ in range(2):
            await poller.poll_round()
        fresh = [poller.stale(m) for m in members]
        os.kill(sim.process.pid, signal.SIGSTOP)  # every meter on the line falls silent
        try:
            for _ in range(STALE_AFTER_MISSES):
                await poller.poll_round()
            stale = [poller.stale(m) for m in members]
        finally:
            os.kill(sim.process.pid, signal.SIGCONT)
        # The requests sent while it was stopped still wait in the line: the first answers
        # after it resumes may belong to them (a miss each), never more than a round's worth.
        for _ in range(1 + STALE_AFTER_MISSES):
            await poller.poll_round()
            if not any(poller.stale(m) for m in members):
                break
        back = [poller.stale(m) for m in members]
        await manager.close_bus()
        return fresh, stale, back

    fresh, stale, back = asyncio.run(main())
    assert fresh == [False, False]
    assert stale == [True, True]
    assert back == [False, False]


def test_one_owner_connect_closes_the_bus_and_a_bus_job_refuses_connect(simulator) -> None:
    sim = simulator("--model", "4PU", "--count", "2")

    async def main() -> tuple[bool, str, bool]:
        manager = ConnectionManager()
        bus = await manager.open_bus(_options(sim.port))
        await manager.connect(ConnectionOptions(port=sim.port, address=1))
        closed = bus.closed and manager.bus is None and manager.state is LinkState.CONNECTED
        try:
            await bus.meter(1).identify()
        except BusClosedError:
            closed = closed and True
        else:
            closed = False  # a closed bus must not reach the line
        started = asyncio.Event()
        release = asyncio.Event()

        async def job(_bus: object) -> None:
            started.set()
            await release.wait()

        running = asyncio.ensure_future(manager.bus_job("scan", _options(sim.port), job))
        await started.wait()
        refused = ""
        try:
            await manager.connect(ConnectionOptions(port=sim.port, address=1))
        except BusBusyError as exc:
            refused = str(exc)
        release.set()
        await running
        return closed, refused, manager.bus is None and manager.session is None

    closed, refused, released = asyncio.run(main())
    assert closed
    assert "scan" in refused
    assert released


@pytest.mark.parametrize("protocol", ["ble"])
def test_a_bus_is_a_serial_line(protocol: str) -> None:
    from configurator.errors import UsageError

    async def main() -> None:
        await ConnectionManager().open_bus(ConnectionOptions(protocol=protocol, device="x"))

    with pytest.raises(UsageError):
        asyncio.run(main())


def test_mbus_meters_found_by_secondary_address_are_polled_each_by_its_own(simulator) -> None:
    """Every meter at the factory primary address 0: only the secondary selection tells them
    apart, and a selection and its read stay in one bus job."""
    sim = simulator("--model", "4PU", "--count", "2", "--protocol", "mbus")

    async def main() -> tuple[list[BusMember], int]:
        manager = ConnectionManager()
        bus = await manager.open_bus(ConnectionOptions(port=sim.port, protocol="mbus"))
        found, _stats = await bus.search()
        members = [BusMember(hit.primary, hit.secondary, model=hit.model) for hit in found
                   if hit.secondary is not None]
        poller = BusPoller(bus, members, interval=0.0)
        for _ in range(2):
            await poller.poll_round()
        overlaps = bus.counter.overlaps
        await manager.close_bus()
        return members, overlaps

    members, overlaps = asyncio.run(main())
    assert len(members) == 2 and {m.address for m in members} == {0}
    assert all(m.polls == 2 and m.misses == 0 for m in members)
    assert [f"{m.serial:08d}" for m in members] == [m.secondary for m in members]
    assert overlaps == 0
