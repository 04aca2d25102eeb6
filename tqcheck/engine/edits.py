"""Fixes as edits of one text: which suggestions apply, and how a deletion leaves the page tidy.

A finding's span is what a reader should look at; the edit that fixes it may be a little wider.
A deletion that empties its line takes the line with it (and, between two paragraphs, one of the
blank lines around it), so removing "Source link" never leaves a run of blank lines; a deletion
that reaches the end of a line takes the spaces before it, so no trailing space is left behind,
and one between two spaces takes the second. Edits never overlap: of two overlapping fixes the
first applies and the next run applies the other. Text outside the edits is never touched.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tqcheck.core.model import Finding

_SPACE = " \t"


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] with `replacement`; the findings it fixes."""

    start: int
    end: int
    replacement: str
    findings: tuple[Finding, ...]


def fixable(finding: Finding, unsafe: bool = False) -> bool:
    """A fix exists (a suggestion) and may be applied: marked safe, or `--unsafe-fixes`."""
    return finding.suggestion is not None and (finding.fix_safe or unsafe)


def plan(text: str, findings: Iterable[Finding], *, unsafe: bool = False) -> list[Edit]:
    """The edits that fix `findings` in `text`: non-overlapping, in order, tidied."""
    chosen: list[Edit] = []
    last_end = -1
    for finding in sorted(findings, key=lambda f: (f.start, f.end, f.rule)):
        if not fixable(finding, unsafe) or finding.start < last_end:
            continue
        if text[finding.start : finding.end] != finding.match or finding.suggestion == finding.match:
            continue
        chosen.append(Edit(finding.start, finding.end, finding.suggestion or "", (finding,)))
        last_end = max(finding.end, finding.start + 1)  # one insertion per position
    return _tidy(text, chosen)


def apply(text: str, edits: Sequence[Edit]) -> str:
    pieces: list[str] = []
    pos = 0
    for edit in edits:
        pieces.append(text[pos : edit.start])
        pieces.append(edit.replacement)
        pos = edit.end
    pieces.append(text[pos:])
    return "".join(pieces)


@dataclass
class _Line:
    start: int
    end: int  # after the terminator
    content_end: int  # before the terminator ("\r\n" or "\n")
    edits: list[Edit]

    def blank(self, text: str) -> bool:
        return not self.edits and not text[self.start : self.content_end].strip(_SPACE)


def _lines(text: str) -> list[_Line]:
    lines = []
    pos = 0
    while pos < len(text):
        newline = text.find("\n", pos)
        end = len(text) if newline < 0 else newline + 1
        content_end = end if newline < 0 else newline - (1 if newline > pos and text[newline - 1] == "\r" else 0)
        lines.append(_Line(pos, end, content_end, []))
        pos = end
    return lines


def _tidy(text: str, edits: list[Edit]) -> list[Edit]:
    """Widen deletions: emptied lines go (with a surplus blank line), trailing spaces go."""
    if all(e.replacement for e in edits):
        return edits
    lines = _lines(text)
    starts = [line.start for line in lines]
    # the line of each edit that stays within one line's content, else None
    where: list[int | None] = []
    for edit in edits:
        number = bisect_right(starts, edit.start) - 1
        inside = number >= 0 and edit.end <= lines[number].content_end
        where.append(number if inside else None)
        if inside:
            lines[number].edits.append(edit)
    emptied = {i for i, line in enumerate(lines) if line.edits and _empties(text, line)}
    out: list[Edit] = []
    done: set[int] = set()
    for edit, index in zip(edits, where, strict=True):
        if index is None:
            out.append(edit)
        elif index not in emptied:
            out.append(_trim_trailing(text, edit, lines[index]))
        elif index not in done:
            last = index
            while last + 1 in emptied:
                last += 1
            done.update(range(index, last + 1))
            found = tuple(f for i in range(index, last + 1) for e in lines[i].edits for f in e.findings)
            out.append(_remove_lines(text, lines, index, last, found))
    return _merged(out)


def _empties(text: str, line: _Line) -> bool:
    """Only deletions on the line, and nothing but spaces would be left of it."""
    if any(e.replacement for e in line.edits):
        return False
    kept = []
    pos = line.start
    for edit in line.edits:
        kept.append(text[pos : edit.start])
        pos = edit.end
    kept.append(text[pos : line.content_end])
    return not "".join(kept).strip(_SPACE)


def _trim_trailing(text: str, edit: Edit, line: _Line) -> Edit:
    """A deletion that reaches the end of its line takes the spaces before and after it; one
    between two spaces takes the space after it (no double space is left)."""
    if edit.replacement:
        return edit
    if text[edit.end : line.content_end].strip(_SPACE):
        between = edit.start > line.start and text[edit.start - 1] in _SPACE and text[edit.end] in _SPACE
        return Edit(edit.start, edit.end + 1, "", edit.findings) if between else edit
    start = edit.start
    while start > line.start and text[start - 1] in _SPACE:
        start -= 1
    return Edit(start, line.content_end, "", edit.findings)


def _remove_lines(text: str, lines: list[_Line], first: int, last: int, found: tuple[Finding, ...]) -> Edit:
    """Lines first..last go whole; between paragraphs, the blank lines after them go too (as
    many as there were before, so the separation stays), at the end of the file those before."""
    before = 0
    while first - before - 1 >= 0 and lines[first - before - 1].blank(text):
        before += 1
    after = 0
    while last + after + 1 < len(lines) and lines[last + after + 1].blank(text):
        after += 1
    at_end = last + after + 1 == len(lines)
    at_start = first - before == 0
    start, end = lines[first].start, lines[last].end
    if at_end:
        # the file's last lines: take the blank lines before too, and keep the file's ending
        # (with or without a final newline) as it was
        end = lines[-1].end
        start = lines[first - before].start
        if not text.endswith("\n") and first - before > 0:
            start = lines[first - before - 1].content_end
    elif at_start:
        end = lines[last + after].end
    elif before and after:
        end = lines[last + min(before, after)].end
    return Edit(start, end, "", found)


def _merged(edits: list[Edit]) -> list[Edit]:
    """Widened edits that now touch or overlap are one edit (deletions only widen)."""
    out: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if out and edit.start < out[-1].end:
            prev = out[-1]
            if prev.replacement or edit.replacement:
                continue  # keep the first; the next run sees the other again
            out[-1] = Edit(prev.start, max(prev.end, edit.end), "", prev.findings + edit.findings)
        else:
            out.append(edit)
    return out
