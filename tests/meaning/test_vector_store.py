"""The on-disk embedding cache: round trip, switched off, where it lives, concurrent writers."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import numpy as np
import pytest

from tqcheck.meaning.vector_store import EmbeddingCache, cache_dir, cache_key, open_cache


def test_cache_round_trip_and_disable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = EmbeddingCache(tmp_path)
    vector = np.arange(4, dtype=np.float32)
    cache.put_many({"k": vector})
    cache.put_many({"k": vector})  # idempotent
    assert np.array_equal(cache.get_many(["k", "missing"])["k"], vector)
    assert cache_key("m", "a") != cache_key("m", "a ") != cache_key("n", "a")
    monkeypatch.setenv("TQCHECK_CACHE_DIR", "off")
    assert cache_dir("/somewhere") is None and open_cache() is None
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path / "env"))
    assert cache_dir("/somewhere") == tmp_path / "env" / "embeddings"  # next to the word tables
    assert cache_dir() == tmp_path / "env" / "embeddings"
    monkeypatch.delenv("TQCHECK_CACHE_DIR")
    assert cache_dir("/somewhere") == Path("/somewhere")  # the config names the folder itself


def _writer(folder: str, seed: int) -> None:
    cache = EmbeddingCache(Path(folder))
    rng = np.random.default_rng(seed)
    for batch in range(20):
        cache.put_many({f"key-{batch}-{i}": rng.random(8, dtype=np.float32) for i in range(50)})


def test_cache_is_safe_under_concurrent_writers(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_writer, args=(str(tmp_path), seed)) for seed in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    found = EmbeddingCache(tmp_path).get_many([f"key-{b}-{i}" for b in range(20) for i in range(50)])
    assert len(found) == 1000
