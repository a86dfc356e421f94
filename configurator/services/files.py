"""Reading and writing the user's files safely: one place for every reader and writer.

Readers (`read_file_bytes`, `read_json_file`) open only regular files (a symbolic link is
followed, and what it points at must be a regular file too): a FIFO, a device such as
/dev/zero, a socket or a folder is refused before a byte is read, so nothing can hang or fill
the memory. A size cap bounds what is read. JSON is parsed strictly: a key given twice in one
object, nesting deeper than a limit (checked without recursion), NaN/Infinity and absurdly
long numbers are refused.

Writers (`write_file_atomic`) replace only regular files: a symbolic link, FIFO, device,
socket or folder at the target is refused (never replaced, never written through). The data
goes to a temporary file in the same folder (mode 0600), is flushed to disk, and is then
renamed over the target, so a reader sees the old file or the new one, never half of one.

Every refusal is a `FileError` (exit code 10) with one sentence that names the file.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import stat
import tempfile
from pathlib import Path
from typing import Any

from ..errors import FileError
from ..i18n import QT_TRANSLATE_NOOP, Message, Template

MiB = 1024 * 1024
MAX_JSON_BYTES = MiB  # a backup is a few KB; a state file of 247 meters some 100 KB
MAX_JSON_DEPTH = 64  # our documents nest 5 levels deep
MAX_NUMBER_CHARS = 40  # a float32 or a 64-bit integer needs far fewer
_READ_CHUNK = 64 * 1024

DEFAULT_WHAT = QT_TRANSLATE_NOOP("Errors", "File")
DEFAULT_EXPECTED = QT_TRANSLATE_NOOP("Errors", "a JSON document")


class TargetExistsError(FileError):
    """The target file exists and replacing it was not asked for."""


class _Refused(Exception):
    """Raised inside the JSON parser's hooks; carries the sentence (a Message)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


# --- kinds of file ------------------------------------------------------------------------

def _kind(mode: int) -> Template:
    """What a non-regular file is, as a phrase."""
    if stat.S_ISDIR(mode):
        return QT_TRANSLATE_NOOP("Errors", "a folder")
    if stat.S_ISFIFO(mode):
        return QT_TRANSLATE_NOOP("Errors", "a named pipe (FIFO)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return QT_TRANSLATE_NOOP("Errors", "a device")
    if stat.S_ISSOCK(mode):
        return QT_TRANSLATE_NOOP("Errors", "a socket")
    if stat.S_ISLNK(mode):
        return QT_TRANSLATE_NOOP("Errors", "a symbolic link")
    return QT_TRANSLATE_NOOP("Errors", "not a regular file")


def _size_text(size: int) -> str:
    if size >= MiB and size % MiB == 0:
        return f"{size // MiB} MiB"
    if size >= 1024 and size % 1024 == 0:
        return f"{size // 1024} KiB"
    return f"{size} bytes"


# --- reading --------------------------------------------------------------------------------

def _open_error(what: str, path: Path, exc: OSError) -> FileError:
    if exc.errno == errno.ENOENT:
        return FileError(QT_TRANSLATE_NOOP("Errors", "{what} {path} does not exist.").format(
            what=what, path=path))
    if exc.errno == errno.EISDIR:
        return FileError(QT_TRANSLATE_NOOP(
            "Errors", "{what} {path} is a folder, not a file.").format(what=what, path=path))
    if exc.errno == errno.ELOOP:
        return FileError(QT_TRANSLATE_NOOP(
            "Errors", "{what} {path} is a symbolic link that loops.").format(
            what=what, path=path))
    if exc.errno == errno.ENXIO:  # a socket, or a device without its driver
        return FileError(QT_TRANSLATE_NOOP(
            "Errors", "{what} {path} is not a regular file: refused.").format(
            what=what, path=path))
    return FileError(QT_TRANSLATE_NOOP("Errors", "{what} {path} cannot be read: {reason}.")
                     .format(what=what, path=path, reason=exc.strerror or exc))


def read_file_bytes(path: str | os.PathLike[str], *, what: str = DEFAULT_WHAT,
                    max_bytes: int = MAX_JSON_BYTES) -> bytes:
    """The content of the regular file at `path` (symlinks followed), at most `max_bytes`.

    `what` names the file in messages ("Backup file"). Raises FileError (one sentence) for a
    missing or unreadable file, anything that is not a regular file (FIFO, device, socket,
    folder: refused without reading or waiting), and a file larger than `max_bytes`.
    """
    where = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) \
        | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        before = os.stat(where)  # follows symlinks: the kind of what will be opened
    except OSError as exc:
        raise _open_error(what, where, exc) from None
    if not stat.S_ISREG(before.st_mode):
        raise _not_regular(what, where, before.st_mode)
    try:
        fd = os.open(where, flags)  # O_NONBLOCK: a FIFO swapped in now still cannot block us
    except OSError as exc:
        raise _open_error(what, where, exc) from None
    try:
        info = os.fstat(fd)  # what was really opened
        if not stat.S_ISREG(info.st_mode):
            raise _not_regular(what, where, info.st_mode)
        if info.st_size > max_bytes:
            raise _too_large(what, where, max_bytes)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(_READ_CHUNK, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:  # the file grew while we read it
                raise _too_large(what, where, max_bytes)
    except OSError as exc:
        raise FileError(QT_TRANSLATE_NOOP("Errors", "{what} {path} cannot be read: {reason}.")
                        .format(what=what, path=where, reason=exc.strerror or exc)) from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def _not_regular(what: str, path: Path, mode: int) -> FileError:
    if stat.S_ISDIR(mode):
        return FileError(QT_TRANSLATE_NOOP(
            "Errors", "{what} {path} is a folder, not a file.").format(what=what, path=path))
    return FileError(QT_TRANSLATE_NOOP(
        "Errors", "{what} {path} is {kind}, not a regular file: refused.").format(
        what=what, path=path, kind=_kind(mode)))


def _too_large(what: str, path: Path, limit: int) -> FileError:
    return FileError(QT_TRANSLATE_NOOP(
        "Errors", "{what} {path} is larger than {limit}: refused (this is not a file the "
        "configurator writes).").format(what=what, path=path, limit=_size_text(limit)))


_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


def json_depth_exceeds(text: str, limit: int) -> bool:
    """Whether JSON `text` nests arrays/objects more than `limit` deep (no recursion used)."""
    depth = 0
    for match in _BRACKET.finditer(_STRING.sub('""', text)):
        if match.group() in "[{":
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def _strict_hooks(what: str, path: Path) -> dict[str, Any]:
    """json.loads hooks: refuse duplicate keys, NaN/Infinity and overlong numbers."""
    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in items:
            if key in out:
                raise _Refused(QT_TRANSLATE_NOOP(
                    "Errors", "{what} {path} gives the key {key} twice in one object: refused, "
                    "since it is unclear which value is meant.").format(
                    what=what, path=path, key=json.dumps(key, ensure_ascii=False)[:60]))
            out[key] = value
        return out

    def number(text: str) -> Any:
        if len(text) > MAX_NUMBER_CHARS:
            raise _Refused(QT_TRANSLATE_NOOP(
                "Errors", "{what} {path} holds a number of {count} characters: refused as "
                "corrupt.").format(what=what, path=path, count=len(text)))
        return None

    def integer(text: str) -> int:
        number(text)
        return int(text)

    def decimal(text: str) -> float:
        number(text)
        value = float(text)
        if value in (float("inf"), float("-inf")):
            raise _Refused(QT_TRANSLATE_NOOP(
                "Errors", "{what} {path} holds the number {number}, too large for any "
                "value: refused as corrupt.").format(what=what, path=path, number=text))
        return value

    def constant(name: str) -> Any:
        raise _Refused(QT_TRANSLATE_NOOP(
            "Errors", "{what} {path} holds {constant}, which is not valid JSON.").format(
            what=what, path=path, constant=name))

    return {"object_pairs_hook": pairs, "parse_int": integer, "parse_float": decimal,
            "parse_constant": constant}


def parse_json_text(text: str, *, what: str = DEFAULT_WHAT, path: str | os.PathLike[str] = "",
                    max_depth: int = MAX_JSON_DEPTH) -> Any:
    """Parse JSON `text` strictly (see `read_json_file`); FileError names `what` and `path`."""
    where = Path(path)
    if json_depth_exceeds(text, max_depth):
        raise FileError(QT_TRANSLATE_NOOP(
            "Errors", "{what} {path} nests deeper than {limit} levels: refused (this is not a "
            "file the configurator writes).").format(what=what, path=where, limit=max_depth))
    try:
        return json.loads(text, **_strict_hooks(what, where))
    except _Refused as exc:
        raise FileError(exc.message) from None
    except json.JSONDecodeError as exc:
        kind = (QT_TRANSLATE_NOOP("Errors", "truncated") if exc.pos >= len(text.rstrip())
                else QT_TRANSLATE_NOOP("Errors", "corrupt"))
        raise FileError(QT_TRANSLATE_NOOP(
            "Errors", "{what} {path} is {kind}: invalid JSON at line {line}, column {column} "
            "({problem}).").format(what=what, path=where, kind=kind, line=exc.lineno,
                                   column=exc.colno, problem=exc.msg)) from None
    except (RecursionError, ValueError) as exc:  # a backstop: the checks above come first
        raise FileError(QT_TRANSLATE_NOOP(
            "Errors", "{what} {path} is corrupt: {problem}.").format(
            what=what, path=where, problem=type(exc).__name__)) from None


def read_json_file(path: str | os.PathLike[str], *, what: str = DEFAULT_WHAT,
                   max_bytes: int = MAX_JSON_BYTES, max_depth: int = MAX_JSON_DEPTH,
                   expected: str = DEFAULT_EXPECTED) -> Any:
    """The JSON document in the regular file at `path`, read safely and parsed strictly.

    For every reader of a user's JSON file (backups, templates, simulator state, captures):
    only a regular file of at most `max_bytes` is read (see `read_file_bytes`); it must be
    UTF-8 (a leading byte-order mark is allowed); a key given twice in one object, nesting
    deeper than `max_depth`, NaN/Infinity and numbers of absurd length are refused. `what`
    names the file at the start of each message ("Backup file"), `expected` says what it
    should be ("a configurator backup"). Raises FileError (exit 10) with one sentence.
    """
    where = Path(path)
    raw = read_file_bytes(where, what=what, max_bytes=max_bytes)
    if not raw.strip():
        raise FileError(QT_TRANSLATE_NOOP("Errors", "{what} {path} is empty.").format(
            what=what, path=where))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileError(QT_TRANSLATE_NOOP(
            "Errors", "{what} {path} is not {expected} (not UTF-8 text).").format(
            what=what, path=where, expected=expected)) from None
    return parse_json_text(text, what=what, path=where, max_depth=max_depth)


# --- writing --------------------------------------------------------------------------------

def check_writable_target(target: Path, *, overwrite: bool) -> None:
    """Refuse a target that is not a regular file (or, without `overwrite`, that exists)."""
    folder = target.parent
    if not folder.is_dir():
        raise FileError(QT_TRANSLATE_NOOP(
            "Errors", "Cannot write {path}: folder {folder} does not exist.").format(
            path=target, folder=folder))
    try:
        info = os.lstat(target)  # the entry itself: a symlink is not followed
    except FileNotFoundError:
        return
    except OSError as exc:
        raise FileError(QT_TRANSLATE_NOOP("Errors", "Cannot write {path}: {reason}.").format(
            path=target, reason=exc.strerror or exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise FileError(QT_TRANSLATE_NOOP("Errors", "Cannot write {path}: it is a folder.")
                        .format(path=target))
    if not stat.S_ISREG(info.st_mode):
        raise FileError(QT_TRANSLATE_NOOP(
            "Errors", "Cannot write {path}: it is {kind}, and only a regular file is ever "
            "replaced.").format(path=target, kind=_kind(info.st_mode)))
    if not overwrite:
        raise TargetExistsError(exists_text(target))


def exists_text(target: Path) -> Message:
    """The sentence for a file that exists and was kept."""
    return QT_TRANSLATE_NOOP("Errors", "{path} already exists; it was not replaced.").format(
        path=target)


def write_file_atomic(path: str | os.PathLike[str], data: str | bytes, *,
                      overwrite: bool = False) -> Path:
    """Create `path` with `data` atomically, or (with `overwrite`) replace a regular file there.

    A temporary file (mode 0600) in the same folder is written, flushed to disk and renamed
    over the target. Refused with FileError (one sentence): a missing folder, a target that is
    a folder, symbolic link, FIFO, device or socket; TargetExistsError for an existing file
    without `overwrite`. On any failure the old file, if any, is left intact and no temporary
    file stays behind. Returns the path written.
    """
    target = Path(path)
    check_writable_target(target, overwrite=overwrite)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = target.parent
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            check_writable_target(target, overwrite=True)  # again, just before the rename
            os.replace(tmp_name, target)
        else:
            _publish_new(tmp_name, target)
        tmp_name = None
        _sync_folder(folder)
    except OSError as exc:
        raise FileError(QT_TRANSLATE_NOOP("Errors", "Cannot write {path}: {reason}.").format(
            path=target, reason=exc.strerror or exc)) from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    return target


def _publish_new(tmp_name: str, target: Path) -> None:
    """Move the temp file to `target` only if nothing is there (no race window)."""
    try:
        os.link(tmp_name, target)
    except FileExistsError:
        raise TargetExistsError(exists_text(target)) from None
    except OSError:  # no hard links on this file system: check, then rename
        if os.path.lexists(target):
            raise TargetExistsError(exists_text(target)) from None
        os.replace(tmp_name, target)
        return
    os.unlink(tmp_name)


def _sync_folder(folder: Path) -> None:
    """Flush the folder entry of a rename to disk where the OS allows it (best effort)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


__all__ = ["MAX_JSON_BYTES", "MAX_JSON_DEPTH", "TargetExistsError", "check_writable_target",
           "exists_text", "json_depth_exceeds", "parse_json_text", "read_file_bytes",
           "read_json_file", "write_file_atomic"]
