"""services/files.py on real files, FIFOs, symlinks, folders and devices: nothing hangs, nothing
fills the memory, nothing but a regular file is ever replaced."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from configurator.errors import ExitCode, FileError
from configurator.services.files import (
    MAX_JSON_DEPTH,
    TargetExistsError,
    json_depth_exceeds,
    parse_json_text,
    read_file_bytes,
    read_json_file,
    write_file_atomic,
)

FAST = settings(max_examples=200, deadline=None, database=None)


def refused(call, *words: str) -> FileError:
    with pytest.raises(FileError) as info:
        call()
    text = str(info.value)
    assert info.value.exit_code == ExitCode.FILE
    assert "\n" not in text and text.endswith(".")
    for word in words:
        assert word in text, text
    return info.value


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    refused(lambda: read_json_file(fifo, what="Backup file"), str(fifo), "FIFO")


def test_a_symlink_to_a_device_is_refused_before_reading(tmp_path: Path) -> None:
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    refused(lambda: read_json_file(link), str(link), "device")


def test_folders_missing_files_and_loops(tmp_path: Path) -> None:
    refused(lambda: read_json_file(tmp_path), "folder")
    refused(lambda: read_json_file(tmp_path / "nope.json"), "does not exist")
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop)
    refused(lambda: read_json_file(loop), str(loop))


def test_a_symlink_to_a_regular_file_is_read(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_text('{"a": 1}')
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert read_json_file(link) == {"a": 1}


def test_size_cap(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b"{}" + b" " * 2048)
    refused(lambda: read_file_bytes(big, max_bytes=1024), "larger than 1 KiB")
    assert read_file_bytes(big, max_bytes=4096).startswith(b"{}")


def test_200000_levels_of_nesting_are_refused_without_recursion(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000 + "]" * 200_000)
    refused(lambda: read_json_file(deep), "nests deeper than")
    objects = tmp_path / "objects.json"
    objects.write_text('{"a":' * 100_000 + "1" + "}" * 100_000)
    refused(lambda: read_json_file(objects), "nests deeper than")


def test_brackets_inside_strings_are_not_nesting() -> None:
    text = json.dumps({"note": "[" * 500 + '\\"{' * 100})
    assert not json_depth_exceeds(text, 3)
    assert parse_json_text(text) == json.loads(text)


def test_duplicate_keys_are_refused_anywhere(tmp_path: Path) -> None:
    path = tmp_path / "dup.json"
    path.write_text('{"settings": {"tariff": 1, "tariff": 4}}')
    refused(lambda: read_json_file(path, what="Backup file"), '"tariff"', "twice")
    path.write_text('[{"a": [{"x": 1, "x": 1}]}]')
    refused(lambda: read_json_file(path), '"x"', "twice")


@pytest.mark.parametrize(("text", "word"), [
    ('{"a": NaN}', "NaN"), ('{"a": Infinity}', "Infinity"), ('{"a": -Infinity}', "Infinity"),
    ('{"a": 1e400}', "too large"), ('{"a": ' + "9" * 5000 + "}", "5000 characters"),
    ('{"a": 1', "truncated"), ('{"a": 1,, }', "corrupt"), ("   ", "empty"),
])
def test_non_json_numbers_and_broken_text(tmp_path: Path, text: str, word: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(text)
    refused(lambda: read_json_file(path), word)


def test_not_utf8_and_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(b"\xff\xfe{}")
    refused(lambda: read_json_file(path, expected="a configurator backup"),
            "not a configurator backup")
    path.write_bytes(b'\xef\xbb\xbf{"a": 2}')
    assert read_json_file(path) == {"a": 2}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner,
                                                                 max_size=4),
    max_leaves=30)


@FAST
@given(json_values)
def test_every_plain_json_document_reads_as_json_reads_it(value: object) -> None:
    text = json.dumps(value)
    assert parse_json_text(text) == json.loads(text)


@FAST
@given(st.integers(1, 3 * MAX_JSON_DEPTH))
def test_depth_limit_is_exact(depth: int) -> None:
    text = "[" * depth + "]" * depth
    if depth <= MAX_JSON_DEPTH:
        assert parse_json_text(text) == json.loads(text)
    else:
        with pytest.raises(FileError):
            parse_json_text(text)


# --- writing --------------------------------------------------------------------------------

def test_new_files_are_0600_and_existing_ones_need_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    write_file_atomic(path, "one")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and path.read_text() == "one"
    with pytest.raises(TargetExistsError):
        write_file_atomic(path, "two")
    assert path.read_text() == "one"
    path.chmod(0o644)
    write_file_atomic(path, "two", overwrite=True)
    assert path.read_text() == "two" and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.json"]  # no temp file left


def test_a_fifo_symlink_or_folder_is_never_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    refused(lambda: write_file_atomic(fifo, "x", overwrite=True), str(fifo), "FIFO")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    target = tmp_path / "target"
    target.write_text("keep")
    link = tmp_path / "link"
    link.symlink_to(target)
    refused(lambda: write_file_atomic(link, "x", overwrite=True), "symbolic link")
    assert link.is_symlink() and target.read_text() == "keep"
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "nowhere")
    refused(lambda: write_file_atomic(dangling, "x", overwrite=True), "symbolic link")
    refused(lambda: write_file_atomic(dangling, "x"), "symbolic link")
    assert not (tmp_path / "nowhere").exists()
    folder = tmp_path / "dir"
    folder.mkdir()
    refused(lambda: write_file_atomic(folder, "x", overwrite=True), "folder")
    refused(lambda: write_file_atomic(tmp_path / "no" / "x", "x"), "does not exist")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dangling", "dir", "link", "pipe",
                                                          "target"]


def test_a_device_node_is_never_replaced(tmp_path: Path) -> None:
    node = tmp_path / "full"
    try:
        os.mknod(node, 0o600 | stat.S_IFCHR, os.makedev(1, 7))  # what /dev/full is
    except PermissionError:
        pytest.skip("creating a device node needs root (CAP_MKNOD)")
    refused(lambda: write_file_atomic(node, "x", overwrite=True), "device")
    assert stat.S_ISCHR(os.lstat(node).st_mode)
