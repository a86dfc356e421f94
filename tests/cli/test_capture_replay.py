"""Capture a meter, replay the capture, and get the same answers: the real CLI as its own
process against the real simulator on real pseudo-terminals.

The original meter's measurements move between the capture and any later read, so `read` of
a replay is compared with what the captured words themselves decode to (the register table's
codecs, outside the CLI), and with a replay of a capture of the replay; `info` and `get` do
not move and are compared with the original meter itself.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from configurator.errors import ExitCode
from configurator.model.models import Model
from configurator.model.registers import MODBUS, REGISTERS
from configurator.protocol.mbus import frames
from configurator.protocol.mbus.meter_map import decode
from configurator.protocol.mbus.records import parse_rsp_ud
from configurator.protocol.retries import FIRST_CONTACT_RETRIES
from configurator.services.capture import Capture
from configurator.services.meter import READING_GROUPS, Reading
from tests.conftest import run_cli


def capture(port: str, path: Path, *extra: str) -> dict[str, Any]:
    result = run_cli("capture", "-o", str(path), "--port", port, *extra)
    assert result.code == 0, result.err
    assert "Wrote" in result.out
    return json.loads(path.read_text(encoding="utf-8"))


def cli_json(text: dict[str, Any]) -> str:
    """What the CLI prints for a JSON result."""
    return json.dumps(text, indent=2, ensure_ascii=False) + "\n"


def read_from_words(doc: dict[str, Any], model: Model) -> str:
    """`read --json` as the captured words decode (no bus, no CLI)."""
    words = Capture.from_json(doc).words()
    out = {}
    for reg in REGISTERS.select(groups=list(READING_GROUPS), model=model, transport=MODBUS):
        value = reg.dtype.decode([words[a] for a in range(reg.address, reg.end)])
        out[reg.key] = Reading(reg, value).as_dict()
    return cli_json(out)


def blocks(doc: dict[str, Any]) -> list[tuple[int, int, Any, Any]]:
    return [(b["address"], b["count"], b.get("words"), b.get("exception"))
            for b in doc["modbus"]["blocks"]]


def test_a_modbus_capture_replays_as_the_same_meter(simulator, tmp_path):
    original = simulator("--model", "2PUCT", "--history-hours", "100")
    change = run_cli("set", "ct.ratio=100/5", "--yes", "--port", original.port)
    assert change.code == 0, change.err
    first = capture(original.port, tmp_path / "meter.capture.json")
    assert first["format"] == "wago-879-30xx-capture" and first["format_version"] == 1
    assert first["identity"]["model"] == "2PUCT" and first["traffic"]
    assert all("words" in b for b in first["modbus"]["blocks"])  # the simulator answers all

    replay = simulator("--from", str(tmp_path / "meter.capture.json"))
    for command in (("info", "--json"), ("get", "--json")):
        live = run_cli(*command, "--port", original.port)
        replayed = run_cli(*command, "--port", replay.port)
        assert replayed.code == live.code == 0, replayed.err
        assert replayed.out == live.out  # identity and settings do not move
    read = run_cli("read", "--json", "--port", replay.port)
    assert read.code == 0, read.err
    assert read.out == read_from_words(first, Model.PUCT2)
    assert read.out != run_cli("read", "--json", "--port", original.port).out  # it moved on

    # A capture of the replay holds the same words, and replays the same again.
    second = capture(replay.port, tmp_path / "again.capture.json")
    assert blocks(second) == blocks(first)
    again = simulator("--from", str(tmp_path / "again.capture.json"))
    assert run_cli("read", "--json", "--port", again.port).out == read.out
    assert run_cli("info", "--json", "--port", again.port).out == \
        run_cli("info", "--json", "--port", replay.port).out


def test_exception_blocks_replay_as_the_original_answered(simulator, tmp_path):
    """A 4PU answers exception 02 for the 2PU CT's registers: so does its replay."""
    original = simulator("--model", "4PU")
    doc = capture(original.port, tmp_path / "4pu.capture.json")
    refused = [b for b in doc["modbus"]["blocks"] if "exception" in b]
    assert refused and all(b["exception"] == 2 for b in refused)
    [whole] = [b for b in refused if "ct.ratio" in b["keys"] and len(b["keys"]) > 1]
    # ... then every register of that block is read alone: only the CT ratio is refused.
    alone = {b["keys"][0]: b for b in doc["modbus"]["blocks"]
             if len(b["keys"]) == 1 and b["keys"][0] in whole["keys"]}
    assert set(alone) == set(whole["keys"])
    assert [k for k, b in alone.items() if "exception" in b] == ["ct.ratio"]
    replay = simulator("--from", str(tmp_path / "4pu.capture.json"))
    assert blocks(capture(replay.port, tmp_path / "replayed.capture.json")) == blocks(doc)
    for command in (("info", "--json"), ("get", "--json")):
        assert run_cli(*command, "--port", replay.port).out == \
            run_cli(*command, "--port", original.port).out


def test_a_ct_history_slot_not_answered_leaves_the_rest(simulator, tmp_path):
    """A meter with only seven history slots (exception 02 beyond 0x618B): backup and the CT
    history still work, the slot is reported as not answered."""
    original = simulator("--model", "2PUCT", "--history-hours", "100")
    assert run_cli("set", "ct.ratio=100/5", "--yes", "--port", original.port).code == 0
    doc = capture(original.port, tmp_path / "ct.capture.json")
    for block in doc["modbus"]["blocks"]:
        if block["address"] == 0x6100 + 7 * 20:
            del block["words"]
            block["exception"] = 2
    edited = tmp_path / "seven-slots.capture.json"
    edited.write_text(json.dumps(doc), encoding="utf-8")
    replay = simulator("--from", str(edited))
    saved = run_cli("backup", "-o", str(tmp_path / "replay.json"), "--port", replay.port)
    assert saved.code == 0, saved.err
    live = run_cli("backup", "-o", str(tmp_path / "live.json"), "--port", original.port)
    assert live.code == 0, live.err
    ct = json.loads((tmp_path / "replay.json").read_text())["ct"]
    assert ct["not_answered"] == [{"entry": 8, "exception": 2}]
    assert ct["changes_used"] == 1 and ct["ratio"] == "100/5"
    original_ct = json.loads((tmp_path / "live.json").read_text())["ct"]
    assert "not_answered" not in original_ct
    assert ct["history"] == original_ct["history"]  # frozen at the change: same on both
    assert ct["history"][0]["ratio"] == "5/5"


def test_trace_prints_every_frame_with_its_meaning(simulator, tmp_path):
    original = simulator("--model", "4PU")
    doc = capture(original.port, tmp_path / "4pu.capture.json")
    for block in doc["modbus"]["blocks"]:
        if block["address"] == 0x5000:  # the measurements: as if the meter refused them
            del block["words"]
            block["exception"] = 2
    edited = tmp_path / "refusing.capture.json"
    edited.write_text(json.dumps(doc), encoding="utf-8")
    replay = simulator("--from", str(edited))
    info = run_cli("--trace", "info", "--port", replay.port)
    assert info.code == 0, info.err
    lines = [line for line in info.err.splitlines() if line.startswith("trace ")]
    sent = [line for line in lines if " -> " in line]
    answers = [line for line in lines if " <- " in line]
    assert len(sent) == len(answers) == 4  # meter code, then three identity blocks
    assert "modbus -> FC03 read 0x4002 (meter_code) x1 | 01 03 40 02 00 01 30 0A" in lines[0]
    assert "<- FC03 reply 2 bytes | 01 03 02 11 11" in lines[1]
    assert all(" ms modbus " in line for line in lines)
    read = run_cli("read", "--trace", "--port", replay.port)
    assert read.code == ExitCode.METER_EXCEPTION
    assert any("<- FC03 exception 02 | 01 83 02" in line for line in read.err.splitlines())
    silent = run_cli("--trace", "info", "--port", replay.port, "--address", "9",
                     "--timeout", "0.2")
    assert silent.code == ExitCode.TIMEOUT
    timeouts = [line for line in silent.err.splitlines() if " !! timeout" in line]
    assert len(timeouts) == 1 + FIRST_CONTACT_RETRIES  # a never-heard meter: request + retries
    scan = run_cli("--trace", "scan", "--first", "1", "--last", "3", "--timeout", "0.1",
                   "--port", replay.port)
    assert scan.code == 0, scan.err
    probes = [line for line in scan.err.splitlines() if " -> FC03 read 0x4002" in line]
    assert {line.split("| ")[1][:2] for line in probes} == {"01", "02", "03"}  # every address


def test_an_mbus_capture_replays_its_telegrams(simulator, tmp_path):
    original = simulator("--model", "2PUCT", "--protocol", "mbus")
    doc = capture(original.port, tmp_path / "mbus.capture.json", "--protocol", "mbus")
    telegrams = doc["mbus"]["telegrams"]
    assert [t["request"] for t in telegrams] == ["REQ_UD2 to 0 FCB 1", "REQ_UD2 to 0 FCB 0"]
    replay = simulator("--from", str(tmp_path / "mbus.capture.json"))
    read = run_cli("--protocol", "mbus", "read", "--json", "--port", replay.port)
    assert read.code == 0, read.err
    first = parse_rsp_ud(frames.parse_frame(bytes.fromhex(telegrams[0]["hex"])))
    values = decode(first).values
    expected = {reg.key: Reading(reg, values[reg.key]).as_dict() for reg in REGISTERS
                if reg.key in values and reg.group in READING_GROUPS}
    assert read.out == cli_json(expected)
    info = run_cli("--protocol", "mbus", "info", "--json", "--port", replay.port)
    assert info.code == 0 and info.json()["model"] == "2PUCT"
    assert info.out == run_cli("--protocol", "mbus", "info", "--json", "--port", replay.port).out
    again = capture(replay.port, tmp_path / "again.capture.json", "--protocol", "mbus")
    assert again["mbus"]["telegrams"] == telegrams


def test_the_manuals_literal_ct_row_costs_one_note_not_the_telegram(simulator, tmp_path):
    original = simulator("--model", "2PUCT", "--protocol", "mbus")
    doc = capture(original.port, tmp_path / "mbus.capture.json", "--protocol", "mbus")
    for telegram in doc["mbus"]["telegrams"]:  # the CT record exactly as A2.2 prints it
        frame = frames.parse_frame(bytes.fromhex(telegram["hex"]))
        cut = frame.data.index(bytes.fromhex("0B FD 3A"))
        data = frame.data[:cut] + bytes.fromhex("0A FD 3A 05 95 99")
        assert frame.ci is not None
        telegram["hex"] = frames.long_frame(frame.control, frame.address, frame.ci,
                                            data).hex(" ").upper()
    literal = tmp_path / "literal.capture.json"
    literal.write_text(json.dumps(doc), encoding="utf-8")
    replay = simulator("--from", str(literal))
    read = run_cli("--protocol", "mbus", "read", "--port", replay.port)
    assert read.code == 0, read.err
    notes = [line for line in read.err.splitlines() if line.startswith("note: ")]
    assert len(notes) == 1 and "(0A FD 3A 05 95 99) was not decoded" in notes[0]
    assert "31 other records were read" in notes[0]
    data = run_cli("--protocol", "mbus", "read", "--json", "--port", replay.port).json()
    assert len(data) == 30 and data["power_factor"]["value"] is not None
    info = run_cli("--protocol", "mbus", "info", "--json", "--port", replay.port)
    assert info.code == 0 and info.json()["model"] == "2PUCT"


def test_a_bad_capture_file_is_one_sentence_and_exit_10(tmp_path):
    bad = tmp_path / "bad.capture.json"
    bad.write_text('{"format": "wago-879-30xx-capture", "format_version": 1}', encoding="utf-8")
    for command in (("simulate", "--from", str(bad)), ("--demo", "--from", str(bad), "info")):
        result = run_cli(*command)
        assert result.code == ExitCode.FILE, result.err
        assert result.err.startswith("error: ") and result.err.count("\n") == 1
        assert "capture schema" in result.err and "Traceback" not in result.err
    other = tmp_path / "backup.json"
    other.write_text('{"format": "wago-879-30xx-backup"}', encoding="utf-8")
    result = run_cli("simulate", "--from", str(other))
    assert result.code == ExitCode.FILE and "not a configurator capture" in result.err


def test_capture_never_replaces_a_file_unasked(simulator, tmp_path):
    sim = simulator()
    target = tmp_path / "meter.capture.json"
    target.write_text("keep me", encoding="utf-8")
    result = run_cli("capture", "-o", str(target), "--port", sim.port)
    assert result.code == ExitCode.FILE and "--force" in result.err
    assert target.read_text(encoding="utf-8") == "keep me"
    forced = run_cli("capture", "-o", str(target), "--port", sim.port, "--force")
    assert forced.code == 0, forced.err
    assert json.loads(target.read_text(encoding="utf-8"))["identity"]["model"] == "4PU"


def test_demo_from_a_capture_shows_that_meter(simulator, tmp_path):
    sim = simulator("--model", "2PUCT", "--serial", "23004711")
    capture(sim.port, tmp_path / "meter.capture.json")
    result = run_cli("--demo", "--from", str(tmp_path / "meter.capture.json"), "--json")
    assert result.code == 0, result.err
    assert '"serial": 23004711' in result.out and '"model": "2PUCT"' in result.out
