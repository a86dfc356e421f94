"""The simulator's seeded fault mode: parsing, reproducibility, what each fault does, counts."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import termios
import tty
from pathlib import Path

import pytest

from configurator.protocol import modbus_rtu as rtu
from configurator.simulator.faults import (
    FaultInjector,
    FaultSpec,
    FaultSpecError,
    parse_faults,
)
from configurator.simulator.launcher import SimulatorProcess

REPLY = rtu.build_read_response(1, [0x1111])


def test_a_spec_parses_into_its_faults() -> None:
    spec = parse_faults("drop=0.15, crc=10%,late=0.05,late-s=0.4,garbage=0.01,noack,"
                        "die-after=7,seed=3")
    assert spec == FaultSpec(drop=0.15, crc=0.10, late=0.05, late_s=0.4, garbage=0.01,
                             noack=True, die_after=7, seed=3)
    assert parse_faults("garbage").garbage == 1.0
    assert parse_faults("seed=1").active is False
    assert "drop=0.15" in spec.describe() and "die-after=7" in spec.describe()


@pytest.mark.parametrize(("text", "words"), [
    ("drop=1.5", "between 0 and 1"),
    ("drop=x", "not a number"),
    ("drop", "needs a probability"),
    ("crc=0.6,drop=0.6", "at most 1"),
    ("noack=1", "takes no value"),
    ("die-after=0", "at least 1"),
    ("seed=-1", "at least 0"),
    ("late-s=0", "0-60 seconds"),
    ("drop=0.1,drop=0.2", "twice"),
    ("bogus=1", "unknown fault 'bogus'"),
])
def test_a_bad_spec_is_one_sentence(text: str, words: str) -> None:
    with pytest.raises(FaultSpecError, match=words) as caught:
        parse_faults(text)
    assert "\n" not in str(caught.value)


def test_a_bad_spec_on_the_command_line_exits_2_with_one_line() -> None:
    done = subprocess.run([sys.executable, "-m", "configurator", "simulate", "--faults",
                           "drop=2"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "error: --faults drop=2 is not valid: a probability lies between 0 and 1."]


def _verdicts(spec: FaultSpec, frames: int) -> list[bytes | None]:
    injector = FaultInjector(spec)
    return [injector.shape(REPLY, write=False).data for _ in range(frames)]


def test_the_same_seed_gives_the_same_faults_and_another_seed_others() -> None:
    spec = FaultSpec(drop=0.15, crc=0.10, seed=1)
    assert _verdicts(spec, 400) == _verdicts(spec, 400)
    assert _verdicts(spec, 400) != _verdicts(FaultSpec(drop=0.15, crc=0.10, seed=2), 400)


def test_drop_and_crc_act_on_their_share_of_the_replies_and_are_counted() -> None:
    injector = FaultInjector(FaultSpec(drop=0.15, crc=0.10, seed=5))
    out = [injector.shape(REPLY, write=False).data for _ in range(4000)]
    stats = injector.stats
    assert stats.frames == stats.replies == 4000
    assert out.count(None) == stats.dropped
    corrupted = [o for o in out if o is not None and o != REPLY]
    assert len(corrupted) == stats.corrupted
    assert all(len(o) == len(REPLY) and not rtu.crc_ok(o) for o in corrupted)  # one byte
    assert stats.sent == 4000 - stats.dropped
    # one draw per frame: the shares are those asked for, within sampling noise
    assert 540 <= stats.dropped <= 660 and 340 <= stats.corrupted <= 460


def test_noack_withholds_write_replies_only_and_garbage_answers_everything() -> None:
    injector = FaultInjector(FaultSpec(noack=True))
    assert injector.shape(REPLY, write=True).data is None
    assert injector.shape(REPLY, write=False).data == REPLY
    assert injector.stats.noack == 1
    babbler = FaultInjector(FaultSpec(garbage=1.0, seed=4))
    answers = [babbler.shape(None, write=False).data for _ in range(50)]
    assert all(a for a in answers) and len(set(answers)) > 40
    assert babbler.stats.garbage == 50


def test_late_replies_carry_their_delay() -> None:
    injector = FaultInjector(FaultSpec(late=1.0, late_s=0.3))
    shaped = injector.shape(REPLY, write=False)
    assert shaped.late and shaped.delay == 0.3 and shaped.data == REPLY


def test_die_after_n_serves_n_frames_and_the_next_one_closes_the_pty(tmp_path: Path) -> None:
    """Exact: frames 1-4 are handled (here dropped, or to nobody), frame 5 ends the process."""
    stats_file = tmp_path / "stats.json"
    with SimulatorProcess("--link", str(tmp_path / "bus"), "--address", "1",
                          faults="drop=1.0,die-after=4,seed=1", fault_stats=stats_file) as sim:
        assert sim.stdout_lines[-2:] == ["Faults: drop=1,die-after=4,seed=1",
                                         f"Link: {tmp_path / 'bus'}"]
        assert sim.fault_counts().frames == 0
        fd = os.open(sim.port, os.O_RDWR | os.O_NOCTTY)
        try:
            tty.setraw(fd)
            attrs = termios.tcgetattr(fd)
            attrs[4] = attrs[5] = termios.B9600
            termios.tcsetattr(fd, termios.TCSANOW, attrs)
            for address in (1, 1, 1, 9, 1):  # address 9: nobody there, counted all the same
                os.write(fd, rtu.build_read(address, 0x4002, 1))
            assert sim.process is not None
            assert sim.process.wait(timeout=20) == 0  # the event: the simulator has gone
            with contextlib.suppress(OSError):  # the other side is closed: EOF, or EIO
                assert os.read(fd, 16) == b""
        finally:
            os.close(fd)
        counts = sim.fault_counts()
        assert not (tmp_path / "bus").exists()  # the link went with it
    assert (counts.frames, counts.replies, counts.dropped, counts.sent) == (4, 3, 3, 0)
    assert counts.died
    assert sim.stdout_lines[-1] == ("Fault counts: 4 frames received, 3 replies, 3 dropped, "
                                    "0 corrupted, 0 late, 0 unheard, 0 writes unanswered, "
                                    "0 garbage, died")
