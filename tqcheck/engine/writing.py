"""Writing files so that nobody ever sees half of one: a temporary file beside the target, then
a rename over it, keeping the target's permission bits."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def _replace(path: Path, data: bytes, mode: int) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path`."""
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tqcheck")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, path)
    except BaseException:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
        raise


def replace_keeping_mode(path: Path, text: str) -> None:
    """Replace an existing file with UTF-8 `text`, keeping its permission bits."""
    _replace(path, text.encode("utf-8"), stat.S_IMODE(path.stat().st_mode))


def write_new_file(path: Path, text: str) -> None:
    """Write a report or glossary so that readers never see a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        mode = stat.S_IMODE(path.stat().st_mode)
    else:  # what open() would have given: mkstemp's private 0600 is wrong for a report
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    _replace(path, text.encode("utf-8"), mode)
