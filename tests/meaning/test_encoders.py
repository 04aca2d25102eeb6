"""Encoders (both real backends), loaded once and not at all when every vector is cached."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tqcheck.meaning import encoders as embeddings
from tqcheck.meaning.encoders import Embedder, ModelUnavailable, canonical_name, load_encoder
from tqcheck.meaning.vector_store import EmbeddingCache

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


def test_fully_cached_rerun_embeds_nothing_and_loads_no_model(tmp_path: Path) -> None:
    first = Embedder("use", cache=EmbeddingCache(tmp_path))
    vectors = first.embed(SENTENCES)
    assert first.encoded == 3
    again = Embedder("use", cache=EmbeddingCache(tmp_path))
    assert np.allclose(again.embed(SENTENCES + SENTENCES[:1]), np.vstack([vectors, vectors[:1]]))
    assert again.encoded == 0 and again._encoder is None
