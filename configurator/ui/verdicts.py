"""How the one verdict vocabulary (model/verdicts.py) looks in the window: note kinds and
table colours, readable without colour too (every verdict also shows its word)."""

from __future__ import annotations

from ..model.verdicts import Verdict
from ..services.report.document import VERDICT_STYLE

# The note kinds of ui/pages/base.py `note()` / `set_note()`.
NOTE_KIND: dict[Verdict, str] = {Verdict.PASS: "ok", Verdict.WARN: "warning",
                                 Verdict.CANNOT_JUDGE: "warning", Verdict.FAIL: "error"}
# (text colour, background) of a verdict cell: the report's colours (one table).
COLOURS: dict[Verdict, tuple[str, str]] = VERDICT_STYLE
