"""Find how a meter answers: try likely baud rate / parity / address combinations (Modbus RTU).

The most likely settings go first (the factory 9600 8E1 address 1, then what the user typed,
then the common rates); each probe is the one-register meter-code read with a short timeout.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from ..errors import ConfiguratorError, UnsupportedError
from ..i18n import QT_TRANSLATE_NOOP, Template
from ..model.models import Model
from ..model.registers import REGISTERS
from ..model.settings import MODBUS_BAUD_CODES, PARITY_CODES
from ..model.types import CodecError
from .connection import PROTOCOL_DEFAULTS, ConnectionOptions, TrafficCallback, open_master

LIKELY_BAUDS = (9600, 19200, 38400, 115200, 57600, 4800, 2400, 1200, 600, 300)
LIKELY_ADDRESSES = (1, 2, 3, 4, 5, 10)
PROBE_TURNAROUND_S = 0.12


def candidates(options: ConnectionOptions) -> list[tuple[int, str, list[int]]]:
    """(baud, parity, addresses) to try, most likely first; bauds from the register table."""
    base_address, base_baud, base_parity = PROTOCOL_DEFAULTS["modbus"]
    bauds = [b for b in (options.baudrate, base_baud, *LIKELY_BAUDS) if b in MODBUS_BAUD_CODES]
    bauds += [b for b in MODBUS_BAUD_CODES if b not in bauds]
    parities = [p for p in (options.parity, base_parity, *PARITY_CODES) if p in PARITY_CODES]
    addresses = [a for a in (options.address, base_address, *LIKELY_ADDRESSES) if a is not None]
    combos: list[tuple[int, str, list[int]]] = []
    for baud in dict.fromkeys(bauds):
        for parity in dict.fromkeys(parities):
            combos.append((baud, parity, list(dict.fromkeys(addresses))))
    return combos


def _probes(combos: list[tuple[int, str, list[int]]]) -> Iterator[tuple[int, str, int]]:
    for baud, parity, addresses in combos:
        for address in addresses:
            yield baud, parity, address


async def autodetect(options: ConnectionOptions,
                     on_progress: Callable[[int, int, str], None] | None = None,
                     on_traffic: TrafficCallback | None = None
                     ) -> tuple[ConnectionOptions, Model] | None:
    """The options at which a WAGO meter answers, with its model, or None if none did.

    Cancel the awaiting task to stop; the port is closed on the way out. The GUI runs it
    through the connection manager (`ConnectionManager.autodetect`), the bus's one owner.
    """
    if options.protocol != "modbus":
        raise UnsupportedError(QT_TRANSLATE_NOOP(
            "Errors", "Auto-detect covers Modbus RTU; for M-Bus use the secondary search, for "
            "Bluetooth LE the device list."))
    combos = candidates(options)
    total = sum(len(a) for _, _, a in combos)
    done = 0
    code_register = REGISTERS["meter_code"]
    for baud, parity, addresses in combos:
        trial = replace(options, baudrate=baud, parity=parity, retries=0)
        async with open_master(trial, on_traffic) as master:
            char = master.transport.char_time()
            for address in addresses:
                if on_progress is not None:
                    on_progress(done, total, QT_TRANSLATE_NOOP(
                        "Services", "address {address}, {baud} baud, parity {parity}").format(
                        address=address, baud=baud, parity=Template(parity, "Values")))
                done += 1
                try:
                    words = await master.read_registers(
                        address, code_register.address, 1, retries=0,
                        timeout=15 * char + PROBE_TURNAROUND_S)
                    model = Model.from_meter_code(code_register.dtype.decode(words))
                except (ConfiguratorError, CodecError):
                    continue
                if model is not None:
                    if on_progress is not None:
                        on_progress(total, total, QT_TRANSLATE_NOOP(
                            "Services", "found {model} at address {address}, {baud} baud, "
                            "parity {parity}").format(model=model.info.code, address=address,
                                                      baud=baud,
                                                      parity=Template(parity, "Values")))
                    return replace(options, address=address, baudrate=baud,
                                   parity=parity), model
    if on_progress is not None:
        on_progress(total, total, QT_TRANSLATE_NOOP("Services", "no meter answered"))
    return None
