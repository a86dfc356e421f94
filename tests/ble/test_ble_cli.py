"""The CLI over Bluetooth LE: `--demo --protocol ble` as its own process, and `ble-scan`.

`configurator --demo --protocol ble` runs a simulated BLE meter in the CLI's own process,
behind bleak's backend interface (the only stand-in; see docs/ble.md). The ble-scan tests
put several simulated devices on the air the same way, in-process.
"""

from __future__ import annotations

import json
import os

import pytest

from configurator.cli.main import main
from configurator.errors import ExitCode
from configurator.model.models import Model
from configurator.simulator.ble_backend import MeterPeripheral, SimulatedAir, SimulatedPeripheral
from configurator.simulator.meter import VirtualMeter
from tests.conftest import run_cli

DEMO = ("--demo", "--protocol", "ble")


def test_demo_info_over_ble():
    result = run_cli(*DEMO, "info", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert data["model"] == "4PU" and data["serial"] == 19020246
    assert data["checksum_verdict"] == "ok"
    human = run_cli(*DEMO, "info")
    assert human.code == 0, human.err
    assert "879-3000 4PU" in human.out
    assert "over Bluetooth LE as IM-000019020246" in human.err


def test_demo_read_over_ble():
    result = run_cli("--demo", "4PS", "--protocol", "ble", "read", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert 200 < data["voltage.l1"]["value"] < 260 and data["power.active"]["unit"] == "kW"


def test_demo_get_over_ble_reaches_the_backlight():
    result = run_cli(*DEMO, "get", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert data["settings"]["backlight"] == "on"
    assert data["settings"]["modbus.address"] == 1
    assert set(data["unreachable"]) == {"mbus.address", "mbus.secondary_address",
                                        "mbus.baudrate", "ct.ratio"}
    one = run_cli(*DEMO, "get", "backlight")
    assert one.code == 0 and "backlight" in one.out and "on" in one.out


def test_demo_set_and_reset_over_ble():
    result = run_cli(*DEMO, "set", "backlight=button", "tariff=2", "--json")
    assert result.code == 0, result.err
    statuses = {r["key"]: (r["status"], r["after"]) for r in result.json()["results"]}
    assert statuses == {"backlight": ("written", "button"), "tariff": ("written", 2)}
    moved = run_cli(*DEMO, "set", "modbus.address=9", "--yes")
    assert moved.code == 0, moved.err
    assert "--protocol ble --device IM-000019020246 --address 9" in moved.out
    reset = run_cli(*DEMO, "reset", "day-counter", "--yes", "--json")
    assert reset.code == 0, reset.err
    assert reset.json()["action"] == "day-counter"


def test_demo_wrong_pin_is_refused_with_one_sentence():
    result = run_cli(*DEMO, "--pin", "1234", "info")
    assert result.code == ExitCode.PORT
    assert "refused pairing" in result.err and "Traceback" not in result.err
    assert "1234" not in result.err
    assert [line for line in result.err.splitlines() if line.startswith("error:")] == [
        "error: Bluetooth LE IM-000019020246 refused pairing: check the PIN, which is the "
        "meter password (factory default 0000)."]


@pytest.mark.skipif(os.path.exists("/run/dbus/system_bus_socket"),
                    reason="a D-Bus system bus exists here: BlueZ may really scan")
@pytest.mark.parametrize("command", [("--device", "IM-000019020246", "info"),
                                     ("ble-scan", "--seconds", "0.1")])
def test_ble_without_a_radio_says_so(command):
    """No BlueZ here: bleak's real backend fails and the user gets one sentence."""
    result = run_cli("--protocol", "ble", *command)
    assert result.code == ExitCode.PORT, result.err
    assert result.err.startswith("error: Bluetooth is not available")
    assert "Traceback" not in result.err


def backends(air: SimulatedAir) -> tuple:
    """The simulated air's bleak backends, handed to the CLI as a test seam."""
    return air.scanner_backend, air.client_backend


def air_with_neighbours() -> SimulatedAir:
    near = MeterPeripheral(VirtualMeter(Model.PU4, 19020246), rssi=-48)
    far = MeterPeripheral(VirtualMeter(Model.parse("2PUCT"), 21110007), rssi=-81)
    headphones = SimulatedPeripheral("Headphones", "11:22:33:44:55:66", rssi=-40)
    nameless = SimulatedPeripheral(None, "11:22:33:44:55:77", rssi=-70)
    return SimulatedAir([far, headphones, near, nameless])


def test_ble_scan_lists_meters_strongest_first(capsys):
    air = air_with_neighbours()
    code = main(["ble-scan", "--seconds", "0.05"], ble_backends=backends(air))
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out[0].split() == ["NAME", "ADDRESS", "RSSI", "SERIAL"]
    assert [line.split()[0] for line in out[1:]] == ["IM-000019020246", "IM-000021110007"]
    assert out[1].split()[1:] == ["C4:7F:01:22:39:D6", "-48", "dBm", "19020246"]


def test_ble_scan_json_and_all(capsys):
    air = air_with_neighbours()
    assert main(["ble-scan", "--seconds", "0.05", "--json", "--all"],
                ble_backends=backends(air)) == 0
    everything = json.loads(capsys.readouterr().out)
    air.powered = False
    assert main(["ble-scan", "--seconds", "0.05"], ble_backends=backends(air)) == ExitCode.PORT
    assert [d["name"] for d in everything] == ["Headphones", "IM-000019020246", None,
                                               "IM-000021110007"]
    assert everything[0] == {"name": "Headphones", "address": "11:22:33:44:55:66",
                             "rssi": -40, "serial": None}
    assert "switch the adapter on" in capsys.readouterr().err


def test_demo_ble_scan_in_a_subprocess():
    result = run_cli(*DEMO, "ble-scan", "--seconds", "0.05", "--json")
    assert result.code == 0, result.err
    assert result.json() == [{"name": "IM-000019020246", "address": "C4:7F:01:22:39:D6",
                              "rssi": -60, "serial": 19020246}]
