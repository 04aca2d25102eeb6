"""On-disk embedding cache: one SQLite file, keyed by sha256(model id + exact text).

A CI re-run over unchanged documents must embed nothing, and two runs may share the cache at
the same time, so the file uses WAL journaling, a busy timeout and `INSERT OR IGNORE`
(vectors for the same key are identical, so whichever writer wins is right).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

_SCHEMA = "CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, dim INTEGER NOT NULL, data BLOB NOT NULL)"
# Word-level evidence of a sentence pair (pure function of the two texts and the settings).
_RESULTS = "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, data TEXT NOT NULL)"


def cache_key(model_id: str, text: str) -> str:
    return hashlib.sha256(f"{model_id}\x00{text}".encode()).hexdigest()


def cache_dir(configured: str | None = None) -> Path | None:
    """`embeddings/` in tqcheck's cache folder (the one of the word tables, which
    TQCHECK_CACHE_DIR moves), unless the config's `cache-dir` names the folder itself; the
    environment variable wins. `off` (or `none`) in either place disables the cache."""
    from tqcheck.core.cache import CACHE_ENV, DISABLED
    from tqcheck.core.cache import cache_dir as tqcheck_cache

    environment = os.environ.get(CACHE_ENV)
    chosen = environment or configured
    if chosen and chosen.strip().lower() in DISABLED:
        return None
    if configured and not environment:
        return Path(configured).expanduser()
    return tqcheck_cache() / "embeddings"


class EmbeddingCache:
    """Vectors by key; misses are simply absent from `get_many`'s answer."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "embeddings-v1.sqlite3"
        self._db = sqlite3.connect(self.path, timeout=30.0, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(_SCHEMA)
        self._db.execute(_RESULTS)

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        import numpy as np

        found: dict[str, np.ndarray] = {}
        unique = list(dict.fromkeys(keys))
        for i in range(0, len(unique), 500):  # stay under SQLite's bound-parameter limit
            chunk = unique[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(f"SELECT key, dim, data FROM vectors WHERE key IN ({marks})", chunk)
            for key, dim, data in rows:
                vector = np.frombuffer(data, dtype=np.float32)
                if vector.shape[0] == dim:
                    found[key] = vector
        return found

    def put_many(self, items: Mapping[str, np.ndarray] | Iterable[tuple[str, np.ndarray]]) -> None:
        import numpy as np

        pairs = items.items() if isinstance(items, Mapping) else items
        rows = [(key, int(v.shape[0]), np.asarray(v, dtype=np.float32).tobytes()) for key, v in pairs]
        if not rows:
            return
        with self._db:  # one transaction: concurrent readers see all or nothing
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany("INSERT OR IGNORE INTO vectors (key, dim, data) VALUES (?, ?, ?)", rows)

    def get_results(self, keys: Sequence[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        unique = list(dict.fromkeys(keys))
        for i in range(0, len(unique), 500):
            chunk = unique[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(self._db.execute(f"SELECT key, data FROM results WHERE key IN ({marks})", chunk))
        return found

    def put_results(self, items: Mapping[str, str]) -> None:
        if not items:
            return
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany("INSERT OR IGNORE INTO results (key, data) VALUES (?, ?)", list(items.items()))

    def close(self) -> None:
        self._db.close()


def open_cache(configured: str | None = None) -> EmbeddingCache | None:
    """The cache, or None when disabled or when the folder cannot be written (run uncached)."""
    folder = cache_dir(configured)
    if folder is None:
        return None
    try:
        return EmbeddingCache(folder)
    except (OSError, sqlite3.Error):
        return None
