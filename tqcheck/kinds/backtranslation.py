"""`backtranslation`: meaning drift of a translated file against its side-car source, or of each
pair of a bilingual file (XLIFF, PO, TMX, TSV/CSV, with its back-translation column if any).

One analysis per document (shared by the BT rules) scores the source against the
back-translation when there is one, else against the translation itself; each rule reports one
aspect of it. Monolingual documents without side-car files return at once: no model is ever
loaded for them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, ClassVar

from tqcheck.core.model import Document, Finding, RuleSpec
from tqcheck.kinds.base import Kind, Option
from tqcheck.meaning.pairs import DriftSettings
from tqcheck.meaning.settings import DriftConfig

if TYPE_CHECKING:
    from tqcheck.core.config import Config

REPORTS = ("similarity", "omission", "addition", "divergent")
_DEFAULTS = DriftSettings()  # the values are kept with the settings, which `tqcheck score` uses too


class BackTranslation(Kind):
    """Reports flagged pairs (similarity), omissions, additions or divergent words."""

    COST = 0.1  # nothing without side-car files; with them the model dominates whatever the split
    SHARES = "drift"  # the document's pair analysis (meaning.document_analysis.analyse)

    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "report": Option(str, required=True, help="similarity | omission | addition | divergent"),
        "confusables": Option(list, [], help="extra sets of often-confused words, e.g. [[foulée, foule]]"),
        "threshold": Option(
            float,
            None,
            help="quality (0-1) below which a pair is flagged (similarity for models without a quality head); "
            "unset: `drift-threshold`, else the head's threshold chosen on real dev data",
        ),
        "outlier-k": Option(
            float, _DEFAULTS.outlier_k, help="a pair below median - k * MAD of its document is an outlier"
        ),
        "min-mad": Option(float, _DEFAULTS.min_mad, help="least spread (MAD) used for the outlier cut"),
        "min-outlier-pairs": Option(
            int, _DEFAULTS.min_pairs_for_outlier, help="documents with fewer pairs have no outliers"
        ),
        "max-divergent": Option(int, _DEFAULTS.max_divergent, help="divergent words listed per side"),
        "rare-zipf": Option(
            float, _DEFAULTS.rare_zipf, help="a word rarer than this without counterpart is strong evidence (zipf)"
        ),
        "name-zipf": Option(
            float, _DEFAULTS.name_zipf, help="capitalised words rarer than this are names, not État or Union (zipf)"
        ),
        "synonym-cut": Option(
            float, None, help="word similarity from which an unmatched word is a paraphrase; unset: per model"
        ),
        "unrelated-cut": Option(
            float, None, help="word similarity below which a rare word has no counterpart at all; unset: per model"
        ),
        "align-skip": Option(float, _DEFAULTS.align_skip, help="alignment cost of leaving a sentence unmatched"),
        "align-merge": Option(float, _DEFAULTS.align_merge, help="extra alignment cost of joining two sentences"),
        "align-in-order": Option(
            float, _DEFAULTS.align_in_order, help="every in-order pair this similar: sentences aligned one to one"
        ),
        "word-match": Option(
            float, _DEFAULTS.word_match, help="least similarity to trace a back-translated word to the translation"
        ),
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
        self.settings = self._settings(None)

    def _settings(self, config_threshold: float | None) -> DriftSettings:
        o = self.options
        return DriftSettings(
            threshold=o["threshold"] if o["threshold"] is not None else config_threshold,
            outlier_k=o["outlier-k"],
            min_mad=o["min-mad"],
            min_pairs_for_outlier=o["min-outlier-pairs"],
            max_divergent=o["max-divergent"],
            confusables=self.confusables,
            rare_zipf=o["rare-zipf"],
            name_zipf=o["name-zipf"],
            synonym_cut=o["synonym-cut"],
            unrelated_cut=o["unrelated-cut"],
            align_skip=o["align-skip"],
            align_merge=o["align-merge"],
            align_in_order=o["align-in-order"],
            word_match=o["word-match"],
        )

    def configure(self, config: Config) -> None:
        self.drift = DriftConfig.from_config(config)
        self.settings = self._settings(self.drift.threshold)

    def check(self, doc: Document) -> Iterator[Finding]:
        if "source" not in doc.companions and not doc.pairs:
            return
        from tqcheck.meaning.document_analysis import analyse

        analysis = analyse(doc, self.drift, self.settings)
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
                    quality="n/a" if pair.quality is None else f"{pair.quality:.2f}",
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
