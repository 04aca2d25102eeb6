"""`substitution`: a word or phrase that has a preferred replacement (Kiev -> Kyiv)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import ClassVar

from tqcheck.core.model import Document, Finding, RuleSpec
from tqcheck.kinds.base import Kind, Option, literal_pattern, match_case


class Substitution(Kind):
    """Literal by default so editors need not know regex; `regex: true` opts in."""

    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "swap": Option(dict, required=True, help="map of unwanted form -> preferred form"),
        "ignore-case": Option(bool, False, help="match regardless of case"),
        "regex": Option(bool, False, help="treat keys as regular expressions"),
    }

    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        flags = re.IGNORECASE if self.options["ignore-case"] else 0
        self.swaps: list[tuple[re.Pattern[str], str]] = []
        for unwanted, preferred in self.options["swap"].items():
            if self.options["regex"]:
                pattern = re.compile(str(unwanted), flags)
            else:
                pattern = literal_pattern(str(unwanted), ignore_case=bool(flags))
            self.swaps.append((pattern, str(preferred)))

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.checkable
        for pattern, preferred in self.swaps:
            for match in pattern.finditer(text):
                found = match.group(0)
                suggestion = match.expand(preferred) if self.options["regex"] else match_case(found, preferred)
                if suggestion == match.group(0):
                    continue
                yield self.spec.finding(doc, match.start(), match.end(), suggestion=suggestion)
