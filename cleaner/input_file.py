"""Reading an input file: a regular file within the size limit, or an InputError saying why not.

A named pipe, a socket or a device can carry an input's name (`feed.txt`) without being a file:
opening a pipe waits for a writer that may never come, and a device such as `/dev/zero` never
ends. So the file's kind is asked before it is opened, and a batch reports it and goes on.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from .errors import InputTooLarge, UnreadableInput

KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def read_input(path: Path, max_bytes: int | None = None) -> bytes:
    """The bytes of the regular file at `path` (symbolic links followed).

    `max_bytes`, when given, is checked against the size before reading and against what was read
    (the file may grow in between): only max_bytes + 1 bytes are ever read."""
    status = _regular_file(path)
    if max_bytes is not None and status.st_size > max_bytes:
        raise InputTooLarge(f"{status.st_size:,} bytes is over the {max_bytes:,}-byte limit, skipped", str(path))
    with _open(path) as stream:
        try:
            data = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
        except OSError as error:
            raise UnreadableInput(f"cannot read ({error.strerror or error}), skipped", str(path)) from None
    if max_bytes is not None and len(data) > max_bytes:
        raise InputTooLarge(f"grew past the {max_bytes:,}-byte limit while being read, skipped", str(path))
    return data


def open_input(path: Path) -> BinaryIO:
    """The regular file at `path`, open for reading in binary (for a file read a line at a time)."""
    _regular_file(path)
    return _open(path)


def why_not_readable(path: Path) -> str | None:
    """Why `path` cannot be read as an input (its kind, a broken link), without opening it; None
    when it is a regular file."""
    try:
        _regular_file(path)
    except UnreadableInput as error:
        return error.reason
    return None


def _open(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except OSError as error:
        raise UnreadableInput(f"cannot read ({error.strerror or error}), skipped", str(path)) from None


def _regular_file(path: Path) -> os.stat_result:
    try:
        status = path.stat()
    except OSError as error:
        raise UnreadableInput(_why_not_found(path, error), str(path)) from None
    if not stat.S_ISREG(status.st_mode):
        kind = next((name for test, name in KINDS if test(status.st_mode)), "not a regular file")
        raise UnreadableInput(f"not a regular file ({kind}), skipped", str(path))
    return status


def _why_not_found(path: Path, error: OSError) -> str:
    if error.errno == errno.ENOENT and path.is_symlink():
        return "a broken symbolic link (its target does not exist), skipped"
    return f"cannot read ({error.strerror or error}), skipped"
