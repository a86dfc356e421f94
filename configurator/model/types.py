"""The type registry: one codec per register data type, and nothing else decides how to encode.

The manual names four data types (Float ABCD, Signed, HEX, ASCII). "HEX" is used for two
different things, so it is split here: BCD-style numbers (the manual's write examples show
`0025` meaning 25 s, `9995` meaning 9995 A) and plain bit fields (the status word).
"""

from __future__ import annotations

import math
import re
import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, order=True)
class CtRatio:
    """A current-transformer ratio such as 100/5 (primary amps / secondary amps)."""

    primary: int
    secondary: int

    def __str__(self) -> str:
        return f"{self.primary}/{self.secondary}"

    @classmethod
    def parse(cls, text: str) -> CtRatio:
        """Parse "100/5" (spaces and a trailing "A" allowed); raises ValueError."""
        cleaned = text.replace(" ", "").upper().rstrip("A")
        primary, sep, secondary = cleaned.partition("/")
        if not sep or not re.fullmatch("[0-9]{1,4}", primary) \
                or not re.fullmatch("[0-9]{1,4}", secondary):  # ASCII: no "١٠٠" or "²"
            raise ValueError(f"not a ratio like 100/5: {text!r}")
        return cls(int(primary), int(secondary))


class CodecError(ValueError):
    """Raw register words that cannot be decoded as the declared type."""


def _check_words(words: Sequence[int], count: int) -> None:
    if len(words) != count:
        raise CodecError(f"expected {count} registers, got {len(words)}")
    for word in words:
        if not 0 <= word <= 0xFFFF:
            raise CodecError(f"register word out of range: {word}")


def _bcd_to_int(word: int, digits: int) -> int:
    value = 0
    for shift in range((digits - 1) * 4, -1, -4):
        nibble = (word >> shift) & 0xF
        if nibble > 9:
            raise CodecError(f"not a BCD number: 0x{word:0{digits}X}")
        value = value * 10 + nibble
    return value


def _int_to_bcd(value: int, digits: int) -> int:
    if not 0 <= value < 10**digits:
        raise CodecError(f"{value} does not fit in {digits} BCD digits")
    word = 0
    for shift, char in enumerate(reversed(f"{value:0{digits}d}")):
        word |= int(char) << (4 * shift)
    return word


def _float_decode(words: Sequence[int]) -> float:
    return struct.unpack(">f", struct.pack(">HH", words[0], words[1]))[0]


def _float_encode(value: Any) -> list[int]:
    number = float(value)
    if math.isnan(number) or math.isinf(number):
        raise CodecError(f"not a finite number: {value!r}")
    try:
        high, low = struct.unpack(">HH", struct.pack(">f", number))
    except OverflowError as exc:
        raise CodecError(f"{value!r} does not fit a 32-bit float") from exc
    return [high, low]


def _whole(value: Any) -> int:
    """An integer from an int or an integral float; anything else is a CodecError."""
    if isinstance(value, bool):
        raise CodecError(f"not a number: {value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdecimal():
        return int(value)
    raise CodecError(f"not a whole number: {value!r}")


def _int16_decode(words: Sequence[int]) -> int:
    return struct.unpack(">h", struct.pack(">H", words[0]))[0]


def _int16_encode(value: Any) -> list[int]:
    number = _whole(value)
    if not -0x8000 <= number <= 0x7FFF:
        raise CodecError(f"{value!r} does not fit a signed 16-bit register")
    return [number & 0xFFFF]


def _bcd16_decode(words: Sequence[int]) -> int:
    return _bcd_to_int(words[0], 4)


def _bcd16_encode(value: Any) -> list[int]:
    return [_int_to_bcd(_whole(value), 4)]


def _bcd32_decode(words: Sequence[int]) -> int:
    return _bcd_to_int((words[0] << 16) | words[1], 8)


def _bcd32_encode(value: Any) -> list[int]:
    word = _int_to_bcd(_whole(value), 8)
    return [word >> 16, word & 0xFFFF]


def _bits32_decode(words: Sequence[int]) -> int:
    return (words[0] << 16) | words[1]


def _bits32_encode(value: Any) -> list[int]:
    number = _whole(value)
    if not 0 <= number <= 0xFFFFFFFF:
        raise CodecError(f"{value!r} does not fit 32 bits")
    return [number >> 16, number & 0xFFFF]


def _ascii_decode(words: Sequence[int]) -> str:
    raw = b"".join(word.to_bytes(2, "big") for word in words)
    return raw.replace(b"\x00", b"").decode("ascii", errors="replace").strip()


def _ascii_encode_for(count: int) -> Callable[[Any], list[int]]:
    def encode(value: Any) -> list[int]:
        raw = str(value).encode("ascii")
        if len(raw) > count * 2:
            raise CodecError(f"{value!r} is longer than {count * 2} characters")
        raw = raw.ljust(count * 2, b"\x00")
        return [int.from_bytes(raw[i : i + 2], "big") for i in range(0, len(raw), 2)]

    return encode


def _ct_ratio_decode(words: Sequence[int]) -> CtRatio:
    return CtRatio(_bcd_to_int(words[0], 4), _bcd_to_int(words[1], 4))


def _ct_ratio_encode(value: Any) -> list[int]:
    ratio = value if isinstance(value, CtRatio) else CtRatio.parse(str(value))
    return [_int_to_bcd(ratio.primary, 4), _int_to_bcd(ratio.secondary, 4)]


@dataclass(frozen=True)
class DataType:
    """How one register type is laid out, decoded, encoded, and edited."""

    name: str
    count: int
    manual_name: str
    widget: str
    decode_words: Callable[[Sequence[int]], Any]
    encode_value: Callable[[Any], list[int]]

    def decode(self, words: Sequence[int]) -> Any:
        """Decode exactly `count` register words into a Python value."""
        _check_words(words, self.count)
        return self.decode_words(words)

    def encode(self, value: Any) -> list[int]:
        """Encode a Python value into `count` register words; raises CodecError."""
        try:
            words = self.encode_value(value)
        except (TypeError, ValueError) as exc:
            if isinstance(exc, CodecError):
                raise
            raise CodecError(str(exc)) from exc
        _check_words(words, self.count)
        return words


FLOAT32 = DataType("float32", 2, "Float ABCD", "float", _float_decode, _float_encode)
INT16 = DataType("int16", 1, "Signed", "int", _int16_decode, _int16_encode)
BCD16 = DataType("bcd16", 1, "HEX (BCD-style)", "int", _bcd16_decode, _bcd16_encode)
BCD32 = DataType("bcd32", 2, "HEX (BCD-style)", "int", _bcd32_decode, _bcd32_encode)
BITS32 = DataType("bits32", 2, "HEX (bit field)", "hex", _bits32_decode, _bits32_encode)
ASCII1 = DataType("ascii1", 1, "ASCII", "text", _ascii_decode, _ascii_encode_for(1))
CT_RATIO = DataType("ct_ratio", 2, "two BCD words", "ratio", _ct_ratio_decode, _ct_ratio_encode)

TYPES: dict[str, DataType] = {t.name: t for t in (FLOAT32, INT16, BCD16, BCD32, BITS32, ASCII1,
                                                  CT_RATIO)}


def plain(value: Any) -> Any:
    """A value as JSON (numbers and text stay; other values as text; errors as None)."""
    if isinstance(value, Exception):
        return None
    if isinstance(value, (int, float, str, bool)) or value is None:
        return value
    return str(value)
