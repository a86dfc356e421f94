"""A JSON Schema generated from the tables and published as a file under resources/.

`backup_schema` and `capture_schema` each build their schema and publish it through one
`PublishedSchema`: the text is generated once, the parsed schema is a fresh copy per call,
and `main` prints the text that the committed file must equal (a test compares them).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import cached_property
from typing import Any


class PublishedSchema:
    """The published form of the schema `build()` returns."""

    def __init__(self, build: Callable[[], dict[str, Any]]) -> None:
        self._build = build

    @cached_property
    def text(self) -> str:
        """The schema exactly as published: indented JSON, UTF-8 characters kept, a newline."""
        return json.dumps(self._build(), indent=2, ensure_ascii=False) + "\n"

    def schema(self) -> dict[str, Any]:
        """The schema (a fresh copy each call)."""
        parsed: dict[str, Any] = json.loads(self.text)
        return parsed

    def main(self) -> int:
        """Print the schema (the published file is this output)."""
        sys.stdout.write(self.text)
        return 0
