"""`pair-terms` (XL004): the termbase says source term S is rendered T; the target uses another
rendering, or one the termbase forbids.

Termbases are CSV/TSV or TBX files (readers.termbase), named by the config's `termbase` key
(relative to the config file) or the rule's `termbase` option (relative to its pack). Terms
match word by word on Snowball stems of both languages, so `disk` matches `disks` and
`disque dur` matches `disques durs`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from tqcheck.core.model import Document, Finding
from tqcheck.kinds.base import Option
from tqcheck.kinds.pairs import PairKind, pairs

if TYPE_CHECKING:
    from tqcheck.core.config import Config
    from tqcheck.readers.termbase import Term


class PairTerms(PairKind):
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "termbase": Option((str, list), None, help="termbase file(s) (CSV/TSV/TBX), relative to the rule's pack"),
    }

    def __init__(self, spec: object) -> None:
        super().__init__(spec)  # type: ignore[arg-type]
        listed = self.options["termbase"]
        self.paths: list[Path] = [
            self.spec.source.parent / str(item) for item in ([listed] if isinstance(listed, str) else listed or [])
        ]
        self._terms: list[Term] | None = None

    def configure(self, config: Config) -> None:
        for item in config.extra.get("termbase", ()):
            path = Path(item).expanduser()
            self.paths.append(path if path.is_absolute() else config.root / path)
        if self.paths:
            self.terms()  # a broken termbase stops the run before any file is checked

    def terms(self) -> list[Term]:
        if self._terms is None:
            from tqcheck.readers.termbase import load_termbase, merged

            self._terms = merged([term for path in self.paths for term in load_termbase(path)])
        return self._terms

    def check(self, doc: Document) -> Iterator[Finding]:
        if not self.paths:
            return
        from tqcheck.language.stems import stems

        source_language, target_language = self.languages(doc)
        terms = [t for t in self.terms() if _fits(t, source_language, target_language)]
        if not terms:
            return
        compiled = [
            (term, _stemmed(term.source, source_language), _renderings(term, target_language)) for term in terms
        ]
        for segment, pair in pairs(doc):
            if not pair.target.text.strip():
                continue
            source = [s for s, _, _ in stems(pair.source.plain(), source_language)]
            target = stems(pair.target.plain(), target_language)
            target_stems = [s for s, _, _ in target]
            for term, key, (allowed, forbidden) in compiled:
                if not key or _find(source, key) is None:
                    continue
                for _, bad_key in forbidden:
                    at = _find(target_stems, bad_key)
                    if at is not None:
                        span = (target[at][1], target[at + len(bad_key) - 1][2])
                        yield self.target_finding(
                            doc, segment, span, message="The termbase forbids {match} for '{term}'{instead}.",
                            term=term.source, instead=_instead(term),
                        )  # fmt: skip
                        break
                else:
                    if allowed and not any(_find(target_stems, k) is not None for _, k in allowed):
                        yield self.target_finding(
                            doc, segment, message="The termbase renders '{term}' as {targets}; the target has neither.",
                            term=term.source, targets=" or ".join(f"'{t}'" for t in term.targets),
                        )  # fmt: skip


def _fits(term: Term, source_language: str, target_language: str) -> bool:
    return term.source_language in (None, source_language) and term.target_language in (None, target_language)


def _stemmed(phrase: str, language: str) -> tuple[str, ...]:
    from tqcheck.language.stems import stems

    return tuple(s for s, _, _ in stems(phrase, language))


def _renderings(
    term: Term, language: str
) -> tuple[list[tuple[str, tuple[str, ...]]], list[tuple[str, tuple[str, ...]]]]:
    allowed = [(t, _stemmed(t, language)) for t in term.targets]
    forbidden = [(t, _stemmed(t, language)) for t in term.forbidden]
    return [a for a in allowed if a[1]], [f for f in forbidden if f[1]]


def _find(words: list[str], key: tuple[str, ...]) -> int | None:
    """Where the stems of a term start in a text's stems, or None."""
    size = len(key)
    first = key[0]
    for i, word in enumerate(words):
        if word == first and tuple(words[i : i + size]) == key:
            return i
    return None


def _instead(term: Term) -> str:
    return f" (use {' or '.join(repr(t) for t in term.targets)})" if term.targets else ""
