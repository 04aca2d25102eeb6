"""`pair-length` (XL006): an empty target, or one far shorter or longer than its source.

How much longer a translation runs depends on the language pair and the text, so the typical
ratio (target letters / source letters) is the file's own median once it has `min-pairs` pairs
long enough to judge, else 1. A pair is an outlier when its ratio is below `short` times or above
`long` times that typical ratio; sources shorter than `min-source` letters vary too much to judge.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from statistics import median
from typing import ClassVar

from tqcheck.core.model import Document, Finding
from tqcheck.kinds.base import Option
from tqcheck.kinds.pairs import PairKind, pairs

_NOT_LETTERS = re.compile(r"[\W_]+")


def _letters(text: str) -> int:
    """Letters and digits: spacing and punctuation vary between languages, words do not."""
    return len(_NOT_LETTERS.sub("", text))


class PairLength(PairKind):
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "short": Option(float, 0.4, help="flag a target shorter than this times the typical ratio (truncated)"),
        "long": Option(float, 2.5, help="flag a target longer than this times the typical ratio"),
        "min-source": Option(int, 30, help="letters a source needs before its ratio is judged"),
        "min-pairs": Option(int, 20, help="pairs the file needs before its own median ratio is the typical one"),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        judged = []
        for segment, pair in pairs(doc):
            source = _letters(pair.source.plain())
            target = _letters(pair.target.plain())
            if source and not pair.target.text.strip():
                yield self.target_finding(doc, segment, message="The target is empty; the source is not.")
            elif source >= self.options["min-source"] and target:
                judged.append((segment, target / source))
        if not judged:
            return
        typical = median(r for _, r in judged) if len(judged) >= self.options["min-pairs"] else 1.0
        for segment, ratio in judged:
            relative = ratio / typical
            if relative < self.options["short"]:
                yield self.target_finding(
                    doc, segment, message="The target is {share}% of the usual length for its source: truncated?",
                    share=round(relative * 100),
                )  # fmt: skip
            elif relative > self.options["long"]:
                yield self.target_finding(
                    doc, segment, message="The target is {times}x the usual length for its source: something added?",
                    times=f"{relative:.1f}",
                )  # fmt: skip
