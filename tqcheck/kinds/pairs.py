"""What the XL kinds share: the pairs of a bilingual document and findings placed on the target.

Every XL finding points into the file at the target text (a span of it, or the whole target),
so SARIF and GitHub annotations land on the target's line; a problem of the whole pair (a
number of the source that the target lacks) spans the whole target.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from tqcheck.core.model import Document, Finding, Pair, Segment
from tqcheck.kinds.base import Kind


class PairKind(Kind):
    """Base of the XL kinds: nothing to do for monolingual documents."""

    COST = 0.5
    READS_MARKUP: ClassVar[bool] = True  # an added inline tag is flagged where it is

    def languages(self, doc: Document) -> tuple[str, str]:
        return doc.source_language or "en", doc.language or "en"

    def target_finding(
        self,
        doc: Document,
        segment: Segment,
        span: tuple[int, int] | None = None,
        *,
        suggestion: str | None = None,
        message: str | None = None,
        safe: bool = True,
        reason: str | None = None,
        **fields: object,
    ) -> Finding:
        """A finding on part of the target (logical offsets) or, with no span, on all of it."""
        start, end = self.file_span(segment, span)
        return self.spec.finding(
            doc, start, end, suggestion=suggestion, message=message, safe=safe, reason=reason, **fields
        )

    @staticmethod
    def file_span(segment: Segment, span: tuple[int, int] | None = None) -> tuple[int, int]:
        if span is None or segment.pair is None:
            return segment.start, segment.end
        target = segment.pair.target
        return target.file_offset(span[0]), target.file_offset(span[1])


def pairs(doc: Document) -> Iterator[tuple[Segment, Pair]]:
    for segment in doc.segments:
        if segment.pair is not None:
            yield segment, segment.pair


def quote(text: str, limit: int = 80) -> str:
    """A short, one-line rendering of a segment for a message."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
