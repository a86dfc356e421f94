"""A support bundle over Bluetooth LE: GATT device information in, the PIN never.

Mocked only at bleak's backend boundary (the simulated air); session, master, transport,
capture and trace are the real code.
"""

from __future__ import annotations

import asyncio
import io
import json

from configurator.model.models import Model
from configurator.services.capture import TrafficRecorder, capture_session, write_capture
from configurator.services.connection import ConnectionOptions, open_session
from configurator.services.traffic import set_trace
from configurator.simulator.ble_backend import MeterPeripheral, SimulatedAir
from configurator.simulator.meter import VirtualMeter
from tests.ble.conftest import NAME, SERIAL

PIN = "975310"  # six digits: no register word (at most 65535) can spell it


def test_a_ble_capture_holds_device_information_and_never_the_pin(tmp_path):
    air = SimulatedAir([MeterPeripheral(VirtualMeter(Model.PUCT2, SERIAL), pin=PIN)])
    options = ConnectionOptions(protocol="ble", device=NAME, pin=PIN,
                                ble_backends=(air.scanner_backend, air.client_backend))
    recorder = TrafficRecorder()
    trace = io.StringIO()

    async def scenario():
        async with open_session(options, recorder) as session:
            bundle = await capture_session(session, options.describe())
        bundle.traffic = recorder.bundle_lines()
        return bundle

    set_trace(True, trace)
    try:
        bundle = asyncio.run(scenario())
    finally:
        set_trace(False)
    path = write_capture(tmp_path / "ble.capture.json", bundle)
    text = path.read_text(encoding="utf-8")
    doc = json.loads(text)
    assert doc["transport"] == "ble" and doc["identity"]["model"] == "2PUCT"
    assert doc["ble"]["device_information"]  # model, serial, firmware, manufacturer strings
    assert all(b.get("words") for b in doc["modbus"]["blocks"])
    assert any("BLE notifications reassembled" in line["kind"] for line in doc["traffic"])
    assert PIN not in text and PIN not in trace.getvalue()
    lines = trace.getvalue().splitlines()
    assert lines and all(" ble " in line for line in lines)
    assert len(lines) == len(doc["traffic"])  # the trace saw every frame the bundle holds
