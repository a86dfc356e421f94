"""What goes on the wire for a setting change or an action, derived from the register table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .registers import Register
from .settings import Action, Setting


@dataclass(frozen=True)
class WriteOp:
    """One register write: function code, start address and the words to write."""

    function_code: int
    address: int
    words: tuple[int, ...]
    register: Register


def write_for_setting(item: Setting, value: Any) -> WriteOp:
    """The write that sets `item` to the (already validated) user value."""
    reg = item.register
    if reg is None or reg.write_fc is None:
        raise ValueError(f"{item.key} has no writable Modbus register")
    words = tuple(reg.dtype.encode(item.to_raw(value)))
    return WriteOp(reg.write_fc, reg.address, words, reg)


def write_for_action(action: Action) -> WriteOp:
    """The write that performs `action` (for example a counter reset)."""
    reg = action.register
    if reg.write_fc is None:
        raise ValueError(f"{action.name} targets a read-only register")
    return WriteOp(reg.write_fc, reg.address, tuple(reg.dtype.encode(action.value)), reg)
