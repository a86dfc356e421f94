"""The German window shows the services' sentences in German: errors, validation, the link,
the checksum verdict, the traffic log and the commissioning report."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest

from configurator.i18n import translate
from configurator.services.connection import ConnectionOptions
from configurator.services.report import meter_page_html
from configurator.ui.language import install_translators
from configurator.ui.messages import translated


@pytest.fixture
def german(aloop: Any) -> Any:
    assert install_translators("de")
    yield
    install_translators("en")


def test_german_connect_failure_is_german(german, gui, tmp_path) -> None:
    page = gui.window.show_page("connect")
    missing = str(tmp_path / "no-such-port")
    page.fill(ConnectionOptions(port=missing))
    page.connect_button.click()
    gui.wait(lambda: page.result.isVisible() and missing in page.result.text())
    text = page.result.text()
    assert f"Die serielle Schnittstelle {missing} gibt es nicht" in text, text
    assert "does not exist" not in text
    assert not gui.controller.connected


def test_german_timeout_names_the_meter_in_german(german, gui, simulator) -> None:
    sim = simulator("--model", "4PU")
    page = gui.window.show_page("connect")
    page.fill(ConnectionOptions(port=sim.port, address=77))
    page.connect_button.click()
    gui.wait(lambda: page.result.isVisible() and "77" in page.result.text())
    text = page.result.text()
    assert "Zeitüberschreitung: keine Antwort von Zähler 77 innerhalb von" in text, text
    assert "No answer" not in text


def test_german_link_checksum_traffic_and_report(german, gui, simulator) -> None:
    sim = simulator("--model", "4PS")
    gui.connect(sim.port)
    identity = gui.controller.identity
    verdict = translated(identity.checksum_message)
    assert "Prüfsumme" in verdict or "Prüfsummentabelle" in verdict, verdict
    assert "stimmt" in verdict or "steht nicht" in verdict
    assert str(identity.checksum_message).startswith(("Checksum", "Software"))  # English in CLI
    link = translated(gui.controller.options.describe())
    assert f"Modbus RTU {sim.port} Adresse 1 9600 Baud Parität gerade" == link  # not "modbus"
    diagnostics = gui.window.show_page("diagnostics")
    diagnostics.refresh_now()
    model = diagnostics.model
    meanings = [model.data(model.index(row, 3)) for row in range(model.rowCount())]
    assert any(m.startswith("Zähler 1: lesen") for m in meanings), meanings[:5]
    doc = gui.run(gui.controller.collect_report())
    when = datetime(2026, 1, 2, 3, 4, tzinfo=timezone.utc)
    html = meter_page_html(doc, when, translator=translate)
    for word in ("Inbetriebnahmeprotokoll", "Software-Prüfsumme (Tabelle 4.3)", "Seriennummer",
                 "L1 Spannung", "Wirkenergie Bezug", "Unterschrift", "Aktiver Tarif"):
        assert word in html, word
    english = meter_page_html(doc, when)  # the CLI's report stays English
    assert "Commissioning report" in english and "Inbetriebnahmeprotokoll" not in english


def test_german_validation_message_on_a_settings_page(german, gui, simulator) -> None:
    """A value the model refuses (the S0 width no longer is one: the manual allows 2-99 ms at
    any rate, DECISIONS #7), shown in German on the CT page; reachability reasons too."""
    sim = simulator("--model", "2PUCT")
    gui.connect(sim.port)
    ct = gui.window.show_page("ct")
    gui.wait(lambda: ct.left is not None)
    ct.editor.setText("3/5")
    ct.editor.edited.emit()
    text = ct.validation.text()
    assert ct.validation.isVisible()
    assert "Ungültiger Wert '3/5' für Wandlerverhältnis: zulässig ist ein Verhältnis " \
        "primär/sekundär: 1–9999/1 oder 5–9995/5" in text, text  # the label, never the key
    assert "Invalid" not in text and "ct.ratio" not in text
    mbus = gui.window.show_page("mbus")
    reason = mbus.reason_labels["mbus.address"].text()
    assert "ist über Modbus RTU nicht erreichbar" in reason, reason


def test_german_crc_error_translates_the_nested_detail(german) -> None:
    from configurator.errors import FrameError
    from configurator.protocol import modbus_rtu as rtu
    from configurator.protocol.modbus_master import ModbusMaster
    from configurator.ui.messages import error_message

    request = rtu.build_read(1, 0x4002, 1)
    answer = bytes([1, 3, 2, 0x04, 0x57, 0x00, 0x00])  # wrong CRC
    master = ModbusMaster(transport=None)  # type: ignore[arg-type]
    with pytest.raises(FrameError) as caught:
        master._decode(request, answer)
    english = str(caught.value)
    assert english == ("Garbled answer from meter 1 (CRC error in answer 01 03 02 04 57 00 00); "
                       "check wiring, termination and baud rate.")
    assert error_message(caught.value) == (
        "Gestörte Antwort von Zähler 1 (CRC-Fehler in der Antwort 01 03 02 04 57 00 00); "
        "Verdrahtung, Busabschluss und Baudrate prüfen.")


def test_german_wrong_ble_pin_is_a_german_pairing_error(german, gui) -> None:
    from tests.ui.test_ui_connect_mbus_ble import BLE_DEMO_NAME, _ble_demo

    page = _ble_demo(gui)
    password = gui.window.show_page("password")
    password.pin.setText("1234")
    page = gui.window.show_page("connect")
    page.device.setEditText(BLE_DEMO_NAME)
    page.connect_button.click()
    gui.wait(lambda: page.result.objectName() == "note_error", timeout=30_000)
    text = page.result.text()
    assert f"Bluetooth LE {BLE_DEMO_NAME} hat die Kopplung abgelehnt" in text, text
    assert "Zählerpasswort (Werkseinstellung 0000)" in text
    assert "refused pairing" not in text
    assert not gui.controller.connected
