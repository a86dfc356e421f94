"""The transport-neutral meter API: what every protocol's meter session offers.

The CLI, the GUI, backups and reports use only this. `ModbusMeter` (Modbus RTU, and the BLE
tunnel of the same frames) implements it; the M-Bus meter implements it over its own records.
Keys and units are the register table's, whatever the transport. Writes of every session go
through the one write engine (services/engine.py): a session implements its primitives
(`engine.WritePrimitives`) and these methods delegate to it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from ..model.models import Model
from ..model.settings import Action, Setting
from .engine import BeforeWrite, Confirmer
from .meter import Identity, Reading
from .outcomes import ApplyReport, Unreachable, WritePlan


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
        """Settings this model has and this transport reads or writes."""

    def write_reason(self, item: Setting, model: Model) -> Unreachable | None:
        """Why this link cannot write `item` on this meter, or None."""

    async def get_settings(self, items: Iterable[Setting]) -> dict[str, Any]:
        """Current user values (an Exception instance for a value that cannot be read)."""

    async def prepare(self, changes: dict[Setting, Any]) -> WritePlan:
        """Check, read and order a change set and list its permanent acts; nothing written."""

    async def apply(self, changes: dict[Setting, Any] | WritePlan,
                    confirm: Confirmer | None = None, *,
                    before_write: BeforeWrite | None = None) -> ApplyReport:
        """Validate all, confirm the permanent acts, write what differs, verify, follow link
        changes; per-key outcomes (services/outcomes.py)."""

    async def run_action(self, action: Action, confirm: Confirmer | None = None
                         ) -> ApplyReport:
        """Confirm and perform a counter reset, verified by reading it back."""

    def link_description(self) -> str:
        """Where the meter answers now, for the user to reuse."""
