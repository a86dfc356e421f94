"""Connect page: connect, identity, recent connections, auto-detect, unsupported transports."""

from __future__ import annotations

import subprocess
import sys

from configurator.services.connection import ConnectionOptions


def test_connect_shows_identity_and_remembers(gui, simulator) -> None:
    sim = simulator("--model", "4PS", "--serial", "23004242")
    gui.connect(sim.port)
    page = gui.window.show_page("connect")
    gui.wait(lambda: page.ident["serial"].text() == "23004242")
    assert "4PS" in page.ident["model"].text()
    assert page.ident["software"].text().startswith("V")
    assert page.checksum.isVisible()
    assert page.checksum.text()  # verdict against manual 4.3, whatever it is
    assert page.recent.count() == 1
    assert sim.port in page.recent.item(0).text()
    assert not page.connect_button.isHidden()
    gui.run(gui.controller.disconnect())
    assert page.ident["serial"].text() == "—"


def test_connect_failure_is_a_message(gui, tmp_path) -> None:
    page = gui.window.show_page("connect")
    page.fill(ConnectionOptions(port=str(tmp_path / "no-such-port")))
    page.connect_button.click()
    gui.wait(lambda: page.result.isVisible() and "does not exist" in page.result.text())
    assert not gui.controller.connected
    assert page.connect_button.isEnabled()


def test_unavailable_transport_is_explained(gui) -> None:
    page = gui.window.show_page("connect")
    page.transport.setCurrentIndex(page.transport.findData("ble"))
    assert page.device.isVisibleTo(page) and not page.port.isVisibleTo(page)
    assert "PIN" in page.transport_hint.text()
    page.transport.setCurrentIndex(page.transport.findData("mbus"))
    assert page.address.minimum() == 0 and page.address.value() == 0  # M-Bus factory address
    assert page.baud.currentData() == 2400


def test_autodetect_finds_a_meter_at_other_settings(gui, simulator) -> None:
    sim = simulator("--model", "4PU", "--baud", "19200", "--address", "3")
    page = gui.window.show_page("connect")
    page.fill(ConnectionOptions(port=sim.port))
    page.detect_button.click()
    gui.wait(lambda: gui.controller.connected, timeout=60_000)
    options = gui.controller.options
    assert (options.address, options.baudrate) == (3, 19200)
    assert page.address.value() == 3 and page.baud.currentData() == 19200
    assert "Found" in page.result.text() or "Connected" in page.result.text()


def test_cli_commands_do_not_import_qt(simulator) -> None:
    sim = simulator()
    code = ("import sys; from configurator.cli.main import main; "
            f"rc = main(['--port', {sim.port!r}, 'info']); "
            "assert rc == 0, rc; "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr


def test_autodetect_can_be_cancelled(gui, simulator) -> None:
    sim = simulator("--model", "4PU", "--address", "200")  # not among the likely addresses
    page = gui.window.show_page("connect")
    page.fill(ConnectionOptions(port=sim.port))
    page.detect_button.click()
    gui.wait(lambda: page.progress.isVisible() and page.progress.value() > 0)
    assert page.cancel_button.isEnabled() and not page.detect_button.isEnabled()
    page.cancel_button.click()
    gui.wait(lambda: not page.progress.isVisible())
    assert "Cancelled" in page.result.text()
    assert page.detect_button.isEnabled() and not page.cancel_button.isEnabled()
    assert not gui.controller.connected


def test_checksum_mismatch_is_shown_loudly(gui) -> None:
    from configurator.model.models import Model
    from configurator.services.meter import Identity

    page = gui.window.show_page("connect")
    identity = Identity(Model.PU4, {"serial": 23000009, "software_version": 1.34,
                                    "hardware_version": 1.0}, "mismatch",
                        "Checksum 1 does NOT match V1.34 (expected 59268366, manual 4.3).")
    page.show_identity(identity)
    assert page.checksum.objectName() == "note_error"
    assert page.checksum.text().startswith("⚠ CHECKSUM MISMATCH")


def test_pin_is_held_in_memory_only(gui, tmp_path) -> None:
    page = gui.window.show_page("password")
    page.pin.setText("4711")
    assert gui.controller.pin == "4711"
    gui.controller.recent.remember(ConnectionOptions(protocol="ble", device="IM-23000001",
                                                     pin="4711"))
    stored = (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert "IM-23000001" in stored and "4711" not in stored
    page.pin.setText("47")
    assert gui.controller.pin is None


def test_other_transports_fail_as_a_message_not_an_exit(gui, tmp_path) -> None:
    page = gui.window.show_page("connect")
    page.transport.setCurrentIndex(page.transport.findData("ble"))
    page.device.setEditText("IM-23000001")
    page.connect_button.click()
    gui.wait(lambda: page.result.isVisible() and page.result.objectName() == "note_error",
             timeout=30_000)
    assert not gui.controller.connected
    assert page.connect_button.isEnabled()


def test_ble_search_fills_the_device_list(gui, monkeypatch) -> None:
    """Boundary we cannot run here: a Bluetooth radio. The discovery result is given; the
    simulated BLE meter behind bleak's backend seam is used in test_ui_connect_mbus_ble."""
    from configurator.services import ble_discovery

    async def fake(timeout: float) -> list:
        return [ble_discovery.BleMeterInfo("IM-23000001", "AA:BB:CC:DD:EE:01", -48, 23000001)]

    monkeypatch.setattr(ble_discovery, "discover_meters", fake)
    page = gui.window.show_page("connect")
    page.transport.setCurrentIndex(page.transport.findData("ble"))
    page.search_ble.click()
    gui.wait(lambda: page.device.count() == 1)
    assert "IM-23000001" in page.device.itemText(0) and "-48 dBm" in page.device.itemText(0)
    assert page.options().device == "AA:BB:CC:DD:EE:01"
