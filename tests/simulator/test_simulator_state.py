"""Persistence: a meter's state survives a restart, which counts as a power cycle."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from configurator.errors import FileError
from configurator.model.models import Model
from configurator.model.registers import REGISTERS
from configurator.model.settings import SETTINGS
from configurator.model.types import CtRatio
from configurator.model.writes import write_for_setting
from configurator.simulator.meter import VirtualMeter
from configurator.simulator.state import StateFile


def read(meter: VirtualMeter, key: str) -> Any:
    reg = REGISTERS[key]
    return reg.dtype.decode(meter.read_registers(reg.address, reg.count))


def write(meter: VirtualMeter, key: str, value: Any) -> None:
    op = write_for_setting(SETTINGS[key], value)
    meter.write_registers(op.function_code, op.address, op.words)


def _used_ct_meter(clock: Any) -> VirtualMeter:
    meter = VirtualMeter(Model.PUCT2, 23000042, clock=clock)
    clock.advance(3600)
    write(meter, "ct.ratio", CtRatio(200, 5))
    write(meter, "tariff", 3)
    write(meter, "s0.rate", 100.0)
    write(meter, "modbus.address", 42)
    meter.apply_pending_link()
    write(meter, "modbus.baudrate", 38400)  # still pending: saved as the meter stored it
    meter.set_setting("mbus.secondary_address", "12345678")
    meter.power_cycle()
    clock.advance(600)
    return meter


def test_state_is_json_and_round_trips(clock: Any) -> None:
    meter = _used_ct_meter(clock)
    state = json.loads(json.dumps(meter.to_state()))
    restored = VirtualMeter.from_state(state, clock=clock)
    expected = meter.settings()
    expected["modbus.baudrate"] = 38400
    assert restored.settings() == expected
    assert restored.link.address == 42 and restored.link.baudrate == 38400
    assert restored.ct_history == meter.ct_history
    assert restored.ct_history[0]["ratio"] == CtRatio(5, 5)
    for key in ("energy.active.total", "energy.active.import.t1", "energy.active.t3",
                "energy.reactive.q1.t3", "energy.day"):
        assert read(restored, key) == read(meter, key)
    assert read(restored, "power_down_counter") == read(meter, "power_down_counter") + 1
    assert read(restored, "checksum") == read(meter, "checksum")


def test_from_state_without_power_cycle(clock: Any) -> None:
    meter = _used_ct_meter(clock)
    restored = VirtualMeter.from_state(meter.to_state(), clock=clock, power_cycle=False)
    assert read(restored, "power_down_counter") == 1


def test_malformed_state_is_value_error(clock: Any) -> None:
    state = VirtualMeter(Model.PU4, 1, clock=clock).to_state()
    del state["serial"]
    with pytest.raises(ValueError):
        VirtualMeter.from_state(state)


def test_state_file_saves_atomically_and_restores(tmp_path: Path, clock: Any) -> None:
    path = tmp_path / "meters.json"
    meters = [_used_ct_meter(clock), VirtualMeter(Model.PUCT2, 23000043, clock=clock)]
    states = StateFile(path)
    assert states.load() == {}
    states.save(meters)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["meters.json"]  # no temp file left

    def build(state: dict[str, Any]) -> VirtualMeter:
        return VirtualMeter.from_state(state, clock=clock)

    for cycle in (1, 2):
        again = StateFile(path)
        assert set(again.load()) == {"23000042", "23000043"}
        first = again.restore("2PUCT", 23000042, build)
        second = again.restore("2PUCT", 23000043, build)
        assert first is not None and second is not None
        assert again.restore("2PUCT", 23000044, build) is None
        assert first.link.address == 42
        assert read(first, "power_down_counter") == 1 + cycle
        assert read(second, "power_down_counter") == cycle
        again.save([first, second])


def test_state_file_keeps_meters_it_does_not_simulate(tmp_path: Path, clock: Any) -> None:
    path = tmp_path / "meters.json"
    StateFile(path).save([VirtualMeter(Model.PU4, n, clock=clock) for n in (1, 2, 3)])
    states = StateFile(path)
    states.load()
    states.save([VirtualMeter(Model.PU4, 2, address=9, clock=clock)])
    saved = StateFile(path).load()
    assert set(saved) == {"00000001", "00000002", "00000003"}
    assert saved["00000002"]["settings"]["modbus.address"] == "9"


def test_state_file_refuses_another_model(tmp_path: Path, clock: Any) -> None:
    path = tmp_path / "meters.json"
    StateFile(path).save([VirtualMeter(Model.PU4, 7, clock=clock)])
    states = StateFile(path)
    states.load()
    with pytest.raises(FileError, match="4PU"):
        states.restore("4PS", 7, lambda s: VirtualMeter.from_state(s))


@pytest.mark.parametrize("content", ["not json", "[]", '{"format": "other", "meters": {}}'])
def test_state_file_refuses_foreign_files(tmp_path: Path, content: str) -> None:
    path = tmp_path / "meters.json"
    path.write_text(content)
    with pytest.raises(FileError):
        StateFile(path).load()
