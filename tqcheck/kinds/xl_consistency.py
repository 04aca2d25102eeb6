"""`pair-consistency`: XL007, the same source translated differently (`compare: source`), and
XL008, the same target used for different sources (`compare: target`), as Xbench checks them.

Texts are compared without case, inline tags, spacing and closing punctuation. Near-identical
texts (rapidfuzz ratio at least `fuzzy`, for texts of `fuzzy-min` characters or more, with the
same digits: "page 1" is not "page 2") count as the same when their counterparts differ much
more than they do: a typo fixed in one source must not hide two different translations. To stay
near-linear, near-identical candidates are only sought among neighbours in sorted order (by the
start and by the end of the text).
"""

from __future__ import annotations

import re
import weakref
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from typing import ClassVar

from tqcheck.core.model import Document, Finding, Segment
from tqcheck.kinds.base import Option
from tqcheck.kinds.pairs import PairKind, pairs, quote

_SPACE = re.compile(r"\s+")
_TRAILING = re.compile(r"[\s.。!?！？;:…]+$")
_WORD = re.compile(r"[^\W\d_]+")
_DIGITS = re.compile(r"\D+")
WINDOW = 4  # neighbours in sorted order that a text is compared with


def key(text: str) -> str:
    return _TRAILING.sub("", _SPACE.sub(" ", text).strip()).casefold()


class PairConsistency(PairKind):
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "compare": Option(str, required=True, help="source (XL007) | target (XL008)"),
        "fuzzy": Option(int, 95, help="rapidfuzz ratio (0-100) at which two texts count as near-identical"),
        "fuzzy-min": Option(int, 20, help="characters a text needs before near-identical matching applies"),
        "min-words": Option(int, 2, help="words of letters the grouped text needs"),
    }

    def __init__(self, spec: object) -> None:
        super().__init__(spec)  # type: ignore[arg-type]
        if self.options["compare"] not in ("source", "target"):
            raise ValueError(f"compare must be 'source' or 'target', not {self.options['compare']!r}")

    def check(self, doc: Document) -> Iterator[Finding]:
        by_source = self.options["compare"] == "source"
        items: list[tuple[Segment, str, str]] = []  # segment, grouped key, other side's key
        for segment, source, target, source_words, target_words in _keyed(doc):
            if (source_words if by_source else target_words) >= self.options["min-words"]:
                items.append((segment, source, target) if by_source else (segment, target, source))
        for group in self._groups(items):
            yield from self._flag(doc, group, by_source)

    def _groups(self, items: list[tuple[Segment, str, str]]) -> list[list[tuple[Segment, str, str]]]:
        exact: dict[str, list[tuple[Segment, str, str]]] = defaultdict(list)
        for item in items:
            exact[item[1]].append(item)
        keys = list(exact)
        parent = {k: k for k in keys}
        for a, b in self._near(keys):
            parent[_root(parent, a)] = _root(parent, b)
        merged: dict[str, list[tuple[Segment, str, str]]] = defaultdict(list)
        for k in keys:
            merged[_root(parent, k)].extend(exact[k])
        return [group for group in merged.values() if len(group) > 1]

    def _near(self, keys: list[str]) -> Iterator[tuple[str, str]]:
        """Pairs of different keys that are near-identical. Sorted neighbourhoods keep it
        linear: near-identical texts sort next to each other by their start (a difference near
        the end) or by their reversed text (a difference near the start); each key is compared
        with its next `WINDOW` neighbours in both orders, never with every other key."""
        if self.options["fuzzy"] >= 100:
            return
        from rapidfuzz import fuzz

        long = [k for k in keys if len(k) >= self.options["fuzzy-min"]]
        digits = {k: _DIGITS.sub("", k) for k in long}
        seen: set[tuple[str, str]] = set()
        for ordered in (sorted(long), sorted(long, key=lambda k: k[::-1])):
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 : i + 1 + WINDOW]:
                    pair = (a, b) if a < b else (b, a)
                    if digits[a] != digits[b]:
                        continue  # "page 1" and "page 2" are different texts, however alike
                    if pair not in seen and fuzz.ratio(a, b, score_cutoff=self.options["fuzzy"]):
                        seen.add(pair)
                        yield pair

    def _flag(self, doc: Document, group: list[tuple[Segment, str, str]], by_source: bool) -> Iterator[Finding]:
        from rapidfuzz import fuzz

        counts = Counter(other for _, _, other in group)
        if len(counts) < 2:
            return
        first: dict[str, int] = {}
        for i, (_, _, other) in enumerate(group):
            first.setdefault(other, i)
        majority = max(counts, key=lambda k: (counts[k], -first[k]))
        model = next(item for item in group if item[2] == majority)
        for item in group:
            segment, mine, other = item
            if other == majority or (not by_source and fuzz.ratio(other, majority) >= self.options["fuzzy"]):
                continue  # XL008: near-identical sources may share a target
            if mine != model[1] and fuzz.ratio(other, majority) >= fuzz.ratio(mine, model[1]) - 10:
                continue  # near-identical texts whose counterparts differ no more than they do
            assert model[0].pair is not None
            shown = model[0].pair.target.text if by_source else model[0].pair.source.text
            yield self.target_finding(
                doc,
                segment,
                message=(
                    "Same source as line {line}, translated differently there: “{other}”."
                    if by_source
                    else "Same target as line {line}, for a different source there: “{other}”."
                ),
                line=doc.text.count("\n", 0, model[0].start) + 1,
                other=quote(shown),
            )


_KEYED: dict[int, tuple[weakref.ref[Document], list[tuple[Segment, str, str, int, int]]]] = {}


def _keyed(doc: Document) -> list[tuple[Segment, str, str, int, int]]:
    """Each pair's comparison keys and word counts, computed once for XL007 and XL008."""
    cached = _KEYED.get(id(doc))
    if cached is not None and cached[0]() is doc:
        return cached[1]
    found = []
    for segment, pair in pairs(doc):
        if pair.target.text.strip():
            source, target = pair.source.plain(), pair.target.plain()
            words = (len(_WORD.findall(source)), len(_WORD.findall(target)))
            found.append((segment, key(source), key(target), *words))
    if len(_KEYED) > 16:
        _KEYED.clear()
    _KEYED[id(doc)] = (weakref.ref(doc), found)
    return found


def _root(parent: dict[str, str], k: str) -> str:
    while parent[k] != k:
        parent[k] = parent[parent[k]]
        k = parent[k]
    return k
