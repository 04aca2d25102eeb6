"""The names of a corpus: each cluster of spellings with counts, files and per-language forms.

Feeds `tqcheck names` (table, JSON) and `--write-glossary`, so a desk can bootstrap its house list
from its own archive. Clustering is the same as TL003's (bucketed, never all pairs).

A spelling the garbled-word rules flag (`Hnault`, `Jean-Stphane`) is never canonical: the clean
spelling wins, else the single repair the rules propose (`Hénault`), else the cluster is left
out of a glossary; full names are repaired word by word the same way.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tqcheck.core.model import Document
from tqcheck.names.analysis import DocNames, analyse, full_names, language_of, tie_zipf, zipf_lookup
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
    garbled: dict[str, str | None] = field(default_factory=dict)  # flagged spelling -> its repair, if one
    unsure: bool = False  # every spelling garbled and no single repair: never written to a glossary

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
            "garbled": dict(sorted(self.garbled.items())),
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
    flags: Mapping[str, Sequence[Flag]] | None = None,
) -> list[Cluster]:
    """The names of `docs`, clustered by spelling. `common_word`: see grouping.group; single
    spellings at least `common_name_word` frequent are ordinary capitalised words (Monday, Europe).
    `flags`: per document path, the spans the garbled-word rules flagged, with their safe repair."""
    main = main_language(docs)
    zipf = zipf_lookup(main, cuts)
    counts: Counter[str] = Counter()
    files: dict[str, list[str]] = defaultdict(list)
    givens: dict[str, set[str]] = defaultdict(set)
    full: dict[str, Counter[str]] = defaultdict(Counter)
    by_language: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    bad: dict[str, str | None] = {}  # garbled name word -> its repair (None: no safe one)
    for doc in docs:
        names = analyse(doc, cuts)
        _garbled_words(doc, names, (flags or {}).get(doc.path, ()), bad)
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
        clean = {form: n for form, n in spellings.items() if form not in bad}
        repairs = {fixed for form in spellings if (fixed := bad.get(form))}
        unsure = not clean and len(repairs) != 1
        if clean:
            canonical = choose(clean, tie_zipf(main), main)
            fulls = _repaired(full[canonical], bad)
        else:  # every spelling garbled: the single repair, if the rules propose one
            canonical = next(iter(repairs)) if len(repairs) == 1 else max(spellings, key=spellings.__getitem__)
            fulls = _repaired(sum((full[form] for form in members), Counter()), bad)
        full_name = max(fulls, key=lambda f: (len(f.split()) > 1, fulls[f])) if fulls else canonical
        result.append(
            Cluster(
                canonical=canonical,
                full_name=full_name,
                spellings=spellings,
                files={form: sorted(set(files[form])) for form in members},
                languages=_per_language(members, by_language, main, full_name, bad),
                full_names=dict(sum((full[form] for form in members), Counter())),
                reasons={f: reason_for(f, canonical, members, reasons) for f in members if f != canonical},
                garbled={form: bad[form] for form in members if form in bad},
                unsure=unsure,
            )
        )
    return sorted(result, key=lambda c: (-c.total, c.canonical))


def _per_language(
    members: list[str],
    by_language: dict[str, dict[str, Counter[str]]],
    main: str,
    full_name: str,
    bad: Mapping[str, str | None],
) -> dict[str, str]:
    """For each other language in the corpus, its majority full form when it differs."""
    merged: dict[str, Counter[str]] = defaultdict(Counter)
    for form in members:
        for language, forms in by_language[form].items():
            merged[language].update(_repaired(forms, bad))
    out = {}
    for language, forms in merged.items():
        if language == main or not forms:
            continue
        best = max(forms, key=lambda f: (len(f.split()) > 1, forms[f]))
        if best != full_name:
            out[language] = best
    return out


# a span the garbled-word rules flagged: start, end, and the repair when it is safe
Flag = tuple[int, int, str | None]


def _garbled_words(doc: Document, names: DocNames, flags: Sequence[Flag], bad: dict[str, str | None]) -> None:
    """Name words of `doc` that overlap a flagged span, with the word as repaired (if safe)."""
    if not flags:
        return
    ordered = sorted(flags)
    starts = [f[0] for f in ordered]
    for run in names.runs:
        for token in run.tokens:
            k = bisect_right(starts, token.end) - 1
            while k >= 0 and ordered[k][1] > token.start:
                start, end, repair = ordered[k]
                if start < token.end:
                    word = doc.checkable[token.start : token.end]
                    fixed = None
                    if repair is not None and token.start <= start and end <= token.end:
                        fixed = word[: start - token.start] + repair + word[end - token.start :]
                    if bad.get(token.form) is None:
                        bad[token.form] = fixed
                    break
                k -= 1


def _repaired(forms: Mapping[str, int], bad: Mapping[str, str | None]) -> Counter[str]:
    """Full names with their garbled words repaired; those with a word beyond repair dropped."""
    out: Counter[str] = Counter()
    for form, count in forms.items():
        words = form.split()
        if any(w in bad and bad[w] is None for w in words):
            continue
        out[" ".join(bad.get(w) or w for w in words)] += count
    return out
