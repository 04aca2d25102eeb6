"""Word tables in the cache folder: stored once, mapped on later runs, rebuilt when damaged."""

from __future__ import annotations

from pathlib import Path

import pytest

from tqcheck.core.cache import cache_path
from tqcheck.language import trie_store


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path))
    return tmp_path


def _counting(table: dict[str, int], calls: list[int]):  # type: ignore[no-untyped-def]
    def build() -> dict[str, int]:
        calls.append(1)
        return table

    return build


def test_values_are_built_once_then_mapped(cache: Path) -> None:
    table = {"assemblée": 412, "rue": 530, "zèbre": 250}
    calls: list[int] = []
    first = trie_store.word_values("t-v1", _counting(table, calls))
    again = trie_store.word_values("t-v1", _counting(table, calls))
    assert calls == [1]
    for loaded in (first, again):
        assert {key: loaded.get(key) for key in table} == table
        assert loaded.get("absent") == 0 and "absent" not in loaded and "rue" in loaded
        assert len(loaded) == 3 and dict(loaded.items()) == table


def test_damaged_or_mismatched_files_are_rebuilt(cache: Path) -> None:
    table = {"a": 1, "b": 2}
    calls: list[int] = []
    trie_store.word_values("t-v1", _counting(table, calls))
    cache_path("t-v1", ".marisa").write_bytes(b"not a trie")
    assert trie_store.word_values("t-v1", _counting(table, calls)).get("b") == 2
    cache_path("t-v1", ".values").write_bytes(b"\x01")  # sizes disagree
    assert trie_store.word_values("t-v1", _counting(table, calls)).get("a") == 1
    assert calls == [1, 1, 1]
    assert trie_store.word_values("t-v1", _counting(table, calls)).get("a") == 1
    assert calls == [1, 1, 1]


def test_texts_round_trip_and_rebuild(cache: Path) -> None:
    index = {"assemblee": "assemblée 412 fr", "etat": "état 500 fr;étai 200 fr"}
    for _ in range(2):
        loaded = trie_store.word_texts("x-v1", lambda: index)
        assert loaded.get("etat") == "état 500 fr;étai 200 fr" and loaded.get("none") is None
    cache_path("x-v1", ".marisa").write_bytes(b"junk")
    assert trie_store.word_texts("x-v1", lambda: index).get("assemblee") == "assemblée 412 fr"


def test_cache_off_keeps_tables_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TQCHECK_CACHE_DIR", "off")
    loaded = trie_store.word_values("t-v1", lambda: {"mot": 300})
    assert loaded.get("mot") == 300
    assert not list(tmp_path.iterdir())


def test_unwritable_cache_folder_only_costs_speed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be")
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(blocked / "cache"))
    assert trie_store.word_values("t-v1", lambda: {"mot": 300}).get("mot") == 300
