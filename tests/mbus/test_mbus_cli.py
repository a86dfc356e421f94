"""The real CLI (its own process) against the real simulator process, over M-Bus on a pty."""

from __future__ import annotations

import pytest

from configurator.errors import ExitCode
from configurator.model.registers import MODBUS, REGISTERS
from tests.conftest import run_cli

MBUS = ("--protocol", "mbus")
FAST = ("--timeout", "0.05")  # the simulator answers at once; keeps silent probes short


def mbus_sim(simulator, *args: str):
    return simulator("--protocol", "mbus", *args)


def test_info_and_read_show_the_same_keys_and_units_as_modbus(simulator):
    sim = mbus_sim(simulator, "--serial", "19020246", "--mbus-address", "3")
    info = run_cli("info", *MBUS, "--port", sim.port, "--address", "3", "--json")
    assert info.code == 0, info.err
    ident = info.json()
    assert ident["serial"] == 19020246 and ident["mbus.secondary_address"] == "19020246"
    assert ident["manufacturer"] == "INM" and ident["medium"] == "electricity"
    assert ident["model"] == "4PU" and "4PS" in ident["model_note"]
    human = run_cli("info", *MBUS, "--port", sim.port, "--address", "3")
    assert "Secondary address  19020246" in human.out and "checksum" in human.out
    read = run_cli("read", *MBUS, "--port", sim.port, "--address", "3", "--json")
    assert read.code == 0, read.err
    data = read.json()
    modbus_keys = {r.key for r in REGISTERS.select(groups=["measurement", "energy"],
                                                   transport=MODBUS)}
    assert set(data) <= modbus_keys and len(data) == 30
    for key, entry in data.items():
        assert entry["unit"] == REGISTERS[key].unit
    assert 200 < data["voltage.l1"]["value"] < 260 and data["voltage.l1"]["unit"] == "V"
    assert 49.9 < data["frequency"]["value"] < 50.1
    assert data["power.active.l3"]["unit"] == "kW"
    assert data["energy.active.import.t4"]["unit"] == "kWh"


def test_2pu_ct_is_recognised_by_its_ct_record(simulator):
    sim = mbus_sim(simulator, "--model", "2PUCT")
    info = run_cli("info", *MBUS, "--port", sim.port, "--json")
    assert info.code == 0, info.err
    assert info.json()["model"] == "2PUCT" and info.json()["ct.ratio"] == "5/5"


def test_get_reads_what_mbus_carries_and_says_what_it_cannot(simulator):
    sim = mbus_sim(simulator)
    result = run_cli("get", *MBUS, "--port", sim.port, "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert data["settings"] == {"tariff": 1, "s0.rate": None, "mbus.address": 0,
                                "mbus.secondary_address": "23000001", "mbus.baudrate": 2400,
                                "combination_code": None}
    assert "modbus.address" in data["unreachable"] and "M-Bus" in \
        data["unreachable"]["modbus.address"]
    text = run_cli("get", "s0.rate", "tariff", *MBUS, "--port", sim.port)
    assert text.code == 0
    assert "s0.rate cannot be read over M-Bus" in text.out
    one = run_cli("get", "modbus.parity", *MBUS, "--port", sim.port)
    assert one.code == ExitCode.UNSUPPORTED and "M-Bus" in one.err


def test_set_writes_verifies_and_reports_write_only_keys(simulator):
    sim = mbus_sim(simulator)
    result = run_cli("set", "tariff=2", "s0.rate=100", "combination_code=4", *MBUS,
                     "--port", sim.port, "--json")
    assert result.code == 0, result.err
    statuses = {r["key"]: r["status"] for r in result.json()["results"]}
    assert statuses == {"tariff": "written", "s0.rate": "acknowledged",
                        "combination_code": "acknowledged"}
    again = run_cli("set", "tariff=2", *MBUS, "--port", sim.port, "--json")
    assert again.json()["results"][0]["status"] == "unchanged"
    refused = run_cli("set", "lcd.rolling_time=5", *MBUS, "--port", sim.port)
    assert refused.code == ExitCode.UNSUPPORTED and "M-Bus" in refused.err
    reset = run_cli("reset", "day-counter", *MBUS, "--yes", "--port", sim.port, "--json")
    assert reset.code == 0, reset.err
    assert reset.json()["value"] < 0.1


def test_link_changes_are_followed_and_verified(simulator):
    sim = mbus_sim(simulator)
    moved = run_cli("set", "mbus.address=5", "mbus.baudrate=9600", *MBUS, "--yes",
                    "--port", sim.port, "--json")
    assert moved.code == 0, moved.err
    assert [r["status"] for r in moved.json()["results"]] == ["written", "written"]
    assert "--address 5 --baud 9600" in moved.json()["link"]
    assert run_cli("info", *MBUS, "--port", sim.port, *FAST).code == ExitCode.TIMEOUT
    there = run_cli("get", "mbus.address", "mbus.baudrate", *MBUS, "--port", sim.port,
                    "--address", "5", "--baud", "9600", "--json")
    assert there.json()["settings"] == {"mbus.address": 5, "mbus.baudrate": 9600}
    renamed = run_cli("set", "mbus.secondary_address=45230115", *MBUS, "--yes", "--port", sim.port,
                      "--address", "5", "--baud", "9600", "--json")
    assert renamed.code == 0, renamed.err
    by_secondary = run_cli("info", *MBUS, "--port", sim.port, "--baud", "9600", "--device",
                           "45230115", "--json")
    assert by_secondary.code == 0, by_secondary.err
    assert by_secondary.json()["mbus.address"] == 5


def test_factory_meters_share_address_0_until_given_their_own(simulator):
    sim = mbus_sim(simulator, "--count", "3")
    clash = run_cli("read", *MBUS, "--port", sim.port)
    assert clash.code == ExitCode.CRC and "scan --secondary" in clash.err
    moved = run_cli("set", "mbus.address=9", *MBUS, "--yes", "--port", sim.port,
                    "--device", "23000002", "--json")
    assert moved.code == 0, moved.err
    scan = run_cli("scan", *MBUS, "--port", sim.port, "--last", "10", *FAST, "--json")
    assert scan.code == 0, scan.err
    meters = scan.json()["meters"]
    assert [m["primary_address"] for m in meters] == [0, 9]
    assert meters[0]["secondary_address"] is None and "several" in meters[0]["note"]
    assert meters[1]["secondary_address"] == "23000002"


@pytest.mark.parametrize("count", [1, 3, 10])
def test_primary_scan_finds_meters_at_their_addresses(simulator, count):
    sim = mbus_sim(simulator, "--count", str(count), "--mbus-address", "1")
    last = count + 2
    result = run_cli("scan", *MBUS, "--port", sim.port, "--first", "0", "--last", str(last),
                     *FAST, "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert [(m["primary_address"], m["secondary_address"]) for m in data["meters"]] == \
        [(n, f"{23000000 + n:08d}") for n in range(1, count + 1)]
    # one SND_NKE per address, two REQ_UD2 per meter (the second proves it is alone)
    assert data["probes"] == last + 1 + 2 * count
    text = run_cli("scan", *MBUS, "--port", sim.port, "--last", str(count), *FAST)
    assert f"{count} meter(s) found" in text.out


def test_scan_range_and_state_survive_a_restart(simulator, tmp_path):
    state = str(tmp_path / "meters.json")
    sim = mbus_sim(simulator, "--state", state)
    bad = run_cli("scan", *MBUS, "--port", sim.port, "--last", "251")
    assert bad.code == ExitCode.USAGE
    assert run_cli("set", "mbus.address=4", *MBUS, "--yes", "--port", sim.port).code == 0
    sim.stop()
    again = mbus_sim(simulator, "--state", state)
    info = run_cli("info", *MBUS, "--port", again.port, "--address", "4", "--json")
    assert info.code == 0, info.err and info.json()["mbus.address"] == 4


SECONDARIES_10 = ["11111111", "11222222", "11333333", "22222222", "22223333", "33333333",
                  "44444444", "55555555", "66666666", "77777777"]


@pytest.mark.parametrize(("args", "expected"), [
    ((), ["23000001"]),
    (("--count", "3"), ["23000001", "23000002", "23000003"]),  # share 7 leading digits
    (("--count", "10", *(a for s in SECONDARIES_10 for a in ("--mbus-secondary", s))),
     SECONDARIES_10),
])
def test_secondary_search_finds_every_meter_even_when_all_answer_at_once(simulator, args,
                                                                         expected):
    sim = mbus_sim(simulator, *args)
    result = run_cli("scan", "--secondary", *MBUS, "--port", sim.port, *FAST, "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert [m["secondary_address"] for m in data["meters"]] == expected
    assert all(m["primary_address"] == 0 and m["model"] == "4PU" for m in data["meters"])
    assert data["probes_per_meter"] == data["probes"] / len(expected)
    if len(expected) == 1:
        assert data["probes"] == 3  # select FFFFFFFF, REQ_UD2 twice: clean, so one meter
    else:
        assert data["collisions"] >= 1


def test_scan_secondary_needs_mbus(simulator):
    sim = simulator()
    result = run_cli("scan", "--secondary", "--port", sim.port)
    assert result.code == ExitCode.USAGE and "--protocol mbus" in result.err


def test_the_s0_rate_byte_reading_is_marked_unverified_where_shown_and_written(simulator):
    from configurator.protocol.mbus.meter_map import S0_RATE_ENCODING, WRITES

    assert WRITES["s0.rate"].encoding is S0_RATE_ENCODING and not S0_RATE_ENCODING.verified
    assert all(w.encoding.verified for key, w in WRITES.items() if key != "s0.rate")
    sim = mbus_sim(simulator)
    shown = run_cli("get", "s0.rate", *MBUS, "--port", sim.port)
    assert shown.code == 0 and "unverified" in shown.out
    assert f"[{S0_RATE_ENCODING.name}]" in shown.out
    assert "unverified" not in run_cli("get", "combination_code", *MBUS, "--port", sim.port).out
    written = run_cli("set", "s0.rate=10", *MBUS, "--port", sim.port, "--json")
    assert written.code == 0, written.err
    [result] = written.json()["results"]
    assert result["status"] == "acknowledged" and S0_RATE_ENCODING.name in result["message"]
    text = run_cli("set", "s0.rate=100", *MBUS, "--port", sim.port)
    assert "unverified" in text.out and S0_RATE_ENCODING.name in text.out
