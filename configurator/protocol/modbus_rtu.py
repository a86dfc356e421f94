"""Modbus RTU framing: requests, answer reassembly and parsing, and the meter side.

The client side (what a meter command sends and decodes) is this module's own code: CRC,
FC03/FC06/FC16 requests and their answers are a few bytes each, and pymodbus's framer and PDU
packages cost a one-shot `read` about a third of its start-up (docs/DECISIONS.md P1). The
simulator's answers are still built by pymodbus (imported only when a simulator builds one),
so client and meter meet on the pty as two independent implementations. On top of the frames
this module adds what a meter link needs: reassembly of an answer by expected length and CRC
(dropping an adapter's echo of our own request). Every other module speaks in terms of these
functions, never pymodbus directly.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..i18n import QT_TRANSLATE_NOOP

READ_HOLDING = 3
WRITE_SINGLE = 6
WRITE_MULTIPLE = 16
BROADCAST = 0
MAX_READ = 125  # registers per FC03 request (Modbus application protocol 6.3)

EXCEPTION_NAMES = {
    1: "illegal function",
    2: "illegal data address",
    3: "illegal data value",
    4: "device failure",
    5: "acknowledge",
    6: "device busy",
}


# A literal, not computed at import: computing it costs a one-shot command about 1 ms here.
# (tests/protocol/test_rtu_codec.py derives it again from the polynomial.)
_CRC_TABLE = (  # CRC-16/MODBUS (polynomial 0xA001 reflected) of every byte value
    0x0000, 0xC0C1, 0xC181, 0x0140, 0xC301, 0x03C0, 0x0280, 0xC241,
    0xC601, 0x06C0, 0x0780, 0xC741, 0x0500, 0xC5C1, 0xC481, 0x0440,
    0xCC01, 0x0CC0, 0x0D80, 0xCD41, 0x0F00, 0xCFC1, 0xCE81, 0x0E40,
    0x0A00, 0xCAC1, 0xCB81, 0x0B40, 0xC901, 0x09C0, 0x0880, 0xC841,
    0xD801, 0x18C0, 0x1980, 0xD941, 0x1B00, 0xDBC1, 0xDA81, 0x1A40,
    0x1E00, 0xDEC1, 0xDF81, 0x1F40, 0xDD01, 0x1DC0, 0x1C80, 0xDC41,
    0x1400, 0xD4C1, 0xD581, 0x1540, 0xD701, 0x17C0, 0x1680, 0xD641,
    0xD201, 0x12C0, 0x1380, 0xD341, 0x1100, 0xD1C1, 0xD081, 0x1040,
    0xF001, 0x30C0, 0x3180, 0xF141, 0x3300, 0xF3C1, 0xF281, 0x3240,
    0x3600, 0xF6C1, 0xF781, 0x3740, 0xF501, 0x35C0, 0x3480, 0xF441,
    0x3C00, 0xFCC1, 0xFD81, 0x3D40, 0xFF01, 0x3FC0, 0x3E80, 0xFE41,
    0xFA01, 0x3AC0, 0x3B80, 0xFB41, 0x3900, 0xF9C1, 0xF881, 0x3840,
    0x2800, 0xE8C1, 0xE981, 0x2940, 0xEB01, 0x2BC0, 0x2A80, 0xEA41,
    0xEE01, 0x2EC0, 0x2F80, 0xEF41, 0x2D00, 0xEDC1, 0xEC81, 0x2C40,
    0xE401, 0x24C0, 0x2580, 0xE541, 0x2700, 0xE7C1, 0xE681, 0x2640,
    0x2200, 0xE2C1, 0xE381, 0x2340, 0xE101, 0x21C0, 0x2080, 0xE041,
    0xA001, 0x60C0, 0x6180, 0xA141, 0x6300, 0xA3C1, 0xA281, 0x6240,
    0x6600, 0xA6C1, 0xA781, 0x6740, 0xA501, 0x65C0, 0x6480, 0xA441,
    0x6C00, 0xACC1, 0xAD81, 0x6D40, 0xAF01, 0x6FC0, 0x6E80, 0xAE41,
    0xAA01, 0x6AC0, 0x6B80, 0xAB41, 0x6900, 0xA9C1, 0xA881, 0x6840,
    0x7800, 0xB8C1, 0xB981, 0x7940, 0xBB01, 0x7BC0, 0x7A80, 0xBA41,
    0xBE01, 0x7EC0, 0x7F80, 0xBF41, 0x7D00, 0xBDC1, 0xBC81, 0x7C40,
    0xB401, 0x74C0, 0x7580, 0xB541, 0x7700, 0xB7C1, 0xB681, 0x7640,
    0x7200, 0xB2C1, 0xB381, 0x7340, 0xB101, 0x71C0, 0x7080, 0xB041,
    0x5000, 0x90C1, 0x9181, 0x5140, 0x9301, 0x53C0, 0x5280, 0x9241,
    0x9601, 0x56C0, 0x5780, 0x9741, 0x5500, 0x95C1, 0x9481, 0x5440,
    0x9C01, 0x5CC0, 0x5D80, 0x9D41, 0x5F00, 0x9FC1, 0x9E81, 0x5E40,
    0x5A00, 0x9AC1, 0x9B81, 0x5B40, 0x9901, 0x59C0, 0x5880, 0x9841,
    0x8801, 0x48C0, 0x4980, 0x8941, 0x4B00, 0x8BC1, 0x8A81, 0x4A40,
    0x4E00, 0x8EC1, 0x8F81, 0x4F40, 0x8D01, 0x4DC0, 0x4C80, 0x8C41,
    0x4400, 0x84C1, 0x8581, 0x4540, 0x8701, 0x47C0, 0x4680, 0x8641,
    0x8201, 0x42C0, 0x4380, 0x8341, 0x4100, 0x81C1, 0x8081, 0x4040,
)


def crc16(data: bytes) -> bytes:
    """The Modbus CRC of `data`, as the two bytes that follow it on the wire (low byte first)."""
    crc = 0xFFFF
    table = _CRC_TABLE
    for byte in data:
        crc = (crc >> 8) ^ table[(crc ^ byte) & 0xFF]
    return bytes((crc & 0xFF, crc >> 8))


def frame(payload: bytes) -> bytes:
    """Append the CRC to an address + PDU payload."""
    return payload + crc16(payload)


def crc_ok(adu: bytes) -> bool:
    """Whether a whole frame (CRC included) checks out."""
    return len(adu) >= 4 and crc16(adu[:-2]) == adu[-2:]


def _check(value: int, low: int, high: int, what: str) -> int:
    if not low <= value <= high:
        raise ValueError(f"{low} <= {what} {value} <= {high} !")
    return value


def _head(device_id: int, function: int, address: int) -> bytes:
    _check(device_id, 0, 255, "device id")
    return struct.pack(">BBH", device_id, function, _check(address, 0, 0xFFFF, "address"))


def build_read(device_id: int, address: int, count: int) -> bytes:
    """An FC03 Read Holding Registers request (ValueError for a count outside 1-125)."""
    _check(count, 1, MAX_READ, "count")
    return frame(_head(device_id, READ_HOLDING, address) + struct.pack(">H", count))


def build_write_single(device_id: int, address: int, value: int) -> bytes:
    """An FC06 Write Single Register request."""
    _check(value, 0, 0xFFFF, "value")
    return frame(_head(device_id, WRITE_SINGLE, address) + struct.pack(">H", value))


def build_write_multiple(device_id: int, address: int, values: Sequence[int]) -> bytes:
    """An FC16 Write Multiple Registers request."""
    words = [_check(v, 0, 0xFFFF, "value") for v in values]
    return frame(_head(device_id, WRITE_MULTIPLE, address)
                 + struct.pack(f">HB{len(words)}H", len(words), 2 * len(words), *words))


@dataclass(frozen=True)
class Reply:
    """A decoded answer: registers for FC03, echo fields for writes, or an exception code."""

    device_id: int
    function_code: int
    registers: tuple[int, ...] = ()
    address: int = 0
    exception_code: int = 0

    @property
    def is_exception(self) -> bool:
        """Whether the meter answered with a Modbus exception."""
        return self.exception_code != 0


class FrameCorrupt(Exception):
    """The bytes received cannot be the answer (bad CRC, wrong sender or function)."""


def expected_reply_length(request: bytes, received: bytes) -> int | None:
    """How long the answer to `request` will be, once enough of it has arrived to tell."""
    if len(received) < 2:
        return None
    function = received[1]
    if function & 0x80:
        return 5
    if function == READ_HOLDING:
        return 5 + received[2] if len(received) >= 3 else None
    if function in (WRITE_SINGLE, WRITE_MULTIPLE):
        return 8
    return len(received)  # unknown function: let the CRC check decide


def _unconfirmed(adu: bytes) -> str:
    return QT_TRANSLATE_NOOP("Errors", "write answer {frame} does not confirm the request").format(
        frame=adu.hex(" "))


def parse_reply(request: bytes, adu: bytes) -> Reply:
    """Decode a complete answer to `request`; raises FrameCorrupt unless it is exactly right."""
    if not crc_ok(adu):
        raise FrameCorrupt(QT_TRANSLATE_NOOP("Errors", "CRC error in answer {frame}").format(
            frame=adu.hex(" ")))
    device_id, function = adu[0], adu[1]
    if device_id != request[0]:
        raise FrameCorrupt(QT_TRANSLATE_NOOP(
            "Errors", "answer came from address {got}, not {asked}").format(
            got=device_id, asked=request[0]))
    if function & 0x7F != request[1]:
        raise FrameCorrupt(QT_TRANSLATE_NOOP(
            "Errors", "answer is for function {got}, not {asked}").format(
            got=function & 0x7F, asked=request[1]))
    if function & 0x80:
        if len(adu) != 5 or adu[2] == 0:
            raise FrameCorrupt(QT_TRANSLATE_NOOP(
                "Errors", "malformed exception answer {frame}").format(frame=adu.hex(" ")))
        return Reply(device_id, request[1], exception_code=adu[2])
    if function == READ_HOLDING:
        wanted = int.from_bytes(request[4:6], "big")
        if len(adu) != 5 + 2 * wanted or adu[2] != 2 * wanted:
            raise FrameCorrupt(QT_TRANSLATE_NOOP(
                "Errors", "answer carries {count} registers in {size} bytes, {wanted} were asked "
                "for").format(count=adu[2] // 2 if len(adu) > 2 else 0, size=len(adu),
                              wanted=wanted))
        return Reply(device_id, function, struct.unpack(f">{wanted}H", adu[3:-2]))
    if function == WRITE_SINGLE:
        if adu != request:
            raise FrameCorrupt(_unconfirmed(adu))
        address, value = struct.unpack(">HH", adu[2:6])
        return Reply(device_id, function, (value,), address)
    if function == WRITE_MULTIPLE:
        if len(adu) != 8 or adu[2:6] != request[2:6]:
            raise FrameCorrupt(_unconfirmed(adu))
        return Reply(device_id, function, (), int.from_bytes(adu[2:4], "big"))
    raise FrameCorrupt(QT_TRANSLATE_NOOP("Errors", "unexpected function code {code}").format(
        code=function))


def take_answer(request: bytes, received: bytes, echo: bool | None
                ) -> tuple[bytes | None, bool | None]:
    """Find the answer to `request` in the bytes received so far.

    `echo` says whether the adapter echoes what we send: True, False, or None (not known yet).
    Returns (the complete answer frame, or None while more bytes are needed) and the echo
    verdict learned from these bytes. An FC06 answer is byte-identical to its request, so
    while echo is unknown the first copy of an FC06 frame is taken as the answer.
    """
    data = received
    may_echo = echo is True or (echo is None and request[1] != WRITE_SINGLE)
    if may_echo:
        if len(data) < len(request) and request.startswith(data):
            return None, echo  # an echo (or the start of a similar answer) still arriving
        if data.startswith(request):
            data, echo = data[len(request):], True
        elif echo is None:
            echo = False
    expected = expected_reply_length(request, data)
    if expected is None or len(data) < expected:
        return None, echo
    return data[:expected], echo


# --- server side (the simulator) ---------------------------------------------------------


@dataclass(frozen=True)
class Request:
    """A decoded request as a meter sees it.

    `exception` is non-zero when the framing alone shows what the meter must answer: 1 for a
    function it does not support, 3 for a malformed count (Modbus application protocol 6.3,
    6.12: count 1-125 to read, 1-123 to write, byte count = 2 x count).
    """

    device_id: int
    function_code: int
    address: int
    count: int
    values: tuple[int, ...]
    raw: bytes
    exception: int = 0


SUPPORTED_REQUESTS = (READ_HOLDING, 4, WRITE_SINGLE, WRITE_MULTIPLE)


def split_requests(buffer: bytes) -> tuple[list[Request], bytes]:
    """Take every complete request frame off the front of `buffer`.

    Returns the requests and the bytes still waiting for more data. A frame with a bad CRC
    means the line is garbled: everything buffered is dropped, as a meter drops a frame it
    cannot read.
    """
    found: list[Request] = []
    while len(buffer) >= 4:
        size = _request_size(buffer)
        if size is None:
            break
        if size == 0:  # unknown function code: only the CRC tells where the frame ends
            end = _find_crc_end(buffer)
            if end is None:
                break
            found.append(Request(buffer[0], buffer[1], 0, 0, (), buffer[:end], exception=1))
            buffer = buffer[end:]
            continue
        if len(buffer) < size:
            break
        adu, buffer = buffer[:size], buffer[size:]
        if not crc_ok(adu):
            return found, b""
        found.append(_decode_request(adu))
    return found, buffer


def _decode_request(adu: bytes) -> Request:
    device_id, function = adu[0], adu[1]
    address = int.from_bytes(adu[2:4], "big")
    field = int.from_bytes(adu[4:6], "big")
    if function == WRITE_SINGLE:
        return Request(device_id, function, address, 1, (field,), adu)
    if function == WRITE_MULTIPLE:
        byte_count = adu[6]
        words = tuple(int.from_bytes(adu[7 + i : 9 + i], "big")
                      for i in range(0, byte_count - byte_count % 2, 2))
        bad = not 1 <= field <= 123 or byte_count != 2 * field
        return Request(device_id, function, address, field, () if bad else words, adu,
                       exception=3 if bad else 0)
    bad = not 1 <= field <= 125
    return Request(device_id, function, address, field, (), adu, exception=3 if bad else 0)


def _request_size(buffer: bytes) -> int | None:
    function = buffer[1]
    if function in (READ_HOLDING, WRITE_SINGLE, 4):
        return 8
    if function == WRITE_MULTIPLE:
        return 9 + buffer[6] if len(buffer) >= 7 else None
    return 0


def _find_crc_end(buffer: bytes) -> int | None:
    for end in range(4, len(buffer) + 1):
        if crc_ok(buffer[:end]):
            return end
    return None


@cache
def _server_framer() -> Any:
    """pymodbus's RTU framer for the meter side, imported when a simulator first answers."""
    from pymodbus.framer import FramerRTU
    from pymodbus.pdu import DecodePDU

    return FramerRTU(DecodePDU(True))


def load_server_codec() -> None:
    """Import the meter side's pymodbus now: a simulator calls this before it listens, so its
    first answer is as quick as the others (a client that learns the meter's turnaround from
    its answers, like the scan, would otherwise learn the import time)."""
    _server_framer()


def build_read_response(device_id: int, registers: Sequence[int]) -> bytes:
    """The answer to an FC03 read."""
    from pymodbus.pdu.register_message import ReadHoldingRegistersResponse

    pdu = ReadHoldingRegistersResponse(registers=list(registers), dev_id=device_id)
    return bytes(_server_framer().buildFrame(pdu))


def build_write_response(request: Request) -> bytes:
    """The answer to an FC06 or FC16 write (FC06 echoes the request)."""
    if request.function_code == WRITE_SINGLE:
        return request.raw
    from pymodbus.pdu.register_message import WriteMultipleRegistersResponse

    pdu = WriteMultipleRegistersResponse(address=request.address, count=request.count,
                                         dev_id=request.device_id)
    return bytes(_server_framer().buildFrame(pdu))


def build_exception(device_id: int, function_code: int, exception_code: int) -> bytes:
    """A Modbus exception answer."""
    from pymodbus.pdu import ExceptionResponse

    pdu = ExceptionResponse(function_code, exception_code, device_id=device_id)
    return bytes(_server_framer().buildFrame(pdu))
