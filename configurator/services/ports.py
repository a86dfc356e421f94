"""Serial ports for the port picker: device, description, USB VID:PID and /dev/serial/by-id."""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass

from ..transport.serial_port import list_serial_ports

BY_ID_DIR = "/dev/serial/by-id"


@dataclass(frozen=True)
class PortInfo:
    """One serial port present on this computer."""

    device: str
    description: str  # includes [VID:PID] for USB adapters
    by_id: tuple[str, ...] = ()

    def label(self) -> str:
        """One line for a list: device, description and stable by-id name."""
        stable = f"  ({os.path.basename(self.by_id[0])})" if self.by_id else ""
        return f"{self.device} — {self.description}{stable}"

    @property
    def stable_path(self) -> str:
        """The by-id path when there is one (survives re-plugging), else the device."""
        return self.by_id[0] if self.by_id else self.device


def _by_id_names() -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for link in sorted(glob.glob(os.path.join(BY_ID_DIR, "*"))):
        names.setdefault(os.path.realpath(link), []).append(link)
    return names


def list_ports() -> list[PortInfo]:
    """Every serial port present, with its stable names."""
    by_id = _by_id_names()
    return [PortInfo(device, description, tuple(by_id.get(os.path.realpath(device), ())))
            for device, description in list_serial_ports()]
