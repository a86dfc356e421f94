"""Import discipline of the CLI: a command loads what it uses and nothing else.

The real CLI runs as its own process (`python -X importtime -m configurator ...`, the simulator
on a real pty where a meter is needed); Python's own import log says which modules it loaded.
These are counts of modules, not timings (bench/bench_modbus.py measures the time).
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from configurator.cli import main as cli

ROOT = Path(__file__).resolve().parents[2]
CLI_DIR = ROOT / "configurator" / "cli"

# Never for a meter command over Modbus, nor for --help.
HEAVY = ("configurator.cli.backup_commands", "configurator.services.backup",
         "configurator.services.restore", "configurator.services.report",
         "configurator.services.ble_session", "configurator.services.mbus_session",
         "configurator.transport.ble", "configurator.simulator", "configurator.ui",
         "jsonschema", "keyring", "bleak", "PySide6", "pyqtgraph", "qasync", "numpy")
# Not for --help either: it needs argparse and the help texts only.
NOT_FOR_HELP = (*HEAVY, "asyncio", "pymodbus", "serial", "configurator.model.settings",
                "configurator.services", "configurator.protocol", "configurator.transport",
                "configurator.cli.commands")
# The retry limits the --retries help names: a module without imports (and its empty package).
LIGHT_FOR_HELP = {"configurator.protocol", "configurator.protocol.retries"}


def loaded_modules(*args: str) -> tuple[set[str], subprocess.CompletedProcess[str]]:
    """Run the CLI with -X importtime; the modules it imported, and the finished process."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "configurator", *args],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    names = set(re.findall(r"^import time:\s+\d+ \|\s+\d+ \|\s*(\S+)\s*$", done.stderr,
                           re.MULTILINE))
    assert "configurator.cli.main" in names, done.stderr[-2000:]  # the log was read at all
    return names, done


def offending(names: set[str], prefixes: tuple[str, ...]) -> list[str]:
    """The modules in `names` that are, or are inside, one of `prefixes`."""
    return sorted(n for n in names if any(n == p or n.startswith(p + ".") for p in prefixes))


@pytest.mark.parametrize("args", [["--help"], ["read", "--help"], ["info", "--help"],
                                  ["--port", "/dev/null", "--help"]])
def test_help_loads_only_the_parser(args):
    names, done = loaded_modules(*args)
    assert done.returncode == 0, done.stderr[-2000:]
    assert offending(names - LIGHT_FOR_HELP, NOT_FOR_HELP) == []


@pytest.mark.parametrize("command", ["get", "set"])
def test_settings_help_loads_the_settings_table_only(command):
    names, done = loaded_modules(command, "--help")
    assert done.returncode == 0
    assert "tariff" in done.stdout  # the settings list at the end of the help
    assert "configurator.model.settings" in names
    assert offending(names, HEAVY) == []


def test_restore_help_loads_the_restore_service():
    """The other side of the guard: a command's own heavy module does show up in the log."""
    names, done = loaded_modules("restore", "--help")
    assert done.returncode == 0
    assert "configurator.services.restore" in names


@pytest.mark.parametrize("args", [["read"], ["info"], ["get"], ["get", "tariff"],
                                  ["set", "tariff=2"], ["--json", "read"]])
def test_meter_commands_load_no_backup_bluetooth_gui_or_simulator_code(simulator, args):
    sim = simulator()
    names, done = loaded_modules("--port", sim.port, *args)
    assert done.returncode == 0, done.stderr[-2000:]
    assert offending(names, HEAVY) == []
    if args[-1] in ("read", "info"):  # one-shot reads: the blocking master, no event loop
        assert "configurator.services.quick_read" in names
    else:
        assert "configurator.services.meter" in names and "asyncio" in names


# A one-shot `read` or `info` over Modbus RTU runs the read steps on the blocking master
# (services/quick_read.py, docs/DECISIONS.md P2): asyncio, the most of a command's start-up,
# is never imported, nor the asynchronous master, transport or session.
NOT_FOR_ONE_SHOT = ("asyncio", "configurator.protocol.modbus_master",
                    "configurator.transport.serial_port", "configurator.transport.waiting",
                    "configurator.services.meter", "concurrent", "selectors", "logging")


@pytest.mark.parametrize("args", [["read"], ["info"], ["--json", "read"], ["--trace", "info"],
                                  ["--address", "9", "--timeout", "0.2", "--retries", "0",
                                   "read"]])
def test_one_shot_reads_import_no_event_loop(simulator, args):
    sim = simulator()
    names, done = loaded_modules("--port", sim.port, *args)
    assert done.returncode == (4 if "9" in args else 0), done.stderr[-2000:]
    assert offending(names, NOT_FOR_ONE_SHOT) == []
    assert {"configurator.protocol.modbus_blocking", "configurator.protocol.transaction",
            "serial"} <= names


def test_a_debug_read_logs_as_every_command_does(simulator):
    """Without logging loaded, the debug notes on the read path are dropped; with --debug
    they are printed (and logging is loaded)."""
    sim = simulator()
    names, done = loaded_modules("--port", sim.port, "--debug", "read")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "logging" in names and "asyncio" not in names
    assert "DEBUG configurator.transport.serial_line: " in done.stderr
    assert "is a pseudo-terminal: opening without parity" in done.stderr


def test_reads_over_mbus_still_run_on_the_event_loop(simulator):
    """The other side of the guard: an M-Bus session is asynchronous only."""
    sim = simulator("--protocol", "mbus")
    names, done = loaded_modules("--port", sim.port, "--protocol", "mbus", "read")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "asyncio" in names and "configurator.protocol.modbus_blocking" not in names


def test_every_command_has_a_runner_that_loads():
    parser = cli.build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    assert commands is not None
    assert set(commands) == set(cli.RUNNERS)
    for target in [*cli.RUNNERS.values(), cli.DEMO_OVERVIEW]:
        assert callable(cli.load_runner(target)), target


@pytest.mark.parametrize("argv", [
    ["read"], ["--port", "/dev/ttyUSB0", "info", "--json"], ["get", "tariff", "s0.rate"],
    ["set", "tariff=2", "--yes", "--address", "7"], ["reset", "day-counter"],
    ["scan", "--first", "3", "--last", "9"], ["--protocol", "mbus", "scan", "--secondary"],
    ["ble-scan", "--seconds", "2"], ["backup", "--all", "-o", "out"],
    ["restore", "f.json", "--dry-run"], ["report", "-o", "r.pdf"],
    ["simulate", "--count", "3", "--model", "4PS"], ["ports"], [],
    ["--port", "read", "info"]])
def test_the_parser_for_a_command_line_parses_it_as_the_full_parser(argv):
    assert vars(cli.build_parser(argv).parse_args(argv)) == \
        vars(cli.build_parser().parse_args(argv))


def _cli_imports(path: Path) -> set[str]:
    """The configurator.cli modules that `path` imports anywhere (top level or in functions)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "configurator.cli."):
            found.add((node.module or "").split(".")[2])
    return found & {p.stem for p in CLI_DIR.glob("*.py")}


def test_no_import_cycle_inside_cli():
    graph = {p.stem: _cli_imports(p) for p in CLI_DIR.glob("*.py")}
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, " -> ".join((*path, module))
        if module in done:
            return
        for imported in graph[module]:
            visit(imported, (*path, module))
        done.add(module)

    for module in graph:
        visit(module, ())
    assert len(done) == len(graph) >= 6


# Never for reading a meter (`info`, `read`, `get`): the write side, the scan, and pymodbus,
# whose framer and PDU packages the read path replaces by protocol/modbus_rtu.py's own codec
# (docs/DECISIONS.md P1; pymodbus still builds the simulator's answers).
NOT_FOR_READING = (*HEAVY, "pymodbus", "configurator.services.engine",
                   "configurator.services.outcomes", "configurator.services.scan",
                   "configurator.model.writes", "configurator.model.ct_history",
                   "configurator.services.traffic", "shutil")


@pytest.mark.parametrize("args", [["read"], ["info"], ["get"], ["get", "tariff"],
                                  ["--json", "read"]])
def test_reading_a_meter_loads_no_write_engine_outcomes_scan_or_pymodbus(simulator, args):
    sim = simulator()
    names, done = loaded_modules("--port", sim.port, *args)
    assert done.returncode == 0, done.stderr[-2000:]
    assert offending(names, NOT_FOR_READING) == []
    assert "configurator.protocol.modbus_rtu" in names and "serial" in names


@pytest.mark.parametrize("args", [["read"], ["info"]])
def test_info_and_read_load_no_settings_table_and_no_json(simulator, args):
    """The factory link (address, speed, parity) comes from model/link_defaults.py."""
    sim = simulator()
    names, done = loaded_modules("--port", sim.port, *args)
    assert done.returncode == 0, done.stderr[-2000:]
    assert offending(names, ("configurator.model.settings", "configurator.model.domains",
                             "configurator.model.reach", "json")) == []


def test_writing_still_loads_the_write_engine(simulator):
    """The other side of the guard: `set` does load the engine and its outcomes."""
    sim = simulator()
    names, done = loaded_modules("--port", sim.port, "set", "tariff=2")
    assert done.returncode == 0, done.stderr[-2000:]
    assert {"configurator.services.engine", "configurator.services.outcomes"} <= names


@pytest.mark.parametrize("columns", [40, 60, 200])
def test_help_wraps_at_the_terminal_width_as_argparse_does(monkeypatch, columns):
    """The formatters size themselves without shutil; the width is still $COLUMNS (- 2).
    Not a mock: argparse's own formatters are swapped in as the reference output."""
    import argparse

    monkeypatch.setenv("COLUMNS", str(columns))
    ours = cli.build_parser().format_help()
    monkeypatch.setattr(cli, "HelpFormatter", argparse.HelpFormatter)
    monkeypatch.setattr(cli, "RawDescriptionHelpFormatter", argparse.RawDescriptionHelpFormatter)
    assert ours == cli.build_parser().format_help()
    assert max(len(line) for line in ours.splitlines()) <= max(columns - 2, 60)
