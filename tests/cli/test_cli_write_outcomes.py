"""Write outcomes, confirmations and the S0 warning through the real CLI, against the real
simulator on a real pty (each command its own process; stdin is not a terminal)."""

from __future__ import annotations

import json
from pathlib import Path

from configurator.errors import ExitCode
from tests.conftest import run_cli

MBUS = ("--protocol", "mbus")


def settings(port: str, *extra: str) -> dict:
    result = run_cli("get", "--port", port, "--json", *extra)
    assert result.code == 0, result.err
    return result.json()["settings"]


def test_every_permanent_act_needs_yes_and_nothing_is_written_without_it(simulator):
    sim = simulator("--model", "2PUCT")
    for args in (["set", "tariff=3"], ["set", "tariff=4", "lcd.rolling_time=20"],
                 ["set", "modbus.address=5"], ["set", "modbus.baudrate=19200"],
                 ["set", "ct.ratio=100/5"], ["reset", "day-counter"],
                 ["reset", "power-down-counter"]):
        result = run_cli(*args, "--port", sim.port)
        assert result.code == ExitCode.USAGE, (args, result.err)
        assert "Add --yes to confirm." in result.err and "Traceback" not in result.err
    assert "never be removed or reset (manual A1.2)" in run_cli(
        "set", "tariff=3", "--port", sim.port).err
    assert "moves the link" in run_cli("set", "modbus.address=5", "--port", sim.port).err
    assert "counter goes back to 0" in run_cli("reset", "day-counter", "--port", sim.port).err
    now = settings(sim.port)
    assert (now["tariff"], now["lcd.rolling_time"], now["modbus.address"], now["ct.ratio"]) == (
        1, 10, 1, "5/5")
    done = run_cli("set", "tariff=3", "--yes", "--port", sim.port, "--json")
    assert done.code == 0, done.err
    assert "note: Selecting tariff T3" in done.err
    [act] = done.json()["acts"]
    assert act["kind"] == "mid tariff" and act["after"] == 3


def test_a_restore_with_a_link_move_needs_yes_too(simulator, tmp_path):
    sim = simulator()
    assert run_cli("backup", "--port", sim.port, "-o", str(tmp_path / "at1.json")).code == 0
    assert run_cli("set", "modbus.address=5", "--yes", "--port", sim.port).code == 0
    refused = run_cli("restore", str(tmp_path / "at1.json"), "--port", sim.port,
                      "--address", "5", "--undo-dir", str(tmp_path / "undo"))
    assert refused.code == ExitCode.USAGE and "Add --yes" in refused.err
    assert not (tmp_path / "undo").exists()  # refused before the undo file and any write
    assert settings(sim.port, "--address", "5")["modbus.address"] == 5


def test_a_template_with_tariff_3_needs_yes_for_every_meter(simulator, tmp_path):
    sim = simulator("--count", "2")
    assert run_cli("set", "tariff=3", "--yes", "--port", sim.port).code == 0
    template = tmp_path / "t.json"
    assert run_cli("backup", "--port", sim.port, "-o", str(template)).code == 0
    result = run_cli("restore", "--template", str(template), "--addresses", "2",
                     "--port", sim.port, "--undo-dir", str(tmp_path / "undo"))
    assert result.code == ExitCode.USAGE and "Add --yes" in result.err
    assert settings(sim.port, "--address", "2")["tariff"] == 1
    done = run_cli("restore", "--template", str(template), "--addresses", "2", "--yes",
                   "--port", sim.port, "--undo-dir", str(tmp_path / "undo"))
    assert done.code == 0, done.err
    assert settings(sim.port, "--address", "2")["tariff"] == 3


def test_moving_to_an_address_another_meter_uses_is_refused_with_its_serial(simulator):
    sim = simulator("--count", "2")  # meters 23000001 at 1 and 23000002 at 2
    result = run_cli("set", "modbus.address=2", "tariff=2", "--yes", "--port", sim.port)
    assert result.code == ExitCode.USAGE, result.err
    assert "Address 2 is already used by meter 23000002; choose a free address" in result.err
    assert settings(sim.port)["tariff"] == 1  # nothing was written, not even the tariff
    assert settings(sim.port, "--address", "2")["modbus.address"] == 2
    free = run_cli("set", "modbus.address=3", "--yes", "--port", sim.port, "--json")
    assert free.code == 0, free.err
    assert free.json()["results"][0]["link"]["where"] == "new"


def test_mbus_primary_address_collision_is_refused_too(simulator):
    sim = simulator("--protocol", "mbus", "--count", "2", "--mbus-address", "1")
    result = run_cli("set", "mbus.address=2", "--yes", *MBUS, "--address", "1",
                     "--port", sim.port)
    assert result.code == ExitCode.USAGE, result.err
    assert "already used by meter 23000002" in result.err


def test_30_ms_at_10000_imp_per_kwh_is_written_with_a_warning(simulator):
    """The manual's example 01 06 4021 0030 sets 30 ms at any rate: no refusal, a warning."""
    sim = simulator("--model", "4PU")
    result = run_cli("set", "s0.rate=10000", "--port", sim.port, "--json")
    assert result.code == 0, result.err
    assert "warning: s0.width_ms 30 ms at 10000 imp/kWh" in result.err
    assert "65 A" in result.err and "longer than 4 ms may overlap" in result.err
    data = result.json()
    assert data["results"][0]["status"] == "written" and data["warnings"]
    assert settings(sim.port)["s0.rate"] == 10000 and settings(sim.port)["s0.width_ms"] == 30


def test_json_results_carry_the_typed_outcome(simulator):
    sim = simulator()
    result = run_cli("set", "tariff=2", "lcd.rolling_time=10", "--port", sim.port, "--json")
    assert result.code == 0, result.err
    by_key = {r["key"]: r for r in result.json()["results"]}
    assert by_key["tariff"]["status"] == "written" and by_key["tariff"]["sends"] == 1
    assert by_key["lcd.rolling_time"]["status"] == "unchanged"
    assert by_key["lcd.rolling_time"]["sends"] == 0
    human = run_cli("set", "tariff=1", "--port", sim.port)
    assert "written   2 -> 1 (read back OK)" in human.out


def test_the_ct_ratio_reads_over_mbus_as_info_shows_it_and_is_written_elsewhere(simulator):
    sim = simulator("--protocol", "mbus", "--model", "2PUCT")
    got = run_cli("get", "ct.ratio", *MBUS, "--port", sim.port, "--json")
    assert got.code == 0, got.err
    assert got.json()["settings"] == {"ct.ratio": "5/5"}
    info = run_cli("info", *MBUS, "--port", sim.port, "--json")
    assert info.json()["ct.ratio"] == "5/5"
    refused = run_cli("set", "ct.ratio=100/5", "--yes", *MBUS, "--port", sim.port)
    assert refused.code == ExitCode.UNSUPPORTED
    assert "ct.ratio cannot be written over M-Bus; set it over Bluetooth LE or Modbus RTU" in \
        refused.err


def test_restoring_another_models_backup_says_first_what_is_not_written(simulator, tmp_path):
    plain = simulator("--model", "4PU")
    assert run_cli("set", "tariff=2", "--port", plain.port).code == 0
    assert run_cli("backup", "--port", plain.port, "-o", str(tmp_path / "4pu.json")).code == 0
    ct = simulator("--model", "2PUCT")
    result = run_cli("restore", str(tmp_path / "4pu.json"), "--port", ct.port, "--undo-dir",
                     str(tmp_path / "undo"))
    assert result.code == 0, result.err
    before_report = result.err.split("Written where they differ")[0]
    assert "the file is of a 4PU, this meter is a 2PUCT" in before_report
    assert "not written: " not in before_report  # every 4PU setting exists on a 2PU CT
    lines = result.err.splitlines()
    assert any(line.startswith("note: the file is of a 4PU") for line in lines)
    doc = json.loads((tmp_path / "4pu.json").read_text())
    assert "ct.ratio" not in doc["settings"]
    assert settings(ct.port)["tariff"] == 2 and settings(ct.port)["ct.ratio"] == "5/5"


def test_undo_advice_says_what_undoing_a_ct_change_costs(simulator, tmp_path):
    sim = simulator("--model", "2PUCT")
    assert run_cli("backup", "--port", sim.port, "-o", str(tmp_path / "b.json")).code == 0
    assert run_cli("set", "ct.ratio=100/5", "--yes", "--port", sim.port).code == 0
    result = run_cli("restore", str(tmp_path / "b.json"), "--include-ct", "--yes",
                     "--port", sim.port, "--undo-dir", str(tmp_path / "undo"))
    assert result.code == 0, result.err
    assert "(6 left, 5 after this)" in result.err  # confirmed with the changes left
    assert "uses another of the 7 CT ratio changes" in result.out
    assert "(restore that file to undo)" not in result.out
    assert settings(sim.port)["ct.ratio"] == "5/5"
    assert Path(next((tmp_path / "undo").iterdir())).exists()
