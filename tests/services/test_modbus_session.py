"""The Modbus session against the real simulator: counts of transactions, not timings."""

from __future__ import annotations

import asyncio

import pytest

from configurator.errors import MeterExceptionError, UnsupportedError
from configurator.model.models import Model
from configurator.model.registers import MODBUS, REGISTERS
from configurator.model.settings import SETTINGS
from configurator.services.connection import ConnectionOptions, open_session


def run(coro):
    return asyncio.run(coro)


@pytest.mark.parametrize("model", list(Model))
def test_measurements_take_the_fewest_reads(simulator, model):
    sim = simulator("--model", model.info.code)

    async def go():
        async with open_session(ConnectionOptions(port=sim.port)) as meter:
            identity = await meter.identify()
            before = meter.master.counters.transactions
            readings = await meter.read_measurements()
            return identity, readings, meter.master.counters.transactions - before

    identity, readings, transactions = run(go())
    assert identity.model is model
    # 0x5000-0x5037 is one read of 56; 0x6000-0x6090 (145 registers) needs two reads of <= 120.
    assert transactions == 3
    assert {r.register.key for r in readings} == {
        r.key for r in REGISTERS.select(groups=["measurement", "energy"], model=model,
                                        transport=MODBUS)}


def test_identify_reads_blocks_not_registers(simulator):
    sim = simulator("--model", "2PUCT")

    async def go():
        async with open_session(ConnectionOptions(port=sim.port)) as meter:
            await meter.identify()
            return meter.master.counters.transactions

    # meter code probe + 0x4000-0x4014 + 0x4016-0x4024 (the CT ratio at 0x401F inside it, the
    # settings between identity registers read along rather than costing more requests).
    assert run(go()) == 3


def test_all_settings_in_few_reads_and_unknown_keys_refused(simulator):
    sim = simulator()

    async def go():
        async with open_session(ConnectionOptions(port=sim.port)) as meter:
            model = (await meter.identify()).model
            items = meter.reachable_settings(model)
            before = meter.master.counters.transactions
            values = await meter.get_settings(items)
            used = meter.master.counters.transactions - before
            with pytest.raises(UnsupportedError, match="M-Bus"):
                await meter.get_settings([SETTINGS["mbus.address"]])
            return values, used

    values, used = run(go())
    assert values["modbus.baudrate"] == 9600 and values["tariff"] == 1
    assert used <= 6


def test_the_meters_own_refusal_is_exception_3(simulator):
    """A value outside what the meter accepts, sent past the client's checks, is refused by
    the simulator with exception 3 (a pulse rate the manual does not list)."""
    sim = simulator()

    async def go():
        async with open_session(ConnectionOptions(port=sim.port)) as meter:
            await meter.identify()
            report = await meter.apply({SETTINGS["tariff"]: 2})
            assert report.results[0].status == "written"
            from configurator.model.types import FLOAT32

            with pytest.raises(MeterExceptionError, match="exception 3"):
                await meter.master.write_registers(1, 16, REGISTERS["s0.rate"].address,
                                                   FLOAT32.encode(5.0))
            return (await meter.get_settings([SETTINGS["s0.rate"]]))["s0.rate"]

    assert run(go()) == 1000
