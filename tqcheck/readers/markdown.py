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

from tqcheck.model import Document, Segment

_INLINE_MASKS = [
    re.compile(r"(?s)(`+)(?!`).*?(?<!`)\1(?!`)"),  # code spans
    re.compile(r"<!--.*?-->", re.S),  # HTML comments
    re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"),  # images (alt text is not prose we publish)
    re.compile(r"\]\((?:<[^>\n]*>|[^)\s]*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\)"),  # link targets
    re.compile(r"\]\[[^\]\n]*\]"),  # reference link labels
    re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>"),  # autolinks
    re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"),  # inline HTML tags
    re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]"),  # bare URLs
    re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"),  # e-mail addresses
    re.compile(r"\\(?=[!-/:-@\[-`{-~])"),  # backslash escapes
    re.compile(r"(?<![\w*])\*{1,3}(?=\S)|(?<=\S)\*{1,3}(?![\w*])"),  # emphasis with *
    re.compile(r"(?<![\w_])_{1,3}(?=\S)|(?<=\S)_{1,3}(?![\w_])"),  # emphasis with _
    re.compile(r"~~"),  # strikethrough
    re.compile(r"(?<!\])\[(?=[^\]\n]*\](?:\(|\[))"),  # opening bracket of a link
    re.compile(r"\[\^[^\]\n]*\]"),  # footnote references
]

# Literal text each mask needs (same order as _INLINE_MASKS): most prose has none of them.
_TRIGGERS: list[tuple[str, ...]] = [
    ("`",), ("<!--",), ("![",), ("](",), ("][",), ("<",), ("<",), ("://", "www."), ("@",), ("\\",),
    ("*",), ("_",), ("~~",), ("[",), ("[^",),
]
_HEADING_TRAIL = re.compile(r"[ \t]+#+[ \t]*$")
_BLOCK_KINDS = {"heading": "heading", "th": "table", "td": "table", "list_item": "list_item"}


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # Only block structure and each inline block's raw content are used: skipping the inline
    # parser (links, emphasis) halves the reading time.
    parser = MarkdownIt("commonmark").enable("table").enable("strikethrough").use(front_matter_plugin)
    return parser.disable(["inline", "text_join"], ignoreInvalid=True)


_NOT_NEWLINE = re.compile(r"[^\n]")


def _blank_outside(text: str, spans: list[tuple[int, int]], keep: bool) -> str:
    """Blank (newlines kept) everything outside `spans` (keep=True) or inside them (False).

    Works on slices with one C-level substitution per gap: a per-character Python loop over
    the whole file was the reader's main cost."""
    pieces: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        if end <= pos:
            continue
        start = max(start, pos)
        gap, span = text[pos:start], text[start:end]
        pieces.append(_NOT_NEWLINE.sub(" ", gap) if keep else gap)
        pieces.append(span if keep else _NOT_NEWLINE.sub(" ", span))
        pos = end
    tail = text[pos:]
    pieces.append(_NOT_NEWLINE.sub(" ", tail) if keep else tail)
    return "".join(pieces)


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
            span = _locate_inline(lines, line_offsets, token.map, token.content, kind, visible, search_from)
            if span is not None:
                segments.append(Segment(span[0], span[1], kind))

    base = _blank_outside(text, visible, keep=True)
    masks: list[tuple[int, int]] = []
    active = [(p, t) for p, t in zip(_INLINE_MASKS, _TRIGGERS, strict=True) if any(x in base for x in t)]
    for segment in segments:
        region = base[segment.start : segment.end]
        for pattern, triggers in active:
            if not any(x in region for x in triggers):
                continue  # a pattern cannot match without its literal part: skip the scan
            for match in pattern.finditer(region):
                masks.append((segment.start + match.start(), segment.start + match.end()))
    checkable = _blank_outside(base, masks, keep=False)
    return Document(
        path=path,
        text=text,
        checkable=checkable,
        segments=_dedupe(segments),
        format="md",
        meta=meta,
    )


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
    visible: list[tuple[int, int]],
    search_from: dict[int, int],
) -> tuple[int, int] | None:
    """Mark the source characters of one inline block visible; return its span."""
    first_line, last_line = line_map
    content_lines = content.split("\n")
    seg_start: int | None = None
    seg_end = 0
    cursor_line = first_line
    for piece in content_lines:
        piece = piece.strip()
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
            end = start + len(piece)
            visible.append((start, end))
            search_from[line_no] = idx + len(piece)
            seg_start = start if seg_start is None else min(seg_start, start)
            seg_end = max(seg_end, end)
            cursor_line = line_no if kind == "table" else line_no + 1
            break
    if seg_start is None:
        return None
    return seg_start, seg_end


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
        data = yaml.safe_load(raw)
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}
