"""Markdown via markdown-it-py: only prose is checkable, every offset stays exact.

markdown-it gives block structure with line maps; inline tokens carry no positions, so each
inline block's content is located in its source lines and inline markup inside it (code
spans, link targets, URLs, HTML, emphasis markers) is blanked with a few anchored patterns.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from tqcheck.core.model import Document, Segment
from tqcheck.core.yaml_load import safe_load

# Every pattern starts with a literal character (lookbehinds come after it), so their
# alternation compiles to a fast first-character scan: ~15x faster than leading lookbehinds.
_INLINE_MASKS = [
    r"`(?P<ticks>`*)(?!`)(?s:.*?)(?<!`)`(?P=ticks)(?!`)",  # code spans
    r"<!--(?s:.*?)-->",  # HTML comments
    r"!\[[^\]\n]*\]\([^)\n]*\)",  # images (alt text is not prose we publish)
    r"\]\((?:<[^>\n]*>|[^)\s]*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\)",  # link targets
    r"\]\[[^\]\n]*\]",  # reference link labels
    r"<(?:https?|ftp|mailto):[^>\s]*>",  # autolinks
    r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>",  # inline HTML tags
    r"h(?<!\wh)ttps?://[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]",  # bare URLs
    r"w(?<!\ww)ww\.[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]",
    r"\\(?=[!-/:-@\[-`{-~])",  # backslash escapes
    r"\*(?:(?<![\w*]\*)\*{0,2}(?=\S)|(?<=\S\*)\*{0,2}(?![\w*]))",  # emphasis with *
    r"_(?:(?<![\w_]_)_{0,2}(?=\S)|(?<=\S_)_{0,2}(?![\w_]))",  # emphasis with _
    r"~~",  # strikethrough
    r"\[(?<!\]\[)(?=[^\]\n]*\](?:\(|\[))",  # opening bracket of a link
    r"\[\^[^\]\n]*\]",  # footnote references
]
# One alternation: at each position the leftmost construct wins, so a URL inside a code span
# is part of the code span, as in Markdown itself.
_INLINE_MARKUP = re.compile("|".join(f"(?:{pattern})" for pattern in _INLINE_MASKS))
# E-mail addresses start at any word character, which would defeat the fast scan; they are
# blanked in a second pass, only where the paragraph holds an "@".
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")

# Every construct above starts with one of these (e-mail addresses contain "@").
_MARKUP_TRIGGER = re.compile(r"[`<!\[\]\\*_~@]|https?:|www\.")
_NOT_NEWLINE = re.compile(r"[^\n]")
_HEADING_TRAIL = re.compile(r"[ \t]+#+[ \t]*$")
_BLOCK_KINDS = {"heading": "heading", "th": "table", "td": "table", "list_item": "list_item"}


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # Only block structure is used (inline tokens carry no positions): skipping the inline
    # parse more than doubles throughput.
    parser = MarkdownIt("commonmark").enable("table").enable("strikethrough").use(front_matter_plugin)
    parser.disable(["inline", "text_join"], ignoreInvalid=True)
    return parser


def read_markdown(text: str, path: str) -> Document:
    tokens = _parser().parse(text)
    lines = text.splitlines(keepends=True)
    line_offsets = [0]
    for line in lines:
        line_offsets.append(line_offsets[-1] + len(line))

    visible: list[tuple[int, int]] = []
    segments: list[Segment] = []
    meta: dict[str, Any] = {}
    open_blocks: list[str] = []
    search_from: dict[int, int] = {}
    for token in tokens:
        if token.type == "front_matter":
            meta = _front_matter(token.content)
        elif token.nesting == 1:
            open_blocks.append(token.type[: -len("_open")])
        elif token.nesting == -1 and open_blocks:
            open_blocks.pop()
        elif token.type == "inline" and token.map is not None:
            kind = _kind(open_blocks)
            spans = _locate_inline(lines, line_offsets, token.map, token.content, kind, search_from)
            if spans:
                visible.extend(spans)
                segments.append(Segment(spans[0][0], spans[-1][1], kind))

    shown = _keep_only(text, visible)
    hidden: list[tuple[int, int]] = []
    for segment in segments:
        if not _MARKUP_TRIGGER.search(shown, segment.start, segment.end):
            continue  # most news paragraphs hold no inline markup at all
        region = shown[segment.start : segment.end]
        hidden.extend((segment.start + m.start(), segment.start + m.end()) for m in _INLINE_MARKUP.finditer(region))
        if "@" in region:
            hidden.extend((segment.start + m.start(), segment.start + m.end()) for m in _EMAIL.finditer(region))
    checkable = _blank_spans(shown, hidden) if hidden else shown
    return Document(
        path=path,
        text=text,
        checkable=checkable,
        segments=_dedupe(segments),
        format="md",
        meta=meta,
    )


def _blank(piece: str) -> str:
    return _NOT_NEWLINE.sub(" ", piece)


def _keep_only(text: str, spans: list[tuple[int, int]]) -> str:
    """Blank everything outside the given spans (newlines stay)."""
    pieces: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        if start < pos:
            start = pos
        if end <= start:
            continue
        pieces.append(_blank(text[pos:start]))
        pieces.append(text[start:end])
        pos = end
    pieces.append(_blank(text[pos:]))
    return "".join(pieces)


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """Blank the given (possibly overlapping) spans."""
    pieces: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        start = max(start, pos)
        if end <= start:
            continue
        pieces.append(text[pos:start])
        pieces.append(_blank(text[start:end]))
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


def _kind(open_blocks: list[str]) -> str:
    for block in reversed(open_blocks):
        if block in _BLOCK_KINDS:
            return _BLOCK_KINDS[block]
    return "paragraph"


def _locate_inline(
    lines: list[str],
    line_offsets: list[int],
    line_map: list[int],
    content: str,
    kind: str,
    search_from: dict[int, int],
) -> list[tuple[int, int]]:
    """Find the source spans of one inline block's content lines (prefixes like '> ' excluded)."""
    first_line, last_line = line_map
    spans: list[tuple[int, int]] = []
    cursor_line = first_line
    for raw_piece in content.split("\n"):
        piece = raw_piece.strip()
        if not piece:
            cursor_line += 1
            continue
        for line_no in range(cursor_line, min(last_line, len(lines))):
            source = lines[line_no]
            if kind == "heading":
                source = _HEADING_TRAIL.sub("", source.rstrip("\r\n"))
            idx = source.find(piece, search_from.get(line_no, 0))
            if idx < 0:
                continue
            start = line_offsets[line_no] + idx
            spans.append((start, start + len(piece)))
            search_from[line_no] = idx + len(piece)
            cursor_line = line_no if kind == "table" else line_no + 1
            break
    return spans


def _dedupe(segments: list[Segment]) -> list[Segment]:
    seen: set[tuple[int, int]] = set()
    result = []
    for segment in sorted(segments, key=lambda s: s.start):
        if (segment.start, segment.end) not in seen:
            seen.add((segment.start, segment.end))
            result.append(segment)
    return result


def _front_matter(raw: str) -> dict[str, Any]:
    try:
        data = safe_load(raw)
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}
