"""`backtranslation`: meaning drift of a translated file against its side-car source.

One analysis per document (shared by the BT rules) scores the source against the
back-translation when there is one, else against the translation itself; each rule reports one
aspect of it. Documents without side-car files return at once: no model is ever loaded for them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, ClassVar

from tqcheck.core.model import Document, Finding, RuleSpec
from tqcheck.kinds.base import Kind, Option
from tqcheck.meaning.settings import DriftConfig

if TYPE_CHECKING:
    from tqcheck.core.config import Config

REPORTS = ("similarity", "omission", "addition", "divergent")


class BackTranslation(Kind):
    """Reports flagged pairs (similarity), omissions, additions or divergent words."""

    COST = 0.1  # nothing without side-car files; with them the model dominates whatever the split
    SHARES = "drift"  # the document's pair analysis (meaning.document_analysis.analyse)

    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "report": Option(str, required=True, help="similarity | omission | addition | divergent"),
        "confusables": Option(list, [], help="extra sets of often-confused words, e.g. [[foulée, foule]]"),
    }

    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        if self.options["report"] not in REPORTS:
            raise ValueError(f"report must be one of {', '.join(REPORTS)}, not {self.options['report']!r}")
        groups = self.options["confusables"]
        if not all(isinstance(g, list) and len(g) >= 2 for g in groups):
            raise ValueError("confusables must be a list of lists of at least two words")
        self.confusables = tuple(frozenset(str(w).lower() for w in g) for g in groups)
        self.drift = DriftConfig()

    def configure(self, config: Config) -> None:
        self.drift = DriftConfig.from_config(config)

    def check(self, doc: Document) -> Iterator[Finding]:
        if "source" not in doc.companions:
            return
        from tqcheck.meaning.document_analysis import analyse

        analysis = analyse(doc, self.drift, self.confusables)
        if analysis is None:
            return
        report = self.options["report"]
        other_label = "back-translation" if analysis.report.mode == "back_translation" else "translation"
        for pair, span, words in zip(analysis.report.pairs, analysis.spans, analysis.word_spans, strict=True):
            if span is None:
                continue
            if report == "similarity" and pair.kind == "pair" and pair.flagged:
                yield self.spec.finding(
                    doc,
                    *span,
                    similarity=f"{pair.similarity:.2f}",
                    reasons="; ".join(pair.reasons),
                    source=_quote(pair.source_text),
                )
            elif report == "omission" and pair.kind == "omission":
                yield self.spec.finding(doc, *span, source=_quote(pair.source_text))
            elif report == "addition" and pair.kind == "addition":
                yield self.spec.finding(doc, *span, other=_quote(pair.other_text))
            elif report == "divergent" and pair.kind == "pair" and pair.flagged and pair.divergent:
                source_words = _listing(d.word for d in pair.divergent if d.side == "source")
                other_words = _listing(d.word for d in pair.divergent if d.side == "other")
                start, end = (words[0][1], words[0][2]) if words else span
                yield self.spec.finding(
                    doc,
                    start,
                    end,
                    source_words=source_words,
                    other_words=other_words,
                    side=other_label,
                )


def _quote(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _listing(words: Iterable[str]) -> str:
    unique = list(dict.fromkeys(words))
    return ", ".join(f"'{w}'" for w in unique) if unique else "nothing"
