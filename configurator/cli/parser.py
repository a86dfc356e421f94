"""The argument parser's building blocks that keep `configurator --help` light.

Building the parser must not import what the commands use (the settings table, the restore
service, asyncio): help text and choices that come from such modules are filled in only when
they are shown or checked.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable, Iterator
from typing import Any

HelpCompleter = Callable[[argparse.ArgumentParser], None]


class CommandParser(argparse.ArgumentParser):
    """An ArgumentParser whose help text may be completed only when help is shown.

    `complete_help(parser)` runs once, just before the help is formatted: it may set the epilog
    or an argument's help from a module too heavy to import for every command. Subparsers are
    CommandParsers too (argparse gives them the class of their parent).
    """

    def __init__(self, *args: Any, complete_help: HelpCompleter | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._complete_help = complete_help

    def format_help(self) -> str:
        """The help text, completed first."""
        if self._complete_help is not None:
            complete, self._complete_help = self._complete_help, None
            complete(self)
        return super().format_help()


def set_help(parser: argparse.ArgumentParser, dest: str, text: str) -> None:
    """Set the help text of the argument stored in `dest` (for a `complete_help` function)."""
    for action in parser._actions:
        if action.dest == dest:
            action.help = text
            return
    raise KeyError(dest)


class LazyChoices:
    """An argument's choices, loaded by `load()` only when argparse checks or shows them.

    Set them on the action after `add_argument` (which formats the choices once to check the
    metavar): `parser.add_argument("action", help=...).choices = LazyChoices(load)`.
    """

    def __init__(self, load: Callable[[], Iterable[str]]) -> None:
        self._load = load
        self._choices: list[str] | None = None

    def _get(self) -> list[str]:
        if self._choices is None:
            self._choices = list(self._load())
        return self._choices

    def __iter__(self) -> Iterator[str]:
        return iter(self._get())

    def __contains__(self, value: object) -> bool:
        return value in self._get()

    def __len__(self) -> int:
        return len(self._get())


__all__ = ["CommandParser", "HelpCompleter", "LazyChoices", "set_help"]
