"""Sentences with offsets: each reader segment (paragraph, heading, item) split by `sentencex`.

Offsets index the document's `checkable` text (so, the file), which is what lets a BT finding
point at the exact sentence of the translated file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tqcheck.core.model import Document
from tqcheck.language.data import union
from tqcheck.language.detection import base_language


@lru_cache(maxsize=1)
def _abbreviation_end() -> re.Pattern[str]:
    """Sentence ends that are really abbreviations or initials ("M. Dupont", "Dr. Weber", "J. Smith"):
    the `abbreviations.exact_case` of every language's data file (quoted names come from anywhere)."""
    words = sorted(union(lambda data: data.abbreviations.exact_case), key=lambda w: (-len(w), w))
    return re.compile(r"(?:^|[\s(])(?:" + "|".join(["[A-Z]", *map(re.escape, words)]) + r")\.\s*$")


_SPACE = re.compile(r"\s+")
_FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str  # whitespace-collapsed, as embedded


def split_text(text: str, language: str | None, offset: int = 0) -> list[Sentence]:
    """Sentences of one block of text, trimmed, with offsets shifted by `offset`."""
    from sentencex import get_sentence_boundaries

    if not text.strip():
        return []
    spans: list[tuple[int, int]] = []
    for part in get_sentence_boundaries(_language(language), text):
        start, end = int(part["start_index"]), int(part["end_index"])
        if spans and _abbreviation_end().search(text[spans[-1][0] : spans[-1][1]]):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    sentences = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start and any(ch.isalnum() for ch in text[start:end]):
            sentences.append(Sentence(start + offset, end + offset, _SPACE.sub(" ", text[start:end])))
    return sentences


def document_sentences(doc: Document, language: str | None = None) -> list[Sentence]:
    """Every sentence of every segment, in document order."""
    language = language or doc.language
    found: list[Sentence] = []
    for segment in doc.segments:
        found.extend(split_text(doc.segment_text(segment), language, segment.start))
    return found


def _language(code: str | None) -> str:
    if not code:
        return _FALLBACK_LANGUAGE
    return base_language(code) or _FALLBACK_LANGUAGE
