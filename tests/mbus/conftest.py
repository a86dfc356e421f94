"""Fixtures for the M-Bus tests: the simulator tests' hand-moved clock."""

from __future__ import annotations

import pytest

from tests.simulator.conftest import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
