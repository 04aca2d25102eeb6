"""TL001 and TL003 for names with the same letters split or cased differently (Kim Jong Un /
Kim Jong-un / Kim Jong-Un, Amirabdollahian / Amir-Abdollahian): names.joined finds them, this
turns them into findings with the TL rules' winner (majority, then the language's form). Also
the filters TL001 applies to every finding (headline case, spellings owned by XL005)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from tqcheck.core.model import Document, Finding, RuleSpec


def overlaps(finding: Finding, spans: Sequence[tuple[int, int]]) -> bool:
    return any(finding.start < end and start < finding.end for start, end in spans)


def covered(finding: Finding, found: Sequence[Finding]) -> bool:
    """Whether a finding of the same file in `found` already covers the words."""
    return overlaps(finding, [(f.start, f.end) for f in found if f.path == finding.path])


def corpus_finding(
    spec: RuleSpec, doc: Document, start: int, end: int, winner: str, reason: str | None, files: int, example: str
) -> Finding:
    """TL003's finding: the words at start-end of `doc` should read `winner`, as in `files` files
    (`example` is one of them)."""
    return spec.finding(doc, start, end, suggestion=winner, reason=reason, other=winner, files=files, example=example)


def headline_case(doc: Document, finding: Finding) -> bool:
    """A spelling that differs from the suggestion in letter case only, in a Title Case headline,
    which capitalises after a hyphen by style (Kim Il-Sung Statue Unveiled)."""
    from tqcheck.names.mentions import is_title_line

    if finding.match.casefold() != str(finding.suggestion or "").casefold():
        return False
    return is_title_line(doc.checkable, doc.checkable.rfind("\n", 0, finding.start) + 1)


def in_document(
    spec: RuleSpec, doc: Document, cuts: Any, common_word: float, found: Sequence[Finding]
) -> list[Finding]:
    """TL001: mentions written otherwise than most mentions of the same name in the document,
    except where another TL001 finding (`found`) already covers the words."""
    from tqcheck.names import joined
    from tqcheck.names.analysis import analyse, language_of, tie_zipf, zipf_lookup
    from tqcheck.names.canonical import choose

    language = language_of(doc)
    ties = tie_zipf(language)

    def winner(counts: dict[str, int], first: dict[str, int]) -> str:
        return choose(counts, ties, language, None, first)

    zipf = zipf_lookup(language, cuts)
    taken = [(finding.start, finding.end) for finding in found]
    out = []
    for variant in joined.variants(doc.checkable, analyse(doc, cuts).chains, zipf, common_word, winner):
        finding = spec.finding(
            doc,
            variant.start,
            variant.end,
            suggestion=variant.form,
            reason=variant.reason,
            other=variant.form,
            count=variant.count,
        )
        if not overlaps(finding, taken):
            out.append(finding)
    return out


def across_files(
    spec: RuleSpec,
    language: str,
    analysed: Sequence[tuple[Document, Any]],
    cuts: Any,
    common_word: float,
    found: Sequence[Finding],
) -> Iterator[Finding]:
    """TL003: a file's first mention written otherwise than the name is in most files, except
    where another TL003 finding (`found`) already covers the words."""
    from tqcheck.names import joined
    from tqcheck.names.analysis import tie_zipf, zipf_lookup
    from tqcheck.names.canonical import choose

    ties = tie_zipf(language)
    zipf = zipf_lookup(language, cuts)
    summaries = [names[2] for _, names in analysed]
    for index, variant, example in joined.across(
        summaries, zipf, common_word, lambda weights: choose(weights, ties, language)
    ):
        doc, path = analysed[index][0], analysed[example][0].path
        finding = corpus_finding(
            spec, doc, variant.start, variant.end, variant.form, variant.reason, variant.count, path
        )
        if not covered(finding, found):
            yield finding


def owned_by(finding: Finding, owned: list[frozenset[str]]) -> bool:
    """Whether the flagged spelling and the one it is told to follow are both spellings XL005
    reports for one source name (TL001 leaves those to XL005)."""
    if not owned:
        return False
    pair = {finding.match.casefold(), str(finding.suggestion or "").casefold()}
    return any(pair <= spellings for spellings in owned)
