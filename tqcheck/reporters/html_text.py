"""The HTML report's text views: a finding in its sentence, and a whole document with every
finding marked, each suggestion shown as the edit it proposes (a deletion struck through, a
replacement as the old text struck through and the new one inserted).

Everything is escaped here; callers get HTML fragments. Time is linear in the text and the
findings (one sweep over sorted boundaries per document).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from html import escape

from tqcheck.core.model import Document, Finding, Segment

CONTEXT_LIMIT = 240  # characters of a sentence shown on each side of a finding, at most


def attributes(finding: Finding, index: str, unsafe: bool) -> str:
    """The data attributes the filters read, shared by a finding's mark and its list entry."""
    fixable = finding.suggestion is not None and (finding.fix_safe or unsafe)
    return (
        f"data-f='{index}' data-rule='{escape(finding.rule)}' data-severity='{finding.severity.label}'"
        f" data-fixable='{int(fixable)}'"
    )


def edit(finding: Finding, shown: str | None = None) -> str:
    """The span as a proposed edit: struck through when deleted or replaced, the new text after."""
    text = escape(finding.match if shown is None else shown)
    if finding.suggestion is None:
        return text
    if finding.suggestion == "":
        return f"<del title='delete'>{text or '&#8203;'}</del>"
    inserted = f"<ins>{escape(finding.suggestion)}</ins>"
    return f"<del>{text}</del>{inserted}" if text else inserted


def sentence_bounds(
    doc: Document | None, finding: Finding, sentences: Sequence[tuple[int, int]], segment_starts: Sequence[int]
) -> tuple[int, int]:
    """The sentence around the finding (else its segment, else its line), widened to hold it."""
    if doc is None:
        return finding.start, finding.end
    k = bisect_right(sentences, (finding.start, len(doc.text) + 1)) - 1
    if 0 <= k < len(sentences) and sentences[k][0] <= finding.start < sentences[k][1] + 1:
        start, end = sentences[k]
    else:
        segment = _segment_of(doc.segments, segment_starts, finding.start)
        if segment is not None:
            start, end = segment.start, segment.end
        else:
            start = doc.text.rfind("\n", 0, finding.start) + 1
            newline = doc.text.find("\n", finding.end)
            end = len(doc.text) if newline < 0 else newline
    start, end = min(start, finding.start), max(end, finding.end)
    # a very long "sentence" (a table row, a list without stops): a window cut at spaces
    if finding.start - start > CONTEXT_LIMIT:
        cut = doc.text.find(" ", finding.start - CONTEXT_LIMIT, finding.start)
        start = cut + 1 if cut >= 0 else finding.start - CONTEXT_LIMIT
    if end - finding.end > CONTEXT_LIMIT:
        cut = doc.text.rfind(" ", finding.end, finding.end + CONTEXT_LIMIT)
        end = cut if cut >= 0 else finding.end + CONTEXT_LIMIT
    return start, end


def _segment_of(segments: Sequence[Segment], starts: Sequence[int], offset: int) -> Segment | None:
    k = bisect_right(starts, offset) - 1
    if 0 <= k < len(segments) and segments[k].start <= offset <= segments[k].end:
        return segments[k]
    return None


def in_sentence(doc: Document | None, finding: Finding, bounds: tuple[int, int]) -> str:
    """The finding's sentence with the finding marked as its proposed edit."""
    if doc is None:
        return f"<mark>{edit(finding)}</mark>"
    start, end = bounds
    before = doc.text[start : finding.start]
    after = doc.text[finding.end : end]
    prefix = "…" if start > 0 and not doc.text[start - 1].isspace() and doc.text[start - 1] not in ".!?" else ""
    suffix = "…" if end < len(doc.text) and not doc.text[end].isspace() and doc.text[end - 1 : end] not in ".!?" else ""
    return f"{prefix}{_flat(before)}<mark>{edit(finding, _flat(finding.match, raw=True))}</mark>{_flat(after)}{suffix}"


def _flat(text: str, *, raw: bool = False) -> str:
    """Line breaks inside a sentence read as spaces; escaped unless `raw` (escaped later)."""
    flat = " ".join(text.split("\n")) if "\n" in text else text
    return flat if raw else escape(flat)


def marked_text(doc: Document, findings: Sequence[Finding], ids: Sequence[str], unsafe: bool) -> str:
    """The whole document (line breaks kept by CSS) with every finding marked as its edit.

    Overlapping findings split the text at every boundary; a piece covered by several is
    marked for the first of them (and shown stronger), and each finding's suggestion follows
    its last piece.
    """
    text = doc.text
    bounds = sorted({0, len(text), *(f.start for f in findings), *(f.end for f in findings)})
    starting: dict[int, list[int]] = {}
    ending: dict[int, list[int]] = {}
    for k, f in enumerate(findings):
        starting.setdefault(f.start, []).append(k)
        ending.setdefault(f.end, []).append(k)
    active: list[int] = []
    out: list[str] = []
    for here, there in zip(bounds, [*bounds[1:], len(text)], strict=True):
        for k in ending.get(here, ()):
            if k in active:
                active.remove(k)
            out.append(_insertion(findings[k], ids[k], unsafe))
        for k in starting.get(here, ()):
            if findings[k].end > findings[k].start:
                active.append(k)
        piece = text[here:there]
        if not piece:
            continue
        if not active:
            out.append(escape(piece))
            continue
        first = findings[active[0]]
        inner = escape(piece)
        if first.suggestion is not None:
            inner = f"<del>{inner}</del>"
        extra = " many" if len(active) > 1 else ""
        out.append(
            f"<mark class='f sev-{first.severity.label}{extra}' {attributes(first, ids[active[0]], unsafe)}"
            f" title='{escape(first.rule)}: {escape(first.message)}'>{inner}</mark>"
        )
    return "".join(out)


def _insertion(finding: Finding, index: str, unsafe: bool) -> str:
    """What follows a finding's last piece: its replacement text, if it proposes one."""
    if not finding.suggestion:
        return ""
    title = f"{escape(finding.rule)}: {escape(finding.message)}"
    return (
        f"<ins class='f sev-{finding.severity.label}' {attributes(finding, index, unsafe)} title='{title}'>"
        f"{escape(finding.suggestion)}</ins>"
    )
