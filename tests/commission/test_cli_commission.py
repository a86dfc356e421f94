"""`configurator commission PLAN.json` and `configurator template ...`, end to end: the real
CLI as its own process against the real simulator on a pty. Assertions are on counts: meters,
backups, report pages, address moves, settings written."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from configurator.errors import ExitCode
from tests.conftest import run_cli

PLAN_FORMAT = "wago-879-30xx-commission-plan"


def _pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf.read_bytes()))


def _plan(tmp_path: Path, **extra: Any) -> Path:
    doc = {"format": PLAN_FORMAT, "format_version": 1, "site": "Test site",
           "installer": "A. Tester", "template": "site.json", "first_address": 1, **extra}
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(doc))
    return path


def test_template_new_show_set_apply_to_a_bus(tmp_path: Path, simulator: Any) -> None:
    site = tmp_path / "site.json"
    made = run_cli("template", "new", "--model", "4PU", "-o", str(site), "lcd.rolling_time=20",
                   "backlight=button", "--name", "Site A")
    assert made.code == 0, made.err
    doc = json.loads(site.read_text())
    assert doc["template"] == {"name": "Site A"}
    assert "serial" not in doc["meter"] and "modbus.address" not in doc["settings"]
    refused = run_cli("template", "new", "--model", "4PU", "-o", str(tmp_path / "x.json"),
                      "ct.ratio=100/5")  # a 4PU has no CT ratio: refused as a live write is
    assert refused.code == ExitCode.UNSUPPORTED and not (tmp_path / "x.json").exists()
    bad = run_cli("template", "set", str(site), "s0.width_ms=150")
    assert bad.code == ExitCode.USAGE and json.loads(site.read_text()) == doc
    changed = run_cli("template", "set", str(site), "display.rotated=on", "data_type=")
    assert changed.code == 0, changed.err
    shown = run_cli("template", "show", str(site), "--json").json()
    assert shown["settings"]["display.rotated"] == "on" and "data_type" not in shown["settings"]
    assert "(not set)" in run_cli("template", "show", str(site)).out

    sim = simulator("--count", "3")
    applied = run_cli("--port", sim.port, "template", "apply", str(site), "--all", "--json",
                      "--undo-dir", str(tmp_path / "undo"))
    assert applied.code == 0, applied.err
    meters = applied.json()["meters"]
    assert len(meters) == 3
    for meter in meters:
        written = {r["key"] for r in meter["results"] if r["status"] == "applied"}
        assert written == {"lcd.rolling_time", "display.rotated"}
        unreachable = {r["key"] for r in meter["results"] if r["status"] == "not reachable"}
        assert "backlight" in unreachable  # Bluetooth LE only: said, never written
        assert not {r["key"] for r in meter["results"] if r["status"] == "skipped"}
    one = run_cli("--port", sim.port, "--address", "2", "template", "apply", str(site),
                  "--json", "--undo-dir", str(tmp_path / "undo"))
    assert one.code == 0 and one.json()["meters"][0]["results"][0]["status"] == "unchanged"
    restored = run_cli("--port", sim.port, "restore", str(site))
    assert restored.code == ExitCode.USAGE and "template apply" in restored.err


def test_template_ct_ratio_only_when_asked_and_confirmed(tmp_path: Path, simulator: Any) -> None:
    site = tmp_path / "ct.json"
    assert run_cli("template", "new", "--model", "2PUCT", "-o", str(site), "ct.ratio=100/5",
                   "tariff=2").code == 0
    sim = simulator("--model", "2PUCT")
    undo = ("--undo-dir", str(tmp_path / "undo"))
    plain = run_cli("--port", sim.port, "template", "apply", str(site), "--json", *undo)
    assert plain.code == 0, plain.err
    results = {r["key"]: r["status"] for r in plain.json()["meters"][0]["results"]}
    assert results["ct.ratio"] == "skipped" and results["tariff"] == "applied"
    unconfirmed = run_cli("--port", sim.port, "template", "apply", str(site), "--include-ct",
                          *undo)
    assert unconfirmed.code == ExitCode.USAGE and "--yes" in unconfirmed.err
    assert run_cli("--port", sim.port, "get", "ct.ratio", "--json").json()["settings"][
        "ct.ratio"] == "5/5"  # nothing written without the confirmation
    confirmed = run_cli("--port", sim.port, "template", "apply", str(site), "--include-ct",
                        "--yes", "--json", *undo)
    assert confirmed.code == 0, confirmed.err
    results = {r["key"]: r["status"] for r in confirmed.json()["meters"][0]["results"]}
    assert results["ct.ratio"] == "applied"
    assert run_cli("--port", sim.port, "get", "ct.ratio", "--json").json()["settings"][
        "ct.ratio"] == "100/5"


def test_ten_factory_meters_on_mbus_commissioned_by_one_command(tmp_path: Path,
                                                                simulator: Any) -> None:
    sim = simulator("--protocol", "mbus", "--count", "10")  # all at primary 0, as shipped
    made = run_cli("template", "new", "--model", "4PU", "-o", str(tmp_path / "site.json"),
                   "s0.rate=100", "combination_code=1")
    assert made.code == 0, made.err
    plan = _plan(tmp_path, expected_meters=10,
                 meters=[{"serial": 23000005, "address": 50, "label": "Flat 5"}])
    bus = ("--protocol", "mbus", "--port", sim.port)
    paused = run_cli(*bus, "commission", str(plan), "--yes", "--stop-after", "address")
    assert paused.code == ExitCode.PAUSED, paused.err
    state_path = tmp_path / "plan-job" / "commission-state.json"
    state = json.loads(state_path.read_text())
    assert [state["steps"][s] for s in ("connect", "identify", "address", "template")] == \
        ["done", "done", "done", "pending"]
    addresses = sorted(m["address"] for m in state["meters"])
    assert addresses == [1, 2, 3, 4, 5, 6, 7, 8, 9, 50]
    assert not (tmp_path / "plan-job" / "backups").exists()

    resumed = run_cli(*bus, "commission", str(plan), "--yes", "--json")
    assert resumed.code in (0, ExitCode.WIRING), resumed.err
    done = resumed.json()
    assert all(v == "done" for v in done["steps"].values())
    assert len(done["meters"]) == 10
    moves = [line for line in done["log"] if line.startswith("address: ")]
    assert len(moves) == 10  # each meter moved once: the resumed run did not move them again
    for meter in done["meters"]:
        assert [c["key"] for c in meter["changes"]] == ["mbus.address", "s0.rate",
                                                        "combination_code"]
        assert meter["verdict"] is not None
    backups = sorted((tmp_path / "plan-job" / "backups").glob("*.json"))
    assert len(backups) == 10
    assert {json.loads(b.read_text())["meter"]["serial"] for b in backups} == \
        set(range(23000001, 23000011))
    report = tmp_path / "plan-job" / "commissioning-report.pdf"
    assert _pages(report) == 11  # the job's summary, then one page per meter
    again = run_cli(*bus, "commission", str(plan), "--yes", "--json")
    assert again.code == resumed.code and len(again.json()["log"]) == len(done["log"])


def test_ten_modbus_meters_commissioned_by_one_command(tmp_path: Path, simulator: Any) -> None:
    sim = simulator("--count", "10")  # at 1-10: each moved to the plan's range
    made = run_cli("template", "new", "--model", "4PU", "-o", str(tmp_path / "site.json"),
                   "lcd.rolling_time=20")
    assert made.code == 0, made.err
    plan = _plan(tmp_path, first_address=101, expected_meters=10)
    done = run_cli("--port", sim.port, "commission", str(plan), "--yes")
    assert done.code == 0, done.err + done.out  # every wiring verdict a pass
    assert done.out.count("[x]") == 7
    state = json.loads((tmp_path / "plan-job" / "commission-state.json").read_text())
    assert sorted(m["address"] for m in state["meters"]) == list(range(101, 111))
    for meter in state["meters"]:
        assert [c["key"] for c in meter["changes"]] == ["modbus.address", "lcd.rolling_time"]
        assert meter["verdict"] == "ok" and meter["checksum"]
    assert len(list((tmp_path / "plan-job" / "backups").glob("*.json"))) == 10
    assert _pages(tmp_path / "plan-job" / "commissioning-report.pdf") == 11
    moved = run_cli("--port", sim.port, "--address", "105", "get", "lcd.rolling_time",
                    "--json")
    assert moved.code == 0 and moved.json()["settings"]["lcd.rolling_time"] == 20


def test_plan_file_is_schema_checked(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"format": PLAN_FORMAT, "format_version": 1, "site": "S",
                                "first_address": 0}))
    result = run_cli("--port", "/dev/null", "commission", str(plan))
    assert result.code == ExitCode.FILE and "first_address" in result.err
    assert "Traceback" not in result.err


def test_modbus_factory_meters_one_at_a_time_at_the_terminal(tmp_path: Path) -> None:
    """The CLI on a real pty asks for each factory meter; each answer is a new meter (a new
    simulator behind the same port path) arriving at address 1."""
    import os
    import pty
    import select
    import subprocess
    import sys

    from configurator.simulator.launcher import SimulatorProcess

    link = tmp_path / "bus"
    plan = _plan(tmp_path, template="", one_at_a_time=True, expected_meters=3,
                 first_address=11)
    started: list[SimulatorProcess] = []
    master, slave = pty.openpty()
    child = subprocess.Popen(
        [sys.executable, "-m", "configurator", "--port", str(link), "commission", str(plan),
         "--yes", "--stop-after", "address"], stdin=slave, stdout=slave, stderr=slave,
        close_fds=True)
    os.close(slave)
    seen = b""
    prompts = 0
    try:
        while True:
            ready, _, _ = select.select([master], [], [], 60)
            assert ready, seen.decode(errors="replace")
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
            while seen.count(b"then press Enter") > prompts:
                prompts += 1
                sim = SimulatorProcess("--link", str(link), "--serial", str(23000000 + prompts))
                sim.__enter__()
                started.append(sim)
                os.write(master, b"\n")
        code = child.wait(timeout=60)
    finally:
        for sim in started:
            sim.__exit__(None, None, None)
        os.close(master)
    text = seen.decode(errors="replace")
    assert code == ExitCode.PAUSED, text
    assert prompts == 3 and "Connect meter 3 of 3" in text
    state = json.loads((tmp_path / "plan-job" / "commission-state.json").read_text())
    assert [(m["serial"], m["address"]) for m in state["meters"]] == \
        [(23000001, 11), (23000002, 12), (23000003, 13)]
