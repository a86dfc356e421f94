"""Value domains: what a setting accepts, how user text maps to it, and how it maps to raw.

A domain knows nothing about registers or transports; `settings.py` pairs a domain with the
register (or M-Bus record) that carries it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import InvalidValueError
from ..i18n import QT_TRANSLATE_NOOP
from .types import CodecError, CtRatio

# Numbers as users type them, in ASCII only (Python's int()/float() also take Unicode digits,
# "_" separators, signs, blanks, "inf" and "nan": none of these is a meter setting).
_INTEGER = re.compile(r"-?[0-9]{1,18}")
_DECIMAL = re.compile(r"[0-9]{1,18}(?:[.,][0-9]{1,18})?|[.,][0-9]{1,18}")
_DECIMAL_EXP = re.compile(r"(?:[0-9]{1,18}(?:[.,][0-9]{0,18})?|[.,][0-9]{1,18})"
                          r"(?:[eE][-+]?[0-9]{1,3})?")
_GROUPED = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]{0,2}(?:\.[0-9]{3})+")


class Domain:
    """Base class for a setting's set of allowed values."""

    widget = "text"

    def parse(self, key: str, text: str) -> Any:
        """Turn what a user typed into a typed value, or raise InvalidValueError."""
        raise NotImplementedError

    def check(self, key: str, value: Any) -> Any:
        """Return the value normalised, or raise InvalidValueError."""
        raise NotImplementedError

    def describe(self) -> str:
        """The allowed values, as a phrase ("1-247", "one of even, none, odd")."""
        raise NotImplementedError

    def to_raw(self, value: Any) -> Any:
        """The value as the register codec expects it."""
        return value

    def from_raw(self, raw: Any) -> Any:
        """The user value for a decoded register value; raises CodecError if unknown."""
        return raw

    def format(self, value: Any) -> str:
        """The value as shown to a user and accepted back by `parse`."""
        return str(value)

    def json_schema(self) -> dict[str, Any]:
        """A JSON Schema fragment for backup files."""
        return {}


@dataclass(frozen=True)
class IntRange(Domain):
    """An integer between `low` and `high` inclusive."""

    low: int
    high: int
    unit: str = ""
    widget = "int"

    def parse(self, key: str, text: str) -> int:
        cleaned = text.strip() if isinstance(text, str) else ""
        if self.unit and cleaned.lower().endswith(self.unit.lower()):
            cleaned = cleaned[: -len(self.unit)].strip()
        if not _INTEGER.fullmatch(cleaned):  # ASCII digits only: no "٢", "1_0", "+5", "0x10"
            raise InvalidValueError(key, text, self.describe())
        return self.check(key, int(cleaned, 10))

    def check(self, key: str, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidValueError(key, value, self.describe())
        if not self.low <= value <= self.high:
            raise InvalidValueError(key, value, self.describe())
        return value

    def from_raw(self, raw: Any) -> int:
        return int(raw)

    def describe(self) -> str:
        if self.unit:
            return QT_TRANSLATE_NOOP("Errors", "an integer {low}-{high} {unit}").format(
                low=self.low, high=self.high, unit=self.unit)
        return QT_TRANSLATE_NOOP("Errors", "an integer {low}-{high}").format(
            low=self.low, high=self.high)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": self.low, "maximum": self.high}


@dataclass(frozen=True)
class Choice(Domain):
    """One of a fixed set of values, each with its raw register value.

    Options may be words ("even") or numbers (9600, 0.01); numbers are matched numerically.
    """

    options: Mapping[Any, Any]
    unit: str = ""
    aliases: Mapping[str, Any] | None = None
    widget = "enum"

    def _numeric(self) -> bool:
        return all(isinstance(o, (int, float)) for o in self.options)

    def _fractional(self) -> bool:
        return any(isinstance(o, float) for o in self.options)

    def parse(self, key: str, text: str) -> Any:
        if not isinstance(text, str) or not text.isascii():  # no look-alike letters or digits
            raise InvalidValueError(key, text, self.describe())
        cleaned = text.strip().lower()
        if self.aliases and cleaned in self.aliases:
            return self.aliases[cleaned]
        if self._numeric():
            if self.unit and cleaned.endswith(self.unit.lower()):
                cleaned = cleaned[: -len(self.unit)].strip()
            return self._parse_number(key, text, cleaned)
        return self.check(key, cleaned)

    def _parse_number(self, key: str, text: str, cleaned: str) -> Any:
        """Read a number; "," or "." may be a decimal mark (0,1) or a thousands mark (2.000).

        Where both readings are allowed values ("1,000": 1000 or 1) the input is refused
        rather than guessed. Only ASCII digits: no sign, blank, "_", "inf" or "nan"; an
        exponent ("1e3") only where the options are fractional (the S0 rates).
        """
        number = _DECIMAL_EXP if self._fractional() else _DECIMAL
        if not (number.fullmatch(cleaned) or _GROUPED.fullmatch(cleaned)):
            raise InvalidValueError(key, text, self.describe())
        candidates = [cleaned.replace(",", ".")] if cleaned.count(",") <= 1 else []
        for mark in (",", "."):  # thousands grouping, English or German style
            if re.fullmatch(rf"[1-9][0-9]{{0,2}}(\{mark}[0-9]{{3}})+", cleaned):
                candidates.append(cleaned.replace(mark, ""))
        allowed = []
        for candidate in candidates:
            try:
                allowed.append(self.check(key, float(candidate)))
            except (ValueError, InvalidValueError):
                continue
        if len(set(allowed)) > 1:
            raise InvalidValueError(key, text, QT_TRANSLATE_NOOP(
                "Errors", "{allowed} (write the number without separators: the separator is "
                "ambiguous)").format(allowed=self.describe()))
        if not allowed:
            raise InvalidValueError(key, text, self.describe())
        return allowed[0]

    def check(self, key: str, value: Any) -> Any:
        for option in self.options:
            if isinstance(value, bool):
                break
            same_number = (
                isinstance(option, (int, float)) and isinstance(value, (int, float))
                and abs(option - value) <= 1e-9 * max(1.0, abs(option))
            )
            if option == value or same_number:
                return option
        raise InvalidValueError(key, value, self.describe())

    def to_raw(self, value: Any) -> Any:
        return self.options[value]

    def from_raw(self, raw: Any) -> Any:
        for option, option_raw in self.options.items():
            if isinstance(raw, float) or isinstance(option_raw, float):
                if abs(float(raw) - float(option_raw)) <= 1e-6 * max(1.0, abs(float(option_raw))):
                    return option
            elif raw == option_raw:
                return option
        raise CodecError(f"raw value {raw!r} is not one of the known codes")

    def format(self, value: Any) -> str:
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)

    def describe(self) -> str:
        return QT_TRANSLATE_NOOP("Errors", "one of {options}").format(
            options=", ".join(self.format(o) for o in self.options))

    def json_schema(self) -> dict[str, Any]:
        return {"enum": list(self.options)}


@dataclass(frozen=True)
class CtRatioDomain(Domain):
    """A CT ratio: primary 1-9999 A with /1, or 5-9995 A with /5 (manual 6.9)."""

    widget = "ratio"

    def parse(self, key: str, text: str) -> CtRatio:
        if not isinstance(text, str) or not text.isascii():  # CtRatio.parse: ASCII digits
            raise InvalidValueError(key, text, self.describe())
        try:
            ratio = CtRatio.parse(text)
        except ValueError:
            raise InvalidValueError(key, text, self.describe()) from None
        return self.check(key, ratio)

    def check(self, key: str, value: Any) -> CtRatio:
        if isinstance(value, str):
            return self.parse(key, value)
        if not isinstance(value, CtRatio):
            raise InvalidValueError(key, value, self.describe())
        if value.secondary == 1 and 1 <= value.primary <= 9999:
            return value
        if value.secondary == 5 and 5 <= value.primary <= 9995:
            return value
        raise InvalidValueError(key, str(value), self.describe())

    def from_raw(self, raw: Any) -> CtRatio:
        if not isinstance(raw, CtRatio):
            raise CodecError(f"not a CT ratio: {raw!r}")
        return raw

    def describe(self) -> str:
        return QT_TRANSLATE_NOOP("Errors",
                                 "a ratio primary/secondary: 1-9999/1 or 5-9995/5 (e.g. 100/5)")

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": r"^[0-9]{1,4}/[15]$"}


@dataclass(frozen=True)
class Digits(Domain):
    """A fixed number of decimal digits kept as text (M-Bus secondary address)."""

    length: int

    def parse(self, key: str, text: str) -> str:
        return self.check(key, text.strip())

    def check(self, key: str, value: Any) -> str:
        text = str(value)
        if not re.fullmatch(f"[0-9]{{{self.length}}}", text):
            raise InvalidValueError(key, value, self.describe())
        return text

    def describe(self) -> str:
        return QT_TRANSLATE_NOOP("Errors", "exactly {length} digits").format(length=self.length)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": f"^[0-9]{{{self.length}}}$"}
