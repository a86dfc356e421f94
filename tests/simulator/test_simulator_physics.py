"""The simulated load: plausible values, energies in the right tariff and direction."""

from __future__ import annotations

import math
from typing import Any

import pytest

from configurator.model.models import Model
from configurator.model.registers import MODBUS, REGISTERS
from configurator.model.settings import SETTINGS
from configurator.model.writes import write_for_setting
from configurator.simulator.meter import VirtualMeter
from configurator.simulator.physics import PHASES, Physics, combine, quadrant

TARIFF_KEYS = {1: "energy.active.t1", 2: "energy.active.t2", 3: "energy.active.t3",
               4: "energy.active.t4"}


def read(meter: VirtualMeter, key: str) -> Any:
    reg = REGISTERS[key]
    return reg.dtype.decode(meter.read_registers(reg.address, reg.count))


def write(meter: VirtualMeter, key: str, value: Any) -> None:
    op = write_for_setting(SETTINGS[key], value)
    meter.write_registers(op.function_code, op.address, op.words)


@pytest.mark.parametrize(("p", "q", "expected"), [
    (1.0, 0.5, 1), (-1.0, 0.5, 2), (-1.0, -0.5, 3), (1.0, -0.5, 4), (0.0, 0.0, 1),
])
def test_quadrant(p: float, q: float, expected: int) -> None:
    assert quadrant(p, q) == expected


@pytest.mark.parametrize(("code", "expected"), [(1, 5.0), (2, 2.0), (3, 7.0), (4, 3.0),
                                                (5, 3.0)])
def test_combination_codes(code: int, expected: float) -> None:
    assert combine(code, 5.0, 2.0) == expected


def test_values_are_plausible(meter: VirtualMeter, clock: Any) -> None:
    for _ in range(50):
        clock.advance(37.0)
        assert 225 < read(meter, "voltage") < 235
        assert 49.95 <= read(meter, "frequency") <= 50.05
        for phase in PHASES:
            assert 220 < read(meter, f"voltage.{phase}") < 240
            assert 0.5 < read(meter, f"current.{phase}") < 8
            pf = read(meter, f"power_factor.{phase}")
            assert 0.85 - 1e-6 <= pf <= 0.99 + 1e-6
            p, q = read(meter, f"power.active.{phase}"), read(meter, f"power.reactive.{phase}")
            assert read(meter, f"power.apparent.{phase}") == pytest.approx(math.hypot(p, q),
                                                                           rel=1e-5)
        for a, b in (("l1", "l2"), ("l1", "l3"), ("l2", "l3")):
            assert 385 < read(meter, f"voltage.{a}_{b}") < 410
        total = sum(read(meter, f"power.active.{p}") for p in PHASES)
        assert read(meter, "power.active") == pytest.approx(total, rel=1e-5)


def test_same_seed_same_values(clock: Any) -> None:
    a = VirtualMeter(Model.PU4, 23000001, seed=7, clock=clock)
    b = VirtualMeter(Model.PU4, 23000001, seed=7, clock=clock)
    c = VirtualMeter(Model.PU4, 23000001, seed=8, clock=clock)
    clock.advance(100)
    assert a.read_registers(0x5000, 56) == b.read_registers(0x5000, 56)
    assert a.read_registers(0x5000, 56) != c.read_registers(0x5000, 56)


def test_time_only_moves_with_the_clock(meter: VirtualMeter, clock: Any) -> None:
    clock.advance(60)
    first = meter.read_registers(0x5000, 56) + meter.read_registers(0x6000, 0x48)
    again = meter.read_registers(0x5000, 56) + meter.read_registers(0x6000, 0x48)
    assert first == again
    clock.advance(60)
    assert meter.read_registers(0x6000, 2) != first[56:58]


def test_energy_is_power_times_time(meter: VirtualMeter, clock: Any) -> None:
    clock.advance(3600)
    power = read(meter, "power.active")
    assert read(meter, "energy.active.import.total") == pytest.approx(power, rel=1e-5)
    for phase in PHASES:
        assert read(meter, f"energy.active.import.{phase}") == pytest.approx(
            read(meter, f"power.active.{phase}"), rel=1e-5)
        assert read(meter, f"energy.reactive.import.{phase}") == pytest.approx(
            read(meter, f"power.reactive.{phase}"), rel=1e-5)


def test_energy_grows_in_the_active_tariff_only(meter: VirtualMeter, clock: Any) -> None:
    for tariff in (1, 2, 3, 4, 1):
        write(meter, "tariff", tariff)
        before = {t: read(meter, key) for t, key in TARIFF_KEYS.items()}
        clock.advance(900)
        after = {t: read(meter, key) for t, key in TARIFF_KEYS.items()}
        for t in TARIFF_KEYS:
            if t == tariff:
                assert after[t] > before[t]
            else:
                assert after[t] == before[t]
    import_t3 = read(meter, "energy.active.import.t3")
    q1_t3 = read(meter, "energy.reactive.q1.t3")
    assert import_t3 > 0 and q1_t3 > 0
    total = sum(read(meter, key) for key in TARIFF_KEYS.values())
    assert read(meter, "energy.active.total") == pytest.approx(total, rel=1e-5)


def test_reversed_phase_exports(clock: Any) -> None:
    meter = VirtualMeter(Model.PU4, 23000001, reversed_phase="l2", clock=clock)
    clock.advance(3600)
    assert read(meter, "direction.l2") == "R"
    assert read(meter, "direction.l1") == read(meter, "direction.l3") == "F"
    assert read(meter, "power.active.l2") < 0
    assert read(meter, "power_factor.l2") < 0
    assert read(meter, "quadrant.l2") == 3
    assert read(meter, "energy.active.export.l2") > 0
    assert read(meter, "energy.active.import.l2") == 0
    assert read(meter, "energy.active.export.l1") == 0
    assert read(meter, "energy.reactive.q3.total") > 0
    assert read(meter, "energy.active.export.t1") == pytest.approx(
        read(meter, "energy.active.export.l2"), rel=1e-6)


def test_reversed_phase_option_is_checked() -> None:
    with pytest.raises(ValueError):
        Physics(reversed_phase="l4")


@pytest.mark.parametrize("code", [1, 2, 3, 4, 5])
def test_total_follows_the_combination_code(clock: Any, code: int) -> None:
    meter = VirtualMeter(Model.PU4, 23000001, reversed_phase="l1", clock=clock)
    write(meter, "combination_code", code)
    clock.advance(3600)
    imported = read(meter, "energy.active.import.total")
    exported = read(meter, "energy.active.export.total")
    assert imported > 0 and exported > 0
    expected = combine(code, imported, exported)
    assert read(meter, "energy.active.total") == pytest.approx(expected, rel=1e-5)
    assert read(meter, "energy.day") == pytest.approx(expected, rel=1e-5)


@pytest.mark.parametrize("reversed_phase", [None, "l1", "l2", "l3"])
def test_quadrants_match_the_power_signs(clock: Any, reversed_phase: str | None) -> None:
    meter = VirtualMeter(Model.PS4, 23000004, reversed_phase=reversed_phase, clock=clock)
    for _ in range(10):
        clock.advance(123)
        for phase in PHASES:
            p, q = read(meter, f"power.active.{phase}"), read(meter, f"power.reactive.{phase}")
            assert read(meter, f"quadrant.{phase}") == quadrant(p, q)
            assert read(meter, f"direction.{phase}") == ("F" if p >= 0 else "R")
        total = quadrant(read(meter, "power.active"), read(meter, "power.reactive"))
        assert read(meter, "quadrant") == total


def test_quadrant_energies_add_up_to_reactive_import_and_export(clock: Any) -> None:
    meter = VirtualMeter(Model.PU4, 23000001, reversed_phase="l3", clock=clock)
    clock.advance(7200)
    q = {n: read(meter, f"energy.reactive.q{n}.total") for n in (1, 2, 3, 4)}
    assert q[1] + q[2] == pytest.approx(read(meter, "energy.reactive.import.total"), rel=1e-5)
    assert q[3] + q[4] == pytest.approx(read(meter, "energy.reactive.export.total"), rel=1e-5)


def test_every_measurement_and_energy_register_has_a_value() -> None:
    meter = VirtualMeter(Model.PUCT2, 23000001)
    for reg in REGISTERS.select(groups=["measurement", "energy"], transport=MODBUS):
        value = meter.register_value(reg)
        assert isinstance(value, float) and math.isfinite(value), reg.key
