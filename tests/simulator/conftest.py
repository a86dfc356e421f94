"""Shared fixtures for the simulator tests: an injectable clock and ready-made meters."""

from __future__ import annotations

import pytest

from configurator.model.models import Model
from configurator.simulator.meter import VirtualMeter


class FakeClock:
    """A clock the test moves by hand (seconds)."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def meter(clock: FakeClock) -> VirtualMeter:
    return VirtualMeter(Model.PU4, 23000001, clock=clock)


@pytest.fixture
def ct_meter(clock: FakeClock) -> VirtualMeter:
    return VirtualMeter(Model.PUCT2, 23000002, clock=clock)
