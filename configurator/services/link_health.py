"""Recent link health from a session's cumulative link counters (no Qt, no widgets).

A session counts transactions, timeouts and garbled (CRC / frame) answers since it opened
(`MeterSession.link_counters()`). `LinkHealth` samples those totals now and then and answers
questions about the *recent* past: the error rate over the last hundred transactions, and
whether a burst of garbled answers (or a collision, where a transport counts them) says that
two meters share an address or the wiring is wrong. Samples are cheap (a few integers) and
bounded; a counter that goes backwards means a new session, and the history starts again.

Windows are "at least N transactions": the newest sample at least N transactions old is the
base, so with a few transactions per sample a window may hold a few more than N.
"""

from __future__ import annotations

import enum
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass

RATE_WINDOW = 100  # transactions behind the error rate
BURST_WINDOW = 20  # transactions behind the garbled-answers verdict
BURST_ERRORS = 5  # garbled answers in BURST_WINDOW that make it a burst
KEEP_SAMPLES = 2048


class LinkVerdict(enum.Enum):
    """What the recent counters say about the link."""

    UNKNOWN = "unknown"  # no transaction yet
    OK = "ok"
    GARBLED = "garbled"  # a burst of CRC / frame errors
    COLLISION = "collision"  # the transport saw two answers at once


@dataclass(frozen=True)
class CounterSample:
    """The cumulative counters at one moment."""

    transactions: int = 0
    timeouts: int = 0
    crc_errors: int = 0
    collisions: int = 0

    @classmethod
    def of(cls, counters: Mapping[str, int]) -> CounterSample:
        """The figures of a `link_counters()` dict (missing counters count as 0)."""
        return cls(int(counters.get("transactions", 0)), int(counters.get("timeouts", 0)),
                   int(counters.get("crc_errors", 0)), int(counters.get("collisions", 0)))

    def minus(self, other: CounterSample) -> CounterSample:
        """What happened between `other` (earlier) and this sample."""
        return CounterSample(self.transactions - other.transactions,
                             self.timeouts - other.timeouts,
                             self.crc_errors - other.crc_errors,
                             self.collisions - other.collisions)


ZERO = CounterSample()


class LinkHealth:
    """Error rate and garbled-answer bursts over the last transactions."""

    def __init__(self, rate_window: int = RATE_WINDOW, burst_window: int = BURST_WINDOW,
                 burst_errors: int = BURST_ERRORS, keep: int = KEEP_SAMPLES) -> None:
        self.rate_window = rate_window
        self.burst_window = burst_window
        self.burst_errors = burst_errors
        self.samples: deque[CounterSample] = deque([ZERO], maxlen=keep)

    @property
    def current(self) -> CounterSample:
        """The newest sample."""
        return self.samples[-1]

    def reset(self) -> None:
        """Forget the history (a new session starts counting from zero)."""
        self.samples.clear()
        self.samples.append(ZERO)

    def observe(self, counters: Mapping[str, int]) -> None:
        """Record the session's counters now (an unchanged total adds nothing)."""
        sample = CounterSample.of(counters)
        last = self.current
        if sample.transactions < last.transactions or sample.crc_errors < last.crc_errors \
                or sample.timeouts < last.timeouts:
            self.reset()  # the counters restarted: another session
            last = self.current
        if sample != last:
            self.samples.append(sample)

    def recent(self, transactions: int) -> CounterSample:
        """What happened over (at least) the last `transactions` transactions, or since the
        session began if it has made fewer."""
        now = self.current
        base = self.samples[0]
        for sample in reversed(self.samples):
            if now.transactions - sample.transactions >= transactions:
                base = sample
                break
        return now.minus(base)

    def error_rate(self) -> float | None:
        """Timeouts plus garbled answers per 100 transactions, over the last `rate_window`
        transactions; None before the first transaction."""
        window = self.recent(self.rate_window)
        if window.transactions <= 0:
            return None
        return 100.0 * (window.timeouts + window.crc_errors) / window.transactions

    def verdict(self) -> LinkVerdict:
        """A collision, a burst of garbled answers, fine, or nothing known yet."""
        if self.current.transactions == 0:
            return LinkVerdict.UNKNOWN
        window = self.recent(self.burst_window)
        if window.collisions > 0:
            return LinkVerdict.COLLISION
        if window.crc_errors >= self.burst_errors:
            return LinkVerdict.GARBLED
        return LinkVerdict.OK


__all__ = ["BURST_ERRORS", "BURST_WINDOW", "RATE_WINDOW", "CounterSample", "LinkHealth",
           "LinkVerdict"]
