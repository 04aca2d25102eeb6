"""`pair-consistency`: XL007, the same source translated differently (`compare: source`), and
XL008, the same target used for different sources (`compare: target`), as Xbench checks them.

Texts are compared without case, inline tags, spacing and closing punctuation. Near-identical
texts (rapidfuzz ratio at least `fuzzy`, for texts of `fuzzy-min` characters or more) count as
the same when their counterparts differ much more than they do: a typo fixed in one source must
not hide two different translations. To stay linear, near-identical candidates are only sought
among texts that share their first or last characters.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from typing import ClassVar

from tqcheck.core.model import Document, Finding, Pair, Segment
from tqcheck.kinds.base import Option
from tqcheck.kinds.pairs import PairKind, pairs, quote

_SPACE = re.compile(r"\s+")
_TRAILING = re.compile(r"[\s.。!?！？;:…]+$")
_WORD = re.compile(r"[^\W\d_]+")
BLOCK = 8  # characters of the start and end that near-identical texts are expected to share


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
        for segment, pair in pairs(doc):
            if not pair.target.text.strip():
                continue
            mine, other = _sides(pair, by_source)
            if len(_WORD.findall(mine)) >= self.options["min-words"]:
                items.append((segment, key(mine), key(other)))
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
        """Pairs of different keys that are near-identical, compared within shared blocks only."""
        if self.options["fuzzy"] >= 100:
            return
        from rapidfuzz import fuzz

        blocks: dict[tuple[int, str], list[str]] = defaultdict(list)
        for k in keys:
            if len(k) >= self.options["fuzzy-min"]:
                blocks[(0, k[:BLOCK])].append(k)
                blocks[(1, k[-BLOCK:])].append(k)
        seen: set[tuple[str, str]] = set()
        for members in blocks.values():
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    if (a, b) not in seen and fuzz.ratio(a, b) >= self.options["fuzzy"]:
                        seen.add((a, b))
                        yield a, b

    def _flag(self, doc: Document, group: list[tuple[Segment, str, str]], by_source: bool) -> Iterator[Finding]:
        from rapidfuzz import fuzz

        counts = Counter(other for _, _, other in group)
        if len(counts) < 2:
            return
        majority = max(counts, key=lambda k: (counts[k], -next(i for i, g in enumerate(group) if g[2] == k)))
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


def _sides(pair: Pair, by_source: bool) -> tuple[str, str]:
    source, target = pair.source.plain(), pair.target.plain()
    return (source, target) if by_source else (target, source)


def _root(parent: dict[str, str], k: str) -> str:
    while parent[k] != k:
        parent[k] = parent[parent[k]]
        k = parent[k]
    return k
