"""One simulated meter, independent of any protocol.

`VirtualMeter` keeps the meter's settings as raw register values (what the register codecs
take), its counters, CT history and energies, and answers register reads and writes with the
rules a real meter applies. Everything it serves is derived from the register table
(`REGISTERS`), the settings (`SETTINGS`, `ACTIONS`, `check_rules`) and the physics model; the
Modbus bus (`bus.py`) and later the M-Bus and BLE simulators sit on top of it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import ConfiguratorError, InvalidValueError, UnsupportedError
from ..model.models import CHECKSUMS, Model, checksum_family
from ..model.registers import (
    CT_HISTORY_ENTRIES,
    CT_HISTORY_FIELDS,
    MODBUS,
    REGISTERS,
    Register,
)
from ..model.settings import (
    ACTIONS,
    SETTINGS,
    Action,
    Setting,
    check_rules,
    factory_settings,
    setting,
)
from ..model.types import CodecError, CtRatio
from .physics import Energies, Physics, Reading, Wiring

MAX_READ_COUNT = 125  # Modbus limit for FC03
POWER_DOWN_COUNTER_MAX = 0x7FFF  # signed 16-bit register
FULL_SCALE_AMPS = 8.0  # direct-connected models: the simulated load stays at a few amps
NO_CT = CtRatio(0, 0)  # what an unused CT history entry reads

# Manual 4.3: the newest software version of each family and its checksum.
DEFAULT_SOFTWARE = {"4PU/4PS": "1.34", "2PU CT": "1.04"}

# The factory state comes from the settings table (`factory_settings`: manual 4, 6.7.x, 6.9,
# A2.1, A3.1; guesses in docs/DECISIONS.md #14, #15). The M-Bus secondary address defaults to
# the serial number and is filled in per meter.

# Raw values of the stored registers that no setting carries (assumptions, docs/DECISIONS.md).
OTHER_REGISTER_DEFAULTS: dict[str, Any] = {
    "power_down_counter": 0,
    "status_word": 0,  # no error bits (manual 7.1)
    "checksum2": 0,  # "not relevant"
    "product_code": 0,  # vendor BLE map; value unknown
    "backlight.timeout_min": 1,  # vendor BLE map
    "bluetooth.mode": 1,  # vendor BLE map: auto
}

# Computed on every read, never stored.
_LIVE_GROUPS = frozenset({"measurement", "energy", "ct_history"})
_STATUS_FROM_READING = ("direction.", "quadrant")

_SETTING_BY_REGISTER: dict[str, Setting] = {
    s.register_key: s for s in SETTINGS.values() if s.register_key is not None
}
_ACTION_BY_REGISTER: dict[str, Action] = {a.register_key: a for a in ACTIONS.values()}


def history_energy_key(field_name: str) -> str:
    """The energy register frozen in a CT history field ("import.t1" -> active import T1)."""
    return f"energy.active.{field_name}"


for _name, _obis in CT_HISTORY_FIELDS:  # fail at import, not at the first CT change
    REGISTERS[history_energy_key(_name)]


class SimulatorModbusError(Exception):
    """A request the meter refuses: answered with Modbus exception `code`."""

    def __init__(self, code: int, reason: str = "") -> None:
        self.code = code
        self.reason = reason
        super().__init__(f"Modbus exception {code}" + (f": {reason}" if reason else ""))


class CtChangeLimitError(ConfiguratorError):
    """All seven CT ratio changes have been used (manual 6.9)."""


@dataclass(frozen=True)
class LinkSettings:
    """The Modbus link parameters the meter is listening with."""

    address: int
    baudrate: int
    parity: str


def _is_stored(reg: Register) -> bool:
    if reg.group in _LIVE_GROUPS:
        return False
    return not (reg.group == "status" and reg.key.startswith(_STATUS_FROM_READING))


class VirtualMeter:
    """One simulated WAGO 879-30xx meter: settings, counters, CT history and energies."""

    protocol_version = 1.0
    hardware_version = 1.0

    def __init__(
        self,
        model: Model,
        serial: int,
        *,
        address: int = 1,
        baudrate: int = 9600,
        parity: str = "even",
        software_version: float | None = None,
        checksum: int | None = None,
        seed: int | str = 0,
        reversed_phase: str | None = None,
        clock: Callable[[], float] = time.monotonic,
        wiring: Wiring | None = None,
    ) -> None:
        """Create a meter in its factory state, with the given Modbus link parameters.

        `wiring` (physics.Wiring) puts the meter into a faulty installation (reversed CT,
        swapped phases, ...). Raises InvalidValueError for a serial, address, baud rate or parity
        the meter cannot have, and ValueError for an unknown reversed phase.
        """
        if not 0 <= serial <= 99_999_999:
            raise InvalidValueError("serial", serial, "an integer of at most 8 digits")
        family = checksum_family(model)
        version = DEFAULT_SOFTWARE[family]
        self.model = model
        self.serial = serial
        self.software_version = (float(version) if software_version is None
                                 else float(software_version))
        if checksum is None:
            checksum = CHECKSUMS[family].get(f"{self.software_version:.2f}", 0)
        self.checksum = checksum
        self.meter_amps = model.info.max_current_a
        self.clock = clock
        self.physics = Physics(f"{seed}:{serial}", reversed_phase=reversed_phase, wiring=wiring)
        self.ct_history: list[dict[str, Any]] = []
        self._pending: dict[str, Any] = {}
        self._raw: dict[str, Any] = {}
        self._extra: dict[str, Any] = {}  # settings no register carries (M-Bus)
        self._readable: dict[str, dict[int, tuple[Register, int]]] = {}
        self._writable: dict[str, dict[int, Register]] = {}

        identity = {
            "serial": serial,
            "meter_code": model.info.meter_code,
            "protocol_version": self.protocol_version,
            "software_version": self.software_version,
            "hardware_version": self.hardware_version,
            "meter_amps": self.meter_amps,
            "checksum": self.checksum,
            "ct_primary": 0,
        }
        defaults = dict(factory_settings(model), **{"mbus.secondary_address": f"{serial:08d}"})
        defaults.update({"modbus.address": address, "modbus.baudrate": baudrate,
                         "modbus.parity": parity})
        for reg in REGISTERS.select(model=model):
            if not _is_stored(reg) or reg.key in _SETTING_BY_REGISTER:
                continue
            value = identity[reg.key] if reg.key in identity else OTHER_REGISTER_DEFAULTS[reg.key]
            reg.dtype.encode(value)  # a default that does not encode is a bug: fail now
            self._raw[reg.key] = value
        for item in self.settings_list():
            self._store(item, item.domain.check(item.key, defaults[item.key]))
        check_rules(model, self.settings())
        self.tick()  # switched on now: energy counts from here

    # --- settings ---------------------------------------------------------------------

    def settings_list(self) -> list[Setting]:
        """The settings this model has."""
        return [s for s in SETTINGS.values() if self.model in s.models]

    def settings(self) -> dict[str, Any]:
        """Every setting of this model as a user value (pending link changes not applied)."""
        return {s.key: self.setting_value(s.key) for s in self.settings_list()}

    def setting_value(self, key: str) -> Any:
        """One setting as a user value, e.g. "even" for modbus.parity, CtRatio for ct.ratio."""
        item = setting(key)
        if item.register_key is None:
            return self._extra[key]
        return item.from_raw(self._raw[item.register_key])

    def _store(self, item: Setting, value: Any) -> None:
        if item.register_key is None:
            self._extra[item.key] = value
            return
        self._raw[item.register_key] = item.to_raw(value)
        if item.key == "ct.ratio":
            self._raw["ct_primary"] = value.primary

    def set_setting(self, key: str, value: Any, *, deferred: bool = False) -> None:
        """Change a setting as the meter would, or raise without changing anything.

        Raises UnknownKeyError / UnsupportedError for a key this model lacks,
        InvalidValueError for a value outside the domain or against a cross-setting rule, and
        CtChangeLimitError for an eighth different CT ratio. With `deferred`, a link setting
        (Modbus address, baud rate, parity) is held until `apply_pending_link`.
        """
        item = setting(key)
        if self.model not in item.models:
            raise UnsupportedError(f"{key} does not exist on a {self.model.info.code}.")
        value = item.domain.check(key, value)
        after = self.settings()
        after.update(self._pending)
        after[key] = value
        check_rules(self.model, after)
        if key == "ct.ratio":
            self._change_ct(value)
        elif item.link and deferred:
            self._pending[key] = value
        else:
            self._store(item, value)

    def _change_ct(self, ratio: CtRatio) -> None:
        current = self.setting_value("ct.ratio")
        if ratio == current:
            return  # the same ratio again is accepted and uses no change
        if len(self.ct_history) >= CT_HISTORY_ENTRIES:
            raise CtChangeLimitError(
                f"The CT ratio has already been changed {CT_HISTORY_ENTRIES} times; the meter "
                "allows no further change (manual 6.9)."
            )
        self.tick()
        entry: dict[str, Any] = {"ratio": current}
        for name, _obis in CT_HISTORY_FIELDS:
            entry[name] = self.physics.energies.register_value(history_energy_key(name))
        self.ct_history.append(entry)
        self._store(SETTINGS["ct.ratio"], ratio)

    @property
    def ct_changes_left(self) -> int:
        """How many more CT ratio changes the meter accepts."""
        return CT_HISTORY_ENTRIES - len(self.ct_history)

    def perform_action(self, name: str) -> None:
        """Run an action from ACTIONS (counter resets): the register returns to zero."""
        action = ACTIONS[name]
        reg = action.register
        if reg.group == "energy":
            self.tick()
            quantity, _selector = self.physics.energies.split_key(reg.key)
            self.physics.energies.reset(quantity)
        else:
            self._raw[reg.key] = action.value

    def power_cycle(self) -> None:
        """What switching the meter off and on does: the power-down counter counts one more."""
        count = int(self._raw["power_down_counter"])
        self._raw["power_down_counter"] = min(POWER_DOWN_COUNTER_MAX, count + 1)

    # --- link -------------------------------------------------------------------------

    @property
    def link(self) -> LinkSettings:
        """The Modbus address, baud rate and parity in force now."""
        return LinkSettings(self.setting_value("modbus.address"),
                            int(self.setting_value("modbus.baudrate")),
                            self.setting_value("modbus.parity"))

    @property
    def pending_link(self) -> dict[str, Any]:
        """Link settings written but not yet in force (until the reply has gone out)."""
        return dict(self._pending)

    def apply_pending_link(self) -> None:
        """Put written link settings into force; the bus calls this after sending the reply."""
        pending, self._pending = self._pending, {}
        for key, value in pending.items():
            self._store(SETTINGS[key], value)

    # --- time -------------------------------------------------------------------------

    def tick(self, now: float | None = None) -> Reading:
        """Advance the physics to `now` (default: the meter's clock) and return the reading."""
        when = self.clock() if now is None else now
        ratio = self._raw.get("ct.ratio")
        full_scale = float(ratio.primary) if self.model.info.has_ct and ratio else FULL_SCALE_AMPS
        return self.physics.tick(
            when,
            full_scale_amps=full_scale,
            tariff=int(self._raw["tariff"]),
            combination_code=int(self._raw["combination_code"]),
        )

    def preaccumulate(self, hours: float) -> None:
        """Give a new meter `hours` of typical use in its energy registers (demo realism)."""
        ratio = self._raw.get("ct.ratio")
        full_scale = float(ratio.primary) if self.model.info.has_ct and ratio else FULL_SCALE_AMPS
        self.physics.preaccumulate(hours, full_scale_amps=full_scale,
                                   combination_code=int(self._raw["combination_code"]))

    # --- registers --------------------------------------------------------------------

    def _read_map(self, transport: str) -> dict[int, tuple[Register, int]]:
        if transport not in self._readable:
            self._readable[transport] = {
                reg.address + offset: (reg, offset)
                for reg in REGISTERS.select(model=self.model, transport=transport)
                for offset in range(reg.count)
            }
        return self._readable[transport]

    def _write_map(self, transport: str) -> dict[int, Register]:
        if transport not in self._writable:
            self._writable[transport] = {
                reg.address: reg
                for reg in REGISTERS.select(model=self.model, transport=transport)
                if reg.writable
            }
        return self._writable[transport]

    def register_value(self, reg: Register, reading: Reading | None = None) -> Any:
        """The decoded value of one register now (what `reg.dtype.encode` takes)."""
        if reg.group == "energy":
            return self.physics.energies.register_value(reg.key)
        if reg.group == "ct_history":
            return self._history_value(reg.key)
        if reg.key in self._raw:
            return self._raw[reg.key]
        current = reading if reading is not None else self.tick()
        if reg.group == "measurement":
            return current.measurement(reg.key)
        return current.status(reg.key)

    def _history_value(self, key: str) -> Any:
        _ct, _history, number, field_name = key.split(".", 3)
        index = int(number) - 1
        if index >= len(self.ct_history):
            return NO_CT if field_name == "ratio" else 0.0
        return self.ct_history[index][field_name]

    def read_registers(self, address: int, count: int, transport: str = MODBUS) -> list[int]:
        """The register words at `address`..`address + count - 1`, as FC03 returns them.

        Raises SimulatorModbusError(3) for a count outside 1-125 and SimulatorModbusError(2)
        if any address in the range belongs to no register of this model on `transport`.
        Reading part of a multi-register value is allowed.
        """
        if not 1 <= count <= MAX_READ_COUNT:
            raise SimulatorModbusError(3, f"cannot read {count} registers")
        layout = self._read_map(transport)
        missing = [a for a in range(address, address + count) if a not in layout]
        if missing:
            raise SimulatorModbusError(2, f"no register at 0x{missing[0]:04X}")
        reading = self.tick()
        words: list[int] = []
        encoded: dict[str, list[int]] = {}
        for a in range(address, address + count):
            reg, offset = layout[a]
            if reg.key not in encoded:
                encoded[reg.key] = reg.dtype.encode(self.register_value(reg, reading))
            words.append(encoded[reg.key][offset])
        return words

    def write_registers(self, function_code: int, address: int, words: Sequence[int],
                        transport: str = MODBUS) -> None:
        """Apply an FC06 / FC16 write, or raise SimulatorModbusError as the meter answers.

        Exception 2: no writable value of this model starts at `address`, or an FC16 write
        does not cover exactly that one value. Exception 1: the register is written with
        another function code. Exception 3: the value does not decode, is outside the
        setting's domain or breaks a rule between settings. Exception 4: an eighth CT ratio
        change. Counter resets (ACTIONS) set zero whatever value is written. Link settings
        wait in `pending_link` until `apply_pending_link`.
        """
        reg = self._write_map(transport).get(address)
        if reg is None:
            raise SimulatorModbusError(2, f"no writable register at 0x{address:04X}")
        if function_code != reg.write_fc:
            raise SimulatorModbusError(1, f"{reg.key} is written with FC{reg.write_fc:02d}")
        if len(words) != reg.count:
            raise SimulatorModbusError(2, f"{reg.key} takes exactly {reg.count} registers")
        action = _ACTION_BY_REGISTER.get(reg.key)
        if action is not None:
            self.perform_action(action.name)
            return
        item = _SETTING_BY_REGISTER.get(reg.key)
        if item is None:  # writable register without a setting: the table would be wrong
            raise SimulatorModbusError(2, f"{reg.key} has no setting")
        self.tick()  # energy so far belongs to the tariff (or ratio) in force until now
        try:
            value = item.from_raw(reg.dtype.decode(words))
            self.set_setting(item.key, value, deferred=True)
        except (CodecError, InvalidValueError) as exc:
            raise SimulatorModbusError(3, str(exc)) from exc
        except CtChangeLimitError as exc:
            raise SimulatorModbusError(4, str(exc)) from exc

    # --- persistence ------------------------------------------------------------------

    def to_state(self) -> dict[str, Any]:
        """A JSON-able snapshot: identity, settings (pending link included), counters,
        energies (up to now) and CT history."""
        self.tick()
        settings = self.settings()
        settings.update(self._pending)
        items = {s.key: s for s in self.settings_list()}
        stored = {
            key: value for key, value in self._raw.items()
            if key in OTHER_REGISTER_DEFAULTS
        }
        return {
            "model": self.model.info.code,
            "serial": self.serial,
            "software_version": self.software_version,
            "checksum": self.checksum,
            "settings": {key: items[key].domain.format(value) for key, value in settings.items()},
            "registers": stored,
            "energies": self.physics.energies.to_state(),
            "ct_history": [
                {name: (str(value) if name == "ratio" else value) for name, value in e.items()}
                for e in self.ct_history
            ],
        }

    @classmethod
    def from_state(
        cls,
        state: Mapping[str, Any],
        *,
        seed: int | str = 0,
        reversed_phase: str | None = None,
        clock: Callable[[], float] = time.monotonic,
        power_cycle: bool = True,
        wiring: Wiring | None = None,
    ) -> VirtualMeter:
        """Rebuild a meter from `to_state` output; by default that counts as a power cycle.

        Raises ValueError (or a ConfiguratorError) when the state is malformed.
        """
        try:
            model = Model.parse(str(state["model"]))
            meter = cls(model, int(state["serial"]), seed=seed, reversed_phase=reversed_phase,
                        clock=clock, software_version=float(state["software_version"]),
                        checksum=int(state["checksum"]), wiring=wiring)
            items = {s.key: s for s in meter.settings_list()}
            for key, text in dict(state.get("settings", {})).items():
                if key in items:
                    item = items[key]
                    meter._store(item, item.domain.parse(key, str(text)))
            check_rules(model, meter.settings())
            for key, value in dict(state.get("registers", {})).items():
                if key in OTHER_REGISTER_DEFAULTS:
                    REGISTERS[key].dtype.encode(value)
                    meter._raw[key] = value
            meter.physics.energies = Energies.from_state(dict(state.get("energies", {})))
            for entry in list(state.get("ct_history", []))[:CT_HISTORY_ENTRIES]:
                restored: dict[str, Any] = {"ratio": CtRatio.parse(str(entry["ratio"]))}
                for name, _obis in CT_HISTORY_FIELDS:
                    restored[name] = float(entry.get(name, 0.0))
                meter.ct_history.append(restored)
        except (KeyError, TypeError, CodecError) as exc:
            raise ValueError(f"malformed meter state: {exc}") from exc
        if power_cycle:
            meter.power_cycle()
        return meter

    def describe(self) -> str:
        """One line for the simulator's start-up output."""
        link = self.link
        return (f"Meter {self.model.info.code} ({self.model.info.article}) serial "
                f"{self.serial:08d}: Modbus address {link.address}, {link.baudrate} baud, "
                f"parity {link.parity}")
