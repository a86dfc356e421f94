"""Pre-accumulated history (`--history-hours`): a year of load, every register consistent."""

from __future__ import annotations

import argparse

import pytest

from configurator.model.models import Model
from configurator.model.registers import REGISTERS
from configurator.simulator.command import OptionError, add_arguments, build_meters, parse_options
from configurator.simulator.meter import VirtualMeter
from configurator.simulator.physics import DEMO_HISTORY_HOURS, PHASES, TARIFFS, Physics

QUANTITIES = ("active", "active.import", "active.export", "reactive", "reactive.import",
              "reactive.export", "reactive.q1", "reactive.q2", "reactive.q3", "reactive.q4",
              "day")


def _year(clock, reversed_phase: str | None = None) -> VirtualMeter:
    meter = VirtualMeter(Model.PU4, 23000001, clock=clock, reversed_phase=reversed_phase)
    meter.preaccumulate(DEMO_HISTORY_HOURS)
    return meter


@pytest.mark.parametrize("reversed_phase", [None, "l2"])
def test_a_year_of_history_keeps_every_register_consistent(clock, reversed_phase) -> None:
    meter = _year(clock, reversed_phase)
    energies = meter.physics.energies
    for quantity in QUANTITIES:
        total = energies.value(quantity)
        by_tariff = sum(energies.value(quantity, f"t{t}") for t in TARIFFS)
        by_phase = sum(energies.value(quantity, phase) for phase in PHASES)
        assert total == pytest.approx(by_tariff, rel=1e-9), quantity
        assert total == pytest.approx(by_phase, rel=1e-9), quantity
    imported, exported = energies.value("active.import"), energies.value("active.export")
    assert energies.value("active") == pytest.approx(imported + exported)  # combination 3
    assert energies.value("day") == pytest.approx(energies.value("active"))  # never reset
    quadrants = sum(energies.value(f"reactive.q{q}") for q in (1, 2, 3, 4))
    assert quadrants == pytest.approx(energies.value("reactive.import")
                                      + energies.value("reactive.export"))
    assert energies.value("active", "t3") == energies.value("active", "t4") == 0.0
    if reversed_phase is None:
        assert exported == 0.0 and imported > 1000.0  # a year of a few amps: MWh, not 0
    else:
        assert energies.value("active.export", "l2") > 0.0
        assert energies.value("active.import", "l2") == 0.0


def test_history_is_split_about_70_30_over_t1_t2(clock) -> None:
    energies = _year(clock).physics.energies
    share = energies.value("active", "t1") / energies.value("active")
    assert 0.65 < share < 0.76


def test_history_shows_in_the_registers_and_counting_goes_on(clock) -> None:
    meter = _year(clock)
    keys = {reg.key for reg in REGISTERS if reg.group == "energy"}

    def value(key: str) -> float:
        return float(meter.register_value(REGISTERS[key]))

    checked = 0
    for key in sorted(k for k in keys if k.endswith(".total")):
        stem = key.removesuffix(".total")
        tariffs = [f"{stem}.t{t}" for t in TARIFFS if f"{stem}.t{t}" in keys]
        phases = [f"{stem}.{p}" for p in PHASES if f"{stem}.{p}" in keys]
        assert len(tariffs) >= 2, key
        assert value(key) == pytest.approx(sum(value(k) for k in tariffs), rel=1e-9), key
        if phases:
            assert value(key) == pytest.approx(sum(value(k) for k in phases), rel=1e-9), key
        checked += 1
    assert checked >= 10
    total, t1 = value("energy.active.total"), value("energy.active.t1")
    assert total > 1000.0 and value("energy.day") == pytest.approx(total)
    clock.advance(3600.0)
    meter.tick()
    assert value("energy.active.total") > total
    assert value("energy.active.t1") > t1  # tariff 1 in force


def test_history_is_deterministic_and_zero_hours_changes_nothing() -> None:
    a, b = Physics(seed=5), Physics(seed=5)
    a.preaccumulate(100.5, full_scale_amps=8.0, combination_code=3)
    b.preaccumulate(100.5, full_scale_amps=8.0, combination_code=3)
    assert a.energies.to_state() == b.energies.to_state()
    c = Physics(seed=5)
    c.preaccumulate(0, full_scale_amps=8.0, combination_code=3)
    assert c.energies.value("active") == 0.0
    with pytest.raises(ValueError):
        c.preaccumulate(-1, full_scale_amps=8.0, combination_code=3)


def _options(*argv: str):
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return parse_options(parser.parse_args(list(argv)))


def test_history_hours_option() -> None:
    assert _options().history_hours == 0.0
    meters = build_meters(_options("--history-hours", "48", "--count", "2"), None)
    assert all(m.physics.energies.value("active") > 0.0 for m in meters)
    fresh = build_meters(_options(), None)
    assert fresh[0].physics.energies.value("active") == 0.0
    with pytest.raises(OptionError, match="history-hours"):
        _options("--history-hours", "-3")
