"""Connect: transport, port (hot-plug aware), link settings, auto-detect, recent connections,
and who the meter is once connected.

M-Bus meters are found with the secondary-address search (`services.mbus_scan`): every meter
ships at primary address 0, so the search is the M-Bus way to tell them apart; a found meter
is connected by its secondary address. Bluetooth LE meters are found with a BLE scan (in
demo mode the simulated meter is on the simulated air, `simulator/demo.py`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QRegularExpression, Qt, QTimer
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...errors import UnsupportedError, UsageError
from ...i18n import QT_TRANSLATE_NOOP, translate
from ...model.domains import Choice, IntRange
from ...model.models import ChecksumVerdict, Model
from ...model.settings import MODBUS_BAUD_CODES, PARITY_CODES, SETTINGS
from ...model.verdicts import Verdict
from ...services.connection import (
    DEFAULT_RETRIES,
    MAX_RETRIES,
    PROTOCOL_DEFAULTS,
    ConnectionOptions,
)
from ...services.link import LinkState
from ...services.mbus_scan import MbusFound
from ...services.meter import Identity
from ...services.pin import (
    PIN_DIGITS,
    keyring_problem,
    outcome_text,
    parse_pin,
    recall_pin,
    store_pin,
)
from ...services.ports import PortInfo, list_ports
from ...simulator.demo import DEMO_BLE_PIN, BleDemo
from ..messages import translated
from ..tasks import error_text
from ..verdicts import NOTE_KIND
from ..widgets import FlowLayout, pin_edit
from .base import Page, note, register, set_note

TRANSPORTS = ((QT_TRANSLATE_NOOP("ConnectPage", "Modbus RTU (RS-485 serial)"), "modbus"),
              (QT_TRANSLATE_NOOP("ConnectPage", "M-Bus (serial)"), "mbus"),
              (QT_TRANSLATE_NOOP("ConnectPage", "Bluetooth LE"), "ble"))
ADDRESS_SETTING = {"modbus": "modbus.address", "mbus": "mbus.address", "ble": "modbus.address"}
PORT_REFRESH_MS = 2000
BLE_SCAN_S = 5.0
BLE_DEMO_SCAN_S = 1.0  # the simulated meter advertises at once
SEARCH_JOB = QT_TRANSLATE_NOOP("Services", "M-Bus search")


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
        columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        columns.setSpacing(16)
        self.columns = columns  # side by side, or stacked in a narrow window (fit_width)
        self.layout_.addLayout(columns, 1)

        link_box = QGroupBox(self.tr("Link"))
        grid = QGridLayout(link_box)
        self.transport = QComboBox()
        for label, protocol in TRANSPORTS:
            self.transport.addItem(self.tr(label), protocol)
        self.port = QComboBox()
        self.port.setEditable(True)
        self.port.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.port.setMinimumContentsLength(22)  # long by-id paths elide; the list shows them
        self.port.setToolTip(self.tr("Pick a port or type a path (a /dev/serial/by-id name "
                                     "survives re-plugging)."))
        self.device = QComboBox()
        self.device.setEditable(True)
        self.device.setToolTip(self.tr("Bluetooth LE meter: address or name IM-<serial>."))
        self.search_ble = QPushButton(self.tr("Search"))
        self.search_ble.clicked.connect(self._search_ble)
        self.secondary = QLineEdit()
        self.secondary.setMaxLength(8)
        self.secondary.setValidator(QRegularExpressionValidator(
            QRegularExpression("[0-9]{0,8}"), self.secondary))
        self.secondary.setPlaceholderText(self.tr("empty: by primary address"))
        self.secondary.setToolTip(self.tr("M-Bus meter by its 8-digit secondary address; "
                                          "'Search bus' fills it in."))
        self.search_mbus = QPushButton(self.tr("Search bus (secondary addresses)"))
        self.search_mbus.setToolTip(self.tr("Find every meter on the M-Bus, even several at "
                                            "the same primary address."))
        self.search_mbus.clicked.connect(self.start_mbus_search)
        self.baud = QComboBox()
        self.parity = QComboBox()
        for parity in PARITY_CODES:
            self.parity.addItem(translate("Values", parity), parity)
        self.address = QSpinBox()
        self.retries = QSpinBox()
        self.retries.setRange(0, MAX_RETRIES)
        self.retries.setValue(DEFAULT_RETRIES)
        self.retries.setToolTip(self.tr("How often a read is repeated after a lost or garbled "
                                        "answer (writes are never repeated blindly)."))
        self.pin_box = self._pin_widgets()
        self.transport_hint = note("", "info")
        self.transport_hint.setVisible(False)
        rows = ((self.tr("Transport"), self.transport), (self.tr("Serial port"), self.port),
                (self.tr("Bluetooth device"), self.device),
                (self.tr("Bluetooth PIN (meter password)"), self.pin_box),
                (self.tr("Baud rate"), self.baud),
                (self.tr("Parity"), self.parity), (self.tr("Address"), self.address),
                (self.tr("Retries"), self.retries), (self.tr("Secondary address"), self.secondary))
        self._row_labels: dict[QWidget, QLabel] = {}
        for i, (text, widget) in enumerate(rows):
            row_label = QLabel(text)
            self._row_labels[widget] = row_label
            grid.addWidget(row_label, i, 0)
            grid.addWidget(widget, i, 1)
        grid.setColumnStretch(1, 1)  # the fields take the width (a long port path shows)
        grid.addWidget(self.search_ble, 2, 2)
        grid.addWidget(self.search_mbus, len(rows) - 1, 2)
        grid.addWidget(self.transport_hint, len(rows), 0, 1, 3)
        button_row = QWidget()
        buttons = FlowLayout(button_row)  # wraps in a narrow window or a long language
        self.connect_button = QPushButton(self.tr("Connect"))
        self.connect_button.setDefault(True)
        self.disconnect_button = QPushButton(self.tr("Disconnect"))
        self.detect_button = QPushButton(self.tr("Auto-detect"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.scan_button = QPushButton(self.tr("Scan the bus…"))
        self.scan_button.setToolTip(self.tr("Find every meter on this Modbus bus (address, "
                                            "model, serial number)."))
        self.scan_button.clicked.connect(self._open_scan)
        for button in (self.connect_button, self.disconnect_button, self.detect_button,
                       self.scan_button, self.cancel_button):
            buttons.addWidget(button)
        grid.addWidget(button_row, len(rows) + 1, 0, 1, 3)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress_label = QLabel("")
        grid.addWidget(self.progress, len(rows) + 2, 0, 1, 3)
        grid.addWidget(self.progress_label, len(rows) + 3, 0, 1, 3)
        self.result = note("", "info")
        self.result.setVisible(False)
        grid.addWidget(self.result, len(rows) + 4, 0, 1, 3)
        self.mbus_found = QListWidget()
        self.mbus_found.setMaximumHeight(self.mbus_found.fontMetrics().lineSpacing() * 8)
        self.mbus_found.setToolTip(self.tr("Click a meter to take its secondary address, "
                                           "double-click to connect."))
        self.mbus_found.setVisible(False)
        self.mbus_found.itemClicked.connect(self._mbus_pick)
        self.mbus_found.itemDoubleClicked.connect(self._mbus_connect)
        grid.addWidget(self.mbus_found, len(rows) + 5, 0, 1, 3)
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
        recent_box = QGroupBox(self.tr("Recent connections"))
        recent_layout = QVBoxLayout(recent_box)
        self.recent = QListWidget()
        self.recent.setToolTip(self.tr("Double-click a connection to connect again."))
        self.recent.setMaximumHeight(self.recent.fontMetrics().lineSpacing() * 8)
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

    def fit_width(self, width: int) -> None:
        """Link and meter side by side when they fit in `width` pixels, else one above the
        other (a small laptop screen, a long language)."""
        items = [self.columns.itemAt(i) for i in range(self.columns.count())]
        needed = sum(item.minimumSize().width() for item in items if item is not None)
        margins = self.layout_.contentsMargins()
        needed += self.columns.spacing() + margins.left() + margins.right()
        direction = (QBoxLayout.Direction.LeftToRight if needed <= width
                     else QBoxLayout.Direction.TopToBottom)
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)

    def _open_scan(self) -> None:
        window: Any = self.window()
        if hasattr(window, "open_scan_dialog"):
            window.open_scan_dialog()

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
        for shown in (self.device, self.pin_box):
            shown.setVisible(ble)
            self._row_labels[shown].setVisible(ble)
        if ble:
            self._keyring_state()
        self.search_ble.setVisible(ble)
        mbus = protocol == "mbus"
        self.secondary.setVisible(mbus)
        self._row_labels[self.secondary].setVisible(mbus)
        self.search_mbus.setVisible(mbus)
        self.mbus_found.setVisible(mbus and self.mbus_found.count() > 0)
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
        self.detect_button.setVisible(protocol != "ble")
        self.scan_button.setVisible(protocol == "modbus")
        hints = {
            "ble": self.tr("Bluetooth LE uses the meter password as pairing PIN (factory "
                           "0000): it is kept in memory only, unless you tick 'Remember in the "
                           "OS keyring'."),
            "mbus": self.tr("M-Bus reaches the meter through an M-Bus level converter; the "
                            "factory primary address is 0.") + " " + self.tr(
                "Several meters at the same primary address are told apart by their secondary "
                "address: 'Search bus' finds them all."),
        }
        set_note(self.transport_hint, hints.get(protocol, ""), "info")

    # -- Bluetooth PIN (services/pin.py: kept in memory, or in the OS keyring if asked) ---------
    def _pin_widgets(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        line = QHBoxLayout()
        self.pin = pin_edit()
        self.pin.textChanged.connect(self._on_pin)
        self.remember = QCheckBox(self.tr("Remember in the OS keyring"))
        line.addWidget(self.pin)
        line.addWidget(self.remember)
        line.addStretch(1)
        layout.addLayout(line)
        self.keyring_note = note("", "info")
        self.keyring_note.setVisible(False)
        layout.addWidget(self.keyring_note)
        self.device.activated.connect(lambda _index: self._recall_pin())
        line_edit = self.device.lineEdit()
        if line_edit is not None:
            line_edit.editingFinished.connect(self._recall_pin)
        return box

    def _keyring_state(self) -> None:
        """Offer the keyring box only where a keyring can store; else say why, in one line."""
        problem = keyring_problem()
        self.remember.setEnabled(problem is None)
        if problem is not None:
            self.remember.setChecked(False)
        set_note(self.keyring_note, translated(problem) if problem is not None else "", "info")

    def _on_pin(self, text: str) -> None:
        try:
            self.controller.pin = parse_pin(text) if len(text) == PIN_DIGITS else None
        except UsageError:  # set programmatically past the validator: never a bad PIN
            self.controller.pin = None

    def _recall_pin(self) -> None:
        """Fill an empty PIN field from the OS keyring, if a PIN is remembered for the device."""
        device = self.device_id()
        if self.pin.text() or not device or self.controller.demo is not None:
            return
        remembered = recall_pin(device)
        if remembered is not None:
            self.pin.setText(remembered)
            self.remember.setChecked(True)

    def _remember_pin(self, options: ConnectionOptions) -> None:
        """After a connection that paired: keep the PIN in the OS keyring if the box is ticked."""
        if (options.protocol != "ble" or not self.remember.isChecked() or not options.device
                or not options.pin or self.controller.demo is not None):
            return
        outcome = store_pin(options.device, options.pin)
        set_note(self.keyring_note, translated(outcome_text(outcome, options.device,
                                                            stored=True)), "info")

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
            self._recall_pin()
            pin = self.controller.pin
            if pin is None and isinstance(self.controller.demo, BleDemo):
                pin = DEMO_BLE_PIN  # the simulated meter's; never the OS keyring
            return ConnectionOptions(protocol="ble", device=self.device_id() or None,
                                     address=self.address.value(), pin=pin,
                                     retries=self.retries.value())
        device = self.secondary.text().strip() or None if protocol == "mbus" else None
        return ConnectionOptions(port=self.port_path() or None, protocol=protocol,
                                 address=self.address.value(),
                                 baudrate=int(self.baud.currentData()),
                                 parity=str(self.parity.currentData()), device=device,
                                 retries=self.retries.value())

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
        if options.protocol == "mbus":
            self.secondary.setText(options.device or "")
        elif options.device:
            self.device.setEditText(options.device)
        if options.baudrate is not None:
            self.baud.setCurrentIndex(max(0, self.baud.findData(options.baudrate)))
        if options.parity is not None:
            self.parity.setCurrentIndex(max(0, self.parity.findData(options.parity)))
        if options.address is not None:
            self.address.setValue(options.address)
        self.retries.setValue(options.retries)
        self.ident["link"].setText(self.where(options))

    def where(self, options: ConnectionOptions) -> str:
        """How the meter is reached, with the M-Bus secondary address when it is used."""
        text = translated(options.describe())
        if options.protocol == "mbus" and options.device:
            text += ", " + self.tr("secondary address {secondary}").format(
                secondary=options.device)
        return text

    def load_recent(self) -> None:
        """Fill the recent-connections list."""
        self.recent.clear()
        for options in self.controller.recent.load():
            item = QListWidgetItem(self.where(options))
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
        """Connect with the fields' options (asking first about unwritten edits on the
        meter connected now: they would be lost)."""
        if self.controller.connected and self.controller.pending_count():
            self.controller.runner.start("leave-connect", self._ask_then_connect(),
                                         replace=False)
            return
        self._start_connect()

    async def _ask_then_connect(self) -> None:
        if await self.controller.leave_connection():
            self._start_connect()

    def _start_connect(self) -> None:
        options = self.options()
        set_note(self.result, "", "info")
        self._set_busy(True, self.tr("Connecting: {where}").format(where=self.where(options)))
        self.controller.runner.start("connect", self._connect(options),
                                     restore=lambda: self._set_busy(False),
                                     on_error=self._failed)

    async def _connect(self, options: ConnectionOptions) -> None:
        identity = await self.controller.connect(options)
        set_note(self.result, self.tr("Connected to a {model}, serial {serial}.").format(
            model=identity.model.info.title, serial=identity.serial), "ok")
        self.load_recent()
        self._remember_pin(options)

    def _failed(self, exc: BaseException) -> None:
        text = error_text(exc)
        if isinstance(exc, UnsupportedError):
            text = self.tr("Not available yet: {reason}").format(reason=text)
        set_note(self.result, text, "error")

    def start_disconnect(self) -> None:
        """Close the connection (stops reconnecting too)."""
        self.controller.runner.start("disconnect", self._disconnect())

    async def _disconnect(self) -> None:
        if await self.controller.leave_connection():  # unwritten edits: asked first
            await self.controller.disconnect()

    def start_autodetect(self) -> None:
        """Try likely link settings until a meter answers."""
        if self.protocol == "mbus":  # the M-Bus way to find meters: the secondary search
            self.start_mbus_search(connect_single=True)
            return
        options = self.options()
        set_note(self.result, "", "info")
        self._set_busy(True, self.tr("Auto-detect: starting…"))
        self.controller.runner.start("autodetect", self._autodetect(options),
                                     restore=lambda: self._set_busy(False),
                                     on_error=self._failed)

    async def _autodetect(self, options: ConnectionOptions) -> None:
        if not await self.controller.leave_connection():  # unwritten edits: kept
            return

        def progress(done: int, total: int, text: str) -> None:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress_label.setText(
                self.tr("Auto-detect: trying {what} ({done}/{total})").format(
                    what=translated(text), done=done, total=total))

        found = await self.controller.autodetect(options, progress)
        if found is None:
            set_note(self.result, self.tr("No meter answered at any likely setting. Check the "
                                          "wiring (A/B swapped?), the adapter and the "
                                          "termination."), "error")
            return
        detected, model = found
        self.fill(detected)
        set_note(self.result, self.tr("Found a {model} at {where}.").format(
            model=model.info.title, where=translated(detected.describe())), "ok")
        await self._connect(detected)

    def cancel(self) -> None:
        """Cancel connecting or auto-detecting."""
        for name in ("autodetect", "connect", "ble-search", "mbus-search"):
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
        scanner, _client = self.controller.ble_backends or (None, None)  # demo: simulated air
        if scanner is None:
            found = await module.discover_meters(BLE_SCAN_S)
        else:
            found = await module.discover_meters(BLE_DEMO_SCAN_S, backend=scanner)
        self.device.clear()
        for meter in found:
            name = getattr(meter, "name", None) or str(meter)
            address = getattr(meter, "address", None) or name
            rssi = getattr(meter, "rssi", None)
            signal = f", {rssi} dBm" if rssi is not None else ""
            serial = getattr(meter, "serial", None)
            if serial is not None:
                signal += ", " + self.tr("serial {serial}").format(serial=f"{serial:08d}")
            self.device.addItem(f"{name} ({address}{signal})", address)
        set_note(self.result, self.tr("Bluetooth LE meters found: {count}.").format(
            count=len(found)), "info")

    # -- M-Bus secondary search -----------------------------------------------------------
    def start_mbus_search(self, connect_single: bool = False) -> None:
        """Search the M-Bus for every meter by secondary address (wildcard search).

        With `connect_single` (Auto-detect on M-Bus) a single meter found is connected at once.
        """
        options = self.options()
        self.mbus_found.clear()
        self.mbus_found.setVisible(False)
        text = self.tr("Searching the M-Bus by secondary address at {baud} baud…").format(
            baud=options.resolved().baudrate)
        if connect_single:
            text = self.tr("On M-Bus, auto-detect is the search by secondary address: it finds "
                           "every meter on the bus, even several at the factory primary address "
                           "0.") + " " + text
        set_note(self.result, text, "info")
        self._set_busy(True, self.tr("Searching the M-Bus…"))
        self.controller.runner.start("mbus-search", self._mbus_search(options, connect_single),
                                     restore=lambda: self._set_busy(False),
                                     on_error=self._failed)

    async def _mbus_search(self, options: ConnectionOptions, connect_single: bool) -> None:
        if not await self.controller.leave_connection():  # unwritten edits: kept
            return
        shown: list[MbusFound] = []

        def progress(pattern: str, found: list[MbusFound]) -> None:
            self.progress_label.setText(self.tr(
                "Searching secondary addresses {pattern}: {count} found").format(
                    pattern=pattern, count=len(found)))
            for hit in found[len(shown):]:  # meters show as they are found
                shown.append(hit)
                self._add_found(hit, options)

        found, _stats = await self.controller.bus_job(
            SEARCH_JOB, options, lambda bus: bus.search(progress))
        for hit in found[len(shown):]:
            shown.append(hit)
            self._add_found(hit, options)
        meters = [hit for hit in found if hit.secondary is not None and hit.model is not None]
        if not meters:
            set_note(self.result, self.tr(
                "No meter answered the secondary-address search. Check the wiring, the M-Bus "
                "level converter and the baud rate."), "error")
            return
        set_note(self.result, self.tr("Meters found on the M-Bus: {count}. Double-click one to "
                                      "connect by its secondary address.").format(
            count=len(meters)), "ok")
        if connect_single and len(meters) == 1:
            await self._connect(self._mbus_options(options, meters[0]))

    def _add_found(self, hit: MbusFound, options: ConnectionOptions) -> None:
        if hit.secondary is not None and hit.model is not None:
            # the M-Bus telegram tells the 2PU CT, but not a 4PU from a 4PS
            model = hit.model.info.title if hit.model is Model.PUCT2 else self.tr("4PU or 4PS")
            primary = "—" if hit.primary is None else str(hit.primary)
            text = self.tr("Secondary address {secondary} · {model} · primary address "
                           "{primary}").format(secondary=hit.secondary, model=model,
                                               primary=primary)
        else:
            text = self.tr("Not connectable: {why}").format(
                why=hit.note or self.tr("unknown device"))
        item = QListWidgetItem(text)
        if hit.secondary is not None and hit.model is not None:
            item.setData(Qt.ItemDataRole.UserRole, self._mbus_options(options, hit))
        else:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
        self.mbus_found.addItem(item)
        self.mbus_found.setVisible(self.protocol == "mbus")

    @staticmethod
    def _mbus_options(options: ConnectionOptions, hit: MbusFound) -> ConnectionOptions:
        """Options that reach a found meter by its secondary address."""
        return replace(options, protocol="mbus", device=hit.secondary,
                       address=hit.primary if hit.primary is not None else options.address)

    def _mbus_pick(self, item: QListWidgetItem) -> None:
        options = item.data(Qt.ItemDataRole.UserRole)
        if options is not None:
            self.fill(options)

    def _mbus_connect(self, item: QListWidgetItem) -> None:
        if item.data(Qt.ItemDataRole.UserRole) is not None:
            self._mbus_pick(item)
            self.start_connect()

    # -- state --------------------------------------------------------------------------------
    def _on_state(self, state: str, _text: str) -> None:
        busy = getattr(self, "_busy", False)
        connected = state in (LinkState.CONNECTED.value, LinkState.LOST.value)
        self.connect_button.setEnabled(not busy)
        self.detect_button.setEnabled(not busy)
        self.search_mbus.setEnabled(not busy)
        self.search_ble.setEnabled(not busy)
        self.scan_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.disconnect_button.setEnabled(connected and not busy)
        if state == LinkState.DISCONNECTED.value:
            for key in ("model", "article", "serial", "software", "hardware"):
                self.ident[key].setText("—")
            self.checksum.setVisible(False)

    def show_identity(self, identity: Identity) -> None:
        """Model, serial, firmware and the checksum verdict."""
        if isinstance(self.controller.demo, BleDemo):
            set_note(self.result, self.tr("Demo mode: a simulated {model} over simulated "
                                          "Bluetooth LE. Nothing you change here touches a real "
                                          "meter.").format(model=identity.model.info.title),
                     "info")
        elif self.controller.demo is not None:
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
            self.ident["link"].setText(self.where(self.controller.options))
        verdict = ChecksumVerdict.of(identity.checksum_verdict).verdict
        prefix = self.tr("⚠ CHECKSUM MISMATCH. ") if verdict is Verdict.FAIL else ""
        kind = NOTE_KIND[verdict]
        set_note(self.checksum, prefix + translated(identity.checksum_message), kind)

    def page_shown(self) -> None:
        self.pin.setText(self.controller.pin or "")  # the Password page edits the same PIN
        self.refresh_ports()
        self.port_timer.start()

    def page_hidden(self) -> None:
        self.port_timer.stop()
