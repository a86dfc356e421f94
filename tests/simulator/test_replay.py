"""The replayed meter (simulator/replay.py) against captures taken from the real simulated
meter in this process: captured words first, captured exceptions kept, physics elsewhere."""

from __future__ import annotations

from typing import Any

import pytest

from configurator.model.models import Model
from configurator.model.registers import CT_HISTORY_BASE, REGISTERS
from configurator.model.types import CtRatio
from configurator.services.capture import Capture, CapturedBlock, register_plan
from configurator.simulator.meter import SimulatorModbusError, VirtualMeter
from configurator.simulator.replay import ReplayMeter


def capture_of(meter: VirtualMeter) -> Capture:
    """What `configurator capture` reads, taken straight from a virtual meter."""
    blocks = []
    for block in register_plan("modbus"):
        try:
            words = tuple(meter.read_registers(block.address, block.count))
        except SimulatorModbusError as exc:
            blocks.append(CapturedBlock(block.address, block.count, exception=exc.code))
            continue
        blocks.append(CapturedBlock(block.address, block.count, words))
    identity = {"model": meter.model.info.code, "serial": meter.serial}
    return Capture(transport="modbus", connection="test", address=1, identity=identity,
                   blocks=blocks)


def code_of(call: Any) -> int:
    with pytest.raises(SimulatorModbusError) as info:
        call()
    return info.value.code


def test_seven_captured_changes_leave_none_on_the_replay() -> None:
    meter = VirtualMeter(Model.PUCT2, 23000005)
    for n in range(1, 8):
        meter.set_setting("ct.ratio", CtRatio(100 * n, 5))
    replay = ReplayMeter(capture_of(meter))
    assert replay.ct_changes_left == 0
    assert replay.setting_value("ct.ratio") == CtRatio(700, 5)
    assert code_of(lambda: replay.write_registers(16, 0x401F, [0x0800, 0x0005])) == 4


def test_words_are_served_as_captured_and_writes_take_over() -> None:
    meter = VirtualMeter(Model.PU4, 23000006)
    captured = capture_of(meter)
    replay = ReplayMeter(captured)
    words = captured.words()
    assert replay.read_registers(0x5000, 10) == [words[a] for a in range(0x5000, 0x500A)]
    tariff = REGISTERS["tariff"].address
    replay.write_registers(6, tariff, [2])
    assert replay.read_registers(tariff, 1) == [2]
    assert replay.setting_value("tariff") == 2


def test_captured_exceptions_stay_and_the_rest_is_physics() -> None:
    meter = VirtualMeter(Model.PU4, 23000007)
    captured = capture_of(meter)
    refused = [b for b in captured.blocks if b.exception is not None]
    assert any(b.address == CT_HISTORY_BASE for b in refused)  # a 4PU has no CT history
    captured.blocks = [b for b in captured.blocks if b.address != 0x5000]  # not captured
    replay = ReplayMeter(captured)
    assert code_of(lambda: replay.read_registers(CT_HISTORY_BASE, 20)) == 2
    voltage = REGISTERS["voltage.l1"]
    value = voltage.dtype.decode(replay.read_registers(voltage.address, 2))
    assert 200 < value < 260  # from the simulator's physics: the capture holds none

