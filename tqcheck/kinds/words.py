"""The base of the garbled-word kinds: documents without a word table are skipped before any work."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tqcheck.kinds.base import Kind
from tqcheck.language.tokens import document_lexicon

if TYPE_CHECKING:
    from tqcheck.core.model import Document, Finding
    from tqcheck.language.lexicon import Lexicon


class WordKind(Kind):
    """Kinds that judge words against the document language's word table: documents whose
    language is unknown, or has no table, are skipped before any work."""

    COST = 3.0
    SHARES = "words"  # distinct_tokens of the document
    NEEDS_WORDS = True

    def check(self, doc: Document) -> Iterator[Finding]:
        settled = document_lexicon(doc)
        if settled is None:
            return iter(())
        language, lex = settled
        return self.check_words(doc, language, lex)

    def check_words(self, doc: Document, language: str, lex: Lexicon) -> Iterator[Finding]:
        raise NotImplementedError
