"""Pair evidence (the word signals of a compared pair) is stored and reused on the next run."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import FIXTURES

from tqcheck.meaning.encoders import Embedder
from tqcheck.meaning.vector_store import EmbeddingCache


def test_pair_evidence_is_cached_and_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tqcheck.meaning import comparison as drift
    from tqcheck.meaning import evidence
    from tqcheck.meaning.score_inputs import from_table
    from tqcheck.meaning.score_output import to_json

    table = FIXTURES / "drift" / "pairs.tsv"

    def run() -> str:
        data = from_table(table, "fr", "fr")
        embedder = Embedder("use", cache=EmbeddingCache(tmp_path))
        report = drift.compare(data.source, data.other, embedder, mode=data.mode, links=data.links)
        return to_json(report, data)

    first = run()

    def must_not_run(*args: object, **kwargs: object) -> None:
        if args and args[0]:
            raise AssertionError("word evidence recomputed for cached pairs")

    monkeypatch.setattr(evidence, "detect", must_not_run)
    assert run() == first
