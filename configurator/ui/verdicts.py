"""How the one verdict vocabulary (model/verdicts.py) looks in the window: note kinds and
table colours, readable without colour too (every verdict also shows its word)."""

from __future__ import annotations

from ..model.verdicts import Verdict

# The note kinds of ui/pages/base.py `note()` / `set_note()`.
NOTE_KIND: dict[Verdict, str] = {Verdict.PASS: "ok", Verdict.WARN: "warning",
                                 Verdict.CANNOT_JUDGE: "warning", Verdict.FAIL: "error"}
# (text colour, background) of a verdict cell; the report uses the same colours.
COLOURS: dict[Verdict, tuple[str, str]] = {
    Verdict.PASS: ("#1e7b34", "#e6f4ea"),
    Verdict.WARN: ("#8a5a00", "#fff4d6"),
    Verdict.CANNOT_JUDGE: ("#4a4f57", "#eceff3"),
    Verdict.FAIL: ("#b00020", "#fde7ea"),
}
