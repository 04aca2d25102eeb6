"""The names of a corpus: each cluster of spellings with counts, files and per-language forms.

Feeds `tqcheck names` (table, JSON) and `--write-glossary`, so a desk can bootstrap its house list
from its own archive. Clustering is the same as TL003's (bucketed, never all pairs).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from tqcheck.core.model import Document
from tqcheck.names.analysis import analyse, full_names, language_of, tie_zipf, zipf_lookup
from tqcheck.names.canonical import choose
from tqcheck.names.grouping import Reasons, group, reason_for
from tqcheck.names.mentions import NameCuts


@dataclass
class Cluster:
    """One name: its spellings (surname position), how often and where each occurs."""

    canonical: str
    full_name: str
    spellings: dict[str, int]
    files: dict[str, list[str]]
    languages: dict[str, str] = field(default_factory=dict)
    full_names: dict[str, int] = field(default_factory=dict)  # 'Sergei Lavrov': 2, 'Sergey Lavrov': 1
    reasons: dict[str, str] = field(default_factory=dict)  # spelling -> why it is the canonical's name

    @property
    def total(self) -> int:
        return sum(self.spellings.values())

    def as_json(self) -> dict[str, Any]:
        return {
            "canonical": self.canonical,
            "full_name": self.full_name,
            "count": self.total,
            "spellings": [
                {"spelling": s, "count": n, "files": self.files[s], "reason": self.reasons.get(s)}
                for s, n in sorted(self.spellings.items(), key=lambda kv: (-kv[1], kv[0]))
            ],
            "full_names": dict(sorted(self.full_names.items(), key=lambda kv: (-kv[1], kv[0]))),
            "languages": self.languages,
        }

    def as_glossary_entry(self) -> dict[str, Any]:
        entry: dict[str, Any] = {"canonical": self.full_name}
        variants = [s for s in self.spellings if s != self.canonical]
        if variants:
            entry["variants"] = sorted(variants)
        if self.languages:
            entry["languages"] = dict(sorted(self.languages.items()))
        return entry


def main_language(docs: Sequence[Document]) -> str:
    """The language most documents are in: the canonical forms' language (English if none)."""
    languages = Counter(language_of(doc) for doc in docs)
    return languages.most_common(1)[0][0] if languages else "en"


def inventory(
    docs: Sequence[Document],
    *,
    min_count: int = 1,
    variants_only: bool = False,
    common_word: float,
    common_name_word: float,
    cuts: NameCuts,
) -> list[Cluster]:
    """The names of `docs`, clustered by spelling. `common_word`: see grouping.group; single
    spellings at least `common_name_word` frequent are ordinary capitalised words (Monday, Europe)."""
    main = main_language(docs)
    zipf = zipf_lookup(main, cuts)
    counts: Counter[str] = Counter()
    files: dict[str, list[str]] = defaultdict(list)
    givens: dict[str, set[str]] = defaultdict(set)
    full: dict[str, Counter[str]] = defaultdict(Counter)
    by_language: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for doc in docs:
        names = analyse(doc, cuts)
        full_of = full_names(names)
        language = language_of(doc)
        for form, tokens in names.surnames.items():
            counts[form] += len(tokens)
            files[form].append(doc.path)
            givens[form].update(names.givens.get(form, ()))
            full[form].update(full_of.get(form, {}))
            by_language[form][language].update(full_of.get(form, {}))
    reasons: Reasons = {}
    clustered = group(counts, zipf, givens, common_word=common_word, reasons=reasons)
    seen = {form for cluster in clustered for form in cluster}
    singles = [[form] for form in counts if form not in seen and zipf(form) < common_name_word]
    result = []
    for members in clustered + ([] if variants_only else singles):
        spellings = {form: counts[form] for form in members}
        if sum(spellings.values()) < min_count:
            continue
        canonical = choose(spellings, tie_zipf(main), main)
        fulls = full[canonical]
        full_name = max(fulls, key=lambda f: (len(f.split()) > 1, fulls[f])) if fulls else canonical
        result.append(
            Cluster(
                canonical=canonical,
                full_name=full_name,
                spellings=spellings,
                files={form: sorted(set(files[form])) for form in members},
                languages=_per_language(members, by_language, main, full_name),
                full_names=dict(sum((full[form] for form in members), Counter())),
                reasons={f: reason_for(f, canonical, members, reasons) for f in members if f != canonical},
            )
        )
    return sorted(result, key=lambda c: (-c.total, c.canonical))


def _per_language(
    members: list[str], by_language: dict[str, dict[str, Counter[str]]], main: str, full_name: str
) -> dict[str, str]:
    """For each other language in the corpus, its majority full form when it differs."""
    merged: dict[str, Counter[str]] = defaultdict(Counter)
    for form in members:
        for language, forms in by_language[form].items():
            merged[language].update(forms)
    out = {}
    for language, forms in merged.items():
        if language == main or not forms:
            continue
        best = max(forms, key=lambda f: (len(f.split()) > 1, forms[f]))
        if best != full_name:
            out[language] = best
    return out
