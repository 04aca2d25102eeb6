"""`pair-untranslated` (XL003): a target that is its source, or is written in the source language.

A target equal to its source is flagged when it has words to translate (at least `min-words`
words of letters, not only names, numbers or codes). A target that differs but is in the source
language is found by language.identify.in_language: the word-frequency vote, confirmed by
py3langid's model (measured on real short segments: tests/benchmarks/bench_language_id.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import ClassVar

from tqcheck.core.model import Document, Finding
from tqcheck.kinds.base import Option
from tqcheck.kinds.pairs import PairKind, pairs

_WORD = re.compile(r"[^\W\d_]{2,}")


class PairUntranslated(PairKind):
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "min-words": Option(int, 2, help="words of letters a target needs before it is judged"),
        "identify": Option(bool, True, help="also flag targets that differ but are in the source language"),
        "confirm": Option(float, 0.6, help="py3langid's share for the source language when the vote says so"),
        "alone": Option(float, 0.99, help="py3langid's share for the source language when the vote cannot tell"),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        source_language, target_language = self.languages(doc)
        if source_language == target_language:
            return
        for segment, pair in pairs(doc):
            target = pair.target.plain()
            words = _WORD.findall(target)
            if len(words) < self.options["min-words"] or not any(w[:1].islower() and len(w) > 2 for w in words):
                continue  # names (Port de Saint-Malo), codes, a heading in capitals: nothing to tell
            same = _normal(target) == _normal(pair.source.plain())
            if same:
                yield self.target_finding(doc, segment, message="The target is the source, untranslated.")
            elif self.options["identify"] and self._in_source_language(target, source_language, target_language):
                yield self.target_finding(
                    doc,
                    segment,
                    message="The target is in {source_language}, not {target_language}: untranslated?",
                    source_language=source_language,
                    target_language=target_language,
                )

    def _in_source_language(self, text: str, source_language: str, target_language: str) -> bool:
        from tqcheck.language.identify import in_language

        return in_language(text, source_language, target_language, self.options["confirm"], self.options["alone"])


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()
