"""`consistency`: listed variants of one term; the majority (or a listed preferred form) wins."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from typing import ClassVar

from tqcheck.core.model import Document, Finding, RuleSpec
from tqcheck.kinds.base import Kind, Option, literal_pattern


class Consistency(Kind):
    """proselint's rule: within one document, a term should be spelled one way."""

    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "variants": Option(list, required=True, help="list of variant groups (lists of spellings)"),
        "prefer-first": Option(bool, False, help="the first spelling of each group always wins"),
        "ignore-case": Option(bool, False, help="match regardless of case"),
    }

    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        groups = self.options["variants"]
        if not all(isinstance(group, list) and len(group) >= 2 for group in groups):
            raise ValueError("option 'variants' must be a list of lists of at least two spellings")
        self.groups = [[str(v) for v in group] for group in groups]

    def check(self, doc: Document) -> Iterator[Finding]:
        ignore_case = bool(self.options["ignore-case"])
        for group in self.groups:
            spans: dict[str, list[tuple[int, int]]] = {}
            for variant in group:
                for match in literal_pattern(variant, ignore_case=ignore_case).finditer(doc.checkable):
                    spans.setdefault(variant, []).append(match.span())
            if len(spans) < 2:
                continue
            counts = Counter({variant: len(found) for variant, found in spans.items()})
            if self.options["prefer-first"]:
                winner = group[0]
            else:
                # majority; a tie goes to the earlier-listed spelling
                winner = max(spans, key=lambda v: (counts[v], -group.index(v)))
            for variant, found in spans.items():
                if variant == winner:
                    continue
                for start, end in found:
                    yield self.spec.finding(
                        doc,
                        start,
                        end,
                        suggestion=winner,
                        other=winner,
                        count=counts[winner],
                    )
