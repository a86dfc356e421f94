"""VirtualMeter: the register image and the rules a real meter applies to writes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from configurator.model.domains import Choice, IntRange
from configurator.model.models import Model, check_checksum
from configurator.model.plan import plan_reads
from configurator.model.registers import (
    BLE,
    CT_HISTORY_BASE,
    CT_HISTORY_ENTRIES,
    CT_HISTORY_FIELDS,
    CT_HISTORY_STRIDE,
    MODBUS,
    REGISTERS,
)
from configurator.model.settings import ACTIONS, SETTINGS, s0_width_limit_ms
from configurator.model.types import FLOAT32, CtRatio
from configurator.model.writes import write_for_action, write_for_setting
from configurator.simulator.meter import SimulatorModbusError, VirtualMeter


def read(meter: VirtualMeter, key: str) -> Any:
    reg = REGISTERS[key]
    return reg.dtype.decode(meter.read_registers(reg.address, reg.count))


def write(meter: VirtualMeter, key: str, value: Any) -> None:
    op = write_for_setting(SETTINGS[key], value)
    meter.write_registers(op.function_code, op.address, op.words)


def exception_code(call: Callable[[], object]) -> int:
    with pytest.raises(SimulatorModbusError) as info:
        call()
    return info.value.code


# --- factory state and reads ------------------------------------------------------------


@pytest.mark.parametrize("model", list(Model))
def test_factory_identity(model: Model) -> None:
    meter = VirtualMeter(model, 12345678)
    assert read(meter, "serial") == 12345678
    assert read(meter, "meter_code") == model.info.meter_code
    assert Model.from_meter_code(read(meter, "meter_code")) is model
    assert read(meter, "meter_amps") == model.info.max_current_a
    assert read(meter, "protocol_version") == 1.0
    assert read(meter, "hardware_version") == 1.0
    verdict, _ = check_checksum(model, read(meter, "software_version"), read(meter, "checksum"))
    assert verdict == "ok"


def test_software_version_override() -> None:
    meter = VirtualMeter(Model.PU4, 1, software_version=1.18)
    assert read(meter, "checksum") == 27325923
    meter = VirtualMeter(Model.PU4, 1, software_version=1.34, checksum=11111111)
    verdict, _ = check_checksum(Model.PU4, read(meter, "software_version"), 11111111)
    assert verdict == "mismatch"


def test_factory_settings(meter: VirtualMeter, ct_meter: VirtualMeter) -> None:
    assert meter.settings() == {
        "tariff": 1, "s0.rate": 1000.0, "s0.type": "active-reactive", "s0.width_ms": 30,
        "modbus.address": 1, "modbus.baudrate": 9600, "modbus.parity": "even",
        "mbus.address": 0, "mbus.secondary_address": "23000001", "mbus.baudrate": 2400,
        "backlight": "on", "combination_code": 3, "lcd.rolling_time": 10,
        "display.rotated": "off", "display.obis": "on", "data_type": "standard",
    }
    assert read(meter, "modbus.baudrate") == 6
    assert read(meter, "modbus.parity") == 1
    assert read(meter, "ct_primary") == 0
    assert ct_meter.setting_value("ct.ratio") == CtRatio(5, 5)
    assert ct_meter.setting_value("s0.rate") == 10000.0
    assert read(ct_meter, "ct.ratio") == CtRatio(5, 5)
    assert read(ct_meter, "ct_primary") == 5


def test_link_parameters_from_constructor() -> None:
    meter = VirtualMeter(Model.PS4, 5, address=17, baudrate=19200, parity="none")
    assert (meter.link.address, meter.link.baudrate, meter.link.parity) == (17, 19200, "none")
    assert read(meter, "modbus.address") == 17
    assert read(meter, "modbus.baudrate") == 7
    assert read(meter, "modbus.parity") == 2


@pytest.mark.parametrize("model", list(Model))
def test_every_modbus_register_reads_and_decodes(model: Model) -> None:
    meter = VirtualMeter(model, 23000001)
    registers = REGISTERS.select(model=model, transport=MODBUS)
    for block in plan_reads(registers):
        values = block.decode(meter.read_registers(block.address, block.count))
        bad = {k: v for k, v in values.items() if isinstance(v, Exception)}
        assert not bad
    for reg in registers:
        assert len(meter.read_registers(reg.address, reg.count)) == reg.count


@pytest.mark.parametrize("model", list(Model))
def test_measurement_and_energy_ranges_read_whole(model: Model) -> None:
    meter = VirtualMeter(model, 23000001)
    for start in (0x5000, 0x6000):
        registers = [r for r in REGISTERS.select(model=model, transport=MODBUS)
                     if start <= r.address < start + 0x1000]
        for block in plan_reads(registers):
            assert len(meter.read_registers(block.address, block.count)) == block.count


def test_partial_value_read_is_allowed(meter: VirtualMeter) -> None:
    whole = meter.read_registers(0x5000, 2)
    assert meter.read_registers(0x5001, 1) == whole[1:]


def test_unknown_address_is_exception_2(meter: VirtualMeter) -> None:
    assert exception_code(lambda: meter.read_registers(0x4015, 1)) == 2  # gap in A3.2
    assert exception_code(lambda: meter.read_registers(0x4014, 2)) == 2  # runs into the gap
    assert exception_code(lambda: meter.read_registers(0x1000, 2)) == 2  # PRO380-era map
    assert exception_code(lambda: meter.read_registers(0x608F, 4)) == 2  # past the end
    assert exception_code(lambda: meter.read_registers(CT_HISTORY_BASE, 2)) == 2  # not a CT


def test_ble_only_registers_need_ble(meter: VirtualMeter) -> None:
    backlight = REGISTERS["backlight"]
    assert exception_code(lambda: meter.read_registers(backlight.address, 1)) == 2
    assert meter.read_registers(backlight.address, 1, transport=BLE) == [0]


@pytest.mark.parametrize("count", [0, 126])
def test_read_count_outside_modbus_limit_is_exception_3(meter: VirtualMeter, count: int) -> None:
    assert exception_code(lambda: meter.read_registers(0x5000, count)) == 3


# --- writes -----------------------------------------------------------------------------


def _other_value(item_key: str, current: Any) -> Any:
    domain = SETTINGS[item_key].domain
    if isinstance(domain, Choice):
        return next(o for o in domain.options if o != current)
    if isinstance(domain, IntRange):
        return domain.low if current != domain.low else domain.low + 1
    raise AssertionError(item_key)


@pytest.mark.parametrize("model", list(Model))
def test_every_writable_setting_round_trips(model: Model) -> None:
    meter = VirtualMeter(model, 23000001)
    for item in meter.settings_list():
        reg = item.register
        if reg is None or not reg.writable or MODBUS not in reg.transports:
            continue
        if item.key == "ct.ratio":
            value: Any = CtRatio(100, 5)
        elif item.key == "s0.rate":
            value = 100.0
        else:
            value = _other_value(item.key, meter.setting_value(item.key))
        write(meter, item.key, value)
        meter.apply_pending_link()
        assert meter.setting_value(item.key) == value, item.key
        assert read(meter, reg.key) == reg.dtype.decode(write_for_setting(item, value).words)


def test_write_with_wrong_function_code_is_exception_1(meter: VirtualMeter) -> None:
    assert exception_code(lambda: meter.write_registers(16, 0x4003, [5])) == 1
    assert exception_code(lambda: meter.write_registers(6, 0x400D, [0x4120])) == 1
    assert meter.link.address == 1


def test_write_to_read_only_or_missing_register_is_exception_2(meter: VirtualMeter) -> None:
    assert exception_code(lambda: meter.write_registers(6, 0x4000, [1])) == 2
    assert exception_code(lambda: meter.write_registers(16, 0x5000, [0, 0])) == 2
    assert exception_code(lambda: meter.write_registers(6, 0x4015, [1])) == 2
    assert exception_code(lambda: meter.write_registers(16, 0x401F, [0x100, 5])) == 2  # no CT


def test_fc16_must_cover_exactly_one_value(meter: VirtualMeter) -> None:
    assert exception_code(lambda: meter.write_registers(16, 0x400D, [0x4120])) == 2
    assert exception_code(lambda: meter.write_registers(16, 0x400D, [0x4120, 0, 3])) == 2
    assert exception_code(lambda: meter.write_registers(16, 0x400E, [0, 0])) == 2  # mid-value
    assert meter.setting_value("s0.rate") == 1000.0


@pytest.mark.parametrize(("address", "words"), [
    (0x4003, [0]), (0x4003, [248]), (0x4003, [0xFFFF]),  # Modbus ID 1-247
    (0x4004, [0]), (0x4004, [11]),  # baud rate codes 1-10
    (0x4011, [0]), (0x4011, [4]),  # parity codes 1-3
    (0x400F, [0]), (0x400F, [6]),  # combination code 1-5
    (0x4010, [0x0000]), (0x4010, [0x0031]), (0x4010, [0x001A]),  # 1-30 s, BCD-style
    (0x6048, [0]), (0x6048, [5]),  # tariff 1-4
    (0x4021, [0x0001]), (0x4021, [0x0100]),  # pulse width 2-99 ms
    (0x4022, [0x0003]), (0x4026, [3]), (0x4032, [2]), (0x4033, [2]),
    (0x400D, FLOAT32.encode(5.0)), (0x400D, FLOAT32.encode(-1000.0)),
])
def test_values_outside_the_domain_are_exception_3(
    meter: VirtualMeter, address: int, words: list[int]
) -> None:
    before = meter.to_state()["settings"]
    reg = REGISTERS.by_address[address]
    assert exception_code(lambda: meter.write_registers(reg.write_fc or 0, address, words)) == 3
    assert meter.to_state()["settings"] == before
    assert meter.pending_link == {}


def test_any_pulse_width_2_to_99_is_accepted_at_any_rate(meter: VirtualMeter) -> None:
    """The manual: 2-99 ms "depending on pulse rate", no formula; its example 01 06 4021 0030
    sets 30 ms whatever the rate. The simulator accepts what the manual accepts."""
    assert s0_width_limit_ms(Model.PU4, 10000.0) < 30  # our overlap estimate would warn
    write(meter, "s0.rate", 10000.0)
    assert meter.setting_value("s0.rate") == 10000.0 and meter.setting_value("s0.width_ms") == 30
    for width in (2, 99, 30):
        write(meter, "s0.width_ms", width)
        assert meter.setting_value("s0.width_ms") == width


@pytest.mark.parametrize("action", list(ACTIONS))
def test_actions_reset_to_zero_whatever_is_written(
    meter: VirtualMeter, clock: Any, action: str
) -> None:
    meter.power_cycle()
    meter.power_cycle()
    clock.advance(3600)
    reg = ACTIONS[action].register
    assert read(meter, reg.key) > 0
    total_before = read(meter, "energy.active.total")
    words = [0x4142, 0x4344] if reg.count == 2 else [0x0123]  # not zero on purpose
    meter.write_registers(reg.write_fc or 0, reg.address, words)
    assert read(meter, reg.key) == 0
    if action == "day-counter":
        assert [read(meter, f"energy.day.{p}") for p in ("l1", "l2", "l3")] == [0, 0, 0]
    assert read(meter, "energy.active.total") == total_before
    op = write_for_action(ACTIONS[action])
    meter.write_registers(op.function_code, op.address, op.words)
    assert read(meter, reg.key) == 0


# --- link settings ------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "value", "field"), [
    ("modbus.address", 10, "address"),
    ("modbus.baudrate", 19200, "baudrate"),
    ("modbus.parity", "none", "parity"),
])
def test_link_change_waits_for_apply(meter: VirtualMeter, key: str, value: Any,
                                     field: str) -> None:
    before = getattr(meter.link, field)
    raw_before = read(meter, key)
    write(meter, key, value)
    assert getattr(meter.link, field) == before
    assert read(meter, key) == raw_before
    assert meter.pending_link == {key: value}
    meter.apply_pending_link()
    assert getattr(meter.link, field) == value
    assert meter.pending_link == {}
    assert read(meter, key) == SETTINGS[key].to_raw(value)


def test_non_link_settings_apply_at_once(meter: VirtualMeter) -> None:
    write(meter, "tariff", 2)
    assert meter.pending_link == {}
    assert read(meter, "tariff") == 2


# --- CT ratio (2PU CT, manual 6.9) ---------------------------------------------------------


def _history(meter: VirtualMeter, n: int) -> dict[str, Any]:
    base = CT_HISTORY_BASE + (n - 1) * CT_HISTORY_STRIDE
    words = meter.read_registers(base, CT_HISTORY_STRIDE)
    values = {"ratio": REGISTERS[f"ct.history.{n}.ratio"].dtype.decode(words[:2])}
    for i, (name, _obis) in enumerate(CT_HISTORY_FIELDS):
        values[name] = FLOAT32.decode(words[2 + 2 * i: 4 + 2 * i])
    return values


def test_unused_ct_history_reads_zero(ct_meter: VirtualMeter) -> None:
    for n in range(1, CT_HISTORY_ENTRIES + 1):
        entry = _history(ct_meter, n)
        assert entry.pop("ratio") == CtRatio(0, 0)
        assert set(entry.values()) == {0.0}


def test_same_ct_ratio_changes_nothing(ct_meter: VirtualMeter) -> None:
    write(ct_meter, "ct.ratio", CtRatio(5, 5))
    assert ct_meter.ct_changes_left == CT_HISTORY_ENTRIES
    assert _history(ct_meter, 1)["ratio"] == CtRatio(0, 0)


@pytest.mark.parametrize("words", [[0x9996, 0x0005], [0x0000, 0x0001], [0x0100, 0x0002],
                                   [0x0004, 0x0005], [0x00AB, 0x0005]])
def test_invalid_ct_ratio_is_exception_3(ct_meter: VirtualMeter, words: list[int]) -> None:
    assert exception_code(lambda: ct_meter.write_registers(16, 0x401F, words)) == 3
    assert ct_meter.ct_changes_left == CT_HISTORY_ENTRIES


def test_manual_ct_example_is_accepted(ct_meter: VirtualMeter) -> None:
    ct_meter.write_registers(16, 0x401F, [0x9995, 0x0005])  # A3.3: 01 10 401F 0002 04 9995 0005
    assert ct_meter.setting_value("ct.ratio") == CtRatio(9995, 5)
    assert read(ct_meter, "ct_primary") == 9995


def test_seven_ct_changes_then_exception_4(ct_meter: VirtualMeter, clock: Any) -> None:
    ratios = [CtRatio(100 * n, 5) for n in range(1, 8)]
    previous = CtRatio(5, 5)
    for n, ratio in enumerate(ratios, start=1):
        clock.advance(1800)
        energies = {name: read(ct_meter, f"energy.active.{name}")
                    for name, _obis in CT_HISTORY_FIELDS}
        write(ct_meter, "ct.ratio", ratio)
        entry = _history(ct_meter, n)
        assert entry.pop("ratio") == previous
        assert entry == energies
        assert entry["import.t1"] > 0
        previous = ratio
    assert ct_meter.ct_changes_left == 0
    assert exception_code(lambda: write(ct_meter, "ct.ratio", CtRatio(800, 5))) == 4
    assert ct_meter.setting_value("ct.ratio") == ratios[-1]
    write(ct_meter, "ct.ratio", ratios[-1])  # the ratio in force may still be written
    # History entries are frozen: time passing changes the live registers only.
    frozen = _history(ct_meter, 1)
    clock.advance(3600)
    assert _history(ct_meter, 1) == frozen
    assert read(ct_meter, "energy.active.import.t1") > frozen["import.t1"]


def test_ct_ratio_scales_primary_current(clock: Any) -> None:
    a = VirtualMeter(Model.PUCT2, 23000009, clock=clock)
    b = VirtualMeter(Model.PUCT2, 23000009, clock=clock)
    write(b, "ct.ratio", CtRatio(100, 5))
    clock.advance(10)
    for phase in ("l1", "l2", "l3"):
        assert read(b, f"current.{phase}") == pytest.approx(20 * read(a, f"current.{phase}"),
                                                            rel=1e-5)
