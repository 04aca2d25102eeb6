"""A file's bytes, read safely: regular files only, within a size cap, never blocking.

A FIFO or device named `x.md` would block a plain `open()` forever (a CI gate that hangs is
switched off), and a 100 MB file would be decoded and parsed whole: the reader refuses both
with a one-line reason before reading. The cap (`max-file-size`) is checked on the open file
(`fstat`), and the read stops one byte past it, so a file that grows meanwhile cannot slip by.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from tqcheck.core.config import DEFAULT_MAX_FILE_SIZE


class FileReadError(OSError):
    """Raised with a message fit to show the user as is."""


def describe_size(size: int) -> str:
    if size >= 1000 * 1000:
        return f"{size / 1e6:.1f} MB"
    if size >= 1000:
        return f"{size / 1e3:.1f} KB"
    return f"{size} bytes"


def read_file_bytes(path: Path, max_size: int | None = DEFAULT_MAX_FILE_SIZE) -> bytes:
    """The whole file, or FileReadError saying why not (missing, loop, not a regular file, too big)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError:
        raise FileReadError("is a directory") from None
    except FileNotFoundError:
        raise FileReadError("no such file (removed or a broken link)") from None
    except PermissionError:
        raise FileReadError("permission denied") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise FileReadError("symbolic link loop") from None
        raise FileReadError(f"cannot read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise FileReadError("is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise FileReadError(f"not a regular file ({_file_type(info.st_mode)}), not read")
        if max_size is not None and info.st_size > max_size:
            raise FileReadError(_too_big(info.st_size, max_size))
        chunks: list[bytes] = []
        total = 0
        limit = None if max_size is None else max_size + 1
        while True:
            chunk = os.read(fd, 1 << 20 if limit is None else min(1 << 20, limit - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if limit is not None and total >= limit:
                raise FileReadError(_too_big(total, max_size or 0, grew=True))
        return b"".join(chunks)
    except FileReadError:
        raise
    except OSError as exc:
        raise FileReadError(f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def _too_big(size: int, max_size: int, *, grew: bool = False) -> str:
    what = "grew past" if grew else f"is {describe_size(size)}, over"
    return f"file {what} max-file-size ({describe_size(max_size)}); raise max-file-size in the config to check it"


def _file_type(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a plain file"
