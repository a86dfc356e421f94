"""The transport-neutral meter API: what every protocol's meter session offers.

The CLI, the GUI, backups and reports use only this. `ModbusMeter` (Modbus RTU, and the BLE
tunnel of the same frames) implements it; the M-Bus meter implements it over its own records.
Keys and units are the register table's, whatever the transport.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from ..model.models import Model
from ..model.settings import Action, Setting
from .meter import ApplyReport, Identity, Reading


class MeterSession(Protocol):
    """One meter reached over one link."""

    transport_name: str  # "modbus", "mbus" or "ble" (the capability name in the register table)
    model: Model | None

    async def identify(self) -> Identity:
        """Who the meter is; raises NotAMeterError for a foreign device."""

    async def read_measurements(self) -> list[Reading]:
        """Every measurement the transport reaches, with the register table's keys and units."""

    async def read_ct_history(self) -> dict[str, Any]:
        """CT history values by register key (2PU CT only)."""

    def reachable_settings(self, model: Model) -> list[Setting]:
        """Settings this model has and this transport reaches."""

    async def get_settings(self, items: Iterable[Setting]) -> dict[str, Any]:
        """Current user values (an Exception instance for a value that would not decode)."""

    async def apply(self, changes: dict[Setting, Any]) -> ApplyReport:
        """Validate all, write what differs, read back, follow link changes; per-key report."""

    async def run_action(self, action: Action) -> Any:
        """Perform a counter reset and return the value read back."""

    def link_description(self) -> str:
        """Where the meter answers now, for the user to reuse."""
