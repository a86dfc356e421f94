"""Recent link health from cumulative counters: error rate and garbled-answer bursts."""

from __future__ import annotations

from configurator.services.link_health import LinkHealth, LinkVerdict


def counters(tx: int, crc: int = 0, timeouts: int = 0, **more: int) -> dict[str, int]:
    return {"transactions": tx, "crc_errors": crc, "timeouts": timeouts, **more}


def test_rate_counts_timeouts_and_garbled_answers_over_the_last_hundred() -> None:
    health = LinkHealth()
    assert health.error_rate() is None and health.verdict() is LinkVerdict.UNKNOWN
    health.observe(counters(50, crc=1, timeouts=1))
    assert health.error_rate() == 4.0  # 2 of 50 since the session began
    for tx in range(60, 400, 10):
        health.observe(counters(tx, crc=1, timeouts=1))  # no new errors
    assert health.error_rate() == 0.0  # the old errors left the window
    health.observe(counters(410, crc=3, timeouts=2))
    window = health.recent(100)
    assert window.transactions >= 100 and window.crc_errors == 2 and window.timeouts == 1
    assert health.error_rate() == 100.0 * 3 / window.transactions


def test_a_burst_of_garbled_answers_and_a_collision() -> None:
    health = LinkHealth()
    health.observe(counters(100))
    assert health.verdict() is LinkVerdict.OK
    health.observe(counters(110, crc=4))
    assert health.verdict() is LinkVerdict.OK  # 4 in the last 20: not yet a burst
    health.observe(counters(118, crc=5))
    assert health.verdict() is LinkVerdict.GARBLED
    for tx in range(130, 200, 10):
        health.observe(counters(tx, crc=5))
    assert health.verdict() is LinkVerdict.OK  # the burst is over
    health.observe(counters(205, crc=5, collisions=1))
    assert health.verdict() is LinkVerdict.COLLISION


def test_counters_that_go_back_mean_a_new_session() -> None:
    health = LinkHealth()
    health.observe(counters(500, crc=50))
    health.observe(counters(10))
    assert health.current.transactions == 10 and health.recent(100).crc_errors == 0
