"""The real CLI, as its own process, against the real simulator on a real pseudo-terminal."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from configurator.errors import ExitCode
from configurator.model.models import Model
from configurator.model.registers import MODBUS, REGISTERS
from configurator.model.settings import SETTINGS
from tests.conftest import run_cli


def test_info_identifies_the_meter_and_checks_the_checksum(simulator):
    sim = simulator("--model", "4PS", "--serial", "19020246")
    result = run_cli("info", "--port", sim.port, "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert data["model"] == "4PS"
    assert data["serial"] == 19020246
    assert data["checksum_verdict"] == "ok"
    human = run_cli("--port", sim.port, "info")  # options before the command work too
    assert human.code == 0
    assert "879-3020 4PS" in human.out and "matches" in human.out


@pytest.mark.parametrize("model", list(Model))
def test_read_returns_every_measurement_register(simulator, model):
    sim = simulator("--model", model.info.code)
    result = run_cli("read", "--port", sim.port, "--json")
    assert result.code == 0, result.err
    data = result.json()
    expected = {r.key for r in REGISTERS.select(groups=["measurement", "energy"], model=model,
                                                transport=MODBUS)}
    assert set(data) == expected
    assert 200 < data["voltage.l1"]["value"] < 260
    assert data["voltage.l1"]["unit"] == "V"
    assert 49.5 < data["frequency"]["value"] < 50.5
    assert data["power.active"]["unit"] == "kW"
    assert data["energy.active.import.t1"]["obis"] == "1.8.1"


def test_get_reports_all_settings_and_what_modbus_cannot_reach(simulator):
    sim = simulator()
    result = run_cli("get", "--port", sim.port, "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert data["settings"]["tariff"] == 1
    assert data["settings"]["modbus.parity"] == "even"
    assert data["settings"]["modbus.baudrate"] == 9600
    assert data["settings"]["s0.width_ms"] == 30
    assert set(data["unreachable"]) == {"mbus.address", "mbus.secondary_address",
                                        "mbus.baudrate", "backlight", "ct.ratio"}
    one = run_cli("get", "mbus.address", "--port", sim.port)
    assert one.code == ExitCode.UNSUPPORTED
    assert "M-Bus" in one.err and "Traceback" not in one.err


def test_set_writes_verifies_and_skips_unchanged(simulator):
    sim = simulator()
    result = run_cli("set", "tariff=2", "s0.rate=100", "lcd.rolling_time=25", "display.obis=off",
                     "s0.type=import-export", "--port", sim.port,
                     "--json")
    assert result.code == 0, result.err
    statuses = {r["key"]: r["status"] for r in result.json()["results"]}
    assert statuses == {"tariff": "written", "s0.rate": "written", "lcd.rolling_time": "written",
                        "display.obis": "written", "s0.type": "written"}
    after = run_cli("get", "tariff", "s0.rate", "lcd.rolling_time", "display.obis", "s0.type",
                    "--port", sim.port, "--json").json()["settings"]
    assert after == {"tariff": 2, "s0.rate": 100, "lcd.rolling_time": 25, "display.obis": "off",
                     "s0.type": "import-export"}
    again = run_cli("set", "tariff=2", "--port", sim.port, "--json")
    assert again.json()["results"][0]["status"] == "unchanged"


def test_invalid_value_names_key_value_and_allowed_and_writes_nothing(simulator):
    sim = simulator()
    bad = run_cli("set", "tariff=3", "modbus.address=300", "--port", sim.port)
    assert bad.code == ExitCode.USAGE
    assert "modbus.address" in bad.err and "300" in bad.err and "1-247" in bad.err
    rule = run_cli("set", "tariff=3", "s0.rate=10000", "--port", sim.port)
    assert rule.code == ExitCode.USAGE
    assert "s0.width_ms" in rule.err
    unknown = run_cli("set", "colour=blue", "--port", sim.port)
    assert unknown.code == ExitCode.USAGE and "colour" in unknown.err
    assert run_cli("get", "tariff", "s0.rate", "--port", sim.port, "--json").json()[
        "settings"] == {"tariff": 1, "s0.rate": 1000}


def test_set_modbus_address_follows_the_meter(simulator):
    sim = simulator()
    result = run_cli("set", "modbus.address=10", "--yes", "--port", sim.port)
    assert result.code == 0, result.err
    assert "address 10" in result.out
    assert run_cli("info", "--port", sim.port, "--address", "10").code == 0
    old = run_cli("info", "--port", sim.port, "--address", "1", "--timeout", "0.2")
    assert old.code == ExitCode.TIMEOUT
    assert "No answer" in old.err


def test_set_baudrate_follows_the_meter(simulator):
    sim = simulator()
    result = run_cli("set", "modbus.baudrate=19200", "--yes", "--port", sim.port, "--json")
    assert result.code == 0, result.err
    assert "19200" in result.json()["link"]
    assert run_cli("info", "--port", sim.port, "--baud", "19200").code == 0
    stale = run_cli("info", "--port", sim.port, "--baud", "9600", "--timeout", "0.2")
    assert stale.code == ExitCode.TIMEOUT


def test_link_changes_together_are_written_last_and_followed(simulator):
    sim = simulator()
    result = run_cli("set", "modbus.baudrate=38400", "tariff=3", "modbus.address=42",
                     "--yes", "--port", sim.port, "--json")
    assert result.code == 0, result.err
    order = [r["key"] for r in result.json()["results"]]
    assert order == ["tariff", "modbus.address", "modbus.baudrate"]
    info = run_cli("get", "tariff", "--port", sim.port, "--address", "42", "--baud", "38400",
                   "--json")
    assert info.json()["settings"]["tariff"] == 3


def test_resets(simulator):
    sim = simulator()
    for action in ("day-counter", "power-down-counter"):
        result = run_cli("reset", action, "--yes", "--port", sim.port, "--json")
        assert result.code == 0, result.err
        assert 0 <= result.json()["value"] < 0.1


def test_ct_ratio_needs_a_ct_meter_and_a_confirmation(simulator):
    plain = simulator("--model", "4PU")
    refused = run_cli("set", "ct.ratio=100/5", "--port", plain.port)
    assert refused.code == ExitCode.UNSUPPORTED and "2PUCT" in refused.err
    ct = simulator("--model", "2PUCT")
    unconfirmed = run_cli("set", "ct.ratio=100/5", "--port", ct.port)
    assert unconfirmed.code == ExitCode.USAGE
    assert "7 allowed changes" in unconfirmed.err and "--yes" in unconfirmed.err
    assert run_cli("get", "ct.ratio", "--port", ct.port, "--json").json()["settings"] == {
        "ct.ratio": "5/5"}
    done = run_cli("set", "ct.ratio=100/5", "--yes", "--port", ct.port, "--json")
    assert done.code == 0, done.err
    assert "6 after this" in done.err
    assert run_cli("get", "ct.ratio", "--port", ct.port, "--json").json()["settings"] == {
        "ct.ratio": "100/5"}


def test_scan_finds_every_meter_on_the_bus(simulator):
    sim = simulator("--count", "3", "--address", "5")
    result = run_cli("scan", "--port", sim.port, "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert [m["address"] for m in data["meters"]] == [5, 6, 7]
    assert len({m["serial"] for m in data["meters"]}) == 3
    assert data["probes"] == 247  # one probe per address, no retries on silence


def test_scan_with_repeated_addresses_and_a_range(simulator):
    sim = simulator("--address", "3", "--address", "200")
    result = run_cli("scan", "--first", "1", "--last", "10", "--port", sim.port, "--json")
    assert [m["address"] for m in result.json()["meters"]] == [3]
    assert result.json()["probes"] == 10


def test_missing_port_is_one_sentence_and_exit_3(tmp_path):
    result = run_cli("info", "--port", str(tmp_path / "ttyUSB9"))
    assert result.code == ExitCode.PORT
    assert "does not exist" in result.err
    assert "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_no_port_given_says_how(monkeypatch):
    monkeypatch.delenv("CONFIGURATOR_PORT", raising=False)
    result = run_cli("info")
    assert result.code == ExitCode.USAGE and "--port" in result.err


def test_silent_address_times_out_with_exit_4(simulator):
    sim = simulator()
    result = run_cli("info", "--port", sim.port, "--address", "9", "--timeout", "0.2")
    assert result.code == ExitCode.TIMEOUT
    assert "No answer from meter 9" in result.err


def test_port_vanishing_mid_scan_is_reported(simulator):
    sim = simulator("--address", "1")
    process = subprocess.Popen(
        [sys.executable, "-m", "configurator", "scan", "--port", sim.port, "--timeout", "0.3"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    line = process.stderr.readline()  # the event: the first meter was found
    assert "found address 1" in line
    sim.__exit__(None, None, None)  # unplug: the bus process goes away
    _, err = process.communicate(timeout=60)
    assert process.returncode == ExitCode.PORT, err
    assert "stopped working (adapter unplugged?)" in err
    assert "Traceback" not in err


def test_every_setting_key_is_documented_in_help():
    result = run_cli("set", "--help")
    assert result.code == 0
    for key in SETTINGS:
        assert key in result.out


def test_demo_runs_end_to_end():
    result = run_cli("--demo", "2PUCT", "--json", "info")
    assert result.code == 0, result.err
    assert json.loads(result.out)["model"] == "2PUCT"


def test_set_parity_follows_and_is_stored(simulator):
    sim = simulator()
    result = run_cli("set", "modbus.parity=none", "--yes", "--port", sim.port, "--json")
    assert result.code == 0, result.err
    assert "parity none" in result.json()["link"]
    after = run_cli("get", "modbus.parity", "--port", sim.port, "--parity", "none", "--json")
    assert after.json()["settings"] == {"modbus.parity": "none"}


def test_changes_are_ordered_so_the_meter_accepts_each_write(simulator):
    """A faster S0 rate needs the shorter width first; the user need not know that."""
    sim = simulator()
    result = run_cli("set", "s0.rate=10000", "s0.width_ms=4", "--port", sim.port, "--json")
    assert result.code == 0, result.err
    assert [r["key"] for r in result.json()["results"]] == ["s0.width_ms", "s0.rate"]
