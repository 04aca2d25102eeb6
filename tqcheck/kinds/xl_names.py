"""`pair-names` (XL005): one name of the source rendered with different spellings in different
units (Грушко -> Grushko in one unit, Grouchko in another).

The names machinery (tqcheck.names) finds the name words of each side; a source name is linked
to the target name that is a spelling of it: the same transliteration keys once the source is
transliterated to Latin (anyascii: Cyrillic, Greek, Arabic…), or the same consonant skeleton for
scripts that write no vowels. Source names are grouped by their keys across the file; a group
rendered two ways has its less frequent spelling flagged, with the other as the suggestion.

In a bilingual file TL001 (name variants in one document) sees the same targets: it leaves the
spellings this rule reports to it, because here the source proves that they render one name
(TL001 infers that from the spellings alone), so each defect is reported once.
"""

from __future__ import annotations

import re
import weakref
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from typing import ClassVar

from tqcheck.core.model import Document, Finding, Segment
from tqcheck.kinds.base import Option
from tqcheck.kinds.names import _NamesBase, name_cuts
from tqcheck.kinds.pairs import PairKind, pairs

# segment, target spelling, its span in the target text, the source spelling in Latin letters
_Link = tuple[Segment, str, int, int, str]
_WORD = re.compile(r"(?<![\w'’-])[^\W\d_]{3,}(?![\w'’-])")


class PairNames(PairKind):
    COST = 3.0
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        # what a name word is, as for the TL rules (same options, same defaults)
        **{
            k: v
            for k, v in _NamesBase.OPTIONS.items()
            if k in ("rare-zipf", "function-word-zipf", "given-name-zipf", "floor-zipf")
        },
        "source-common-zipf": Option(
            float, 4.5, help="a capitalised source word this frequent is an ordinary word (The, Le, Port)"
        ),
    }

    _memo: tuple[weakref.ref[Document], list[Finding], list[frozenset[str]]] | None = None

    def check(self, doc: Document) -> Iterator[Finding]:
        yield from self._result(doc)[0]

    def owned_spellings(self, doc: Document) -> list[frozenset[str]]:
        """The spellings (casefolded) of each source name this rule reports as rendered two ways:
        TL001 leaves those to it (one finding per defect; the source proves they are one name)."""
        return self._result(doc)[1]

    def _result(self, doc: Document) -> tuple[list[Finding], list[frozenset[str]]]:
        """Findings and owned spellings, made once per document (TL001 may ask first)."""
        if self._memo is not None and self._memo[0]() is doc:
            return self._memo[1], self._memo[2]
        findings: list[Finding] = []
        owned: list[frozenset[str]] = []
        for links in self._groups(doc):
            found = list(self._flag(doc, links))
            if found:
                findings += found
                owned.append(frozenset(link[1].casefold() for link in links))
        self._memo = (weakref.ref(doc), findings, owned)
        return findings, owned

    def _groups(self, doc: Document) -> list[list[_Link]]:
        from tqcheck.names.analysis import zipf_lookup
        from tqcheck.names.mentions import extract

        cuts = name_cuts(self.options)
        source_language, target_language = self.languages(doc)
        source_zipf, target_zipf = zipf_lookup(source_language, cuts), zipf_lookup(target_language, cuts)
        common = self.options["source-common-zipf"]
        renderings: dict[frozenset[str], list[_Link]] = defaultdict(list)
        judged: dict[str, bool] = {}  # source word -> a candidate name (words recur across units)
        for segment, pair in pairs(doc):
            source_text, target_text = pair.source.plain(), pair.target.plain()
            if not target_text.strip():
                continue
            names = _source_names(source_text, source_zipf, common, judged)
            if not names:
                continue
            targets = [t for run in extract(target_text, target_zipf, cuts) for t in run.tokens]
            for form in names if targets else ():
                key = _keys(form)
                if not key:
                    continue
                match = next((t for t in targets if _linked(form, key, t.form)), None)
                if match is not None:
                    renderings[key].append((segment, match.form, match.start, match.end, _latin(form)))
        return _merged(renderings)

    def _flag(self, doc: Document, links: list[_Link]) -> Iterator[Finding]:
        from tqcheck.names.normalise import fold
        from tqcheck.names.variants import derived

        counts = Counter(link[1] for link in links)
        if len(counts) < 2:
            return
        sources = {link[4].casefold() for link in links}
        # the most frequent spelling; in a tie, the source's own (Latin) spelling, then the first
        winner = max(counts, key=lambda form: (counts[form], form.casefold() in sources, -_first(links, form)))
        for segment, form, start, end, _ in links:
            if form == winner or derived(fold(form), fold(winner)) or form.casefold() == winner.casefold():
                continue
            yield self.target_finding(
                doc,
                segment,
                (start, end),
                suggestion=winner,
                message="'{match}' renders the same source name as '{other}' elsewhere ({count}x).",
                other=winner,
                count=counts[winner],
            )


def _source_names(text: str, zipf: Callable[[str], float], common: float, judged: dict[str, bool]) -> list[str]:
    """The source's candidate name words: capitalised words (any word, in a script without case)
    that are not common words of the source language. A candidate counts only when the target
    has a name (found by the names machinery) that spells it: the target decides. `judged`
    remembers each word's answer for the file."""
    found: list[str] = []
    for word in set(_WORD.findall(text)):
        keep = judged.get(word)
        if keep is None:
            # capitalised, or in a script without case (Arabic): judged by frequency alone
            keep = judged[word] = (word[0].isupper() or not word[0].islower()) and zipf(word) < common
        if keep:
            found.append(word)
    return sorted(found)


def _first(links: list[_Link], form: str) -> int:
    return next(i for i, link in enumerate(links) if link[1] == form)


def _merged(renderings: dict[frozenset[str], list[_Link]]) -> list[list[_Link]]:
    """Groups of source keys that share a key (one name's inflected or variant source forms)."""
    parent: dict[frozenset[str], frozenset[str]] = {k: k for k in renderings}

    def root(k: frozenset[str]) -> frozenset[str]:
        while parent[k] != k:
            k = parent[k]
        return k

    by_key: dict[str, frozenset[str]] = {}
    for k in renderings:
        for single in k:
            if single in by_key:
                parent[root(k)] = root(by_key[single])
            else:
                by_key[single] = k
    grouped: dict[frozenset[str], list[_Link]] = defaultdict(list)
    for k, links in renderings.items():
        grouped[root(k)].extend(links)
    return list(grouped.values())


@lru_cache(maxsize=65536)
def _latin(form: str) -> str:
    if form.isascii():
        return form
    from anyascii import anyascii

    latin = anyascii(form)
    return latin[:1].upper() + latin[1:] if latin else latin


@lru_cache(maxsize=65536)
def _keys(form: str) -> frozenset[str]:
    """Transliteration keys of a name (and its consonant skeleton, for abjads), long enough to
    tell names apart."""
    from tqcheck.names.normalise import consonants, keys

    latin = _latin(form)
    found = {k for k in keys(latin) if len(k) >= 4}
    if found and not any(c in "aeiouAEIOU" for c in latin[1:]):  # an abjad: no vowels written
        found = {consonants(k) for k in found}
    return frozenset(found)


def _linked(source: str, source_keys: frozenset[str], target: str) -> bool:
    """Whether a target name word is a spelling of a source name word."""
    from tqcheck.names.normalise import consonants
    from tqcheck.names.variants import same_name

    target_keys = _keys(target)
    if source_keys & target_keys or source_keys & {consonants(k) for k in target_keys}:
        return True
    latin = _latin(source)
    return len(latin) >= 4 and (latin.casefold() == target.casefold() or same_name(latin, target))
