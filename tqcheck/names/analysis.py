"""Per-document name data (mentions by spelling, given names by surname), cached per text.

TL001, TL003 and `tqcheck names` all read the same analysis, so a document is scanned once per run.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from tqcheck.core.model import Document
from tqcheck.names import given_across, joined
from tqcheck.names.credits import split_credits
from tqcheck.names.glosses import drop_glosses
from tqcheck.names.mentions import NameCuts, Run, Token, extract, titles
from tqcheck.names.variants import ZipfLookup


@dataclass
class DocNames:
    """What one document says about names."""

    runs: list[Run]
    surnames: dict[str, list[Token]] = field(default_factory=dict)  # spelling -> mentions (last word)
    givens: dict[str, set[str]] = field(default_factory=dict)  # surname spelling -> given names seen
    given_tokens: dict[str, dict[str, list[Token]]] = field(default_factory=dict)  # surname -> given -> mentions
    chains: dict[joined.Key, list[joined.Span]] = field(default_factory=dict)  # names.joined.collect


def language_of(doc: Document) -> str:
    """The language whose lexicon judges the document (English until detection says otherwise)."""
    return doc.language or "en"


def zipf_lookup(language: str, cuts: NameCuts) -> ZipfLookup:
    """Frequency for threshold tests (0 below `cuts.floor_zipf`); see names.frequency."""
    from tqcheck.names.frequency import common

    return common(language, cuts.floor_zipf)


def tie_zipf(language: str) -> ZipfLookup:
    """Exact frequency for breaking ties between spellings."""
    from tqcheck.names.frequency import exact

    return exact(language)


# surname spelling -> (mentions, start and end of the first mention); surname -> given names;
# names written with the same letters split or cased differently (names.joined); surname -> the
# given name right before it -> its mentions and first span (names.given_across)
Summary = tuple[dict[str, tuple[int, int, int]], dict[str, tuple[str, ...]], joined.Summary, given_across.Summary]


def analyse(doc: Document, cuts: NameCuts) -> DocNames:
    """The document's names (one analysis per text, shared by the TL kinds while their cuts agree)."""
    return _analyse(doc.checkable, language_of(doc), cuts)


def summary(doc: Document, cuts: NameCuts) -> Summary:
    """What TL003 compares across files: plain tuples and dicts, cheap to send from a worker
    process to the corpus pass."""
    names = analyse(doc, cuts)
    surnames = {form: (len(found), found[0].start, found[0].end) for form, found in names.surnames.items()}
    chains = joined.summarise(doc.checkable, names.chains)
    givens = {form: tuple(sorted(given)) for form, given in names.givens.items()}
    return surnames, givens, chains, given_across.summarise(names.runs)


@lru_cache(maxsize=64)  # TL001 and TL002 read one analysis; a repository's texts are not kept
def _analyse(text: str, language: str, cuts: NameCuts) -> DocNames:
    runs = split_credits(extract(text, zipf_lookup(language, cuts), cuts), text, tie_zipf(language))
    runs = drop_glosses(runs, text)
    names = _collect(runs)
    names.chains = joined.collect(text, runs)
    return names


def _collect(runs: list[Run]) -> DocNames:
    surnames: dict[str, list[Token]] = {}
    givens: dict[str, set[str]] = {}
    given_tokens: dict[str, dict[str, list[Token]]] = {}
    title_words = titles()
    for run in runs:
        tokens = run.tokens
        last = tokens[-1]
        found = surnames.get(last.form)
        if found is None:
            surnames[last.form] = [last]
        else:
            found.append(last)
        if len(tokens) > 1:
            # the word before the surname is its given name unless it is a title (Run.given);
            # every word before the surname (Abu Bakr al-Baghdadi) is compared within one surname only
            for index, token in enumerate(tokens[:-1]):
                if token.form.casefold().rstrip(".") in title_words:
                    continue
                if index == len(tokens) - 2:
                    givens.setdefault(last.form, set()).add(token.form)
                given_tokens.setdefault(last.form, {}).setdefault(token.form, []).append(token)
    return DocNames(runs=runs, surnames=surnames, givens=givens, given_tokens=given_tokens)


def full_names(names: DocNames) -> dict[str, dict[str, int]]:
    """Surname -> full-name text ('Alexander Grushko', or the surname alone) -> count, for inventories."""
    full: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for run in names.runs:
        given = run.given
        last = run.last.form
        full[last][f"{given.form} {last}" if given is not None else last] += 1
    return {k: dict(v) for k, v in full.items()}
