"""The three meter models and the manual's software checksum table (4.3)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..i18n import QT_TRANSLATE_NOOP, Message
from .verdicts import Verdict


@dataclass(frozen=True)
class ModelInfo:
    """Facts about one meter model that do not live in registers."""

    code: str  # short name used on the command line: 4PU, 4PS, 2PUCT
    article: str  # WAGO article number
    title: str
    meter_code: int  # value of REGISTERS["meter_code"], read as BCD
    max_current_a: int  # Imax (section 4), on the meter's own terminals
    has_ct: bool


class Model(Enum):
    """A WAGO 879-30xx meter model (value: ModelInfo)."""

    PU4 = ModelInfo("4PU", "879-3000", "879-3000 4PU", 1111, 65, False)
    PS4 = ModelInfo("4PS", "879-3020", "879-3020 4PS", 1112, 65, False)
    PUCT2 = ModelInfo("2PUCT", "879-3040", "879-3040 2PU CT", 1113, 5, True)

    @property
    def info(self) -> ModelInfo:
        """The model's static facts."""
        return self.value

    @classmethod
    def from_meter_code(cls, code: int) -> Model | None:
        """The model whose meter-code register reads `code`, or None."""
        for model in cls:
            if model.info.meter_code == code:
                return model
        return None

    @classmethod
    def parse(cls, text: str) -> Model:
        """Accept 4PU, 4ps, 2PUCT, "2PU CT", 879-3040 ...; raises ValueError."""
        wanted = text.replace(" ", "").replace("_", "").upper()
        for model in cls:
            if wanted in (model.info.code, model.info.article, model.info.article.replace("-", "")):
                return model
        names = ", ".join(m.info.code for m in cls)
        raise ValueError(f"unknown meter model {text!r}; known: {names}")


ALL_MODELS: frozenset[Model] = frozenset(Model)
CT_ONLY: frozenset[Model] = frozenset({Model.PUCT2})

# Manual 4.3 "Software Version Checksum": version -> expected checksum, per model family.
CHECKSUMS: dict[str, dict[str, int]] = {
    "4PU/4PS": {
        "1.18": 27325923,
        "1.21": 27327238,
        "1.26": 59269903,
        "1.28": 59268366,
        "1.34": 59268366,
    },
    "2PU CT": {
        "1.02": 59629173,
        "1.03": 59607739,
        "1.04": 59811839,
    },
}


def checksum_family(model: Model) -> str:
    """Which column of table 4.3 a model belongs to."""
    return "2PU CT" if model.info.has_ct else "4PU/4PS"


class ChecksumVerdict(str, Enum):
    """How a meter's software checksum compares with the manual's table 4.3.

    The values are the words backups publish (resources/backup.schema.json); `verdict` is the
    one mapping onto the common `Verdict` that the CLI, the GUI and the report use.
    """

    OK = "ok"
    MISMATCH = "mismatch"
    UNKNOWN_VERSION = "unknown-version"  # a software version the table does not list
    UNREADABLE = "unreadable"  # the checksum or software version did not decode
    UNAVAILABLE = "unavailable"  # the transport does not carry them (M-Bus)

    def __str__(self) -> str:
        return self.value

    @property
    def verdict(self) -> Verdict:
        """The common verdict: a mismatch fails, an unlisted version warns, no figures at all
        cannot be judged."""
        return _CHECKSUM_VERDICTS[self]

    @classmethod
    def of(cls, value: ChecksumVerdict | str) -> ChecksumVerdict:
        """The enum member for itself or its published word; UNREADABLE for anything else."""
        try:
            return value if isinstance(value, cls) else cls(str(value))
        except ValueError:
            return cls.UNREADABLE


_CHECKSUM_VERDICTS = {
    ChecksumVerdict.OK: Verdict.PASS,
    ChecksumVerdict.MISMATCH: Verdict.FAIL,
    ChecksumVerdict.UNKNOWN_VERSION: Verdict.WARN,
    ChecksumVerdict.UNREADABLE: Verdict.CANNOT_JUDGE,
    ChecksumVerdict.UNAVAILABLE: Verdict.CANNOT_JUDGE,
}
UNREADABLE_CHECKSUM = QT_TRANSLATE_NOOP(
    "Services", "The checksum or software version did not decode.")


def check_checksum(model: Model, software_version: float, checksum: int
                   ) -> tuple[ChecksumVerdict, Message]:
    """Compare a meter's checksum with table 4.3.

    Returns (verdict, sentence): OK, MISMATCH or UNKNOWN_VERSION, and why.
    """
    version = f"{software_version:.2f}"
    table = CHECKSUMS[checksum_family(model)]
    if version not in table:
        known = ", ".join(f"V{v}" for v in table)
        return ChecksumVerdict.UNKNOWN_VERSION, QT_TRANSLATE_NOOP(
            "Services", "Software V{version} is not in the manual's checksum table (known: "
            "{known}).").format(version=version, known=known)
    expected = table[version]
    if expected == checksum:
        return ChecksumVerdict.OK, QT_TRANSLATE_NOOP(
            "Services", "Checksum {checksum} matches V{version} in the manual's table 4.3."
        ).format(checksum=checksum, version=version)
    return ChecksumVerdict.MISMATCH, QT_TRANSLATE_NOOP(
        "Services", "Checksum {checksum} does NOT match V{version} (expected {expected}, "
        "manual 4.3): contact WAGO support before using this meter for billing.").format(
        checksum=checksum, version=version, expected=expected)
