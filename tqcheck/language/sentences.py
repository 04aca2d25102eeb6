"""Sentences with offsets: each reader segment (paragraph, heading, item) split by `sentencex`.

Offsets index the document's `checkable` text (so, the file), which is what lets a BT finding
point at the exact sentence of the translated file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tqcheck.core.model import Document
from tqcheck.language.detection import base_language

# Sentence ends that are really abbreviations or initials ("M. Dupont", "Dr. Weber", "J. Smith").
_ABBREVIATION_END = re.compile(
    r"(?:^|[\s(])(?:[A-Z]|M|Mme|Mlle|Mr|Mrs|Ms|Dr|Pr|Prof|St|Ste|Mgr|Me|Hr|Fr|Nr|art|p|pp|vol|ch)\.\s*$"
)
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
        if spans and _ABBREVIATION_END.search(text[spans[-1][0] : spans[-1][1]]):
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
