"""Writing files so that nobody ever sees half of one: a temporary file beside the target, then
a rename over it, keeping the target's permission bits.

A write that cannot be done (a read-only file, a folder we may not create files in, a full
disk) raises WriteError with a reason fit to show the user, and leaves the target as it was.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

_REASONS = {
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EROFS: "read-only file system",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.ENOENT: "the file or its folder was removed",
    errno.EFBIG: "file too large for the file system",
    errno.EIO: "input/output error",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EISDIR: "it is a folder",
}


class WriteError(OSError):
    """A file could not be written; the message (no path) says why, and the file is unchanged."""


def reason(exc: OSError) -> str:
    """A short reason for an OSError, without the temporary file's name."""
    return _REASONS.get(exc.errno or 0) or (exc.strerror or str(exc)).lower()


def _replace(path: Path, data: bytes, mode: int) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path`."""
    try:
        handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tqcheck")
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM):
            raise WriteError(f"its folder {path.parent} is not writable ({reason(exc)})") from None
        raise WriteError(f"cannot create a temporary file in {path.parent} ({reason(exc)})") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, path)
    except BaseException as exc:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
        if isinstance(exc, OSError) and not isinstance(exc, WriteError):
            raise WriteError(reason(exc)) from None
        raise


def replace_keeping_mode(path: Path, text: str) -> None:
    """Replace an existing file with UTF-8 `text`, keeping its permission bits. A read-only file
    (no write permission for anyone, or none for us) is refused: the rename would go through,
    but whoever made it read-only did not mean it to change."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError as exc:
        raise WriteError(reason(exc)) from None
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        raise WriteError("the file is read-only")
    _replace(path, text.encode("utf-8"), mode)


def write_new_file(path: Path, text: str) -> None:
    """Write a report or glossary so that readers never see a half-written file; WriteError
    names the file and the reason."""
    try:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError:  # a file where a folder of the path should be
            raise OSError(errno.ENOTDIR, "not a folder") from None
        if path.exists():
            mode = stat.S_IMODE(path.stat().st_mode)
        else:  # what open() would have given: mkstemp's private 0600 is wrong for a report
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        _replace(path, text.encode("utf-8"), mode)
    except OSError as exc:
        why = str(exc) if isinstance(exc, WriteError) else reason(exc)
        raise WriteError(f"cannot write {path}: {why}") from None
