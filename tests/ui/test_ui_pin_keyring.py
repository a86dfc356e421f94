"""The Connect page's Bluetooth PIN: no echo, 'Remember in the OS keyring', recalled next time.

The meter is a simulated one with PIN 4711 behind bleak's backend boundary
(`controller.ble_backends`); the OS keyring is tests/keyring_stand_in.py (a real `keyring`
backend kept in memory).
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit

from configurator.model.models import Model
from configurator.services.pin import KEYRING_SERVICE
from configurator.simulator.ble_backend import MeterPeripheral, SimulatedAir
from configurator.simulator.meter import VirtualMeter
from tests import keyring_stand_in


@pytest.fixture
def keyring_memory():
    """The OS keyring, stood in for by a real keyring backend in memory."""
    with keyring_stand_in.memory_keyring() as memory:
        yield memory


@pytest.fixture
def keyring_absent():
    """A computer without a usable OS keyring."""
    with keyring_stand_in.no_keyring():
        yield

SERIAL = 21110007
NAME = f"IM-{SERIAL:012d}"


def _ble_page(gui):
    page = gui.window.show_page("connect")
    page.transport.setCurrentIndex(page.transport.findData("ble"))
    return page


def test_remembered_pin_is_stored_after_pairing_and_recalled(gui, keyring_memory) -> None:
    air = SimulatedAir([MeterPeripheral(VirtualMeter(Model.PU4, SERIAL), pin="4711")])
    gui.controller.ble_backends = (air.scanner_backend, air.client_backend)
    try:
        page = _ble_page(gui)
        assert page.pin.isVisibleTo(page) and page.remember.isEnabled()
        assert page.pin.echoMode() == QLineEdit.EchoMode.Password
        assert not page.keyring_note.isVisibleTo(page)
        page.device.setEditText(NAME)
        page.pin.setText("1234")
        page.remember.setChecked(True)
        page.connect_button.click()
        gui.wait(lambda: page.result.objectName() == "note_error", timeout=30_000)
        assert keyring_memory.store == {}  # refused: nothing remembered
        page.pin.setText("4711")
        page.connect_button.click()
        gui.wait(lambda: gui.controller.connected, timeout=30_000)
        gui.wait(lambda: keyring_memory.store == {(KEYRING_SERVICE, NAME): "4711"})
        assert "now remembered" in page.keyring_note.text()
        gui.run(gui.controller.disconnect())
        page.pin.setText("")
        page.remember.setChecked(False)
        assert gui.controller.pin is None
        page.connect_button.click()  # the empty field is filled from the keyring
        gui.wait(lambda: gui.controller.connected, timeout=30_000)
        assert page.pin.text() == "4711" and page.remember.isChecked()
    finally:
        gui.controller.ble_backends = None


def test_without_a_keyring_the_box_is_off_and_says_why(gui, keyring_absent) -> None:
    page = _ble_page(gui)
    assert not page.remember.isEnabled() and not page.remember.isChecked()
    assert page.keyring_note.isVisibleTo(page)
    assert "no usable OS keyring" in page.keyring_note.text()


def test_connect_page_numbers_are_bounded_by_the_settings_table(gui) -> None:
    from configurator.model.settings import MODBUS_BAUD_CODES, SETTINGS

    page = gui.window.show_page("connect")
    for protocol, key in (("modbus", "modbus.address"), ("mbus", "mbus.address")):
        page.transport.setCurrentIndex(page.transport.findData(protocol))
        domain = SETTINGS[key].domain
        assert (page.address.minimum(), page.address.maximum()) == (domain.low, domain.high)
        rates = [page.baud.itemData(i) for i in range(page.baud.count())]
        expected = (list(MODBUS_BAUD_CODES) if protocol == "modbus"
                    else [int(r) for r in SETTINGS["mbus.baudrate"].domain.options])
        assert rates == expected
    page.transport.setCurrentIndex(page.transport.findData("ble"))
    gui.qtbot.keyClicks(page.pin, "12ab45")  # typed: only digits, at most 4, stay
    assert page.pin.text() == "1245" and gui.controller.pin == "1245"
    page.pin.setText("12a4")  # set past the validator: never taken as a PIN
    assert gui.controller.pin is None
