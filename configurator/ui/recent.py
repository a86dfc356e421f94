"""Recent connections, remembered with QSettings (never the BLE PIN)."""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings

from ..services.connection import ConnectionOptions

KEY = "connections/recent"
LIMIT = 8


class RecentConnections:
    """The last few connections that worked, newest first."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def load(self) -> list[ConnectionOptions]:
        """Remembered connections (unreadable entries skipped)."""
        raw = self.settings.value(KEY, "[]")
        try:
            items = json.loads(raw if isinstance(raw, str) else "[]")
        except ValueError:
            return []
        found = []
        for item in items:
            try:
                found.append(ConnectionOptions(
                    port=item.get("port"), protocol=item.get("protocol", "modbus"),
                    address=item.get("address"), baudrate=item.get("baudrate"),
                    parity=item.get("parity"), device=item.get("device")))
            except (AttributeError, TypeError):
                continue
        return found

    def remember(self, options: ConnectionOptions) -> None:
        """Put `options` first (without any PIN)."""
        entry = {"port": options.port, "protocol": options.protocol, "address": options.address,
                 "baudrate": options.baudrate, "parity": options.parity,
                 "device": options.device}
        items = [entry] + [
            {"port": o.port, "protocol": o.protocol, "address": o.address,
             "baudrate": o.baudrate, "parity": o.parity, "device": o.device}
            for o in self.load()]
        unique: list[dict[str, str | int | None]] = []
        for item in items:
            if item not in unique:
                unique.append(item)
        self.settings.setValue(KEY, json.dumps(unique[:LIMIT]))
        self.settings.sync()
