"""Encoders (both real backends) and the on-disk cache."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import numpy as np
import pytest

from tqcheck.meaning import encoders as embeddings
from tqcheck.meaning.encoders import Embedder, ModelUnavailable, canonical_name, load_encoder
from tqcheck.meaning.vector_store import EmbeddingCache, cache_dir, cache_key, open_cache

SENTENCES = ["The talks resumed on Monday.", "Les discussions ont repris lundi.", "It rained all week."]


def test_use_is_the_default_and_cross_lingual() -> None:
    encoder = load_encoder()
    vectors = encoder.encode(SENTENCES)
    assert vectors.shape == (3, 512) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2  # same meaning across languages
    assert load_encoder("USE") is encoder  # loaded once per run


def test_minilm_short_name_runs_sentence_transformers_offline() -> None:
    encoder = load_encoder("minilm")
    assert isinstance(encoder, embeddings.SentenceTransformerEncoder)
    vectors = encoder.encode(["The talks resumed on Monday.", "Negotiations restarted on Monday.", "It rained."])
    assert vectors.shape == (3, 384)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2
    assert canonical_name("all-MiniLM-L6-v2") == "minilm"


def test_unknown_model_says_how_to_provide_it() -> None:
    with pytest.raises(ModelUnavailable, match="local model folder"):
        load_encoder("no-such-org/no-such-model")


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


def test_fully_cached_rerun_embeds_nothing_and_loads_no_model(tmp_path: Path) -> None:
    first = Embedder("use", cache=EmbeddingCache(tmp_path))
    vectors = first.embed(SENTENCES)
    assert first.encoded == 3
    again = Embedder("use", cache=EmbeddingCache(tmp_path))
    assert np.allclose(again.embed(SENTENCES + SENTENCES[:1]), np.vstack([vectors, vectors[:1]]))
    assert again.encoded == 0 and again._encoder is None


def test_pair_evidence_is_cached_and_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tqcheck.meaning import comparison as drift
    from tqcheck.meaning.score_inputs import from_table
    from tqcheck.meaning.score_output import to_json

    table = Path(__file__).resolve().parents[2] / "fixtures" / "drift" / "pairs.tsv"

    def run() -> str:
        data = from_table(table, "fr", "fr")
        embedder = Embedder("use", cache=EmbeddingCache(tmp_path))
        report = drift.compare(data.source, data.other, embedder, mode=data.mode, links=data.links)
        return to_json(report, data)

    first = run()

    def must_not_run(*args: object, **kwargs: object) -> None:
        if args and args[0]:
            raise AssertionError("word evidence recomputed for cached pairs")

    monkeypatch.setattr(drift, "_signals", must_not_run)
    assert run() == first
