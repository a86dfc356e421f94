"""The published capture schema is the generated one, and bundles are checked against it."""

from __future__ import annotations

from pathlib import Path

import pytest

from configurator.errors import FileError
from configurator.services.capture import Capture, CapturedBlock, validate_capture
from configurator.services.capture_schema import schema_text

PUBLISHED = Path(__file__).resolve().parents[2] / "resources" / "capture.schema.json"


def test_published_schema_is_the_generated_one() -> None:
    assert PUBLISHED.read_text(encoding="utf-8") == schema_text(), (
        "resources/capture.schema.json is stale: run "
        "'python -m configurator.services.capture_schema > resources/capture.schema.json'")


def test_a_block_with_the_wrong_number_of_words_is_refused() -> None:
    capture = Capture(transport="modbus", connection="x", address=1,
                      identity={"model": "4PU", "serial": 1},
                      blocks=[CapturedBlock(0x4000, 3, (1, 2))])
    with pytest.raises(FileError, match="holds 2 words instead of 3"):
        validate_capture(capture.to_json(), "test")


def test_a_block_has_words_or_an_exception_not_both() -> None:
    doc = Capture(transport="modbus", connection="x", address=1,
                  blocks=[CapturedBlock(0x4000, 1, (1,))]).to_json()
    doc["modbus"]["blocks"][0]["exception"] = 2
    with pytest.raises(FileError, match="capture schema"):
        validate_capture(doc, "test")
