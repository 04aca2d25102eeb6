"""`pair-spacing` (XL009): spaces and closing punctuation that differ between source and target.

- leading or trailing whitespace on one side only (software strings are concatenated);
- a doubled space in the target where the source has none;
- the closing punctuation: a source ending in `.`, `?`, `!`, `:` or `…` and a target ending
  otherwise (or the other way round), read by each language's conventions: a French ` ?`
  with its space, Spanish `¿…?`, Greek `;` for `?`, the Arabic `؟`, CJK full-width marks;
  closing quotes and brackets are looked through.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tqcheck.core.model import Document, Finding, PairText, Segment
from tqcheck.kinds.pairs import PairKind, pairs

_DOUBLE = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")
_CLOSERS = "\"'’”»«)]}›*_ \u00a0\u202f\t\n"
_CLASSES = {
    ".": ".",
    "。": ".",
    "։": ".",
    "।": ".",
    "?": "?",
    "？": "?",
    "؟": "?",
    "!": "!",
    "！": "!",
    ":": ":",
    "：": ":",
    "…": "…",
    ";": ";",
    "；": ";",
}
_NAMES = {".": "a full stop", "?": "a question mark", "!": "an exclamation mark", ":": "a colon", "…": "an ellipsis",
          ";": "a semicolon", "": "no closing punctuation"}  # fmt: skip


def ending(text: str, language: str) -> str:
    """The class of a text's closing punctuation ('' for none), by the language's conventions."""
    body = text.rstrip(_CLOSERS)
    if body.endswith("..."):
        return "…"
    mark = _CLASSES.get(body[-1:], "") if body else ""
    if mark == ";" and language == "el":
        return "?"  # the Greek question mark is written as a semicolon
    return mark


class PairSpacing(PairKind):
    def check(self, doc: Document) -> Iterator[Finding]:
        source_language, target_language = self.languages(doc)
        for segment, pair in pairs(doc):
            source, target = pair.source.plain(), pair.target.plain()
            if not target.strip() or not source.strip():
                continue
            yield from self._edges(doc, segment, source, target, pair.target)
            for match in _DOUBLE.finditer(target):
                if not _DOUBLE.search(source):
                    yield self.target_finding(
                        doc, segment, match.span(), suggestion=" ", message="Doubled space; the source has none."
                    )
            src_end, tgt_end = ending(source, source_language), ending(target, target_language)
            if src_end != tgt_end and not _equivalent(src_end, tgt_end):
                body = target.rstrip(_CLOSERS)
                at = len(body) - 1 if tgt_end else len(body)
                span = (max(at, 0), len(body)) if tgt_end else (max(len(body) - 1, 0), len(body))
                yield self.target_finding(
                    doc,
                    segment,
                    span,
                    message="The source ends with {source_mark}, the target with {target_mark}.",
                    source_mark=_NAMES[src_end],
                    target_mark=_NAMES[tgt_end],
                )

    def _edges(self, doc: Document, segment: Segment, source: str, target: str, side: PairText) -> Iterator[Finding]:
        lead_src, lead_tgt = len(source) - len(source.lstrip()), len(target) - len(target.lstrip())
        if bool(lead_src) != bool(lead_tgt):
            span = (0, lead_tgt) if lead_tgt else (0, 0)
            which = "the target has leading space, the source none" if lead_tgt else "the source has leading space"
            yield self.target_finding(doc, segment, span, message=f"Leading whitespace differs: {which}.")
        trail_src, trail_tgt = len(source) - len(source.rstrip()), len(target) - len(target.rstrip())
        if bool(trail_src) != bool(trail_tgt):
            end = len(side.text)
            span = (end - trail_tgt, end) if trail_tgt else (end, end)
            which = "the target has trailing space, the source none" if trail_tgt else "the source has trailing space"
            yield self.target_finding(doc, segment, span, message=f"Trailing whitespace differs: {which}.")


def _equivalent(source: str, target: str) -> bool:
    """Endings that translate each other: `…` for `.` in a list, `:` for `.` before a list are not."""
    return {source, target} == {".", "…"}
