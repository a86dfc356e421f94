"""Bad input to the real CLI (a subprocess) and real files, FIFOs and device nodes: every one
ends in one sentence and its exit code, never a traceback, a hang or a changed meter."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from configurator.errors import ExitCode
from tests.conftest import CliResult, run_cli


def one_error(result: CliResult, code: int, *words: str) -> str:
    """The single error line of a refused command."""
    assert result.code == code, (result.code, result.out, result.err)
    assert "Traceback" not in result.err
    errors = [line for line in result.err.splitlines() if "error:" in line]
    assert len(errors) == 1, result.err
    for word in words:
        assert word in errors[0], errors[0]
    return errors[0]


@pytest.mark.parametrize("argv", [
    ["--baud", "0"], ["--baud", "99999999999"], ["--baud", "9601"], ["--baud", "٩٦٠٠"],
    ["--timeout", "inf"], ["--timeout", "1e308"], ["--timeout", "-1"], ["--timeout", "nan"],
    ["--timeout", "0"], ["--timeout", "61"], ["--address", "1_0"], ["--address", "٢"],
    ["--address", "+5"], ["--address", "251"], ["--address", "-1"],
    ["scan", "--first", "0x10"], ["scan", "--last", "1e3"],
    ["backup", "--all", "-o", "x", "--first", "٣"], ["report", "-o", "x.pdf", "--last", "2_47"],
    ["restore", "--template", "t.json", "--addresses", "١,2"],
    ["ble-scan", "--seconds", "inf"], ["ble-scan", "--seconds", "0"],
    ["simulate", "--count", "1_0"], ["simulate", "--seed", "-1"],
    ["simulate", "--history-hours", "nan"], ["simulate", "--serial", "٢٣"],
    ["--protocol", "mbus", "--baud", "19200", "info"],
    ["--device", "٢٣٠٠٠٠٠١", "--protocol", "mbus", "info"],
])
def test_numeric_options_are_refused_in_one_sentence(argv: list[str]) -> None:
    if argv[0] == "simulate":
        result = run_cli(*argv)
    else:
        command = ["info"] if argv[0].startswith("--") and "info" not in argv else []
        result = run_cli(*argv, *command, "--port", "/dev/null")
    one_error(result, ExitCode.USAGE)


def test_values_with_foreign_digits_or_separators_never_reach_the_meter(simulator) -> None:
    sim = simulator()
    for assignment in ("tariff=٢", "s0.rate=١٠٠", "modbus.address=1_0", "modbus.address=+5",
                       "lcd.rolling_time=0x10", "s0.width_ms=1e1", "modbus.baudrate=inf",
                       "s0.rate=nan", "tariff= 1 2"):
        one_error(run_cli("set", assignment, "--port", sim.port), ExitCode.USAGE,
                  assignment.split("=")[0])
    result = run_cli("get", "--port", sim.port, "--json")
    assert result.code == 0, result.err
    values = result.json()["settings"]
    assert values["tariff"] == 1 and values["modbus.address"] == 1
    assert values["s0.rate"] == 1000 and values["lcd.rolling_time"] == 10


@pytest.fixture
def good_backup(simulator, tmp_path: Path) -> tuple[object, Path]:
    sim = simulator()
    path = tmp_path / "good.json"
    result = run_cli("backup", "--port", sim.port, "-o", str(path))
    assert result.code == 0, result.err
    return sim, path


def test_files_that_are_not_backups_are_refused_before_anything_is_written(good_backup,
                                                                          tmp_path: Path):
    sim, good = good_backup
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)  # nobody ever writes to it: reading it would wait forever
    zero = tmp_path / "zero.json"
    zero.symlink_to("/dev/zero")  # reading it would fill the memory
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000 + "]" * 200_000)
    text = good.read_text()
    twice = tmp_path / "twice.json"
    twice.write_text(text.replace('"tariff": 1,', '"tariff": 1, "tariff": 4,', 1))
    assert twice.read_text() != text
    huge = tmp_path / "huge.json"
    huge.write_text(text + " " * (1024 * 1024))
    undo = tmp_path / "undo"
    cases = {fifo: "FIFO", zero: "device", deep: "nests deeper", twice: "twice",
             huge: "larger than 1 MiB", tmp_path: "folder"}
    for path, word in cases.items():
        for how in ([str(path)], ["--template", str(path), "--addresses", "1"]):
            one_error(run_cli("restore", *how, "--port", sim.port, "--undo-dir", str(undo)),
                      ExitCode.FILE, str(path), word)
    assert not undo.exists()  # refused before the meter was even asked
    result = run_cli("get", "tariff", "--port", sim.port, "--json")
    assert result.json()["settings"]["tariff"] == 1


def test_force_replaces_only_regular_files(good_backup, tmp_path: Path) -> None:
    sim, good = good_backup
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    target = tmp_path / "kept.json"
    target.write_text("keep")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    for path, word in ((fifo, "FIFO"), (link, "symbolic link")):
        one_error(run_cli("backup", "--port", sim.port, "-o", str(path), "--force"),
                  ExitCode.FILE, str(path), word)
        one_error(run_cli("report", "--port", sim.port, "-o", str(path), "--force"),
                  ExitCode.FILE, str(path), word)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert link.is_symlink() and target.read_text() == "keep"
    forced = run_cli("backup", "--port", sim.port, "-o", str(good), "--force")
    assert forced.code == 0, forced.err  # a regular file is still replaced
    assert stat.S_IMODE(good.stat().st_mode) == 0o600


def test_force_never_replaces_a_device_node(good_backup, tmp_path: Path) -> None:
    sim, _good = good_backup
    node = tmp_path / "full"
    try:
        os.mknod(node, 0o600 | stat.S_IFCHR, os.makedev(1, 7))  # a copy of /dev/full
    except PermissionError:
        pytest.skip("creating a device node needs root (CAP_MKNOD)")
    one_error(run_cli("backup", "--port", sim.port, "-o", str(node), "--force"),
              ExitCode.FILE, str(node), "device")
    assert stat.S_ISCHR(os.lstat(node).st_mode)


def test_a_simulator_state_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "state.json"
    os.mkfifo(fifo)
    done = subprocess.run([sys.executable, "-m", "configurator", "simulate", "--state",
                           str(fifo)], capture_output=True, text=True, timeout=60, input="")
    assert done.returncode == ExitCode.FILE, done.stderr
    assert "FIFO" in done.stderr and "Traceback" not in done.stderr
    twice = tmp_path / "twice.json"
    twice.write_text(json.dumps({"format": "wago-879-30xx-simulator-state"})[:-1]
                     + ', "meters": {}, "meters": {}}')
    done = subprocess.run([sys.executable, "-m", "configurator", "simulate", "--state",
                           str(twice)], capture_output=True, text=True, timeout=60, input="")
    assert done.returncode == ExitCode.FILE and "twice" in done.stderr, done.stderr
