"""A notice for documents whose language could not be settled, so word rules never skip in
silence: it names the rules that skipped the document and says how to declare the language."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from tqcheck.core.model import Document, Finding
from tqcheck.kinds.base import Kind
from tqcheck.language.tokens import document_lexicon

_HOW = 'declare it with `lang:` in the front matter, `language = ".."` in tqcheck.toml or --language'


class LanguageNotice(Kind):
    """Flags the first line of a document whose word rules were skipped (language not
    detected, or no word list for it)."""

    COST = 0.1

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._skipping: tuple[str, ...] = ()

    def see_rules(self, rules: Sequence[Kind]) -> None:
        self._skipping = tuple(rule.spec.id for rule in rules if rule.NEEDS_WORDS)

    def check(self, doc: Document) -> Iterator[Finding]:
        if not doc.segments or document_lexicon(doc) is not None:
            return
        first = doc.segments[0]
        line_end = doc.text.find("\n", first.start, first.end)
        end = first.end if line_end < 0 else line_end
        while end > first.start and doc.text[end - 1].isspace():
            end -= 1
        if end <= first.start:
            return
        state = f"no word list for '{doc.language}'" if doc.language else "language not detected"
        skipped = ", ".join(self._skipping) if self._skipping else "rules that need a word list"
        yield self.spec.finding(doc, first.start, end, state=state, skipped=skipped, how=_HOW)
