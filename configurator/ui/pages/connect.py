"""Connect: transport, port (hot-plug aware), link settings, auto-detect, recent connections,
and who the meter is once connected."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...errors import UnsupportedError
from ...i18n import QT_TRANSLATE_NOOP, translate
from ...model.domains import Choice, IntRange
from ...model.settings import MODBUS_BAUD_CODES, PARITY_CODES, SETTINGS
from ...services.autodetect import autodetect
from ...services.connection import PROTOCOL_DEFAULTS, ConnectionOptions
from ...services.link import LinkState
from ...services.meter import Identity
from ...services.ports import PortInfo, list_ports
from ..tasks import error_text
from .base import Page, note, register, set_note

TRANSPORTS = ((QT_TRANSLATE_NOOP("ConnectPage", "Modbus RTU (RS-485 serial)"), "modbus"),
              (QT_TRANSLATE_NOOP("ConnectPage", "M-Bus (serial)"), "mbus"),
              (QT_TRANSLATE_NOOP("ConnectPage", "Bluetooth LE"), "ble"))
ADDRESS_SETTING = {"modbus": "modbus.address", "mbus": "mbus.address", "ble": "modbus.address"}
PORT_REFRESH_MS = 2000


def baud_choices(protocol: str) -> list[int]:
    """Baud rates the meter can be set to on this protocol (from settings.py)."""
    if protocol == "mbus":
        domain = SETTINGS["mbus.baudrate"].domain
        assert isinstance(domain, Choice)
        return [int(b) for b in domain.options]
    return list(MODBUS_BAUD_CODES)


@register
class ConnectPage(Page):
    """How to reach the meter."""

    NAME, SECTION, ORDER = "connect", "Meter", 0
    TITLE = QT_TRANSLATE_NOOP("Pages", "Connect")
    INTRO = QT_TRANSLATE_NOOP(
        "Pages", "Choose how the meter is attached. The factory settings are pre-filled; "
            "'Auto-detect' tries the likely baud rates, parities and addresses for you.")

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self._ports: list[PortInfo] = []
        columns = QHBoxLayout()
        columns.setSpacing(16)
        self.layout_.addLayout(columns, 1)

        link_box = QGroupBox(self.tr("Link"))
        grid = QGridLayout(link_box)
        self.transport = QComboBox()
        for label, protocol in TRANSPORTS:
            self.transport.addItem(self.tr(label), protocol)
        self.port = QComboBox()
        self.port.setEditable(True)
        self.port.setMinimumWidth(360)
        self.port.setToolTip(self.tr("Pick a port or type a path (a /dev/serial/by-id name "
                                     "survives re-plugging)."))
        self.device = QComboBox()
        self.device.setEditable(True)
        self.device.setToolTip(self.tr("Bluetooth LE meter: address or name IM-<serial>."))
        self.search_ble = QPushButton(self.tr("Search"))
        self.search_ble.clicked.connect(self._search_ble)
        self.baud = QComboBox()
        self.parity = QComboBox()
        for parity in PARITY_CODES:
            self.parity.addItem(translate("Values", parity), parity)
        self.address = QSpinBox()
        self.transport_hint = note("", "info")
        self.transport_hint.setVisible(False)
        rows = ((self.tr("Transport"), self.transport), (self.tr("Serial port"), self.port),
                (self.tr("Bluetooth device"), self.device), (self.tr("Baud rate"), self.baud),
                (self.tr("Parity"), self.parity), (self.tr("Address"), self.address))
        self._row_labels: dict[QWidget, QLabel] = {}
        for i, (text, widget) in enumerate(rows):
            label = QLabel(text)
            self._row_labels[widget] = label
            grid.addWidget(label, i, 0)
            grid.addWidget(widget, i, 1)
        grid.addWidget(self.search_ble, 2, 2)
        grid.addWidget(self.transport_hint, len(rows), 0, 1, 3)
        buttons = QHBoxLayout()
        self.connect_button = QPushButton(self.tr("Connect"))
        self.connect_button.setDefault(True)
        self.disconnect_button = QPushButton(self.tr("Disconnect"))
        self.detect_button = QPushButton(self.tr("Auto-detect"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        for button in (self.connect_button, self.disconnect_button, self.detect_button,
                       self.cancel_button):
            buttons.addWidget(button)
        grid.addLayout(buttons, len(rows) + 1, 0, 1, 3)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress_label = QLabel("")
        grid.addWidget(self.progress, len(rows) + 2, 0, 1, 3)
        grid.addWidget(self.progress_label, len(rows) + 3, 0, 1, 3)
        self.result = note("", "info")
        self.result.setVisible(False)
        grid.addWidget(self.result, len(rows) + 4, 0, 1, 3)
        left_col = QVBoxLayout()
        left_col.addWidget(link_box)
        left_col.addStretch(1)
        columns.addLayout(left_col, 3)

        right_col = QVBoxLayout()
        ident_box = QGroupBox(self.tr("Meter"))
        form = QFormLayout(ident_box)
        self.ident: dict[str, QLabel] = {}
        for key, text in (("model", self.tr("Model")), ("article", self.tr("Article")),
                          ("serial", self.tr("Serial number")),
                          ("software", self.tr("Firmware")), ("hardware", self.tr("Hardware")),
                          ("link", self.tr("Answers at"))):
            value = QLabel("—")
            value.setObjectName("identModel" if key == "model" else "identValue")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.ident[key] = value
            form.addRow(text, value)
        self.checksum = note("", "info")
        self.checksum.setVisible(False)
        form.addRow(self.checksum)
        right_col.addWidget(ident_box)
        recent_box = QGroupBox(self.tr("Recent connections (double-click to connect)"))
        recent_layout = QVBoxLayout(recent_box)
        self.recent = QListWidget()
        self.recent.setMaximumHeight(170)
        recent_layout.addWidget(self.recent)
        right_col.addWidget(recent_box)
        right_col.addStretch(1)
        columns.addLayout(right_col, 2)

        self.transport.currentIndexChanged.connect(self._on_transport)
        self.connect_button.clicked.connect(self.start_connect)
        self.disconnect_button.clicked.connect(self.start_disconnect)
        self.detect_button.clicked.connect(self.start_autodetect)
        self.cancel_button.clicked.connect(self.cancel)
        self.recent.itemClicked.connect(lambda item: self.fill(item.data(Qt.ItemDataRole.UserRole)))
        self.recent.itemDoubleClicked.connect(self._connect_recent)
        controller.state_changed.connect(self._on_state)
        controller.identity_changed.connect(self.show_identity)
        controller.options_changed.connect(self.fill)

        self.port_timer = QTimer(self)
        self.port_timer.setInterval(PORT_REFRESH_MS)
        self.port_timer.timeout.connect(self.refresh_ports)
        self._on_transport()
        self.refresh_ports()
        self.load_recent()
        if controller.options is not None:
            self.fill(controller.options)
        if controller.identity is not None:
            self.show_identity(controller.identity)
        self._on_state(controller.state.value, "")

    # -- fields -------------------------------------------------------------------------------
    @property
    def protocol(self) -> str:
        """The selected transport's protocol name."""
        return str(self.transport.currentData())

    def _on_transport(self) -> None:
        protocol = self.protocol
        address, baud, parity = PROTOCOL_DEFAULTS[protocol]
        ble = protocol == "ble"
        for widget in (self.port, self.baud, self.parity):
            widget.setVisible(not ble)
            self._row_labels[widget].setVisible(not ble)
        self.device.setVisible(ble)
        self._row_labels[self.device].setVisible(ble)
        self.search_ble.setVisible(ble)
        self.baud.blockSignals(True)
        self.baud.clear()
        for rate in baud_choices(protocol):
            self.baud.addItem(self.tr("{rate} baud").format(rate=rate), rate)
        self.baud.setCurrentIndex(max(0, self.baud.findData(baud)))
        self.baud.blockSignals(False)
        self.parity.setCurrentIndex(max(0, self.parity.findData(parity)))
        domain = SETTINGS[ADDRESS_SETTING[protocol]].domain
        assert isinstance(domain, IntRange)
        self.address.setRange(domain.low, domain.high)
        self.address.setValue(address)
        self.detect_button.setVisible(protocol == "modbus")
        hints = {
            "ble": self.tr("Bluetooth LE uses the meter password as pairing PIN: enter it on "
                           "the Password page (kept in memory only)."),
            "mbus": self.tr("M-Bus reaches the meter through an M-Bus level converter; the "
                            "factory primary address is 0."),
        }
        set_note(self.transport_hint, hints.get(protocol, ""), "info")

    def refresh_ports(self) -> None:
        """Re-list serial ports (hot-plug); keeps what the user typed."""
        try:
            ports = list_ports()
        except OSError:
            return
        if ports == self._ports and self.port.count():
            return
        self._ports = ports
        typed = self.port.currentText()
        self.port.blockSignals(True)
        self.port.clear()
        for info in ports:
            self.port.addItem(info.label(), info.stable_path)
        if typed:
            index = self.port.findData(typed)
            if index >= 0:
                self.port.setCurrentIndex(index)
            else:
                self.port.setEditText(typed)
        self.port.blockSignals(False)

    def port_path(self) -> str:
        """The port to open: the selected entry's path, or what was typed."""
        text = self.port.currentText().strip()
        index = self.port.findText(text)
        if index >= 0 and self.port.itemData(index):
            return str(self.port.itemData(index))
        return text

    def device_id(self) -> str:
        """The BLE device to open: a found entry's address, or what was typed."""
        text = self.device.currentText().strip()
        index = self.device.findText(text)
        if index >= 0 and self.device.itemData(index):
            return str(self.device.itemData(index))
        return text

    def options(self) -> ConnectionOptions:
        """Connection options from the fields."""
        protocol = self.protocol
        if protocol == "ble":
            return ConnectionOptions(protocol="ble", device=self.device_id() or None,
                                     address=self.address.value(), pin=self.controller.pin)
        return ConnectionOptions(port=self.port_path() or None, protocol=protocol,
                                 address=self.address.value(),
                                 baudrate=int(self.baud.currentData()),
                                 parity=str(self.parity.currentData()))

    def fill(self, options: ConnectionOptions | None) -> None:
        """Put connection options into the fields."""
        if options is None:
            return
        self.transport.setCurrentIndex(max(0, self.transport.findData(options.protocol)))
        if options.port:
            index = self.port.findData(options.port)
            if index >= 0:
                self.port.setCurrentIndex(index)
            else:
                self.port.setEditText(options.port)
        if options.device:
            self.device.setEditText(options.device)
        if options.baudrate is not None:
            self.baud.setCurrentIndex(max(0, self.baud.findData(options.baudrate)))
        if options.parity is not None:
            self.parity.setCurrentIndex(max(0, self.parity.findData(options.parity)))
        if options.address is not None:
            self.address.setValue(options.address)
        self.ident["link"].setText(options.describe())

    def load_recent(self) -> None:
        """Fill the recent-connections list."""
        self.recent.clear()
        for options in self.controller.recent.load():
            item = QListWidgetItem(options.describe())
            item.setData(Qt.ItemDataRole.UserRole, options)
            self.recent.addItem(item)

    def _connect_recent(self, item: QListWidgetItem) -> None:
        self.fill(item.data(Qt.ItemDataRole.UserRole))
        self.start_connect()

    # -- actions ------------------------------------------------------------------------------
    def _set_busy(self, busy: bool, what: str = "") -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
            self.progress_label.setText(what)
        else:
            self.progress_label.setText("")
        self._on_state(self.controller.state.value, "")

    def start_connect(self) -> None:
        """Connect with the fields' options."""
        options = self.options()
        set_note(self.result, "", "info")
        self._set_busy(True, self.tr("Connecting: {where}").format(where=options.describe()))
        self.controller.runner.start("connect", self._connect(options),
                                     restore=lambda: self._set_busy(False),
                                     on_error=self._failed)

    async def _connect(self, options: ConnectionOptions) -> None:
        identity = await self.controller.connect(options)
        set_note(self.result, self.tr("Connected to a {model}, serial {serial}.").format(
            model=identity.model.info.title, serial=identity.serial), "ok")
        self.load_recent()

    def _failed(self, exc: BaseException) -> None:
        text = error_text(exc)
        if isinstance(exc, UnsupportedError):
            text = self.tr("Not available yet: {reason}").format(reason=text)
        set_note(self.result, text, "error")

    def start_disconnect(self) -> None:
        """Close the connection (stops reconnecting too)."""
        self.controller.runner.start("disconnect", self.controller.disconnect())

    def start_autodetect(self) -> None:
        """Try likely link settings until a meter answers."""
        options = self.options()
        set_note(self.result, "", "info")
        self._set_busy(True, self.tr("Auto-detect: starting…"))
        self.controller.runner.start("autodetect", self._autodetect(options),
                                     restore=lambda: self._set_busy(False),
                                     on_error=self._failed)

    async def _autodetect(self, options: ConnectionOptions) -> None:
        await self.controller.disconnect()

        def progress(done: int, total: int, text: str) -> None:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress_label.setText(
                self.tr("Auto-detect: trying {what} ({done}/{total})").format(
                    what=text, done=done, total=total))

        found = await autodetect(options, progress)
        if found is None:
            set_note(self.result, self.tr("No meter answered at any likely setting. Check the "
                                          "wiring (A/B swapped?), the adapter and the "
                                          "termination."), "error")
            return
        detected, model = found
        self.fill(detected)
        set_note(self.result, self.tr("Found a {model} at {where}.").format(
            model=model.info.title, where=detected.describe()), "ok")
        await self._connect(detected)

    def cancel(self) -> None:
        """Cancel connecting or auto-detecting."""
        for name in ("autodetect", "connect", "ble-search"):
            self.controller.runner.cancel(name)
        set_note(self.result, self.tr("Cancelled."), "info")

    def _search_ble(self) -> None:
        try:
            from ...services import ble_discovery  # built by the BLE engineer; optional
        except ImportError:
            set_note(self.result, self.tr("Bluetooth LE discovery is not available in this "
                                          "build."), "warning")
            return
        self._set_busy(True, self.tr("Searching for Bluetooth LE meters…"))
        self.controller.runner.start("ble-search", self._ble(ble_discovery),
                                     restore=lambda: self._set_busy(False),
                                     on_error=self._failed)

    async def _ble(self, module: Any) -> None:
        found = await module.discover_meters(5.0)
        self.device.clear()
        for meter in found:
            name = getattr(meter, "name", None) or str(meter)
            address = getattr(meter, "address", None) or name
            rssi = getattr(meter, "rssi", None)
            signal = f", {rssi} dBm" if rssi is not None else ""
            self.device.addItem(f"{name} ({address}{signal})", address)
        set_note(self.result, self.tr("Bluetooth LE meters found: {count}.").format(
            count=len(found)), "info")

    # -- state --------------------------------------------------------------------------------
    def _on_state(self, state: str, _text: str) -> None:
        busy = getattr(self, "_busy", False)
        connected = state in (LinkState.CONNECTED.value, LinkState.LOST.value)
        self.connect_button.setEnabled(not busy)
        self.detect_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.disconnect_button.setEnabled(connected and not busy)
        if state == LinkState.DISCONNECTED.value:
            for key in ("model", "article", "serial", "software", "hardware"):
                self.ident[key].setText("—")
            self.checksum.setVisible(False)

    def show_identity(self, identity: Identity) -> None:
        """Model, serial, firmware and the checksum verdict."""
        if self.controller.demo is not None:
            set_note(self.result, self.tr("Demo mode: a simulated {model} on a pseudo-terminal. "
                                          "Nothing you change here touches a real meter.").format(
                model=identity.model.info.title), "info")
        info = identity.model.info
        values = identity.values
        self.ident["model"].setText(info.title)
        self.ident["article"].setText(info.article)
        self.ident["serial"].setText(f"{identity.serial:08d}")
        software, hardware = values.get("software_version"), values.get("hardware_version")
        self.ident["software"].setText(
            f"V{software:.2f}" if isinstance(software, float) else self.tr("unreadable"))
        self.ident["hardware"].setText(
            f"V{hardware:.2f}" if isinstance(hardware, float) else self.tr("unreadable"))
        if self.controller.options is not None:
            self.ident["link"].setText(self.controller.options.describe())
        kind = {"ok": "ok", "mismatch": "error"}.get(identity.checksum_verdict, "warning")
        prefix = self.tr("⚠ CHECKSUM MISMATCH. ") if identity.checksum_verdict == "mismatch" else ""
        set_note(self.checksum, prefix + identity.checksum_message, kind)

    def page_shown(self) -> None:
        self.refresh_ports()
        self.port_timer.start()

    def page_hidden(self) -> None:
        self.port_timer.stop()
