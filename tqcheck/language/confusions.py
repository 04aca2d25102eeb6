"""OCR misreadings per language, from the language data (`ocr_confusions`, `ocr_merged`,
`ocr_hyphens`).

A confusion is a pair (what the scanner read, what was printed): `rn` for `m`, `f` for the long
s, `U` for `ll`. Which pairs occur depends on the typefaces a language was printed in, so they
are data, not code; a language without a file gets none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache, lru_cache

from tqcheck.language.data import language_data


@cache
def confusions(language: str) -> tuple[tuple[str, str], ...]:
    return language_data(language).ocr_confusions


@cache
def line_break_hyphens(language: str) -> str:
    """Characters that end a line inside a broken word: `-`, plus `⸗` and `=` in German type."""
    return "".join(language_data(language).ocr_hyphens) or "-"


@cache
def capitalised_nouns(language: str) -> bool:
    """Whether the language capitalises its nouns (German): a capitalised word is then not
    presumed a name."""
    return language_data(language).capitalised_nouns


class Shape:
    """A language's shape function: the word lowercased, accents stripped, and each confusion
    that reads several letters as one or one as several (`rn`/`m`, `U`/`ll`, `li`/`h`), or that
    type makes systematic (the long s read as `f`), rewritten to one side. A misreading of that
    kind leaves the shape unchanged, so a frequent word filed under its shape is found with one
    lookup (neighbours.py); single look-alike letters (`c`/`e`) are one edit and found there."""

    def __init__(self, pairs: tuple[tuple[str, str], ...], merged: str) -> None:
        from tqcheck.language.accents import strip_accents

        self._strip = strip_accents
        rewrites: dict[str, str] = {}
        for read, meant in pairs:
            if read.islower() and meant.islower():
                if len(read) != len(meant):  # rn/m, li/h: the longer side becomes the shorter
                    long, short = (read, meant) if len(read) > len(meant) else (meant, read)
                    rewrites.setdefault(long, short)
            elif len(read) > 1 or len(meant) > 1:  # U/ll: the capital becomes the lowercase side
                cased, plain = (read, meant) if not read.islower() else (meant, read)
                rewrites.setdefault(cased, plain.lower())
        self._cased = tuple((k, v) for k, v in rewrites.items() if not k.islower())
        self._plain = tuple(sorted(((k, v) for k, v in rewrites.items() if k.islower()), key=lambda kv: -len(kv[0])))
        self._table = str.maketrans(dict(zip(merged[0::2], merged[1::2], strict=True)))
        # single lowercase look-alikes, compared on lowercase keys; a capital's (`B` for `V`)
        # is undone with its case by undo_once, never folded into a lowercase one (`b` for `v`)
        self.single = frozenset((a, b) for a, b in pairs if len(a) == len(b) == 1 and a == a.lower() and b == b.lower())
        # what decides the shapes: a cache of shapes is valid only for the same key
        self.table_key = (self._cased, self._plain, merged)

    def __call__(self, word: str) -> str:
        for long, short in self._cased:
            if long in word:
                word = word.replace(long, short)
        word = self._strip(word.lower())
        for long, short in self._plain:
            if long in word:
                word = word.replace(long, short)
        return word.translate(self._table)


@cache
def shape_of(language: str) -> Shape:
    pairs = "".join(a + b for a, b in language_data(language).ocr_merged)
    return Shape(confusions(language), pairs)


@lru_cache(maxsize=65536)
def shape(word: str, language: str) -> str:
    return shape_of(language)(word)


@cache
def _by_first_letter(language: str) -> dict[str, tuple[tuple[str, str], ...]]:
    table: dict[str, list[tuple[str, str]]] = {}
    for read, meant in confusions(language):
        table.setdefault(read[:1], []).append((read, meant))
    return {k: tuple(v) for k, v in table.items()}


def undo_once(word: str, language: str) -> Iterator[str]:
    """Every form of `word` with one of the language's confusions undone in one place
    (`rnodern` -> `modern`, `besclilossen` -> `beschlossen`)."""
    table = _by_first_letter(language)
    for at, char in enumerate(word):
        for read, meant in table.get(char, ()):
            if word.startswith(read, at):
                yield word[:at] + meant + word[at + len(read) :]


def undo_twice(word: str, language: str, begins: Callable[[str], bool] | None = None) -> Iterator[str]:
    """Every form of `word` with two of the language's confusions undone in two places that do
    not overlap (`aulanl` -> `autant`). With `begins` (whether some listed word begins with a
    lowercase text), a first undoing that no listed word begins with is not followed further:
    none of its forms could be a word (most places of a damaged word, after the damage)."""
    table = _by_first_letter(language)
    for at, char in enumerate(word):
        for read, meant in table.get(char, ()):
            if word.startswith(read, at):
                head = word[:at] + meant
                if begins is not None and "Σ" not in head and not begins(head.lower()):
                    continue  # (a capital sigma's lowercase depends on what follows it: not pruned)
                for rest in undo_once(word[at + len(read) :], language):
                    yield head + rest
