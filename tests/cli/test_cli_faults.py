"""The real CLI through the simulator's seeded line faults, end to end, judged by counts.

The simulator (its own process, a real pty) drops and corrupts replies with a fixed seed and
counts what it did (`--fault-stats`); the CLI runs as a subprocess. A short --timeout keeps the
cost of a dropped answer low: the simulator answers at once on a pty.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from configurator.errors import ExitCode
from configurator.services.mbus_scan import NOISE_LIMIT
from configurator.simulator.launcher import SimulatorProcess
from tests.conftest import run_cli

FAST = ("--timeout", "0.15")
SLACK = 2  # frames a heavily loaded machine may add: an answer that came after its timeout
MBUS = ("--protocol", "mbus")
RUNS = 10


def _sim(tmp_path: Path, name: str, faults: str | None, *args: str) -> SimulatorProcess:
    return SimulatorProcess("--link", str(tmp_path / name), *args, faults=faults,
                            fault_stats=tmp_path / f"{name}.json")


COMMANDS = ("read", "get", "info")


@pytest.fixture(scope="module")
def clean_frames(tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    """Request frames one run of each command takes on a clean line."""
    frames: dict[str, int] = {}
    with _sim(tmp_path_factory.mktemp("clean"), "clean", None) as sim:
        for command in COMMANDS:
            before = sim.fault_counts().frames
            assert run_cli(command, "--json", "--port", sim.port, *FAST).code == 0
            frames[command] = sim.fault_counts().frames - before
    return frames


@pytest.mark.parametrize("command", COMMANDS)
def test_every_run_succeeds_through_15_percent_drops_and_10_percent_crc(tmp_path, command,
                                                                        clean_frames):
    clean = clean_frames[command]
    with _sim(tmp_path, "bus", "drop=0.15,crc=0.10,seed=1") as sim:
        results = [run_cli(command, "--json", "--port", sim.port, *FAST) for _ in range(RUNS)]
    faults = sim.fault_counts()
    assert [r.code for r in results] == [0] * RUNS, [r.err for r in results if r.code]
    if command == "get":
        assert all(r.json()["unreadable"] == {} for r in results)
    assert faults.dropped and faults.corrupted  # the line really was bad ...
    assert faults.dropped + faults.corrupted >= 0.15 * RUNS * clean  # ... about 25 % bad
    # each lost or garbled answer cost exactly one retry: no desynchronised transaction
    # (tests/transport/test_faults_link.py shows the same exactly, in one process)
    expected = RUNS * clean + faults.dropped + faults.corrupted
    assert expected <= faults.frames <= expected + SLACK


def test_nine_of_ten_reads_succeed_through_40_percent_faults(tmp_path, clean_frames):
    clean = clean_frames["read"]
    with _sim(tmp_path, "bus", "drop=0.20,crc=0.20,seed=4") as sim:
        codes = [run_cli("read", "--json", "--port", sim.port, *FAST).code for _ in range(RUNS)]
    faults = sim.fault_counts()
    assert codes.count(0) >= 9, codes
    assert faults.dropped + faults.corrupted >= RUNS * clean * 0.3  # 40 % asked, seed-fixed
    assert faults.frames > RUNS * clean  # the retries were spent


def test_retries_option_and_the_first_contact_cap_by_frames(tmp_path):
    with _sim(tmp_path, "bus", "drop=1.0,seed=1") as sim:  # a meter whose answers are all lost
        none = run_cli("info", "--retries", "0", "--port", sim.port, "--timeout", "0.05")
        two = run_cli("info", "--retries", "2", "--port", sim.port, "--timeout", "0.05")
        default = run_cli("info", "--port", sim.port, "--timeout", "0.05")
    assert none.code == two.code == default.code == ExitCode.TIMEOUT
    assert "No answer from meter 1" in default.err
    # 1, 3, and 4 attempts: by default silence from a device never heard is tried 4 times
    assert sim.fault_counts().frames == 1 + 3 + 4
    bad = run_cli("info", "--retries", "11", "--port", "/dev/null")
    assert bad.code == ExitCode.USAGE and "give a number of retries 0-10" in bad.err


def test_scan_finds_three_meters_under_faults_or_says_which_answered_garbled(tmp_path):
    with _sim(tmp_path, "bus", "drop=0.15,crc=0.10,seed=2", "--count", "3", "--address",
              "5") as sim:
        result = run_cli("scan", "--first", "1", "--last", "10", "--port", sim.port,
                         "--json", *FAST)
    data = result.json()
    found = [m["address"] for m in data["meters"]]
    if result.code == 0:
        assert found == [5, 6, 7] and data["garbled"] == []
    else:  # never silently fewer: the missing ones are named, and the exit code says so
        assert result.code == ExitCode.CRC, result.err
        assert set(found) | set(data["garbled"]) == {5, 6, 7}
    assert all(m.get("serial") for m in data["meters"])
    assert data["sweeps"] >= 1  # the line showed faults: silent addresses were asked again
    faults = sim.fault_counts()
    assert faults.dropped + faults.corrupted >= 3


def test_one_exit_rule_for_bus_wide_commands(tmp_path):
    with _sim(tmp_path, "empty", None, "--address", "200") as sim:
        empty = run_cli("scan", "--first", "1", "--last", "3", "--port", sim.port, *FAST)
        empty_backup = run_cli("backup", "--all", "-o", str(tmp_path / "b1"), "--first", "1",
                               "--last", "3", "--port", sim.port, *FAST)
    assert empty.code == empty_backup.code == ExitCode.TIMEOUT
    assert "No device answered at addresses 1-3" in empty.err
    with _sim(tmp_path, "babble", "garbage,seed=1", "--address", "200") as sim:
        babble = run_cli("scan", "--first", "1", "--last", "3", "--port", sim.port, "--json",
                         *FAST)
        babble_backup = run_cli("backup", "--all", "-o", str(tmp_path / "b2"), "--first",
                                "1", "--last", "3", "--port", sim.port, *FAST)
    assert babble.code == babble_backup.code == ExitCode.CRC
    assert babble.json()["garbled"] == [1, 2, 3] and babble.json()["meters"] == []
    assert "0 found, 3 address(es) answered garbled (1, 2, 3)" in babble.err
    assert "Traceback" not in babble.err + babble_backup.err


def test_mbus_primary_scan_under_faults(tmp_path):
    with _sim(tmp_path, "bus", "drop=0.15,crc=0.10,seed=3", "--protocol", "mbus", "--count",
              "3", "--mbus-address", "1") as sim:
        result = run_cli("scan", *MBUS, "--first", "0", "--last", "5", "--port", sim.port,
                         "--timeout", "0.05", "--json")
    data = result.json()
    found = [m["primary_address"] for m in data["meters"] if m["secondary_address"]]
    if result.code == 0:
        assert found == [1, 2, 3]
    else:
        assert result.code == ExitCode.CRC, result.err
        assert set(found) | set(data["garbled"]) == {1, 2, 3}
    assert sim.fault_counts().dropped + sim.fault_counts().corrupted >= 2


def test_secondary_search_on_a_garbage_line_stops_with_exit_5_in_few_probes(tmp_path):
    with _sim(tmp_path, "bus", "garbage,seed=1", "--protocol", "mbus") as sim:
        result = run_cli("scan", "--secondary", *MBUS, "--port", sim.port, "--timeout",
                         "0.05")
    assert result.code == ExitCode.CRC
    assert f"The line is too noisy to search ({NOISE_LIMIT} of the last" in result.err
    assert "check wiring, termination and baud rate" in result.err
    # every probe is a frame the simulator received: NOISE_LIMIT selections and at most one
    # REQ_UD2 each, instead of a walk through 10^8 addresses
    assert sim.fault_counts().frames <= 2 * NOISE_LIMIT


def test_ctrl_c_ends_a_secondary_search_cleanly_and_frees_the_port(tmp_path):
    with _sim(tmp_path, "bus", None, "--protocol", "mbus", "--count", "3") as sim:
        process = subprocess.Popen(
            [sys.executable, "-m", "configurator", "scan", "--secondary", *MBUS, "--port",
             sim.port, "--timeout", "0.3"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True)
        assert process.stderr is not None
        assert process.stderr.readline().strip() == "found secondary 23000001"  # the event
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
        assert process.returncode == 130, err
        assert err.strip().splitlines()[-1] == "Interrupted."
        assert "Traceback" not in err
        after = run_cli("info", *MBUS, "--device", "23000002", "--port", sim.port, "--json")
        assert after.code == 0, after.err  # the port was released
    assert sim.fault_counts().frames > 0


def test_noack_reads_work_and_an_unanswered_write_is_still_carried_out(tmp_path):
    with _sim(tmp_path, "bus", "noack,seed=1") as sim:
        read = run_cli("read", "--json", "--port", sim.port, *FAST)
        written = run_cli("set", "tariff=2", "--json", "--port", sim.port, *FAST)
        after = run_cli("get", "tariff", "--json", "--port", sim.port, *FAST)
    assert read.code == 0, read.err
    assert "Traceback" not in written.err
    assert after.json()["settings"] == {"tariff": 2}  # the meter did it, without a word
    assert sim.fault_counts().noack >= 1


def test_a_simulator_that_dies_mid_read_is_a_vanished_port(tmp_path):
    with _sim(tmp_path, "bus", "die-after=2,seed=1") as sim:
        result = run_cli("read", "--port", sim.port, *FAST)
        assert sim.process is not None
        assert sim.process.wait(timeout=20) == 0
    assert result.code == ExitCode.PORT, result.err
    assert "stopped working (adapter unplugged?)" in result.err
    assert len(result.err.strip().splitlines()) == 1
    counts = sim.fault_counts()
    assert counts.died and counts.frames == 2 and counts.sent == 2


def test_two_meters_sharing_a_secondary_address_are_reported_once_the_search_ends(tmp_path):
    with _sim(tmp_path, "bus", None, "--protocol", "mbus", "--count", "3", "--mbus-secondary",
              "11111111", "--mbus-secondary", "11111111", "--mbus-secondary",
              "22222222") as sim:
        result = run_cli("scan", "--secondary", *MBUS, "--port", sim.port, "--timeout",
                         "0.05", "--json")
    assert result.code == 0, result.err
    meters = result.json()["meters"]
    assert [m["secondary_address"] for m in meters] == ["11111111", "22222222"]
    assert "several meters share" in meters[0]["note"] and meters[1]["model"] == "4PU"


def test_nine_of_ten_sets_succeed_through_15_percent_drops_and_10_percent_crc(tmp_path):
    """`set` through the same line: every success is a verified read-back, never a guess."""
    wanted = [2 if n % 2 == 0 else 1 for n in range(RUNS)]  # alternate, so each run writes
    with _sim(tmp_path, "bus", "drop=0.15,crc=0.10,seed=3") as sim:
        results = [run_cli("set", f"tariff={value}", "--json", "--port", sim.port, *FAST)
                   for value in wanted]
        held = run_cli("get", "tariff", "--json", "--port", sim.port, *FAST)
    faults = sim.fault_counts()
    assert faults.dropped and faults.corrupted
    succeeded = [(value, r) for value, r in zip(wanted, results, strict=True) if r.code == 0]
    assert len(succeeded) >= 9, [r.err for r in results if r.code]
    for value, result in succeeded:
        [outcome] = result.json()["results"]
        assert outcome["status"] == "written" and outcome["after"] == value  # read back
    for result in results:  # a failed run says what the meter holds or that it is unknown
        if result.code:
            [outcome] = result.json()["results"]
            assert outcome["status"] in ("unknown", "not taken"), outcome
    assert held.code == 0
    if results[-1].code == 0:  # the meter holds what the last verified write set
        assert held.json()["settings"]["tariff"] == wanted[-1]
