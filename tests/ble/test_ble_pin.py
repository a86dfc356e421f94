"""Where the Bluetooth PIN comes from, and where it never goes.

The CLI runs for real: as a subprocess against the built-in simulated BLE meter (--demo), or
in this process (`main()`) against a simulated meter with its own PIN behind bleak's backend
boundary (`ConnectionOptions.ble_backends`, see docs/ble.md). The OS keyring is the one
stand-in beyond that: tests/keyring_stand_in.py, a real `keyring` backend in memory.
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
import os
import select
import subprocess
import sys
from pathlib import Path

import pytest

from configurator.cli.main import main
from configurator.errors import ExitCode, PairingError, UsageError
from configurator.model.models import Model
from configurator.services import ble_session, pin
from configurator.services.connection import ConnectionOptions, open_session
from configurator.services.traffic import TRAFFIC_TAPS, Trace, TrafficLog
from configurator.simulator.ble_backend import MeterPeripheral, SimulatedAir
from configurator.simulator.meter import VirtualMeter
from tests import keyring_stand_in
from tests.ble.conftest import NAME, SERIAL
from tests.conftest import run_cli


@pytest.fixture
def keyring_memory():
    """The OS keyring, stood in for by a real keyring backend in memory."""
    with keyring_stand_in.memory_keyring() as memory:
        yield memory


@pytest.fixture
def keyring_absent():
    """A computer without a usable OS keyring."""
    with keyring_stand_in.no_keyring():
        yield

SECRET = "4711"
DEMO = ("--demo", "--protocol", "ble")
BLE = ["--protocol", "ble", "--device", NAME]


AIR: dict[str, tuple[object, object]] = {}  # the secret_air fixture's backends, for cli()


@pytest.fixture
def secret_air():
    """A meter whose password (and so PIN) is 4711, on the simulated air, for the block."""
    air = SimulatedAir([MeterPeripheral(VirtualMeter(Model.PU4, SERIAL), pin=SECRET)])
    AIR["backends"] = (air.scanner_backend, air.client_backend)
    try:
        yield AIR["backends"]
    finally:
        AIR.clear()


def cli(monkeypatch, capsys, *argv: str, stdin: str = "", env: str | None = None):
    """`configurator ARGV` in this process: (exit code, stdout, stderr), over the simulated
    air of `secret_air` when that fixture is active (ConnectionOptions.ble_backends)."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    if env is None:
        monkeypatch.delenv("CONFIGURATOR_PIN", raising=False)
    else:
        monkeypatch.setenv("CONFIGURATOR_PIN", env)
    code = main(list(argv), ble_backends=AIR.get("backends"))
    out, err = capsys.readouterr()
    return code, out, err


# --- sources, as a subprocess against the demo meter (PIN 0000) -----------------------------

def test_environment_variable_is_used_and_checked():
    env = dict(os.environ, CONFIGURATOR_PIN="1234")
    wrong = subprocess.run([sys.executable, "-m", "configurator", *DEMO, "info"], input="",
                           capture_output=True, text=True, timeout=120, env=env)
    assert wrong.returncode == ExitCode.PORT and "refused pairing" in wrong.stderr
    env["CONFIGURATOR_PIN"] = "0000"
    right = subprocess.run([sys.executable, "-m", "configurator", *DEMO, "info"], input="",
                           capture_output=True, text=True, timeout=120, env=env)
    assert right.returncode == 0, right.stderr
    env["CONFIGURATOR_PIN"] = "12ab"
    bad = subprocess.run([sys.executable, "-m", "configurator", *DEMO, "info"], input="",
                         capture_output=True, text=True, timeout=120, env=env)
    assert bad.returncode == ExitCode.USAGE and "CONFIGURATOR_PIN" in bad.stderr
    assert "12ab" not in bad.stderr


def test_pin_from_standard_input():
    assert run_cli(*DEMO, "--pin-stdin", "info", stdin="0000\n").code == 0
    wrong = run_cli(*DEMO, "--pin-stdin", "info", stdin="1234\n")
    assert wrong.code == ExitCode.PORT and "1234" not in wrong.err
    for text in ("", "\n", "12ab\n", "١٢٣٤\n", "00000\n"):
        refused = run_cli(*DEMO, "--pin-stdin", "info", stdin=text)
        assert refused.code == ExitCode.USAGE, (text, refused.err)
        assert "Traceback" not in refused.err and (not text.strip() or
                                                  text.strip() not in refused.err)
    both = run_cli(*DEMO, "--pin", "0000", "--pin-stdin", "info", stdin="0000\n")
    assert both.code == ExitCode.USAGE and "one way" in both.err


def test_command_line_pin_works_with_a_warning():
    result = run_cli(*DEMO, "--pin", "0000", "info")
    assert result.code == 0, result.err
    warnings = [line for line in result.err.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "process list" in warnings[0]


def test_the_demo_never_touches_the_keyring():
    result = run_cli(*DEMO, "--remember-pin", "info")
    assert result.code == 0, result.err
    assert "does nothing with --demo" in result.err


@pytest.mark.skipif(os.path.exists("/run/dbus/system_bus_socket"),
                    reason="a D-Bus system bus exists here: BlueZ may really scan")
@pytest.mark.parametrize(("typed", "said"), [(b"4321\n", None), (b"\n", None),
                                             (b"12\n", "exactly 4 digits")])
def test_on_a_terminal_the_pin_is_asked_without_echo(typed: bytes, said: str | None):
    """A real pty as standard input: the prompt shows, what is typed is not echoed."""
    master, slave = os.openpty()
    try:
        child = subprocess.Popen([sys.executable, "-m", "configurator", *BLE, "info"],
                                 stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 start_new_session=True)
        os.close(slave)
        seen = b""
        while b"Bluetooth PIN of" not in seen:  # the prompt, written to the terminal
            ready, _, _ = select.select([master, child.stderr], [], [], 60)
            assert ready, "no prompt"
            for source in ready:
                chunk = os.read(source if source == master else source.fileno(), 1024)
                assert chunk, "the CLI ended without asking"
                seen += chunk
        os.write(master, typed)
        _out, err = child.communicate(timeout=60)
        echoed = b""
        while select.select([master], [], [], 0)[0]:
            try:
                chunk = os.read(master, 1024)
            except OSError:
                break
            if not chunk:
                break
            echoed += chunk
    finally:
        os.close(master)
    assert typed.strip() == b"" or typed.strip() not in echoed + err
    if said:
        assert child.returncode == ExitCode.USAGE and said.encode() in err
    else:  # the PIN was taken; then this machine has no radio
        assert child.returncode == ExitCode.PORT and b"Bluetooth is not available" in err
    assert b"Traceback" not in err


# --- the OS keyring, in this process against a meter with PIN 4711 --------------------------

def test_remember_recall_and_forget(monkeypatch, capsys, secret_air, keyring_memory):
    code, out, err = cli(monkeypatch, capsys, *BLE, "--pin-stdin", "--remember-pin", "info",
                         "--json", stdin=f"{SECRET}\n")
    assert code == 0, err
    assert json.loads(out)["serial"] == SERIAL
    assert keyring_memory.store == {(pin.KEYRING_SERVICE, NAME): SECRET}
    assert "now remembered in the OS keyring" in err and SECRET not in err
    code, out, err = cli(monkeypatch, capsys, "--protocol", "ble", "--device", str(SERIAL),
                         "info", "--json")  # no PIN given: the keyring's (a serial = its name)
    assert code == 0, err
    code, out, err = cli(monkeypatch, capsys, *BLE, "--forget-pin")
    assert code == 0 and "was removed from the OS keyring" in err
    assert keyring_memory.store == {}
    code, out, err = cli(monkeypatch, capsys, *BLE, "--forget-pin")
    assert code == 0 and "No PIN was remembered" in err
    code, out, err = cli(monkeypatch, capsys, *BLE, "info")
    assert code == ExitCode.PORT
    assert "factory PIN 0000 was tried" in err and err.count("error:") == 1


def test_a_refused_pin_is_not_remembered(monkeypatch, capsys, secret_air, keyring_memory):
    code, _out, err = cli(monkeypatch, capsys, *BLE, "--remember-pin", "info", env="1234")
    assert code == ExitCode.PORT and "refused pairing" in err
    assert keyring_memory.store == {}


def test_without_a_keyring_it_is_said_and_the_command_still_runs(monkeypatch, capsys,
                                                                  secret_air, keyring_absent):
    code, _out, err = cli(monkeypatch, capsys, *BLE, "--remember-pin", "info", env=SECRET)
    assert code == 0, err
    assert "no usable OS keyring" in err
    assert pin.keyring_problem() is not None and pin.recall_pin(NAME) is None
    code, _out, err = cli(monkeypatch, capsys, *BLE, "--forget-pin")
    assert code == 0 and "no usable OS keyring" in err


def test_keyring_functions_live_in_services_pin(keyring_memory):
    assert ble_session.remember_pin is pin.remember_pin  # the old import path still works
    assert pin.store_pin(NAME, SECRET) is pin.KeyringOutcome.DONE
    assert pin.recall_pin(str(SERIAL)) == SECRET
    keyring_memory.store[(pin.KEYRING_SERVICE, NAME)] = "not a pin"
    assert pin.recall_pin(NAME) is None  # never handed to a meter
    with pytest.raises(UsageError) as info:
        pin.store_pin(NAME, "12345")
    assert "12345" not in str(info.value)


# --- where the PIN never goes ----------------------------------------------------------------

def test_pin_is_in_no_repr():
    options = ConnectionOptions(protocol="ble", device=NAME, pin=SECRET)
    assert SECRET not in repr(options) and SECRET not in options.describe()
    assert SECRET not in repr(options.resolved())


def test_pin_is_in_no_log_traffic_log_or_error(secret_air, caplog):
    caplog.set_level(logging.DEBUG)
    traffic = TrafficLog()

    async def scenario(pin_text: str) -> None:
        async with open_session(ConnectionOptions(protocol="ble", device=NAME, pin=pin_text,
                                                  ble_backends=secret_air),
                                on_traffic=traffic) as session:
            await session.identify()
            await session.read_measurements()

    asyncio.run(scenario(SECRET))
    with pytest.raises(PairingError) as info:
        asyncio.run(scenario("8642"))
    assert traffic.as_text() and SECRET not in traffic.as_text()
    assert SECRET not in caplog.text and "8642" not in caplog.text
    assert "8642" not in str(info.value)


def test_pin_is_in_no_debug_output_and_no_backup(monkeypatch, capsys, caplog, secret_air,
                                                 tmp_path: Path):
    caplog.set_level(logging.DEBUG)
    target = tmp_path / "meter.json"
    code, out, err = cli(monkeypatch, capsys, *BLE, "--debug", "backup", "-o", str(target),
                         env=SECRET)
    assert code == 0, err
    assert SECRET not in out + err + caplog.text
    assert "trace " in err  # --debug traced every frame, and the trace ended with the command
    assert not [tap for tap in TRAFFIC_TAPS if isinstance(tap, Trace)]
    doc = json.loads(target.read_text())

    def strings(value):
        if isinstance(value, dict):
            for key, item in value.items():
                yield key
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)
        elif isinstance(value, str):
            yield value

    assert not [s for s in strings(doc) if SECRET in s or "pin" in s.lower().split(".")]
    assert doc["connection"].startswith("ble ")
