"""The Modbus RTU meter session: `ModbusMeter` implements MeterSession (services/api.py).

Reads are planned from the register table. Writes go through the one write engine
(services/engine.py); this class provides only its primitives: read settings, send one
write, say where the meter answers, switch there and probe it. The BLE session inherits it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import (
    FrameError,
    MeterExceptionError,
    MeterTimeoutError,
    UnsupportedError,
)
from ..i18n import QT_TRANSLATE_NOOP, Template
from ..model.models import Model
from ..model.plan import plan_reads, read_blocks
from ..model.registers import MODBUS, REGISTERS, Register, ct_history_slot
from ..model.types import CodecError
from ..protocol.modbus_master import ModbusMaster
from ..protocol.transaction import drive_async
from ..transport.serial_port import SerialTransport
from .meter_reads import (
    IDENTITY_GROUPS,
    READING_GROUPS,
    Identity,
    Reading,
    ReadSteps,
    identity_steps,
    measurement_steps,
    model_steps,
    values_steps,
)

if TYPE_CHECKING:
    from ..model.reach import Unreachable
    from ..model.settings import Action, Setting
    from .engine import BeforeWrite, Confirmer
    from .outcomes import ApplyReport, LinkPoint, Probe, WritePlan

T = TypeVar("T")

# Reading (`info`, `read`, `get`) never loads the settings table's checks, the write engine or
# its outcomes (tests/cli/test_cli_imports.py): the methods that need them import them.

class ModbusMeter:
    """One meter on a Modbus RTU bus."""

    transport_name = MODBUS

    def __init__(self, master: ModbusMaster, address: int) -> None:
        self.master = master
        self.address = address
        self.model: Model | None = None

    @property
    def serial_transport(self) -> SerialTransport:
        """The serial line under the master (for following link changes)."""
        transport = self.master.transport
        assert isinstance(transport, SerialTransport)
        return transport

    async def _run(self, steps: ReadSteps[T]) -> T:
        """Run read steps (services/meter_reads.py) through this meter's master."""
        return await drive_async(steps, lambda step: self.master.read_registers(
            self.address, step.address, step.count))

    async def _read(self, registers: Iterable[Register]) -> dict[str, Any]:
        return await self._run(values_steps(registers, self.model, self.transport_name))

    async def identify(self) -> Identity:
        """Read identity, status and counters; raises NotAMeterError for foreign devices."""
        self.model = await self._run(model_steps(self.address))
        return await self._run(identity_steps(self.model, self.transport_name))

    async def require_model(self) -> Model:
        """The meter's model (identifying it first if needed)."""
        if self.model is None:
            await self.identify()
        assert self.model is not None
        return self.model

    async def read_measurements(self) -> list[Reading]:
        """Every instantaneous value and energy register, in the fewest reads."""
        return await self._run(measurement_steps(await self.require_model(), self.transport_name))

    async def read_ct_history(self) -> dict[str, Any]:
        """The CT history slots (2PU CT only), one read per slot: a slot the meter answers
        with an exception reads as NotAnswered and the others still decode
        (`model.ct_history.interpret` says what they mean)."""
        model = await self.require_model()
        registers = REGISTERS.select(groups=["ct_history"], model=model,
                                     transport=self.transport_name)
        if not registers:
            raise UnsupportedError(QT_TRANSLATE_NOOP("Errors", "A {model} has no CT history.")
                                   .format(model=model.info.code))
        blocks = plan_reads(registers, unit=ct_history_slot)
        values, _results = await read_blocks(
            blocks, lambda address, count: self.master.read_registers(self.address, address,
                                                                      count))
        return values

    def reachable_settings(self, model: Model) -> list[Setting]:
        """Settings this model has and this transport reaches."""
        from ..model.settings import reachable_settings

        return reachable_settings(model, self.transport_name)

    async def get_settings(self, items: Iterable[Setting]) -> dict[str, Any]:
        """Current user values of the given settings (each checked for reachability first)."""
        from ..model.settings import check_reachable

        model = await self.require_model()
        wanted = list(items)
        for item in wanted:
            check_reachable(item, model, self.transport_name)
        return await self.read_values(wanted)

    # --- writes: the engine does the work (services/engine.py) ----------------------------

    async def prepare(self, changes: dict[Setting, Any]) -> WritePlan:
        """Check, read and order a change set, list its permanent acts; nothing is written."""
        from .engine import WriteEngine

        return await WriteEngine(self).prepare(changes)

    async def apply(self, changes: dict[Setting, Any] | WritePlan,
                    confirm: Confirmer | None = None, *,
                    before_write: BeforeWrite | None = None) -> ApplyReport:
        """Validate all, write what differs, read back and verify; link settings go last.

        Permanent acts need `confirm` to say yes. Stops at the first failure; the report says
        per key what happened (services/outcomes.py)."""
        from .engine import WriteEngine

        return await WriteEngine(self).apply(changes, confirm, before_write=before_write)

    async def run_action(self, action: Action, confirm: Confirmer | None = None
                         ) -> ApplyReport:
        """Confirm and perform a counter reset, verified by reading the counter back."""
        from .engine import WriteEngine

        return await WriteEngine(self).run_action(action, confirm)

    def link_counters(self) -> dict[str, int]:
        """Transactions, timeouts, CRC errors and retries on the link (diagnostics page)."""
        return dataclasses.asdict(self.master.counters)

    def link_description(self) -> str:
        """Where the meter answers now, for the user to reuse."""
        settings = self.serial_transport.settings
        return QT_TRANSLATE_NOOP(
            "Services", "address {address}, {baudrate} baud, parity {parity} (--address "
            "{address} --baud {baudrate} --parity {option})").format(
            address=self.address, baudrate=settings.baudrate,
            parity=Template(str(settings.parity), "Values"), option=settings.parity)

    # --- the engine's primitives (WritePrimitives) ------------------------------------------

    def write_reason(self, item: Setting, model: Model) -> Unreachable | None:
        """Why this link cannot write `item`, or None."""
        from ..model.settings import unreachable

        return unreachable(item, model, self.transport_name, write=True)

    def readable(self, item: Setting) -> bool:
        """Whether this link reads `item` back."""
        return item.readable_over(self.transport_name)

    def write_note(self, item: Setting) -> str | None:
        """Modbus writes every setting as the register table encodes it: no remark."""
        del item
        return None

    async def read_values(self, items: Iterable[Setting]) -> dict[str, Any]:
        """Current user values, without the reachability check (an Exception for one that
        does not decode or that this link cannot read)."""
        from ..model.reach import UnreachableError
        from ..model.settings import unreachable

        wanted = list(items)
        raw = await self._read(item.register for item in wanted
                               if item.register and self.readable(item))
        values: dict[str, Any] = {}
        for item in wanted:
            if item.register is None or item.register.key not in raw:
                reason = unreachable(item, self.model, self.transport_name)
                values[item.key] = UnreachableError(reason) if reason else CodecError(
                    f"{item.key} was not read")
                continue
            value = raw[item.register.key]
            try:
                values[item.key] = value if isinstance(value, Exception) else item.from_raw(value)
            except CodecError as exc:
                values[item.key] = CodecError(f"unknown raw value {value!r} ({exc})")
        return values

    async def send(self, item: Setting, value: Any) -> None:
        """One write of one setting (the master never retries writes)."""
        from ..model.writes import write_for_setting

        op = write_for_setting(item, value)
        await self.master.write_registers(
            self.address, op.function_code, op.address, op.words,
            what=QT_TRANSLATE_NOOP("Errors", "writing {key}={value}").format(
                key=item.key, value=item.domain.format(value)))

    def check_action(self, action: Action, model: Model) -> None:
        """Raise UnsupportedError if this model has no such counter."""
        if model not in action.register.models:
            raise UnsupportedError(QT_TRANSLATE_NOOP("Errors", "A {model} has no {action}.")
                                   .format(model=model.info.code, action=action.label.lower()))

    async def send_action(self, action: Action) -> None:
        """One write of an action (counter reset)."""
        from ..model.writes import write_for_action

        op = write_for_action(action)
        await self.master.write_registers(self.address, op.function_code, op.address, op.words,
                                          what=QT_TRANSLATE_NOOP("Errors", "reset {action}")
                                          .format(action=action.name))

    async def read_action(self, action: Action) -> Any:
        """The action register's value now."""
        value = (await self._read([action.register]))[action.register.key]
        return None if isinstance(value, Exception) else value

    def link_point(self) -> LinkPoint:
        """Address, speed and parity the session talks at."""
        from .outcomes import LinkPoint

        settings = self.serial_transport.settings
        return LinkPoint(self.transport_name, self.address, settings.baudrate, settings.parity)

    def point_after(self, item: Setting, value: Any) -> LinkPoint | None:
        """Where the meter answers once a link setting is written."""
        field_name = _LINK_FIELDS.get(item.key)
        if field_name is None:
            return None
        here = self.link_point()
        if field_name == "parity":
            return dataclasses.replace(here, parity=str(value))
        if field_name == "baudrate":
            return dataclasses.replace(here, baudrate=int(value))
        return dataclasses.replace(here, address=int(value))

    async def switch_to(self, point: LinkPoint) -> None:
        """Talk to `point`: its address, and its speed and parity on the serial line."""
        self.address = point.address
        transport = self.serial_transport
        settings = transport.settings
        if (point.baudrate, point.parity) != (settings.baudrate, settings.parity):
            await transport.reconfigure(point.baudrate, point.parity)

    async def probe(self) -> Probe:
        """Read serial and meter code at the current point."""
        return await self._probe_at(self.address)

    async def occupant(self, point: LinkPoint) -> Probe | None:
        """Who answers at `point`'s address on this line (the session stays where it is)."""
        return await self._probe_at(point.address)

    async def _probe_at(self, address: int) -> Probe:
        from .outcomes import Probe

        serial, code = REGISTERS["serial"], REGISTERS["meter_code"]
        words: dict[str, Any] = {}
        try:
            for block in plan_reads([serial, code]):
                got = await self.master.read_registers(address, block.address, block.count)
                words.update(block.decode(got))
        except (MeterExceptionError, FrameError):
            return Probe(answered=False, heard=True)
        except MeterTimeoutError:
            return Probe(answered=False)
        meter_code, number = words.get(code.key), words.get(serial.key)
        if isinstance(meter_code, int) and Model.from_meter_code(meter_code) is not None:
            return Probe(True, True, number if isinstance(number, int) else None)
        return Probe(answered=False, heard=True)


# Which LinkPoint field a Modbus link setting moves.
_LINK_FIELDS = {"modbus.address": "address", "modbus.baudrate": "baudrate",
                "modbus.parity": "parity"}

_LAZY = {"ACTIONS": "..model.settings", "ApplyReport": ".outcomes", "WriteOutcome": ".outcomes"}


def __getattr__(name: str) -> Any:
    """The names this module used to import for its callers, imported when first asked for."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name], __package__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["ACTIONS", "IDENTITY_GROUPS", "READING_GROUPS", "ApplyReport",  # noqa: F822
           "Identity", "ModbusMeter", "Reading", "WriteOutcome"]
