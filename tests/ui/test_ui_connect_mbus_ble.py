"""Connect page over M-Bus (secondary-address search) and Bluetooth LE (the in-process demo)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from configurator.services.connection import ConnectionOptions

ROOT = Path(__file__).resolve().parents[2]
SEARCH_MS = 90_000
BLE_DEMO_NAME = "IM-000019020246"


def _mbus_page(gui, sim):
    page = gui.window.show_page("connect")
    page.fill(ConnectionOptions(port=sim.port, protocol="mbus", baudrate=9600))
    return page


def test_mbus_search_finds_factory_meters_and_connects_by_secondary(gui, simulator) -> None:
    sim = simulator("--protocol", "mbus", "--count", "3", "--mbus-baud", "9600")
    page = _mbus_page(gui, sim)
    assert page.search_mbus.isVisibleTo(page) and page.secondary.isVisibleTo(page)
    assert "Search bus" in page.transport_hint.text()
    page.search_mbus.click()
    gui.wait(lambda: page.progress.isVisible())
    assert page.cancel_button.isEnabled() and not page.search_mbus.isEnabled()
    gui.wait(lambda: "Meters found" in page.result.text(), timeout=SEARCH_MS)
    gui.wait(lambda: not page.progress.isVisible())
    items = [page.mbus_found.item(i) for i in range(page.mbus_found.count())]
    texts = [item.text() for item in items]
    assert len(texts) == 3, texts
    for serial, text in zip(("23000001", "23000002", "23000003"), sorted(texts), strict=True):
        assert serial in text and "primary address 0" in text and "4P" in text
    assert not gui.controller.connected  # listed, not connected yet

    chosen = next(item for item in items if "23000002" in item.text())
    page.mbus_found.itemClicked.emit(chosen)
    assert page.secondary.text() == "23000002" and page.address.value() == 0
    page.mbus_found.itemDoubleClicked.emit(chosen)
    gui.wait(lambda: gui.controller.connected)
    gui.wait(lambda: page.ident["serial"].text() == "23000002")
    options = gui.controller.options
    assert (options.protocol, options.device, options.address) == ("mbus", "23000002", 0)
    assert "23000002" in page.ident["link"].text()


def test_mbus_autodetect_is_the_secondary_search(gui, simulator) -> None:
    sim = simulator("--protocol", "mbus", "--mbus-baud", "9600", "--serial", "23004711")
    page = _mbus_page(gui, sim)
    assert page.detect_button.isVisibleTo(page)
    page.detect_button.click()
    gui.wait(lambda: "secondary address" in page.result.text())
    gui.wait(lambda: gui.controller.connected, timeout=SEARCH_MS)  # one meter: connected
    gui.wait(lambda: page.ident["serial"].text() == "23004711")
    assert gui.controller.options.device == "23004711"


def test_mbus_search_can_be_cancelled(gui, simulator) -> None:
    sim = simulator("--protocol", "mbus", "--count", "3")  # 2400 baud: a slow search
    page = gui.window.show_page("connect")
    page.fill(ConnectionOptions(port=sim.port, protocol="mbus"))
    page.search_mbus.click()
    gui.wait(lambda: "Searching secondary addresses" in page.progress_label.text())
    page.cancel_button.click()
    gui.wait(lambda: not page.progress.isVisible())
    assert "Cancelled" in page.result.text()
    assert page.search_mbus.isEnabled() and not gui.controller.connected


def test_mbus_search_without_a_port_is_a_message(gui, tmp_path) -> None:
    page = gui.window.show_page("connect")
    page.fill(ConnectionOptions(port=str(tmp_path / "no-such-port"), protocol="mbus"))
    page.search_mbus.click()
    gui.wait(lambda: page.result.objectName() == "note_error")
    assert page.search_mbus.isEnabled()


# -- Bluetooth LE demo --------------------------------------------------------------------------


def _ble_demo(gui):
    gui.run(gui.controller.start_demo("4PU", "ble"))
    assert gui.controller.connected and gui.controller.transport_name == "ble"
    gui.run(gui.controller.disconnect())
    page = gui.window.show_page("connect")
    page.transport.setCurrentIndex(page.transport.findData("ble"))
    return page


def test_ble_demo_search_lists_the_simulated_meter(gui) -> None:
    page = _ble_demo(gui)
    page.device.clear()
    page.search_ble.click()
    gui.wait(lambda: page.device.count() == 1)
    text = page.device.itemText(0)
    assert BLE_DEMO_NAME in text and "dBm" in text and "serial 19020246" in text
    assert "found: 1" in page.result.text()
    page.device.setCurrentIndex(0)
    page.connect_button.click()
    gui.wait(lambda: gui.controller.connected)
    gui.wait(lambda: page.ident["serial"].text() == "19020246")
    assert "Bluetooth" in page.result.text() or "Connected" in page.result.text()


def test_ble_demo_pin_from_the_password_page(gui) -> None:
    page = _ble_demo(gui)
    password = gui.window.show_page("password")
    password.pin.setText("1234")
    page = gui.window.show_page("connect")
    page.device.setEditText(BLE_DEMO_NAME)
    page.connect_button.click()
    gui.wait(lambda: page.result.objectName() == "note_error", timeout=30_000)
    assert "PIN" in page.result.text()
    assert not gui.controller.connected and page.connect_button.isEnabled()
    password = gui.window.show_page("password")
    password.pin.setText("0000")
    page = gui.window.show_page("connect")
    page.connect_button.click()
    gui.wait(lambda: gui.controller.connected)
    gui.wait(lambda: page.ident["serial"].text() == "19020246")


def test_ble_demo_backlight_is_editable_and_energy_has_history(gui) -> None:
    gui.run(gui.controller.start_demo("4PU", "ble"))
    backlight = gui.window.show_page("backlight")
    gui.wait(lambda: backlight.editors["backlight"].isEnabled())
    assert not backlight.reason_labels["backlight"].isVisible()
    readings = gui.run(gui.controller.manager.call(lambda s: s.read_measurements()))
    energy = {r.register.key: r.value for r in readings}
    assert energy["energy.active.total"] > 1000.0  # about a year of use, not 0 kWh


CHILD = """
import sys
from configurator.ui.main_window import MainWindow
original = MainWindow.__init__
def init(self, controller):
    original(self, controller)
    controller.identity_changed.connect(lambda identity: (print(
        "IDENTITY", identity.serial, controller.transport_name, flush=True), self.close()))
MainWindow.__init__ = init
from configurator.cli.main import main
sys.exit(main(["--demo", "--protocol", PROTOCOL]))
"""


@pytest.mark.parametrize(("protocol", "serial"), [("ble", 19020246), ("mbus", 23000001)])
def test_demo_window_starts_connected_over_the_protocol(protocol, serial) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    code = CHILD.replace("PROTOCOL", repr(protocol))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, env=env, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"IDENTITY {serial} {protocol}" in done.stdout
