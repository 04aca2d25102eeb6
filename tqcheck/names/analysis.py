"""Per-document name data (mentions by spelling, given names by surname), cached per text.

TL001, TL003 and `tqcheck names` all read the same analysis, so a document is scanned once per run.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from tqcheck.model import Document
from tqcheck.names.mentions import Run, Token, extract
from tqcheck.names.variants import ZipfLookup


@dataclass
class DocNames:
    """What one document says about names."""

    runs: list[Run]
    surnames: dict[str, list[Token]] = field(default_factory=dict)  # spelling -> mentions (last word)
    givens: dict[str, set[str]] = field(default_factory=dict)  # surname spelling -> given names seen
    given_tokens: dict[str, dict[str, list[Token]]] = field(default_factory=dict)  # surname -> given -> mentions
    full: dict[str, dict[str, int]] = field(default_factory=dict)  # surname -> full-name text -> count


def language_of(doc: Document) -> str:
    """The language whose lexicon judges the document (English until detection says otherwise)."""
    return (doc.language or "en").split("-")[0].lower()


def zipf_lookup(language: str) -> ZipfLookup:
    """Frequency for threshold tests (compact table); see names.frequency."""
    from tqcheck.names.frequency import common

    return common(language)


def tie_zipf(language: str) -> ZipfLookup:
    """Exact frequency for breaking ties between spellings (full lexicon, loaded on first use)."""
    from tqcheck.names.frequency import lazy_full

    return lazy_full(language)


def analyse(doc: Document) -> DocNames:
    return _analyse(doc.checkable, language_of(doc))


@lru_cache(maxsize=4096)
def _analyse(text: str, language: str) -> DocNames:
    runs = extract(text, zipf_lookup(language))
    surnames: dict[str, list[Token]] = defaultdict(list)
    givens: dict[str, set[str]] = defaultdict(set)
    given_tokens: dict[str, dict[str, list[Token]]] = defaultdict(lambda: defaultdict(list))
    full: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for run in runs:
        last = run.last
        surnames[last.form].append(last)
        given = run.given
        if given is not None:
            givens[last.form].add(given.form)
            given_tokens[last.form][given.form].append(given)
            full[last.form][f"{given.form} {last.form}"] += 1
        else:
            full[last.form][last.form] += 1
    return DocNames(
        runs=runs,
        surnames=dict(surnames),
        givens=dict(givens),
        given_tokens={k: dict(v) for k, v in given_tokens.items()},
        full={k: dict(v) for k, v in full.items()},
    )
