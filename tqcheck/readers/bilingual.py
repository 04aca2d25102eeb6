"""What the bilingual readers (XLIFF, PO, TMX, TSV/CSV) share: one side of a unit assembled
piece by piece from the file, and the Document whose checkable text shows the targets only.

The file stays the document's text, so every offset (and so every line and column) points into
it. The checkable text blanks everything but the target texts, and inside those the inline tags,
placeholders and the padding of entities and escapes: the monolingual rules read the targets as
prose, exactly where they are in the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tqcheck.core.errors import one_line
from tqcheck.core.model import Document, Inline, Pair, PairText, Segment
from tqcheck.readers.inline import find_inlines


class TextBuilder:
    """One side of a unit, appended in file order: verbatim text, decoded entities or escapes,
    inline tags and placeholders."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.expected = -1  # the file offset the next piece continues from
        self.anchors: list[tuple[int, int]] = []
        self.inlines: list[Inline] = []
        # (file offset, what the checkable text shows there): targets only
        self.placements: list[tuple[int, str]] = []

    def verbatim(self, text: str, at: int) -> None:
        """Text that is in the file as it is, at offset `at`."""
        self._add(text, at, len(text), text.replace("\n", " ") if "\n" in text else text)

    def decoded(self, text: str, at: int, length: int) -> None:
        """One entity or escape: `length` file characters that stand for `text`."""
        shown = text.replace("\n", " ").replace("\t", " ")
        self._add(text, at, length, (shown + " " * length)[:length])

    def inline(self, raw: str, at: int, code: str, kind: str) -> None:
        """A tag written as it is in the file, kept in the text and blanked for the rules."""
        self.inlines.append(Inline(self.size, self.size + len(raw), code, kind))
        self._add(raw, at, len(raw), " " * len(raw))

    def skipped(self, at: int, length: int) -> None:
        """File text that belongs to no side (a comment inside a target)."""
        self.expected = -1

    def _add(self, text: str, at: int, length: int, shown: str) -> None:
        if at != self.expected:
            self.anchors.append((self.size, at))
        self.parts.append(text)
        self.placements.append((at, shown))
        self.size += len(text)
        self.expected = at + length
        if length != len(text):
            self.anchors.append((self.size, self.expected))  # the text after it starts afresh

    def build(self, *, tags: bool = False) -> PairText:
        """The side, with placeholders found in its text (and markup tags, for plain formats)."""
        text = "".join(self.parts)
        inlines = find_inlines(text, tuple(self.inlines), tags=tags) if text else ()
        return PairText(text, inlines, tuple(self.anchors))


@dataclass
class Unit:
    """A unit as a reader found it. `target_at` is where the target text is in the file (for an
    empty target, where it would be)."""

    source: TextBuilder
    target: TextBuilder
    target_at: int
    target_end: int
    back_translation: TextBuilder | None = None
    id: str | None = None
    note: str | None = None
    kind: str = "unit"
    extra: dict[str, str] = field(default_factory=dict)


def build_document(
    path: str,
    text: str,
    units: list[Unit],
    fmt: str,
    *,
    source_language: str | None,
    target_language: str | None,
    tags: bool = False,
    meta: dict[str, object] | None = None,
) -> Document:
    """The Document of a bilingual file: one segment per unit with a target. The checkable
    text is spliced once from the blanked file and the targets' pieces (no per-character work)."""
    shown: list[tuple[int, str]] = []
    blanked: list[tuple[int, str]] = []
    segments: list[Segment] = []
    for unit in units:
        source = unit.source.build(tags=tags)
        target = unit.target.build(tags=tags)
        back = unit.back_translation.build(tags=tags) if unit.back_translation is not None else None
        shown += unit.target.placements
        for inline in target.inlines:
            if inline.kind == "placeholder" or tags:  # found after placement: blank them now
                blanked += _blanks(target, inline.start, inline.end)
        pair = Pair(source, target, back, unit.id, unit.note)
        segments.append(Segment(unit.target_at, unit.target_end, unit.kind, pair))
    checkable = splice(splice(blank(text), shown), blanked)
    return Document(
        path=path,
        text=text,
        checkable=checkable,
        segments=segments,
        format=fmt,
        language=target_language,
        source_language=source_language,
        meta=dict(meta or {}),
    )


def blank(text: str) -> str:
    """The text as spaces, its newlines kept."""
    return "\n".join(" " * len(line) for line in text.split("\n"))


def splice(base: str, edits: list[tuple[int, str]]) -> str:
    """`base` with each (offset, text) written over it (same length), in one join."""
    if not edits:
        return base
    parts: list[str] = []
    position = 0
    for at, piece in sorted(edits, key=_first):
        if at < position:  # overlapping pieces: the part not yet written
            piece, at = piece[position - at :], position
        if piece:
            parts += (base[position:at], piece)
            position = at + len(piece)
    parts.append(base[position:])
    return "".join(parts)


def _first(edit: tuple[int, str]) -> int:
    return edit[0]


def _blanks(side: PairText, start: int, end: int) -> list[tuple[int, str]]:
    """The file characters of side[start:end], as spaces (one run unless an entity is inside)."""
    at = side.file_offset(start)
    if side.file_offset(end - 1) == at + end - 1 - start:
        return [(at, " " * (end - start))]
    return [(side.file_offset(offset), " ") for offset in range(start, end)]


class ReadError(ValueError):
    """A malformed bilingual file: the message names the line (the path is added by the caller)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(one_line(f"line {line}: {message}" if line else message))
        self.line = line


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1
