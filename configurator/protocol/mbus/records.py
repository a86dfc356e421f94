"""M-Bus application layer (EN 13757-3): RSP_UD header and variable data records.

Pure byte functions. A record is DIB (DIF + up to 10 DIFE), VIB (VIF + up to 10 VIFE, plain
text included) and the data field the DIF announces. Decoded here:

- DIF/DIFE: data coding, function, storage number, tariff (two bits per DIFE, so the manual's
  `84 80 10` is tariff 4), sub-unit;
- VIF: the primary table, the 0xFB and 0xFD extension tables, plain text (0x7C/0xFC), bus
  address, identification; VIFE: backward/forward flow (0x3C/0x3B), multiplicative correction
  (0x70-0x77, 0x7D), the 0xFC extension of combinable VIFEs (phase L1/L2/L3, N, line-to-line)
  and manufacturer-specific VIFEs (kept, not interpreted);
- data: signed binary integers (little endian), BCD (LSB byte first, a leading F nibble
  means negative), 32-bit real, variable length, manufacturer data (DIF 0F/1F).

pyMeterBus 0.8.5 was evaluated for this and not used: it leaves the 0xFB table "Reserved"
(no reactive energy/power, apparent power or frequency), ignores the multiplicative
correction VIFE (123456789 instead of 123456.789 kvarh) and does not expose the 0xFC phase.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from enum import Enum

from ...i18n import QT_TRANSLATE_NOOP
from .frames import (
    CI_RSP_LONG_HEADER,
    CI_RSP_NO_HEADER,
    CI_RSP_SHORT_HEADER,
    Frame,
    MbusFrameError,
)

MAX_EXTENSIONS = 10  # DIFE and VIFE each (EN 13757-3)
FUNCTIONS = ("instantaneous", "maximum", "minimum", "error")
INT_SIZES = {0x1: 1, 0x2: 2, 0x3: 3, 0x4: 4, 0x6: 6, 0x7: 8}
BCD_SIZES = {0x9: 1, 0xA: 2, 0xB: 3, 0xC: 4, 0xE: 6}
PHASES = {0x01: "l1", 0x02: "l2", 0x03: "l3", 0x04: "n", 0x05: "l1_l2", 0x06: "l2_l3",
          0x07: "l3_l1"}
MEDIA = {0x02: "electricity"}
RECORDS_OFFSET = {CI_RSP_LONG_HEADER: 7 + 12, CI_RSP_SHORT_HEADER: 7 + 4, CI_RSP_NO_HEADER: 7}
"""Where the records start in a RSP_UD frame: 68 L L 68 C A CI, then the header."""


class RecordTruncated(MbusFrameError):
    """A record runs past the end of the telegram."""


# --- small codecs -------------------------------------------------------------------------

def bcd_decode(data: bytes) -> int:
    """BCD, least significant byte first; a leading F nibble marks a negative value."""
    digits = "".join(f"{byte:02X}" for byte in reversed(data))
    negative = digits.startswith("F")
    if negative:
        digits = digits[1:]
    if not digits.isdigit():
        raise MbusFrameError(f"not a BCD number: {data.hex(' ')}")
    value = int(digits) if digits else 0
    return -value if negative else value


def bcd_encode(value: int, size: int) -> bytes:
    """`value` as `size` bytes of BCD, LSB byte first (negative: leading F nibble)."""
    digits = 2 * size
    limit = 10 ** (digits - 1) if value < 0 else 10 ** digits
    if not -limit < value < limit:
        raise MbusFrameError(f"{value} does not fit {digits} BCD digits")
    text = f"{abs(value):0{digits}d}"
    if value < 0:
        text = "F" + text[1:]
    return bytes.fromhex(text)[::-1]


def int_decode(data: bytes) -> int:
    """Signed binary integer, little endian."""
    return int.from_bytes(data, "little", signed=True)


def int_encode(value: int, size: int) -> bytes:
    """A signed little-endian integer of `size` bytes."""
    try:
        return int(value).to_bytes(size, "little", signed=True)
    except OverflowError:
        raise MbusFrameError(f"{value} does not fit a signed {8 * size}-bit integer") from None


def manufacturer_decode(data: bytes) -> str:
    """Two bytes (LSB first) to the EN 13757-3 three-letter code: CD 25 -> "INM"."""
    value = int.from_bytes(data, "little")
    letters = [(value >> shift) & 0x1F for shift in (10, 5, 0)]
    if not all(1 <= letter <= 26 for letter in letters):
        return f"?{value:04X}"
    return "".join(chr(64 + letter) for letter in letters)


def manufacturer_encode(code: str) -> bytes:
    """"INM" -> CD 25."""
    if len(code) != 3 or not code.isalpha() or not code.isupper():
        raise MbusFrameError(f"manufacturer code {code!r} is not three capital letters")
    value = 0
    for char in code:
        value = (value << 5) | (ord(char) - 64)
    return value.to_bytes(2, "little")


# --- DIF / VIF ----------------------------------------------------------------------------

@dataclass(frozen=True)
class DataInfo:
    """What the DIB says: coding, function, storage, tariff, sub-unit."""

    coding: int  # low nibble of the DIF
    function: str
    storage: int
    tariff: int
    subunit: int


@dataclass(frozen=True)
class ValueInfo:
    """What the VIB says: the quantity, its unit and decimal exponent, and qualifiers."""

    quantity: str  # "energy", "voltage", "dimensionless", "plain text", "fb:0x7f" ...
    unit: str = ""
    exponent: int = 0  # value = raw * 10**exponent [unit]
    phase: str | None = None
    direction: str | None = None  # "export" for backward flow, "import" for forward flow
    text: str | None = None  # the plain-text unit of VIF 7C/FC
    extra: tuple[str, ...] = ()  # VIFEs kept but not interpreted (e.g. "fc:0x10")


def _primary(code: int) -> ValueInfo:
    """Primary VIF table (code without the extension bit)."""
    n = code & 0x07
    ranges = (
        (0x00, "energy", "Wh", -3), (0x08, "energy", "J", 0), (0x10, "volume", "m3", -6),
        (0x18, "mass", "kg", -3), (0x28, "power", "W", -3), (0x30, "power", "J/h", 0),
        (0x38, "volume flow", "m3/h", -6), (0x40, "volume flow", "m3/min", -7),
        (0x48, "volume flow", "m3/s", -9), (0x50, "mass flow", "kg/h", -3),
    )
    for low, quantity, unit, base in ranges:
        if low <= code <= low + 7:
            return ValueInfo(quantity, unit, n + base)
    nn = code & 0x03
    quads = (
        (0x20, "on time"), (0x24, "operating time"), (0x58, "flow temperature"),
        (0x5C, "return temperature"), (0x60, "temperature difference"),
        (0x64, "external temperature"), (0x68, "pressure"), (0x70, "averaging duration"),
        (0x74, "actuality duration"),
    )
    for low, quantity in quads:
        if low <= code <= low + 3:
            if quantity.endswith(("time", "duration")):
                return ValueInfo(quantity, ("s", "min", "h", "d")[nn], 0)
            unit = {"pressure": "bar", "temperature difference": "K"}.get(quantity, "°C")
            return ValueInfo(quantity, unit, nn - 3)
    named = {0x6C: "date", 0x6D: "date and time", 0x6E: "HCA units",
             0x78: "fabrication number", 0x79: "identification", 0x7A: "bus address",
             0x7E: "any", 0x7F: "manufacturer specific"}
    return ValueInfo(named.get(code, f"vif:0x{code:02x}"))


def _table_fb(code: int) -> ValueInfo:
    """Extension table 0xFB (EN 13757-3:2013 adds reactive and apparent quantities)."""
    n, nn = code & 0x01, code & 0x03
    if code in (0x00, 0x01):
        return ValueInfo("energy", "MWh", n - 1)
    if code in (0x02, 0x03):
        return ValueInfo("reactive energy", "kvarh", n)
    if code in (0x08, 0x09):
        return ValueInfo("energy", "GJ", n - 1)
    if code in (0x10, 0x11):
        return ValueInfo("volume", "m3", n + 2)
    if code in (0x14, 0x15):
        return ValueInfo("reactive power", "kvar", n - 3)
    if code in (0x18, 0x19):
        return ValueInfo("mass", "t", n + 2)
    if code in (0x28, 0x29):
        return ValueInfo("power", "MW", n - 1)
    if 0x2C <= code <= 0x2F:
        return ValueInfo("frequency", "Hz", nn - 3)
    if code in (0x30, 0x31):
        return ValueInfo("power", "GJ/h", n - 1)
    if code in (0x34, 0x35):
        return ValueInfo("apparent power", "kVA", n - 3)
    return ValueInfo(f"fb:0x{code:02x}")


def _table_fd(code: int) -> ValueInfo:
    """Extension table 0xFD."""
    if 0x40 <= code <= 0x4F:
        return ValueInfo("voltage", "V", (code & 0x0F) - 9)
    if 0x50 <= code <= 0x5F:
        return ValueInfo("current", "A", (code & 0x0F) - 12)
    named = {0x08: "access number", 0x09: "medium", 0x0A: "manufacturer",
             0x0B: "parameter set", 0x0C: "model/version", 0x0D: "hardware version",
             0x0E: "firmware version", 0x0F: "software version", 0x16: "password",
             0x17: "error flags", 0x1A: "digital output", 0x1B: "digital input",
             0x1C: "baud rate", 0x3A: "dimensionless", 0x60: "reset counter",
             0x61: "cumulation counter"}
    return ValueInfo(named.get(code, f"fd:0x{code:02x}"))


def parse_vib(buf: bytes, pos: int) -> tuple[ValueInfo, int]:
    """Decode the VIB starting at `pos`; returns the info and the position after it."""
    def take() -> int:
        nonlocal pos
        if pos >= len(buf):
            raise RecordTruncated("record ends inside its VIF")
        byte = buf[pos]
        pos += 1
        return byte

    vif = take()
    code = vif & 0x7F
    more = bool(vif & 0x80)
    text = None
    if code == 0x7B or code == 0x7D:
        table = take()
        info = (_table_fb if code == 0x7B else _table_fd)(table & 0x7F)
        more = bool(table & 0x80)
    elif code == 0x7C:
        length = take()
        if pos + length > len(buf):
            raise RecordTruncated("record ends inside its plain-text VIF")
        text = bytes(buf[pos:pos + length][::-1]).decode("latin-1")
        pos += length
        info = ValueInfo("plain text", text, 0, text=text)
    else:
        info = _primary(code)
    exponent, phase, direction, extra = info.exponent, None, None, list(info.extra)
    count = 0
    while more:
        count += 1
        if count > MAX_EXTENSIONS:
            raise MbusFrameError("more than 10 VIFEs")
        vife = take()
        more = bool(vife & 0x80)
        ext = vife & 0x7F
        if info.quantity == "manufacturer specific" or "manufacturer" in extra:
            extra.append(f"0x{ext:02x}")
        elif ext == 0x3C:
            direction = "export"
        elif ext == 0x3B:
            direction = "import"
        elif 0x70 <= ext <= 0x77:
            exponent += (ext & 0x07) - 6
        elif ext == 0x7D:
            exponent += 3
        elif ext == 0x7C:  # extension of combinable VIFEs: one more byte follows
            if not more:
                raise MbusFrameError("VIFE FC without the extension byte it announces")
            code2 = take()
            more = bool(code2 & 0x80)
            if (code2 & 0x7F) in PHASES:
                phase = PHASES[code2 & 0x7F]
            else:
                extra.append(f"fc:0x{code2 & 0x7F:02x}")
        elif ext == 0x7F:
            extra.append("manufacturer")
        else:
            extra.append(f"vife:0x{ext:02x}")
    return ValueInfo(info.quantity, info.unit, exponent, phase, direction, text,
                     tuple(extra)), pos


def parse_dib(buf: bytes, pos: int) -> tuple[DataInfo, int]:
    """Decode the DIB at `pos` (DIF 0x0F/0x1F/0x2F are handled by the caller)."""
    dif = buf[pos]
    pos += 1
    storage = (dif >> 6) & 0x01
    tariff = subunit = 0
    more = bool(dif & 0x80)
    for index in range(MAX_EXTENSIONS + 1):
        if not more:
            break
        if index == MAX_EXTENSIONS:
            raise MbusFrameError("more than 10 DIFEs")
        if pos >= len(buf):
            raise RecordTruncated("record ends inside its DIFEs")
        dife = buf[pos]
        pos += 1
        storage |= (dife & 0x0F) << (1 + 4 * index)
        tariff |= ((dife >> 4) & 0x03) << (2 * index)
        subunit |= ((dife >> 6) & 0x01) << index
        more = bool(dife & 0x80)
    return DataInfo(dif & 0x0F, FUNCTIONS[(dif >> 4) & 0x03], storage, tariff, subunit), pos


# --- records ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Record:
    """One data record, its raw bytes kept for matching and diagnostics."""

    dib: bytes
    vib: bytes
    data: bytes
    info: DataInfo
    value_info: ValueInfo
    raw: int | float | str | bytes | None
    offset: int = 0  # where the record starts in its frame (0 when parsed alone)

    @property
    def value(self) -> int | float | str | bytes | None:
        """The raw number with the VIF's decimal exponent applied (in `value_info.unit`)."""
        exponent = self.value_info.exponent
        if not isinstance(self.raw, (int, float)) or exponent == 0:
            return self.raw
        if exponent > 0:
            return self.raw * 10 ** exponent
        return self.raw / 10 ** -exponent


def _data_size(coding: int, buf: bytes, pos: int) -> int:
    """How many bytes the data field at `pos` takes (an LVAR byte included)."""
    if coding in (0x0, 0x8):
        return 0
    if coding in INT_SIZES:
        return INT_SIZES[coding]
    if coding in BCD_SIZES:
        return BCD_SIZES[coding]
    if coding == 0x5:
        return 4
    if coding == 0xD:
        if pos >= len(buf):
            raise RecordTruncated("record ends inside its data field")
        lvar = buf[pos]
        if lvar <= 0xBF:
            return 1 + lvar
        if lvar <= 0xDF:
            return 1 + (lvar & 0x0F)
        if lvar <= 0xEF:
            return 1 + lvar - 0xE0
        raise MbusFrameError(f"variable-length code 0x{lvar:02X} is not supported")
    raise MbusFrameError(f"data coding 0x{coding:X} is not valid here")


def _data(coding: int, buf: bytes, pos: int) -> tuple[int | float | str | bytes | None, int]:
    def field(size: int) -> bytes:
        if pos + size > len(buf):
            raise RecordTruncated("record ends inside its data field")
        return bytes(buf[pos:pos + size])

    if coding in (0x0, 0x8):
        return None, pos
    if coding in INT_SIZES:
        size = INT_SIZES[coding]
        return int_decode(field(size)), pos + size
    if coding in BCD_SIZES:
        size = BCD_SIZES[coding]
        return bcd_decode(field(size)), pos + size
    if coding == 0x5:
        return struct.unpack("<f", field(4))[0], pos + 4
    if coding == 0xD:
        lvar = field(1)[0]
        pos += 1
        if lvar <= 0xBF:
            return field(lvar)[::-1].decode("latin-1"), pos + lvar
        if lvar <= 0xDF:
            size = lvar & 0x0F
            value = bcd_decode(field(size)) if size else 0
            return (-value if lvar >= 0xD0 else value), pos + size
        if lvar <= 0xEF:
            size = lvar - 0xE0
            return int_decode(field(size)) if size else 0, pos + size
        raise MbusFrameError(f"variable-length code 0x{lvar:02X} is not supported")
    raise MbusFrameError(f"data coding 0x{coding:X} is not valid here")


class Problem(Enum):
    """Why a record of a RSP_UD was not decoded."""

    TRUNCATED = "truncated"  # it runs past the end of the telegram
    BAD_DATA = "bad data"  # its data is not valid for its coding (e.g. not BCD)
    UNKNOWN_LAYOUT = "unknown layout"  # reserved DIF or data coding: its length is unknown
    REPEATED = "repeated"  # it repeats an earlier record's DIB and VIB (meter_map)
    OVERRUN = "overrun"  # more bytes follow than its DIF announces (meter_map)


PROBLEM_REASONS = {
    Problem.TRUNCATED: QT_TRANSLATE_NOOP("Services", "it runs past the end of the telegram"),
    Problem.BAD_DATA: QT_TRANSLATE_NOOP("Services", "its data is not valid for its coding"),
    Problem.UNKNOWN_LAYOUT: QT_TRANSLATE_NOOP(
        "Services", "its DIF or VIF gives no length this tool can follow, so nothing after it "
        "was read"),
    Problem.REPEATED: QT_TRANSLATE_NOOP(
        "Services", "it repeats the DIF and VIF of an earlier record, so it is not taken as "
        "that value again"),
    Problem.OVERRUN: QT_TRANSLATE_NOOP(
        "Services", "more data bytes follow than its DIF announces (the manual prints its CT "
        "rate row this way)"),
}


@dataclass(frozen=True)
class Undecodable:
    """A stretch of a RSP_UD that is not a decoded record: where, which bytes, and why."""

    offset: int  # in the frame (0 = the first 68), or in the record run when parsed alone
    data: bytes
    problem: Problem
    detail: str = ""  # the codec's own words (English, for --debug and support bundles)

    def sentence(self, decoded: int) -> str:
        """One sentence for the user; `decoded` = how many records were read."""
        return QT_TRANSLATE_NOOP(
            "Services", "The RSP_UD record at byte {offset} ({data}) was not decoded: {reason}; "
            "{count} other records were read.").format(
            offset=self.offset, data=self.data.hex(" ").upper(),
            reason=PROBLEM_REASONS[self.problem], count=decoded)


@dataclass(frozen=True)
class Records:
    """The records of a telegram, manufacturer data after DIF 0F/1F if any, and what did not
    decode."""

    records: tuple[Record, ...]
    manufacturer_data: bytes = b""
    more_follows: bool = False
    undecodable: tuple[Undecodable, ...] = ()


def parse_records(buf: bytes) -> Records:
    """Decode a run of data records strictly: the first record that does not decode raises
    MbusFrameError (writes must parse whole)."""
    records = decode_records(buf)
    if records.undecodable:
        first = records.undecodable[0]
        kind = RecordTruncated if first.problem is Problem.TRUNCATED else MbusFrameError
        raise kind(first.detail)
    return records


def decode_records(buf: bytes, base: int = 0) -> Records:
    """Decode every record that can be decoded; report the others (`base` = the run's offset
    in its frame). A record with bad data is skipped by its length and decoding goes on; one
    whose length cannot be known (truncated, reserved coding) ends the run."""
    pos = 0
    found: list[Record] = []
    problems: list[Undecodable] = []
    while pos < len(buf):
        dif = buf[pos]
        if dif == 0x2F:  # idle filler
            pos += 1
            continue
        if dif in (0x0F, 0x1F):
            return Records(tuple(found), bytes(buf[pos + 1:]), dif == 0x1F, tuple(problems))
        start = pos
        try:
            if dif & 0x0F == 0x0F:
                raise MbusFrameError(f"special DIF 0x{dif:02X} is reserved")
            info, pos = parse_dib(buf, pos)
            vib_start = pos
            value_info, pos = parse_vib(buf, pos)
            data_start = pos
            end = pos + _data_size(info.coding, buf, pos)
            if end > len(buf):
                raise RecordTruncated("record ends inside its data field")
        except MbusFrameError as exc:
            kind = Problem.TRUNCATED if isinstance(exc, RecordTruncated) else \
                Problem.UNKNOWN_LAYOUT
            problems.append(Undecodable(base + start, bytes(buf[start:]), kind, str(exc)))
            break
        try:
            raw, _end = _data(info.coding, buf, data_start)
        except MbusFrameError as exc:
            problems.append(Undecodable(base + start, bytes(buf[start:end]), Problem.BAD_DATA,
                                        str(exc)))
            pos = end
            continue
        found.append(Record(bytes(buf[start:vib_start]), bytes(buf[vib_start:data_start]),
                            bytes(buf[data_start:end]), info, value_info, raw, base + start))
        pos = end
    return Records(tuple(found), undecodable=tuple(problems))


def encode_data(dif: int, raw: int) -> bytes:
    """The data field for `raw` in the coding the DIF announces (integers and BCD)."""
    coding = dif & 0x0F
    if coding in INT_SIZES:
        return int_encode(raw, INT_SIZES[coding])
    if coding in BCD_SIZES:
        return bcd_encode(raw, BCD_SIZES[coding])
    if coding == 0x0:
        return b""
    raise MbusFrameError(f"cannot encode data coding 0x{coding:X}")


# --- telegrams ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Header:
    """The fixed header of a RSP_UD with CI 72 (EN 13757-3, 12 bytes)."""

    ident: int  # secondary address, 8 BCD digits, LSB byte first on the wire
    manufacturer: str
    version: int
    medium: int
    access: int
    status: int
    signature: int

    @property
    def secondary_address(self) -> str:
        """The ident as the 8 digits a user types."""
        return f"{self.ident:08d}"

    def to_bytes(self) -> bytes:
        """The 12 header bytes."""
        return (bcd_encode(self.ident, 4) + manufacturer_encode(self.manufacturer)
                + bytes([self.version, self.medium, self.access, self.status])
                + self.signature.to_bytes(2, "little"))


def parse_header(data: bytes) -> Header:
    """Decode the 12-byte fixed header."""
    if len(data) < 12:
        raise MbusFrameError(f"RSP_UD header needs 12 bytes, got {len(data)}")
    return Header(bcd_decode(data[0:4]), manufacturer_decode(data[4:6]), data[6], data[7],
                  data[8], data[9], int.from_bytes(data[10:12], "little"))


@dataclass(frozen=True)
class Telegram:
    """A decoded RSP_UD: the slave's primary address, its header and records."""

    address: int
    header: Header | None
    records: tuple[Record, ...]
    manufacturer_data: bytes = b""
    access: int = 0
    status: int = 0
    unparsed: tuple[str, ...] = field(default=())
    undecodable: tuple[Undecodable, ...] = ()  # records that did not decode (the rest did)
    more_follows: bool = False  # DIF 1F: the meter has a further telegram


def parse_rsp_ud(frame: Frame) -> Telegram:
    """Decode a RSP_UD long frame (CI 72 long header, 7A short header or 78 none).

    A record that does not decode does not fail the telegram: it is kept in `undecodable`
    (offset in the frame, bytes, reason) and every other record is decoded. Only a frame that
    is not a RSP_UD or whose header is cut short raises MbusFrameError."""
    if not frame.is_rsp_ud:
        raise MbusFrameError(f"expected RSP_UD, got control field 0x{frame.control:02X}")
    data = frame.data
    if frame.ci == CI_RSP_LONG_HEADER:
        header = parse_header(data)
        body, access, status = data[12:], header.access, header.status
    elif frame.ci == CI_RSP_SHORT_HEADER:
        if len(data) < 4:
            raise MbusFrameError("RSP_UD short header needs 4 bytes")
        header, body, access, status = None, data[4:], data[0], data[1]
    elif frame.ci == CI_RSP_NO_HEADER:
        header, body, access, status = None, data, 0, 0
    else:
        raise MbusFrameError(f"CI 0x{frame.ci:02X} is not a RSP_UD this tool reads")
    records = decode_records(body, RECORDS_OFFSET[frame.ci])
    return Telegram(frame.address, header, records.records, records.manufacturer_data,
                    access, status, undecodable=records.undecodable,
                    more_follows=records.more_follows)


def medium_name(code: int) -> str:
    """"electricity" for 02, else the hex code."""
    return MEDIA.get(code, f"0x{code:02X}")
