"""The commissioning job's service: Modbus factory meters one at a time, pause and resume
between meters, and a state file that is schema-checked. The real simulator on a pty; a new
meter arriving on the bus is a new simulator process behind the same port path (the link)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

from configurator.errors import FileError
from configurator.services import commission as cm
from configurator.services.connection import ConnectionOptions, open_session
from configurator.services.engine import accept_all
from configurator.simulator.launcher import SimulatorProcess


def _plan(tmp_path: Path, **extra: Any) -> cm.Plan:
    doc = {"format": cm.PLAN_FORMAT, "format_version": 1, "site": "S", **extra}
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(doc))
    return cm.load_plan(path)


def test_factory_modbus_meters_one_at_a_time(tmp_path: Path) -> None:
    link = tmp_path / "bus"
    started: list[SimulatorProcess] = []
    asked: list[tuple[int, int]] = []

    async def next_meter(number: int, total: int) -> bool:
        asked.append((number, total))  # the installer wires meter `number` to the bus
        sim = SimulatorProcess("--link", str(link), "--serial", str(23000000 + number))
        await asyncio.get_running_loop().run_in_executor(None, sim.__enter__)
        started.append(sim)
        return True

    plan = _plan(tmp_path, one_at_a_time=True, expected_meters=3, first_address=1,
                 meters=[{"serial": 23000002, "address": 40}])
    options = ConnectionOptions(port=str(link))
    try:
        job = cm.Job.start(plan, options)
        paused = asyncio.run(cm.run_job(job, next_meter=next_meter, confirm=accept_all,
                                        pause=lambda: len(job.meters) == 2))
        assert paused.paused and paused.stopped_at is cm.Step.CONNECT
        assert asked == [(1, 3), (2, 3)]
        resumed = cm.Job.resume(plan, options)  # the state file, as a new run finds it
        assert [m.serial for m in resumed.meters] == [23000001, 23000002]
        outcome = asyncio.run(cm.run_job(resumed, next_meter=next_meter, confirm=accept_all,
                                         stop_after=cm.Step.ADDRESS))
        assert outcome.error is None and outcome.stopped_at is cm.Step.TEMPLATE
        assert asked == [(1, 3), (2, 3), (3, 3)]
        assert [(m.serial, m.address) for m in resumed.meters] == \
            [(23000001, 2), (23000002, 40), (23000003, 3)]  # never the factory address 1

        async def address_of(sim: SimulatorProcess, address: int) -> int:
            opts = ConnectionOptions(port=sim.pty_path, address=address)
            async with open_session(opts) as session:
                return (await session.identify()).serial

        for sim, meter in zip(started, resumed.meters, strict=True):
            assert asyncio.run(address_of(sim, meter.address)) == meter.serial
    finally:
        for sim in started:
            sim.__exit__(None, None, None)


def test_one_at_a_time_plan_must_not_use_the_factory_address(tmp_path: Path) -> None:
    with pytest.raises(FileError, match="factory address"):
        _plan(tmp_path, one_at_a_time=True, expected_meters=2,
              meters=[{"serial": 1, "address": 1}])


def test_a_broken_state_file_is_refused_in_one_sentence(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    plan.output.mkdir()
    plan.state_path.write_text(json.dumps({"format": cm.STATE_FORMAT, "format_version": 1}))
    with pytest.raises(FileError, match="Job state file"):
        cm.Job.open(plan, ConnectionOptions(port="/dev/null"))
    job = cm.Job.start(plan, ConnectionOptions(port="/dev/null"))
    job.save()
    changed = {**plan.doc, "site": "Another"}
    plan.path.write_text(json.dumps(changed))
    with pytest.raises(FileError, match="changed since"):
        cm.Job.open(cm.load_plan(plan.path), ConnectionOptions(port="/dev/null"))
