"""The Diagnostics page's support bundle and the CT page on a meter that refuses a history
slot: the real window on the real simulator (replaying a capture) on a real pty."""

from __future__ import annotations

import json

from configurator.services.capture import load_capture
from tests.conftest import run_cli


def test_support_bundle_from_the_diagnostics_page(gui, simulator, tmp_path) -> None:
    sim = simulator("--model", "4PS")
    gui.connect(sim.port)
    page = gui.window.show_page("diagnostics")
    target = tmp_path / "meter.capture.json"
    page.save_bundle(str(target))
    gui.wait(lambda: page.bundle_button.isEnabled() and target.exists())
    bundle = load_capture(target)  # schema-checked
    assert bundle.model == "4PS" and bundle.transport == "modbus"
    assert bundle.blocks and bundle.traffic
    assert any(line.kind.startswith("FC03 read 0x4002") for line in bundle.traffic)


def test_ct_page_shows_a_slot_the_meter_does_not_answer(gui, simulator, tmp_path) -> None:
    original = simulator("--model", "2PUCT")
    assert run_cli("set", "ct.ratio=100/5", "--yes", "--port", original.port).code == 0
    path = tmp_path / "ct.capture.json"
    assert run_cli("capture", "-o", str(path), "--port", original.port).code == 0
    doc = json.loads(path.read_text(encoding="utf-8"))
    for block in doc["modbus"]["blocks"]:
        if block["address"] == 0x6100 + 7 * 20:  # slot 8: as a meter with seven slots
            del block["words"]
            block["exception"] = 2
    path.write_text(json.dumps(doc), encoding="utf-8")
    replay = simulator("--from", str(path))
    gui.connect(replay.port)
    page = gui.window.show_page("ct")
    gui.wait(lambda: page.loaded)
    assert page.remaining.text() == "6"
    assert page.table.item(0, 0).text() == "5/5"
    assert page.table.item(7, 0).text() == "not answered"
    assert page.history_note.isVisible() and "08" in page.history_note.text()
    assert "exception 02" in page.history_note.text()


def test_the_window_opens_on_a_replayed_capture(gui, simulator, tmp_path) -> None:
    """`configurator --demo --from FILE`: the controller starts the replay and connects."""
    sim = simulator("--model", "2PUCT", "--serial", "23004712", "--protocol", "mbus")
    path = tmp_path / "mbus.capture.json"
    done = run_cli("capture", "-o", str(path), "--port", sim.port, "--protocol", "mbus")
    assert done.code == 0, done.err
    identity = gui.run(gui.controller.start_demo("4PU", capture=str(path)))
    assert gui.controller.connected and gui.controller.transport_name == "mbus"
    assert identity.model.info.code == "2PUCT" and identity.values["serial"] == 23004712
