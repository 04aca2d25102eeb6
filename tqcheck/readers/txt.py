"""Plain text: paragraphs separated by blank lines; suppression comment lines are blanked."""

from __future__ import annotations

import re

from tqcheck.core.directives import TEXT_DIRECTIVE
from tqcheck.core.model import Document, Segment

_BLANK_LINES = re.compile(r"\n[ \t\r]*\n")


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Segment]:
    """Split a region into blank-line separated paragraphs, trimming surrounding whitespace."""
    stop = len(text) if end is None else end
    segments: list[Segment] = []
    pos = start
    for match in _BLANK_LINES.finditer(text, start, stop):
        segments.extend(_trimmed(text, pos, match.start()))
        pos = match.end()
    segments.extend(_trimmed(text, pos, stop))
    return segments


def _trimmed(text: str, start: int, end: int) -> list[Segment]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [Segment(start, end)] if end > start else []


def read_txt(text: str, path: str) -> Document:
    checkable = TEXT_DIRECTIVE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    return Document(
        path=path,
        text=text,
        checkable=checkable,
        segments=paragraphs(checkable),
        format="txt",
    )
