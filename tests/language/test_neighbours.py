"""The neighbour index's cache file is tied to the misreadings it was built with."""

from __future__ import annotations

from pathlib import Path

import pytest

from tqcheck.language import neighbours
from tqcheck.language.confusions import Shape


def test_editing_the_misreadings_names_another_cache_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    names: list[str] = []
    monkeypatch.setattr(neighbours, "word_texts", lambda name, build: names.append(name))
    for pairs in ((("rn", "m"),), (("rn", "m"), ("n", "fi"))):
        monkeypatch.setattr(neighbours, "shape_of", lambda language, pairs=pairs: Shape(pairs, "fs"))
        neighbours.edit_index.cache_clear()
        neighbours.edit_index("en")
    neighbours.edit_index.cache_clear()
    assert len(names) == 2 and names[0] != names[1]
