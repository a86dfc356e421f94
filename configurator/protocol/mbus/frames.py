"""M-Bus link layer frames (EN 13757-2, FT 1.2): pure byte functions, no I/O.

    single character  E5
    short frame       10 C A CS 16
    long frame        68 L L 68 C A CI data... CS 16     (L = 3 + len(data); CS = sum(C..data))

The manual's command tables leave out CS and 16 (FACTS.md); `long_frame` adds them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model.settings import MBUS_BAUD_RATES

ACK = 0xE5
SHORT_START = 0x10
LONG_START = 0x68
STOP = 0x16

# Control field (C): master to slave. FCB 0x20 and FCV 0x10 live in REQ_UD2.
SND_NKE = 0x40
SND_UD = 0x53  # FCV set, FCB clear: the manual's write examples (A2.3) all use 53
REQ_UD2 = 0x5B  # FCV set; with FCB set it is 0x7B
FCB = 0x20
# Slave to master: RSP_UD is 08 with the ACD (0x20) and DFC (0x10) bits possibly set.
RSP_UD_MASK = 0xCF
RSP_UD = 0x08

# Addresses
BROADCAST_REPLY = 254  # every slave answers (test only: collides with several meters)
BROADCAST = 255  # every slave acts, none answers
SECONDARY = 253  # the slave(s) selected by secondary address

# Control information (CI)
CI_DATA_SEND = 0x51
CI_SELECT = 0x52
CI_APPLICATION_RESET = 0x50
CI_RSP_LONG_HEADER = 0x72
CI_RSP_SHORT_HEADER = 0x7A
CI_RSP_NO_HEADER = 0x78
BAUD_CI_300 = 0xB8  # EN 13757-3: CI B8 sets 300 baud, each next CI doubles the speed


def baud_ci(baudrate: int) -> int:
    """The CI of the SND_UD that switches a slave to `baudrate` (300 * 2**n baud)."""
    return BAUD_CI_300 + (baudrate // 300).bit_length() - 1


# The rates the meter offers come from the settings table (6.7.10), not a second list.
BAUD_CI: dict[int, int] = {baud: baud_ci(baud) for baud in MBUS_BAUD_RATES}

MAX_LONG_DATA = 252  # L is at most 255 = C + A + CI + 252 bytes


class MbusFrameError(ValueError):
    """Bytes that are not a valid M-Bus frame or telegram (the codec's only exception)."""


def checksum(data: bytes) -> int:
    """Arithmetic sum modulo 256 (over C, A, CI and data)."""
    return sum(data) & 0xFF


@dataclass(frozen=True)
class Frame:
    """One received or built frame. `kind` is "ack", "short" or "long"."""

    kind: str
    control: int = 0
    address: int = 0
    ci: int | None = None
    data: bytes = b""

    @property
    def is_rsp_ud(self) -> bool:
        """A long frame carrying user data from a slave."""
        return self.kind == "long" and self.control & RSP_UD_MASK == RSP_UD

    def to_bytes(self) -> bytes:
        """The frame on the wire."""
        if self.kind == "ack":
            return bytes([ACK])
        if self.kind == "short":
            return short_frame(self.control, self.address)
        assert self.ci is not None
        return long_frame(self.control, self.address, self.ci, self.data)


def short_frame(control: int, address: int) -> bytes:
    """`10 C A CS 16`."""
    _check_byte("address", address)
    return bytes([SHORT_START, control, address, checksum(bytes([control, address])), STOP])


def long_frame(control: int, address: int, ci: int, data: bytes = b"") -> bytes:
    """`68 L L 68 C A CI data CS 16`."""
    _check_byte("address", address)
    if len(data) > MAX_LONG_DATA:
        raise MbusFrameError(f"long frame data of {len(data)} bytes exceeds {MAX_LONG_DATA}")
    body = bytes([control, address, ci]) + bytes(data)
    length = len(body)
    return bytes([LONG_START, length, length, LONG_START]) + body + bytes([checksum(body), STOP])


def _check_byte(name: str, value: int) -> None:
    if not 0 <= value <= 0xFF:
        raise MbusFrameError(f"{name} {value} does not fit one byte")


def snd_nke(address: int) -> bytes:
    """Link reset (also deselects when sent to 253): `10 40 A CS 16`."""
    return short_frame(SND_NKE, address)


def req_ud2(address: int, fcb: bool) -> bytes:
    """Request class 2 data: `10 5B A CS 16`, or `10 7B` with the frame count bit set."""
    return short_frame(REQ_UD2 | (FCB if fcb else 0), address)


def snd_ud(address: int, ci: int, data: bytes = b"") -> bytes:
    """Send user data (a write, a selection, a baud change, an application reset)."""
    return long_frame(SND_UD, address, ci, data)


def frame_length(buffer: bytes) -> int | None:
    """How many bytes the frame starting at buffer[0] has, None if not known yet.

    Raises MbusFrameError when the start is not a frame start or the long header is invalid.
    """
    if not buffer:
        return None
    start = buffer[0]
    if start == ACK:
        return 1
    if start == SHORT_START:
        return 5
    if start != LONG_START:
        raise MbusFrameError(f"0x{start:02X} is not an M-Bus frame start")
    if len(buffer) < 4:
        return None
    length, repeated, start2 = buffer[1], buffer[2], buffer[3]
    if length != repeated or start2 != LONG_START:
        raise MbusFrameError(f"long frame header {buffer[:4].hex(' ')} is inconsistent")
    if length < 3:
        raise MbusFrameError(f"long frame length {length} is below 3")
    return length + 6


def parse_frame(raw: bytes) -> Frame:
    """Decode exactly one whole frame; raises MbusFrameError for anything else."""
    size = frame_length(raw)
    if size is None or len(raw) < size:
        raise MbusFrameError(f"incomplete frame ({raw.hex(' ') or 'nothing'})")
    if len(raw) > size:
        raise MbusFrameError(f"{len(raw) - size} extra bytes after the frame")
    if raw[0] == ACK:
        return Frame("ack")
    if raw[0] == SHORT_START:
        control, address, cs, stop = raw[1], raw[2], raw[3], raw[4]
        if stop != STOP:
            raise MbusFrameError(f"short frame ends with 0x{stop:02X}, not 16")
        if checksum(raw[1:3]) != cs:
            raise MbusFrameError(f"short frame checksum 0x{cs:02X} is wrong "
                                 f"(expected 0x{checksum(raw[1:3]):02X})")
        return Frame("short", control, address)
    body, cs, stop = raw[4:-2], raw[-2], raw[-1]
    if stop != STOP:
        raise MbusFrameError(f"long frame ends with 0x{stop:02X}, not 16")
    if checksum(body) != cs:
        raise MbusFrameError(f"long frame checksum 0x{cs:02X} is wrong "
                             f"(expected 0x{checksum(body):02X})")
    return Frame("long", body[0], body[1], body[2], bytes(body[3:]))


def split_frames(buffer: bytes) -> tuple[list[Frame | MbusFrameError], bytes]:
    """Cut whole frames off the front of `buffer` (for a slave reading a byte stream).

    Returns the frames (or the error for a bad one, whose bytes are skipped up to the next
    plausible start) and the incomplete rest.
    """
    out: list[Frame | MbusFrameError] = []
    while buffer:
        try:
            size = frame_length(buffer)
        except MbusFrameError as exc:
            out.append(exc)
            buffer = _resync(buffer)
            continue
        if size is None or len(buffer) < size:
            break
        raw, rest = buffer[:size], buffer[size:]
        try:
            out.append(parse_frame(raw))
            buffer = rest
        except MbusFrameError as exc:
            out.append(exc)
            buffer = _resync(buffer)
    return out, buffer


def _resync(buffer: bytes) -> bytes:
    """Drop the first byte and everything up to the next possible frame start."""
    for i in range(1, len(buffer)):
        if buffer[i] in (SHORT_START, LONG_START):
            return buffer[i:]
    return b""
