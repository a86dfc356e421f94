"""Connection manager (against the real simulator), traffic decoding, auto-detect order."""

from __future__ import annotations

import asyncio

from configurator.errors import LinkLostError
from configurator.protocol.modbus_master import TrafficEntry
from configurator.protocol.modbus_rtu import build_read, build_write_single, frame
from configurator.services.autodetect import candidates
from configurator.services.connection import ConnectionOptions
from configurator.services.link import ConnectionManager, LinkState, NotConnectedError
from configurator.services.outcomes import (
    ApplyReport,
    LinkOutcome,
    LinkPoint,
    LinkWhere,
    WriteOutcome,
)
from configurator.services.traffic import TrafficLog, describe


def test_traffic_lines_say_what_a_frame_means() -> None:
    log = TrafficLog(capacity=3)
    log(TrafficEntry(1.0, "tx", build_read(1, 0x4002, 1)))
    log(TrafficEntry(1.1, "rx", frame(bytes([1, 3, 2, 0x11, 0x11]))))
    log(TrafficEntry(1.2, "tx", build_write_single(1, 0x6048, 2)))
    log(TrafficEntry(1.3, "error", b"", "timeout"))
    assert log.added == 4 and len(log.lines) == 3  # bounded
    first, write, error = log.lines
    assert "1 registers" in first.meaning or "answer" in first.meaning
    assert "0x6048 (tariff) = 0x0002" in write.meaning
    assert error.error and error.meaning == "timeout"
    assert describe(TrafficEntry(0, "rx", b"\x01\x83\x02\x00\x00")) == "CRC error"
    assert "exception 2" in describe(TrafficEntry(0, "rx", frame(b"\x01\x83\x02")))
    assert "\t" in log.as_text()


def test_one_decoder_names_every_frame_kind() -> None:
    from configurator.protocol.mbus import frames as mbus
    from configurator.protocol.modbus_rtu import build_write_multiple
    from configurator.services.traffic import decode_frame

    def kind(direction: str, data: bytes, protocol: str = "") -> str:
        return decode_frame(TrafficEntry(0, direction, data, protocol=protocol)).kind

    assert kind("tx", build_read(1, 0x4000, 12)) == "FC03 read 0x4000 (serial) x12"
    assert kind("rx", frame(bytes([1, 3, 24]) + bytes(24))) == "FC03 reply 24 bytes"
    assert kind("rx", frame(b"\x01\x83\x02")) == "FC03 exception 02"
    assert kind("rx", b"\x01\x83\x02\x00\x00") == "CRC error"
    assert kind("tx", build_write_multiple(1, 0x401F, [0x100, 5])) == \
        "FC16 write 0x401F (ct.ratio) x2"
    assert kind("tx", mbus.snd_nke(0), "mbus") == "SND_NKE to 0"
    assert kind("tx", mbus.req_ud2(5, True), "mbus") == "REQ_UD2 to 5 FCB 1"
    assert kind("rx", b"\xe5", "mbus") == "E5"
    rsp = mbus.long_frame(0x08, 0, 0x72, bytes(90))
    assert kind("rx", rsp, "mbus") == f"RSP_UD from 0, {len(rsp)} bytes"
    assert kind("tx", mbus.snd_ud(1, 0xBB), "mbus") == "SND_UD to 1: baud 2400"
    # A Modbus meter at address 16 (0x10) is not taken for an M-Bus short frame.
    assert kind("tx", build_read(16, 0x4002, 1), "modbus").startswith("FC03 read 0x4002")
    chunks = decode_frame(TrafficEntry(0, "rx", frame(bytes([1, 3, 2, 0, 1])), protocol="ble",
                                       chunks=2))
    assert chunks.kind == "FC03 reply 2 bytes (2 BLE notifications reassembled)"


def test_autodetect_tries_factory_settings_first() -> None:
    combos = candidates(ConnectionOptions(port="x", address=5, baudrate=19200, parity="none"))
    assert combos[0][:2] == (19200, "none") and combos[0][2][:2] == [5, 1]
    assert (9600, "even") in [c[:2] for c in combos]
    assert len({c[:2] for c in combos}) == len(combos) == 30  # 10 rates x 3 parities


def test_manager_connects_loses_and_reconnects(simulator, tmp_path) -> None:
    from configurator.simulator.launcher import SimulatorProcess

    link = str(tmp_path / "link")
    states: list[LinkState] = []

    async def scenario() -> None:
        reconnected = asyncio.Event()

        def on_state(state: LinkState, _message: str) -> None:
            states.append(state)
            if state is LinkState.CONNECTED and LinkState.LOST in states:
                reconnected.set()

        first = SimulatorProcess("--link", link).start()
        manager = ConnectionManager(on_state=on_state, backoff=(0.05, 0.1))
        try:
            identity = await manager.connect(ConnectionOptions(port=link))
            assert identity.serial == 23000001
            readings = await manager.call(lambda s: s.read_measurements())
            assert readings
            first.stop()
            for _ in range(10):
                try:
                    await manager.call(lambda s: s.read_measurements())
                except LinkLostError:
                    break
                except Exception:
                    continue
            assert manager.state is LinkState.LOST
            try:
                await manager.call(lambda s: s.identify())
            except NotConnectedError as exc:
                assert "lost" in str(exc).lower()
            second = SimulatorProcess("--link", link).start()
            try:
                await reconnected.wait()  # the manager's own backoff finds the new bus
                assert "Reconnected" in manager.message
            finally:
                await manager.disconnect()
                second.stop()
        finally:
            first.stop()

    asyncio.run(asyncio.wait_for(scenario(), 60))
    assert states[:2] == [LinkState.CONNECTING, LinkState.CONNECTED]
    assert LinkState.LOST in states and states[-1] is LinkState.DISCONNECTED


def moved(key, value, before, old: LinkPoint, new: LinkPoint, where=LinkWhere.NEW):
    """The engine's outcome of a link write that was followed."""
    return WriteOutcome(key, value, "written" if where is LinkWhere.NEW else "unknown", before,
                        value, link=LinkOutcome(where, new, old))


def test_follow_link_updates_the_options() -> None:
    manager = ConnectionManager()
    manager.options = ConnectionOptions(port="p").resolved()
    start = LinkPoint("modbus", 1, 9600, "even")
    at9 = LinkPoint("modbus", 9, 9600, "even")
    fast = LinkPoint("modbus", 9, 19200, "even")
    report = ApplyReport([WriteOutcome("tariff", 2, "written", 1, 2),
                          moved("modbus.address", 9, 1, start, at9),
                          moved("modbus.baudrate", 19200, 9600, at9, fast)])
    options = manager.follow_link(report)
    assert options is not None and (options.address, options.baudrate) == (9, 19200)
    assert manager.alternatives == []
    assert manager.follow_link(ApplyReport([WriteOutcome("tariff", 2, "written")])) is None


def test_follow_link_keeps_both_candidates_when_the_meter_answers_at_neither() -> None:
    manager = ConnectionManager()
    manager.options = ConnectionOptions(port="p").resolved()
    start, at7 = LinkPoint("modbus", 1, 9600, "even"), LinkPoint("modbus", 7, 9600, "even")
    report = ApplyReport([moved("modbus.address", 7, 1, start, at7, LinkWhere.UNKNOWN)])
    options = manager.follow_link(report)
    assert options is not None and options.address == 7  # the write was sent: new point first
    assert [o.address for o in manager.alternatives] == [1]  # the reconnect tries both
    assert manager.link_unsettled(report) is not None


def test_follow_link_follows_a_new_mbus_secondary_address_when_selected_by_it() -> None:
    manager = ConnectionManager()
    manager.options = ConnectionOptions(port="p", protocol="mbus", device="23000002").resolved()
    old = LinkPoint("mbus", 0, 2400, secondary="23000002")
    report = ApplyReport([moved("mbus.secondary_address", "45230115", "23000002", old,
                                LinkPoint("mbus", 0, 2400, secondary="45230115"))])
    options = manager.follow_link(report)
    assert options is not None and options.device == "45230115"
    manager.options = ConnectionOptions(port="p", protocol="mbus", address=5).resolved()
    by_primary = LinkPoint("mbus", 5, 2400)
    report = ApplyReport([moved("mbus.secondary_address", "45230115", "23000002", by_primary,
                                by_primary)])
    assert manager.follow_link(report) is None  # reached by primary address: nothing moves
