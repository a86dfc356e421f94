"""Texts built by the services, model and protocol layers, shown in the UI language.

Those layers stay free of Qt: they build their sentences from templates marked with
`QT_TRANSLATE_NOOP(context, "... {name} ...").format(name=...)`, which gives a `Message` equal to
the English text (what the CLI prints). The GUI passes every such text through `translated()`
before showing it; plain strings pass unchanged.
"""

from __future__ import annotations

from typing import Any

from ..i18n import Message, Template, message_of
from ..i18n import translated as _translated

__all__ = ["Message", "Template", "error_message", "translated"]


def translated(text: Any) -> str:
    """`text` in the UI language if it is a Message or Template, else unchanged (as str)."""
    if text is None:
        return ""
    result = _translated(text)
    return result if isinstance(result, str) else str(result)


def error_message(exc: BaseException) -> str:
    """An exception's sentence in the UI language."""
    return translated(message_of(exc))
