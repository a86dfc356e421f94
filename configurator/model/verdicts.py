"""The one verdict vocabulary: every check (checksum, wiring, report) ends in a `Verdict`.

The enum's values are the words written to JSON (`report --json`, `check --json`); "ok" is
the word the report published first. `WORDS` are the words shown to people (CLI, GUI, PDF),
marked for translation. `worst` combines verdicts: a failure outweighs a check that could not
be judged, which outweighs a warning, which outweighs a pass.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

from ..i18n import QT_TRANSLATE_NOOP, Template


class Verdict(str, Enum):
    """The outcome of one check."""

    PASS = "ok"  # judged, and as expected
    WARN = "warning"  # judged: unusual, may be legitimate; a person should look
    CANNOT_JUDGE = "cannot-judge"  # not enough to go on (no load, a value not read): never a pass
    FAIL = "fail"  # judged, and wrong

    def __str__(self) -> str:
        return self.value

    @property
    def severity(self) -> int:
        """0 pass, 1 warning, 2 cannot judge, 3 fail (for `worst`)."""
        return _SEVERITY[self]

    @property
    def word(self) -> Template:
        """The word shown to people (PASS, CHECK, CANNOT JUDGE, FAIL), translatable."""
        return WORDS[self]

    @property
    def passed(self) -> bool:
        """Whether this verdict needs nothing from anyone."""
        return self is Verdict.PASS


_SEVERITY = {Verdict.PASS: 0, Verdict.WARN: 1, Verdict.CANNOT_JUDGE: 2, Verdict.FAIL: 3}
WORDS: dict[Verdict, Template] = {
    Verdict.PASS: QT_TRANSLATE_NOOP("Report", "PASS"),
    Verdict.WARN: QT_TRANSLATE_NOOP("Report", "CHECK"),
    Verdict.CANNOT_JUDGE: QT_TRANSLATE_NOOP("Report", "CANNOT JUDGE"),
    Verdict.FAIL: QT_TRANSLATE_NOOP("Report", "FAIL"),
}


def worst(verdicts: Iterable[Verdict]) -> Verdict:
    """The most severe of `verdicts`; PASS for none."""
    found = list(verdicts)
    return max(found, key=lambda v: v.severity) if found else Verdict.PASS


def parse_verdict(value: Verdict | str) -> Verdict:
    """A Verdict from itself or its JSON word; raises ValueError for anything else."""
    return value if isinstance(value, Verdict) else Verdict(str(value))


__all__ = ["WORDS", "Verdict", "parse_verdict", "worst"]
