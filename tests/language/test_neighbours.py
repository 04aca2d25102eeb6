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


def test_two_misreadings_undone_with_pruning_keep_every_listed_form() -> None:
    """Pruning the first undoing by the word table's beginnings drops only forms no listed word
    can be: on words of our own, the listed forms are the same with and without it, in order."""
    from tqcheck.language.confusions import undo_twice
    from tqcheck.language.lexicon import lexicon

    lex = lexicon("en")
    for word in ("aulanl", "rnaintairi", "cornrnittee", "Gefellfchaft", "hospitaI", "goverrnnent"):
        every = list(undo_twice(word, "en"))
        pruned = list(undo_twice(word, "en", lex.begins))
        assert set(pruned) <= set(every)
        listed = [form for form in every if lex.value(form.lower()) > 0]
        assert [form for form in pruned if lex.value(form.lower()) > 0] == listed
        assert len(pruned) < len(every)  # it does prune
    assert "autant" in [form.lower() for form in undo_twice("aulanl", "fr", lexicon("fr").begins)]
