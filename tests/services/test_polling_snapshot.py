"""A paused chart's copy of the store, stretches between two times, answer age, staleness."""

from __future__ import annotations

import numpy as np

from configurator.services.polling import Poller, SampleStore, stale_after


def filled(n: int, capacity: int = 50) -> SampleStore:
    store = SampleStore(keys=("a", "b"), fine_capacity=capacity, coarse_period=10.0,
                        coarse_capacity=20)
    for i in range(n):
        store.add_row(1000.0 + i, np.array([float(i), -float(i)]))
    return store


def test_snapshot_never_changes_when_the_store_goes_on() -> None:
    store = filled(40)
    snap = store.snapshot()
    times, values = snap.between(0.0)
    assert len(times) >= 40 and values[-1].tolist() == [39.0, -39.0]
    for i in range(40, 200):  # the fine ring wraps several times
        store.add_row(1000.0 + i, np.array([float(i), -float(i)]))
    store.clear()  # a reconnect clears the store
    again, values_again = snap.between(0.0)
    assert np.array_equal(again, times) and np.array_equal(values_again, values)


def test_between_reads_a_stretch_with_chosen_columns() -> None:
    store = filled(40)
    times, values = store.between(1010.0, 1020.0, keys=["b"])
    assert times.tolist() == [1010.0 + i for i in range(10)]
    assert values[:, 0].tolist() == [-10.0 - i for i in range(10)]
    snap = store.snapshot(1005.0, 1015.0)
    t, v = snap.between(1000.0, 2000.0, keys=["a"])
    assert t.tolist() == [1005.0 + i for i in range(10)] and v.shape == (10, 1)


def test_between_reaches_into_the_coarse_ring() -> None:
    store = filled(200)  # the fine ring keeps 50: the older ones are 10 s means
    times, _ = store.between(1000.0, 1100.0)
    assert len(times) >= 5 and times[0] < store.fine.oldest_time()


def test_answer_age_and_staleness() -> None:
    async def read() -> list:
        return []

    poller = Poller(SampleStore(), read)
    assert poller.answer_age() is None
    poller.last_answer = 100.0
    assert poller.answer_age(now=102.5) == 2.5
    assert stale_after(0.1) == 3.0 and stale_after(10.0) == 31.0
