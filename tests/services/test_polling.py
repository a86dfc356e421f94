"""Ring buffers, the sample store, decimation and the poller (no Qt)."""

from __future__ import annotations

import asyncio

import numpy as np

from configurator.model.registers import REGISTERS
from configurator.services.meter import Reading
from configurator.services.polling import (
    CHART_KEYS,
    Poller,
    RingBuffer,
    SampleStore,
    decimate,
)


def test_ring_buffer_wraps_and_keeps_the_newest_in_order() -> None:
    ring = RingBuffer(5, 2)
    for i in range(8):
        ring.append(float(i), [i, -i])
    times, values = ring.since(-1)
    assert list(times) == [3, 4, 5, 6, 7]
    assert list(values[:, 1]) == [-3, -4, -5, -6, -7]
    assert ring.oldest_time() == 3
    times, values = ring.since(4.5, before=7, columns=[1])
    assert list(times) == [5, 6] and values.shape == (2, 1)


def test_ring_buffer_extend_matches_append() -> None:
    a, b = RingBuffer(7, 1), RingBuffer(7, 1)
    t = np.arange(12, dtype=float)
    for x in t:
        a.append(x, [x])
    b.extend(t[:3], t[:3, None])
    b.extend(t[3:], t[3:, None])
    assert np.array_equal(a.since(0)[0], b.since(0)[0])
    c = RingBuffer(4, 1)
    c.extend(t, t[:, None])  # more than the capacity at once
    assert list(c.since(0)[0]) == [8, 9, 10, 11]


def test_store_memory_is_fixed_and_long_windows_use_coarse_means() -> None:
    store = SampleStore(fine_capacity=100, coarse_period=10.0, coarse_capacity=50)
    before = store.nbytes
    row = np.ones(len(store.keys))
    for i in range(1000):  # 1000 s at 1 Hz: the fine ring holds only the last 100 s
        store.add_row(float(i), row * i)
    assert store.nbytes == before
    t, v = store.window(300.0, now=1000.0)
    assert t[0] >= 700 and t[-1] == 999
    assert len(t) == 100 + 20  # 100 fine rows + 10-s means for 700-899
    assert np.all(np.diff(t) > 0)
    assert v[0, 0] == np.mean(np.arange(700, 710))
    t2, v2 = store.window(50.0, now=1000.0, keys=["frequency"])
    assert v2.shape == (len(t2), 1) and len(t2) == 50


def test_store_rows_from_readings() -> None:
    store = SampleStore()
    readings = [Reading(REGISTERS["frequency"], 50.0), Reading(REGISTERS["voltage.l1"], 231.0)]
    store.add(1.0, readings)
    t, v = store.window(10, now=2.0, keys=["frequency", "voltage.l1", "current.l1"])
    assert v[0, 0] == 50.0 and v[0, 1] == 231.0 and np.isnan(v[0, 2])
    assert store.latest["frequency"] == 50.0
    assert set(CHART_KEYS) >= {"power.active.l1", "voltage.l1_l2", "power_factor"}


def test_decimate_keeps_peaks_and_bounds_the_size() -> None:
    n = 36_000
    t = np.arange(n, dtype=float)
    values = np.zeros((n, 2))
    values[12_345, 0] = 99.0
    values[20_000, 1] = -5.0
    values[30_000:30_010, 0] = np.nan
    dt, dv = decimate(t, values, 1000)
    assert len(dt) <= 1100
    assert dv[:, 0].max() == 99.0 and np.nanmin(dv[:, 1]) == -5.0
    assert np.all(np.diff(dt) >= 0)
    same_t, same_v = decimate(t[:10], values[:10], 1000)
    assert len(same_t) == 10 and same_v.shape == (10, 2)


def test_poller_polls_pauses_and_reports_errors() -> None:
    async def scenario() -> tuple[int, int, list[str]]:
        store = SampleStore(fine_capacity=1000)
        errors: list[str] = []
        calls = {"n": 0}
        target = {"n": 6}
        reached = asyncio.Event()

        async def read() -> list[Reading]:
            calls["n"] += 1
            if calls["n"] >= target["n"]:
                reached.set()
            if calls["n"] == 3:
                raise RuntimeError("boom")
            return [Reading(REGISTERS["frequency"], 50.0 + calls["n"])]

        poller = Poller(store, read, on_error=lambda exc: errors.append(str(exc)),
                        interval=0.001)
        poller.start()
        await reached.wait()  # five samples stored (one read of six failed)
        poller.set_paused(True)
        # Paused: no read may happen while time passes; only a stretch of time can show that.
        await asyncio.sleep(0.01)
        paused_at = calls["n"]
        await asyncio.sleep(0.02)
        still = calls["n"]
        reached.clear()
        target["n"] = still + 3
        poller.set_paused(False)
        await reached.wait()
        await poller.stop()
        assert not poller.running
        return paused_at, still, errors

    paused_at, still, errors = asyncio.run(scenario())
    assert paused_at == still
    assert errors == ["boom"]
