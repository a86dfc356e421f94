"""Translations of the desktop app (Qt Linguist: .ts catalogues, compiled .qm files).

Strings that are defined where Qt must not be imported (the model's setting labels, help and
warnings; class-level page titles; the sentences of the services, model, protocol and transport
layers) are marked with `QT_TRANSLATE_NOOP(context, text)`; pyside6-lupdate recognises the name
and collects the string under that context. The marker returns a `Template`, a `str` equal to the
English text; `Template.format(**params)` returns a `Message`, a `str` equal to the formatted
English sentence that remembers context, template and parameters. The CLI prints it as it is;
the GUI shows it with `translated(message)` (configurator/ui/messages.py), which translates the
template and nested Messages. Plain texts are translated with `translate(context, text)`.

Refresh the catalogue after changing strings (see docs/translations.md):

    python -m configurator.i18n update     # pyside6-lupdate over configurator/, then lrelease
    python -m configurator.i18n release    # lrelease only (after editing a .ts by hand)

Never build a translatable string with an f-string: lupdate would collect the template with
the braces of the expressions. Use `tr("... {name} ...").format(name=...)`.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # every CLI command imports this module: the tools' imports wait for them
    from collections.abc import Callable
    from pathlib import Path

LANGUAGES = {"en": "English", "de": "Deutsch"}
CATALOGUE = "configurator"  # resources/i18n/configurator_<lang>.ts / .qm


class Message(str):
    """A sentence built from a marked template: equal to (and printed as) its English text,
    remembering the context, template and parameters so that the GUI can show it translated
    (`translated()`). Parameters that are Messages themselves are translated too."""

    context: str
    template: str
    params: dict[str, Any]

    def __new__(cls, text: str, context: str, template: str,
                params: dict[str, Any]) -> Message:
        self = super().__new__(cls, text)
        self.context = context
        self.template = template
        self.params = params
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Message, (str(self), self.context, self.template, self.params))


class Template(str):
    """A marked English text (from `QT_TRANSLATE_NOOP`); `.format(**params)` gives a Message."""

    context: str

    def __new__(cls, text: str, context: str) -> Template:
        self = super().__new__(cls, text)
        self.context = context
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Template, (str(self), self.context))

    def format(self, *args: Any, **params: Any) -> Message:
        """The English text with `params` filled in (named placeholders only)."""
        if args:
            raise TypeError("message templates take named placeholders only")
        return Message(str.format(self, **params), self.context, str(self), params)


def QT_TRANSLATE_NOOP(context: str, text: str) -> Template:  # noqa: N802 - the name lupdate knows
    """Mark `text` for translation in `context`; returns it as a Template equal to the text.

    lupdate collects the literal; the GUI translates it with `translate(context, text)`, or,
    after `.format(...)`, the resulting Message with `translated(message)`.
    """
    return Template(text, context)


def translate(context: str, text: str) -> str:
    """`text` in the UI language (unchanged before a Qt application exists or without Qt)."""
    if not text:
        return text
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is None:
        return text
    return qtcore.QCoreApplication.translate(context, text)


def translated(text: Any, translator: Callable[[str, str], str] | None = None) -> Any:
    """A Message or Template in the UI language (parameters that are Messages too); any other
    text unchanged. `translator(context, text)` defaults to Qt's (`translate`). A translation
    whose placeholders do not fit falls back to the English text."""
    tr = translator or translate
    if isinstance(text, Message):
        params = {key: translated(value, tr) for key, value in text.params.items()}
        try:
            return tr(text.context, text.template).format(**params)
        except (KeyError, IndexError, ValueError):
            return str(text)
    if isinstance(text, Template):
        return tr(text.context, str(text))
    return text


def message_of(exc: BaseException) -> Any:
    """An exception's sentence: the Message it was raised with, else `str(exc)`."""
    if len(exc.args) == 1 and isinstance(exc.args[0], (Message, Template)):
        return exc.args[0]
    return str(exc)


def i18n_dir() -> Path:
    """Where the catalogues are."""
    from .resources import resource_path

    return resource_path("i18n")


def source_dir() -> Path:
    """The package folder lupdate scans."""
    from pathlib import Path

    return Path(__file__).resolve().parent


def tool_path(name: str) -> str | None:
    """A Qt tool (pyside6-lupdate, pyside6-lrelease) beside this interpreter or on PATH."""
    import shutil
    from pathlib import Path

    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    return shutil.which(name)


def _tool(name: str) -> str:
    found = tool_path(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (it ships the Qt tools).")
    return found


def python_sources(root: Path | None = None) -> list[str]:
    """Every Python file of the package (sorted, so the catalogue is stable)."""
    base = root or source_dir()
    return sorted(str(p) for p in base.rglob("*.py") if "__pycache__" not in p.parts)


def run_lupdate(ts_files: list[Path], *, no_obsolete: bool = True) -> str:
    """Extract the strings of configurator/ into the .ts files; returns lupdate's output."""
    import subprocess

    args = [_tool("pyside6-lupdate"), *python_sources()]
    if no_obsolete:
        args.append("-no-obsolete")
    args += ["-locations", "none", "-ts", *map(str, ts_files)]
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


def run_lrelease(ts_file: Path, qm_file: Path) -> str:
    """Compile one catalogue."""
    import subprocess

    done = subprocess.run([_tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)],
                          capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


def catalogues() -> list[Path]:
    """The committed .ts files (one per language but English, the source language)."""
    return [i18n_dir() / f"{CATALOGUE}_{lang}.ts" for lang in LANGUAGES if lang != "en"]


def main(argv: list[str] | None = None) -> int:
    """`python -m configurator.i18n update|release`."""
    args = sys.argv[1:] if argv is None else argv
    command = args[0] if args else "update"
    if command not in ("update", "release"):
        print("usage: python -m configurator.i18n [update|release]", file=sys.stderr)
        return 2
    if command == "update":
        print(run_lupdate(catalogues()).strip())
    for ts in catalogues():
        print(run_lrelease(ts, ts.with_suffix(".qm")).strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
