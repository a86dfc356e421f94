"""Replay a support bundle: `configurator simulate --from meter.capture.json` serves that meter.

Modbus RTU (captures over Modbus RTU or BLE): every captured register word is served as it was
received, every block the meter answered with an exception is answered with that exception
again (a register it refused alone too), and only what the capture does not hold comes from
the simulator's own physics. The meter's settings, link (address and baud rate from its own
registers) and CT history are taken from the captured words, so writes are checked against
the captured state; a register written is served from the simulator from then on.

M-Bus: the captured RSP_UD frames are served unchanged, the first after SND_NKE or a
selection, the next one when the frame count bit toggles, the same again when it does not.
The meter answers at the captured primary and secondary address; a change of either is
followed (the frames' A field and ident are rewritten, checksum included). Other writes are
acknowledged but the telegrams stay as captured (docs/capture.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import ConfiguratorError, FileError
from ..i18n import QT_TRANSLATE_NOOP
from ..model.ct_history import SlotState, interpret
from ..model.models import Model
from ..model.plan import plan_reads
from ..model.registers import CT_HISTORY_FIELDS, MODBUS, REGISTERS
from ..model.settings import SETTINGS, check_rules
from ..model.types import CodecError, CtRatio
from ..protocol.mbus import frames
from ..protocol.mbus.records import bcd_encode, parse_rsp_ud
from ..services.capture import Capture
from .mbus_bus import MbusBus, Slave
from .meter import MAX_READ_COUNT, SimulatorModbusError, VirtualMeter


class ReplayError(FileError):
    """A capture that cannot be served (no meter in it)."""


def _model(capture: Capture) -> Model:
    code = capture.model
    if code is None:
        raise ReplayError(QT_TRANSLATE_NOOP(
            "Errors", "The capture holds no identified 879-30xx meter ({reason}); it cannot be "
            "replayed.").format(reason=capture.identity_error or "no identity"))
    return Model.parse(str(code))


def _serial(capture: Capture) -> int:
    serial = (capture.identity or {}).get("serial")
    return int(serial) if isinstance(serial, int) else 0


class ReplayMeter(VirtualMeter):
    """A virtual meter that serves a capture's register words and exceptions first."""

    def __init__(self, capture: Capture, *, seed: int | str = 0) -> None:
        """Build the meter the capture shows; raises ReplayError if it shows none."""
        super().__init__(_model(capture), _serial(capture), seed=seed)
        self.capture = capture
        self.words: dict[int, int] = capture.words()
        self.refused: dict[int, int] = {}  # address -> exception code
        self.refused_blocks: dict[tuple[int, int], int] = {}  # (address, count) -> code
        for block in capture.exception_blocks:
            assert block.exception is not None
            self.refused_blocks[(block.address, block.count)] = block.exception
            for address in range(block.address, block.address + block.count):
                if address not in self.words:
                    self.refused[address] = block.exception
        self._adopt_settings()
        self._adopt_ct_history()
        if capture.address is not None and capture.transport != "mbus":
            self._store(SETTINGS["modbus.address"], capture.address)

    def _captured(self, key: str) -> Any:
        """The decoded captured value of a register, or None if not captured whole."""
        reg = REGISTERS[key]
        addresses = range(reg.address, reg.end)
        if not all(a in self.words for a in addresses):
            return None
        try:
            return reg.dtype.decode([self.words[a] for a in addresses])
        except CodecError:
            return None

    def _adopt_settings(self) -> None:
        """The captured settings become the meter's (each one that decodes and fits)."""
        before = {s.key: s for s in self.settings_list()}
        adopted = {}
        for key, item in before.items():
            if item.register_key is None:
                continue
            raw = self._captured(item.register_key)
            if raw is None:
                continue
            try:
                adopted[key] = item.domain.check(key, item.from_raw(raw))
            except (ConfiguratorError, CodecError, ValueError, KeyError):
                continue
        saved = dict(self._raw)
        try:
            for key, value in adopted.items():
                self._store(before[key], value)
            check_rules(self.model, self.settings())
        except ConfiguratorError:
            self._raw = saved  # the captured words are still what is served
        for key in ("power_down_counter", "status_word", "checksum2"):
            value = self._captured(key)
            if value is not None:
                self._raw[key] = value

    def _adopt_ct_history(self) -> None:
        """The captured CT history's changes count against the seven the meter allows."""
        if not self.model.info.has_ct:
            return
        registers = REGISTERS.select(groups=["ct_history"], model=self.model)
        values: dict[str, Any] = {}
        for block in plan_reads(registers):
            words = [self.words.get(a) for a in range(block.address, block.address + block.count)]
            if None in words:
                continue
            values.update(block.decode([w for w in words if w is not None]))
        ratio = self._captured("ct.ratio")
        history = interpret(values, ratio if isinstance(ratio, CtRatio) else None)
        self.ct_history = []
        for slot in history.slots:
            if slot.state is SlotState.CHANGE and slot.ratio is not None:
                entry: dict[str, Any] = {"ratio": slot.ratio}
                for name, _obis in CT_HISTORY_FIELDS:
                    entry[name] = slot.readings.get(name) or 0.0
                self.ct_history.append(entry)

    def read_registers(self, address: int, count: int, transport: str = MODBUS) -> list[int]:
        """The captured words; the captured exception where the meter refused; else physics.

        Raises SimulatorModbusError(code) as the captured meter answered, or as the simulator
        answers for what the capture does not hold.
        """
        if not 1 <= count <= MAX_READ_COUNT:
            raise SimulatorModbusError(3, f"cannot read {count} registers")
        span = range(address, address + count)
        if (address, count) in self.refused_blocks:
            raise SimulatorModbusError(self.refused_blocks[(address, count)], "as captured")
        for a in span:
            if a in self.refused:
                raise SimulatorModbusError(self.refused[a], f"as captured at 0x{a:04X}")
        if all(a in self.words for a in span):
            return [self.words[a] for a in span]
        live = super().read_registers(address, count, transport)
        return [self.words.get(a, word) for a, word in zip(span, live, strict=True)]

    def write_registers(self, function_code: int, address: int, words: Sequence[int],
                        transport: str = MODBUS) -> None:
        """As the simulator; the register written is served from the simulator afterwards."""
        super().write_registers(function_code, address, words, transport)
        reg = REGISTERS.by_address.get(address)
        if reg is None:
            return
        dropped = [reg]
        if reg.key == "ct.ratio":
            dropped += [REGISTERS["ct_primary"],
                        *REGISTERS.select(groups=["ct_history"], model=self.model)]
        for item in dropped:
            for a in range(item.address, item.end):
                self.words.pop(a, None)
                self.refused.pop(a, None)

    def describe(self) -> str:
        """One line for the simulator's start-up output."""
        refused = len(self.refused_blocks)
        return (f"{super().describe()} (replaying {len(self.capture.blocks)} captured blocks, "
                f"{refused} refused)")


# --- M-Bus --------------------------------------------------------------------------------

def _rewritten(frame: bytes, primary: int, ident: int) -> bytes:
    """A captured RSP_UD with another primary address and ident (checksum recomputed)."""
    parsed = frames.parse_frame(frame)
    data = parsed.data
    if parsed.ci == frames.CI_RSP_LONG_HEADER and len(data) >= 4:
        data = bcd_encode(ident, 4) + data[4:]
    assert parsed.ci is not None
    return frames.long_frame(parsed.control, primary, parsed.ci, data)


class ReplaySlave(Slave):
    """An M-Bus slave that answers REQ_UD2 with the captured telegrams."""

    def __init__(self, meter: VirtualMeter, telegrams: Sequence[bytes]) -> None:
        super().__init__(meter)
        self.telegrams = list(telegrams)
        first = parse_rsp_ud(frames.parse_frame(self.telegrams[0]))
        self.captured_primary = first.address
        header = first.header
        self.captured_ident = header.ident if header is not None else 0
        self.captured_version = header.version if header is not None else 0
        self.index = -1

    @property
    def version(self) -> int:
        """The captured header's version byte."""
        return self.captured_version

    def reset(self) -> None:
        """SND_NKE or a new selection: the first telegram comes next."""
        super().reset()
        self.index = -1

    def rsp_ud(self, fcb: bool | None) -> bytes:
        """The next captured telegram (the same one again if the FCB did not toggle)."""
        if fcb is not None and fcb == self.last_fcb and self.last_reply is not None:
            return self.last_reply
        self.index = (self.index + 1) % len(self.telegrams)
        reply = self.telegrams[self.index]
        if (self.primary, self.ident) != (self.captured_primary, self.captured_ident):
            reply = _rewritten(reply, self.primary, self.ident)
        self.last_fcb, self.last_reply = fcb, reply
        return reply

    def describe(self) -> str:
        """One line for the simulator's start-up output."""
        return f"{super().describe()} (replaying {len(self.telegrams)} captured telegrams)"


class ReplayMbusBus(MbusBus):
    """An M-Bus bus whose one slave replays a capture's telegrams."""

    def __init__(self, meters: list[VirtualMeter], *, capture: Capture,
                 **kwargs: object) -> None:
        super().__init__(meters, **kwargs)
        self.slaves = [ReplaySlave(self.meters[0], [t.frame for t in capture.telegrams])]


def mbus_meter(capture: Capture, baudrate: int, *, seed: int | str = 0) -> VirtualMeter:
    """The virtual meter behind a replayed M-Bus slave: its addresses from the telegram."""
    meter = VirtualMeter(_model(capture), _serial(capture) % 100_000_000, seed=seed)
    first = parse_rsp_ud(frames.parse_frame(capture.telegrams[0].frame))
    meter.set_setting("mbus.address", first.address)
    if first.header is not None:
        meter.set_setting("mbus.secondary_address", first.header.secondary_address)
    meter.set_setting("mbus.baudrate", baudrate)
    return meter


def demo_connection(capture: Capture) -> tuple[str, int | None, int | None]:
    """How a client reaches the replay of `capture`: protocol, address and baud rate (None:
    the protocol's default). A BLE capture is replayed over Modbus RTU (same frames)."""
    check_replayable(capture)
    if capture.transport == "mbus":
        first = parse_rsp_ud(frames.parse_frame(capture.telegrams[0].frame))
        return "mbus", first.address, capture.baudrate
    meter = ReplayMeter(capture)
    return MODBUS, meter.link.address, meter.link.baudrate


def check_replayable(capture: Capture) -> None:
    """Raise ReplayError (one sentence) for a capture that cannot be served."""
    _model(capture)
    if capture.transport == "mbus" and not capture.telegrams:
        raise ReplayError(QT_TRANSLATE_NOOP(
            "Errors", "The M-Bus capture holds no RSP_UD telegram to replay."))
    if capture.transport != "mbus" and not capture.blocks:
        raise ReplayError(QT_TRANSLATE_NOOP(
            "Errors", "The capture holds no register blocks to replay."))


__all__ = ["ReplayError", "ReplayMbusBus", "ReplayMeter", "ReplaySlave", "check_replayable",
           "demo_connection", "mbus_meter"]
