"""TL003: a name spelled differently in different files of the same language (a corpus pass over
the per-file summaries of names.analysis): surnames (Peskov / Peskow), names split or cased two
ways (kinds.name_chains), and one person's given name (Sergey / Sergei Lavrov, names.given_across)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, ClassVar, cast

from tqcheck.core.model import Document, Finding
from tqcheck.kinds.base import Option
from tqcheck.kinds.name_chains import across_files, corpus_finding, covered
from tqcheck.kinds.names import EVIDENCE_OPTIONS, _NamesBase


class NameCorpus(_NamesBase):
    """TL003: a name spelled differently in different files of the same language."""

    COST = 0.0  # nothing per document

    OPTIONS: ClassVar[Mapping[str, Option]] = {**_NamesBase.OPTIONS, **EVIDENCE_OPTIONS}

    def check(self, doc: Document) -> Iterator[Finding]:
        return iter(())

    def summarise(self, doc: Document) -> tuple[str, Any]:
        """The document's language and its surnames and given names (from TL001's analysis)."""
        from tqcheck.names.analysis import language_of, summary

        return language_of(doc), summary(doc, self.cuts)

    def check_corpus(self, docs: Sequence[Document], summaries: Sequence[object]) -> Iterator[Finding]:
        by_language: dict[str, list[tuple[Document, Any]]] = defaultdict(list)
        for doc, summary in zip(docs, summaries, strict=True):
            language, names = cast(tuple[str, Any], summary)
            by_language[language].append((doc, names))
        for language, analysed in by_language.items():
            if len(analysed) > 1:
                found = list(self._compare(language, analysed))
                common = float(self.options["common-word-zipf"])
                found += across_files(self.spec, language, analysed, self.cuts, common, found)
                found += self._given_names(language, analysed, found)
                yield from found

    def _given_names(
        self, language: str, analysed: list[tuple[Document, Any]], found: Sequence[Finding]
    ) -> Iterator[Finding]:
        """One person's given name spelled otherwise than in most files (names.given_across),
        where no surname or chain finding above covers the words."""
        from tqcheck.language.data import language_data
        from tqcheck.names.analysis import zipf_lookup
        from tqcheck.names.given_across import across
        from tqcheck.names.people import Limits

        limits = Limits(
            given=0.0,
            surname=0.0,
            both=0.0,
            common=float(self.options["evidence-zipf"]),
            shortest=int(self.options["evidence-letters"]),
            nominative_s=not language_data(language).genitive_s,
        )
        glossary = self.glossary()

        def preferred(surname: str, spellings: Sequence[str]) -> str | None:
            entry = glossary.find(surname) if glossary else None
            target = entry.target(language) if entry is not None else None
            words = target.split() if target else []
            return words[-2] if len(words) > 1 and words[-2] in spellings else None

        summaries = [names[3] for _, names in analysed]
        for flag in across(summaries, zipf_lookup(language, self.cuts), limits, preferred):
            doc, path = analysed[flag.index][0], analysed[flag.example][0].path
            finding = corpus_finding(self.spec, doc, flag.start, flag.end, flag.winner, flag.reason, flag.files, path)
            if not covered(finding, found):
                yield finding

    def _compare(self, language: str, analysed: list[tuple[Document, Any]]) -> Iterator[Finding]:
        from tqcheck.names.analysis import tie_zipf, zipf_lookup
        from tqcheck.names.canonical import choose
        from tqcheck.names.grouping import group, reason_for

        zipf = zipf_lookup(language, self.cuts)
        docs_by_form: dict[str, list[int]] = defaultdict(list)
        totals: Counter[str] = Counter()
        givens: dict[str, set[str]] = defaultdict(set)
        for index, (_, (surnames, given_names, _, _)) in enumerate(analysed):
            for form, (count, _, _) in surnames.items():
                docs_by_form[form].append(index)
                totals[form] += count
                givens[form].update(given_names.get(form, ()))
        glossary = self.glossary()
        reasons: dict[tuple[str, str], str] = {}
        common_word = self._common_word(language)
        for cluster in group(docs_by_form, zipf, givens, common_word=common_word, reasons=reasons):
            spread = {form: len(docs_by_form[form]) for form in cluster}
            preferred = None
            if glossary:
                entry = next((e for e in map(glossary.find, cluster) if e is not None), None)
                form = entry.target(language) if entry else None
                preferred = form.split()[-1] if form else None
            if preferred not in spread:
                preferred = None
            weight = {form: spread[form] * 1_000_000 + totals[form] for form in cluster}
            winner = choose(weight, tie_zipf(language), language, preferred)
            winner_docs = len(docs_by_form[winner])
            example = analysed[docs_by_form[winner][0]][0].path
            spellings_in = Counter(index for form in cluster for index in docs_by_form[form])
            for form in cluster:
                if form == winner:
                    continue
                for index in docs_by_form[form]:
                    if spellings_in[index] > 1:
                        continue  # several spellings in one file: TL001's finding
                    doc, (surnames, _, _, _) = analysed[index]
                    _, start, end = surnames[form]
                    reason = reason_for(form, winner, cluster, reasons)
                    yield corpus_finding(self.spec, doc, start, end, winner, reason, winner_docs, example)
