"""Polling measurements into fixed-size numpy ring buffers (no Qt, no widgets).

`SampleStore` keeps two preallocated rings: a fine one (every sample, by default one hour at
10 Hz) and a coarse one (means over `coarse_period` seconds, by default 24 h of 10 s means).
Memory is allocated once, so it stays flat however long a session runs. `Poller` reads through
a caller-supplied coroutine (the connection manager's serialised session) at a selectable
interval and feeds the store, and remembers when the meter last answered.

A `Snapshot` is a copy of a stretch of the store (every channel): what a paused chart shows.
It belongs to whoever took it, so samples added to the store afterwards (polling goes on, the
rings wrap, a reconnect clears the store) never change or push out what it holds.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import numpy as np

from ..model.registers import REGISTERS
from ..transport.waiting import within
from .meter import Reading

# Every instantaneous value the charts can show, in register-table order.
CHART_KEYS: tuple[str, ...] = tuple(r.key for r in REGISTERS.select(groups=["measurement"]))
POLL_INTERVALS_S: tuple[float, ...] = (0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0)
TIME_WINDOWS_S: tuple[tuple[str, float], ...] = (
    ("1 min", 60.0), ("5 min", 300.0), ("15 min", 900.0), ("1 h", 3600.0), ("6 h", 21600.0),
    ("24 h", 86400.0),
)


def stale_after(interval: float) -> float:
    """Seconds without an answer after which the newest values count as stale: three missed
    polls, and never less than 3 s (a slow link's answers take their time)."""
    return max(3.0, 3.0 * interval + 1.0)


class RingBuffer:
    """A fixed-capacity ring of timestamped rows of floats, allocated once."""

    def __init__(self, capacity: int, channels: int) -> None:
        self.capacity = capacity
        self.times = np.zeros(capacity, dtype=np.float64)
        self.values = np.full((capacity, channels), np.nan, dtype=np.float64)
        self.head = 0  # next slot to write
        self.size = 0

    def append(self, t: float, row: np.ndarray | Sequence[float]) -> None:
        """Add one row, overwriting the oldest when full."""
        self.times[self.head] = t
        self.values[self.head] = row
        self.head = (self.head + 1) % self.capacity
        self.size = min(self.size + 1, self.capacity)

    def extend(self, times: np.ndarray, rows: np.ndarray) -> None:
        """Add many rows at once (vectorised; benchmarks and bulk loads)."""
        n = len(times)
        if n >= self.capacity:
            times, rows, n = times[-self.capacity:], rows[-self.capacity:], self.capacity
        first = min(n, self.capacity - self.head)
        self.times[self.head:self.head + first] = times[:first]
        self.values[self.head:self.head + first] = rows[:first]
        rest = n - first
        if rest:
            self.times[:rest] = times[first:]
            self.values[:rest] = rows[first:]
        self.head = (self.head + n) % self.capacity
        self.size = min(self.size + n, self.capacity)

    def oldest_time(self) -> float | None:
        """Time of the oldest row kept, or None when empty."""
        if not self.size:
            return None
        return float(self.times[(self.head - self.size) % self.capacity])

    def since(self, start: float, before: float | None = None,
              columns: Sequence[int] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Rows with start <= t (< before), oldest first, as fresh arrays.

        Only the wanted rows (and `columns`, if given) are copied.
        """
        cols: Any = slice(None) if columns is None else list(columns)
        width = self.values.shape[1] if columns is None else len(cols)
        if not self.size:
            return np.empty(0), np.empty((0, width))
        first = (self.head - self.size) % self.capacity
        if first + self.size <= self.capacity:
            segments = [(first, first + self.size)]
        else:
            segments = [(first, self.capacity), (0, self.head)]
        times_out, values_out = [], []
        for lo, hi in segments:
            seg = self.times[lo:hi]
            a = lo + int(np.searchsorted(seg, start, side="left"))
            b = hi if before is None else lo + int(np.searchsorted(seg, before, side="left"))
            if b > a:
                times_out.append(self.times[a:b])
                values_out.append(self.values[a:b, cols])
        if not times_out:
            return np.empty(0), np.empty((0, width))
        if len(times_out) == 1:
            return times_out[0].copy(), np.array(values_out[0])
        return np.concatenate(times_out), np.concatenate(values_out)

    @property
    def nbytes(self) -> int:
        """Memory held by the ring."""
        return int(self.times.nbytes + self.values.nbytes)


class SampleStore:
    """Fine and coarse rings for the chart channels; memory fixed at construction."""

    def __init__(self, keys: Sequence[str] = CHART_KEYS, fine_capacity: int = 36_000,
                 coarse_period: float = 10.0, coarse_capacity: int = 8_640) -> None:
        self.keys = tuple(keys)
        self.index = {key: i for i, key in enumerate(self.keys)}
        self.fine = RingBuffer(fine_capacity, len(self.keys))
        self.coarse = RingBuffer(coarse_capacity, len(self.keys))
        self.coarse_period = coarse_period
        self._sum = np.zeros(len(self.keys))
        self._count = 0
        self._bucket: float | None = None
        self.latest: dict[str, Any] = {}
        self.latest_time: float | None = None  # wall-clock time of the newest sample

    def row_from(self, readings: Sequence[Reading]) -> np.ndarray:
        """The chart row for a list of readings (NaN where a value is missing)."""
        row = np.full(len(self.keys), np.nan)
        for reading in readings:
            i = self.index.get(reading.register.key)
            if i is not None and isinstance(reading.value, (int, float)):
                row[i] = float(reading.value)
        return row

    def add(self, t: float, readings: Sequence[Reading]) -> None:
        """Store one poll's readings taken at time `t`."""
        self.latest = {r.register.key: r.value for r in readings}
        self.latest_time = t
        self.add_row(t, self.row_from(readings))

    def add_row(self, t: float, row: np.ndarray) -> None:
        """Store one chart row."""
        self.fine.append(t, row)
        bucket = t - (t % self.coarse_period)
        if self._bucket is not None and bucket != self._bucket and self._count:
            self.coarse.append(self._bucket + self.coarse_period / 2, self._sum / self._count)
            self._sum[:] = 0.0
            self._count = 0
        self._bucket = bucket
        self._sum += np.nan_to_num(row)
        self._count += 1

    def window(self, seconds: float, now: float | None = None,
               keys: Sequence[str] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(times, values) of the last `seconds`: coarse means where the fine ring ends.

        With `keys`, only those channels (columns in that order) are returned.
        """
        end = time.time() if now is None else now
        return self.between(end - seconds, None, keys)

    def between(self, start: float, end: float | None = None,
                keys: Sequence[str] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(times, values) with start <= t (< end): coarse means where the fine ring ends.

        With `keys`, only those channels (columns in that order) are returned.
        """
        columns = None if keys is None else [self.index[k] for k in keys]
        fine_oldest = self.fine.oldest_time()
        if fine_oldest is None or fine_oldest <= start or not self.coarse.size:
            return self.fine.since(start, before=end, columns=columns)
        coarse_end = fine_oldest if end is None else min(fine_oldest, end)
        ct, cv = self.coarse.since(start, before=coarse_end, columns=columns)
        ft, fv = self.fine.since(start, before=end, columns=columns)
        return np.concatenate((ct, ft)), np.concatenate((cv, fv))

    def oldest_time(self) -> float | None:
        """Time of the oldest sample kept (coarse or fine), or None when empty."""
        times = [t for t in (self.coarse.oldest_time(), self.fine.oldest_time()) if t is not None]
        return min(times) if times else None

    def snapshot(self, start: float | None = None, end: float | None = None) -> Snapshot:
        """A copy of every channel from `start` (default: the oldest sample kept) to `end`."""
        oldest = self.oldest_time()
        first = start if start is not None else (oldest if oldest is not None else 0.0)
        times, values = self.between(first, end)
        return Snapshot(self.keys, times, values, dict(self.latest), self.latest_time)

    def clear(self) -> None:
        """Forget every sample (memory stays allocated)."""
        for ring in (self.fine, self.coarse):
            ring.head = ring.size = 0
        self._sum[:] = 0.0
        self._count = 0
        self._bucket = None
        self.latest = {}
        self.latest_time = None

    @property
    def nbytes(self) -> int:
        """Memory held by both rings."""
        return self.fine.nbytes + self.coarse.nbytes


class Snapshot:
    """A frozen copy of the store's samples: answers `between` like the store, never changes."""

    def __init__(self, keys: Sequence[str], times: np.ndarray, values: np.ndarray,
                 latest: dict[str, Any], latest_time: float | None) -> None:
        self.keys = tuple(keys)
        self.index = {key: i for i, key in enumerate(self.keys)}
        self.times = times
        self.values = values
        self.latest = latest
        self.latest_time = latest_time

    def __len__(self) -> int:
        return len(self.times)

    def between(self, start: float, end: float | None = None,
                keys: Sequence[str] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(times, values) with start <= t (< end), as fresh arrays."""
        a = int(np.searchsorted(self.times, start, side="left"))
        b = len(self.times) if end is None else int(np.searchsorted(self.times, end, "left"))
        cols: Any = slice(None) if keys is None else [self.index[k] for k in keys]
        return self.times[a:b].copy(), np.array(self.values[a:b][:, cols])


def decimate(times: np.ndarray, values: np.ndarray, max_points: int
             ) -> tuple[np.ndarray, np.ndarray]:
    """At most about `max_points` rows that keep each bucket's minimum and maximum (peaks).

    Charts cannot show more points than they have pixels; drawing 36 000 points per curve
    costs far more than finding the extremes with numpy. NaN gaps survive (fmin/fmax ignore
    NaN unless a whole bucket is NaN).
    """
    n = len(times)
    if n <= max_points or max_points < 4:
        return times, values
    bucket = -(-n // (max_points // 2))  # ceil
    whole = (n // bucket) * bucket
    shaped = values[:whole].reshape(n // bucket, bucket, values.shape[1])
    low = np.fmin.reduce(shaped, axis=1)
    high = np.fmax.reduce(shaped, axis=1)
    t = times[:whole].reshape(n // bucket, bucket)
    out_t = np.empty(2 * len(t))
    out_t[0::2] = t[:, 0]
    out_t[1::2] = t[:, -1]
    out_v = np.empty((2 * len(t), values.shape[1]))
    out_v[0::2] = low
    out_v[1::2] = high
    if whole < n:  # the newest, partial bucket as it is
        out_t = np.concatenate((out_t, times[whole:]))
        out_v = np.concatenate((out_v, values[whole:]))
    return out_t, out_v


class Poller:
    """Reads measurements at `interval` seconds (and status every `status_every` seconds).

    `read` and `read_status` are coroutines supplied by the owner of the bus; errors go to
    `on_error` and polling goes on (the owner decides whether the link is lost).
    """

    def __init__(self, store: SampleStore, read: Callable[[], Awaitable[list[Reading]]],
                 *, read_status: Callable[[], Awaitable[Any]] | None = None,
                 on_readings: Callable[[list[Reading]], None] | None = None,
                 on_status: Callable[[Any], None] | None = None,
                 on_error: Callable[[Exception], None] | None = None,
                 interval: float = 1.0, status_every: float = 2.0) -> None:
        self.store = store
        self.read = read
        self.read_status = read_status
        self.on_readings = on_readings
        self.on_status = on_status
        self.on_error = on_error
        self.interval = interval
        self.status_every = status_every
        self.polls = 0
        self.failures = 0  # polls that raised
        self.last_answer: float | None = None  # time.monotonic() of the last good poll
        self._resume = asyncio.Event()
        self._resume.set()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._generation = 0  # each start gets a number; an older loop sees it and ends
        self._last_status = 0.0

    @property
    def running(self) -> bool:
        """Whether the polling task is alive."""
        return self._task is not None and not self._task.done()

    @property
    def paused(self) -> bool:
        """Whether polling is paused."""
        return not self._resume.is_set()

    def set_paused(self, paused: bool) -> None:
        """Pause or resume (the task stays alive)."""
        if paused:
            self._resume.clear()
        else:
            self._resume.set()

    def answer_age(self, now: float | None = None) -> float | None:
        """Seconds since the meter last answered a poll, or None if it never has."""
        if self.last_answer is None:
            return None
        return (time.monotonic() if now is None else now) - self.last_answer

    def set_interval(self, seconds: float) -> None:
        """Change the interval; takes effect at once."""
        self.interval = seconds
        self._wake.set()

    def start(self) -> None:
        """Start polling (idempotent)."""
        if not self.running:
            self._generation += 1
            self._task = asyncio.ensure_future(self._run(self._generation))

    def _retire(self) -> None:
        # A cancellation can be lost in a race inside asyncio.wait_for (CPython < 3.12), so
        # the loop also ends when it sees that its generation is no longer current.
        self._generation += 1
        self._wake.set()

    def cancel(self) -> None:
        """Stop polling without waiting (safe from inside the polling task itself)."""
        self._retire()
        task, self._task = self._task, None
        if task is not None:
            task.cancel()

    async def stop(self) -> None:
        """Stop polling and wait for the task to end."""
        self._retire()
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _run(self, generation: int) -> None:
        while generation == self._generation:
            await self._resume.wait()
            if generation != self._generation:
                return
            started = time.monotonic()
            await self.poll_once()
            if generation != self._generation:
                return
            self._wake.clear()
            delay = max(0.0, self.interval - (time.monotonic() - started))
            with contextlib.suppress(TimeoutError):
                await within(self._wake.wait(), delay)

    async def poll_once(self) -> None:
        """One poll: measurements, and status when due; errors reported, never raised."""
        try:
            readings = await self.read()
            self.store.add(time.time(), readings)
            self.polls += 1
            self.last_answer = time.monotonic()
            if self.on_readings is not None:
                self.on_readings(readings)
            now = time.monotonic()
            if self.read_status is not None and now - self._last_status >= self.status_every:
                self._last_status = now
                status = await self.read_status()
                if self.on_status is not None:
                    self.on_status(status)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # reported to the owner, who decides what it means
            self.failures += 1
            if self.on_error is not None:
                self.on_error(exc)
