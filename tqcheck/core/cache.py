"""The user cache folder: word tables derived from wordfreq, stored once and reused by every run.

Files are written atomically (temporary file + rename), so concurrent runs are safe, and a
read-only or missing folder only costs speed. `TQCHECK_CACHE_DIR` moves the folder; `off`
keeps everything in memory.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Callable
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import BinaryIO, TypeVar

T = TypeVar("T")

CACHE_ENV = "TQCHECK_CACHE_DIR"
DISABLED = ("off", "none", "false", "0")
# set by the command line (and so inherited by its workers): say on stderr when a table is
# built, so that a slow first run explains itself; the Python API stays silent
NOTICE_ENV = "TQCHECK_BUILD_NOTICE"
_announced: set[str] = set()


def building(name: str) -> None:
    """A one-line notice on stderr, once per process, that word tables are being built."""
    if not os.environ.get(NOTICE_ENV) or _announced:
        return
    _announced.add(name)
    import sys

    where = cache_dir() if cache_enabled() else "memory (TQCHECK_CACHE_DIR=off)"
    print(f"tqcheck: building word tables in {where} (once; keep this folder cached in CI)", file=sys.stderr)


def cache_enabled() -> bool:
    """`TQCHECK_CACHE_DIR=off` (as for the embedding cache) keeps everything in memory."""
    return os.environ.get(CACHE_ENV, "").strip().lower() not in DISABLED


def cache_dir() -> Path:
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("tqcheck", appauthor=False))


@cache
def wordfreq_version() -> str:
    try:
        return metadata.version("wordfreq")
    except metadata.PackageNotFoundError:  # pragma: no cover - wordfreq is a dependency
        return "unknown"


def cache_path(name: str, suffix: str = ".pickle") -> Path:
    """The file of a table derived from wordfreq; its name carries wordfreq's version, so an
    upgrade rebuilds every table, and `name` carries the caller's own format version."""
    return cache_dir() / f"wordfreq-{wordfreq_version()}-{name}{suffix}"


def _is_dict(value: object) -> bool:
    return isinstance(value, dict)


def disk_cached(name: str, build: Callable[[], T], valid: Callable[[object], bool] = _is_dict) -> T:
    """A pickled table: loaded from the cache folder, else built once and stored."""
    path = cache_path(name)
    if cache_enabled():
        try:
            with path.open("rb") as handle:
                value = pickle.load(handle)
            if valid(value):
                return value  # type: ignore[no-any-return]
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
            pass
    building(name)
    value = build()
    store(path, lambda out: pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL))
    return value


def store(path: Path, write: Callable[[BinaryIO], object]) -> bool:
    """Write a cache file atomically with `write(binary file)`; False when it could not be
    written (best effort: the caller keeps its in-memory value)."""
    if not cache_enabled():
        return False
    temp_name = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            write(out)
        os.replace(temp_name, path)
        return True
    except OSError:
        if temp_name is not None:
            Path(temp_name).unlink(missing_ok=True)
        return False
