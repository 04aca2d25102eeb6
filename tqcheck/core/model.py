"""The shared vocabulary: severities, documents, findings, rule specs and the rule protocol.

Rules see a `Document` and yield `Finding`s that carry only character offsets; the engine
turns offsets into line/column once, so every reporter renders the same flat record.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable


class Severity(enum.IntEnum):
    """Ordered so that `--fail-on` can compare with `>=`."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            choices = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {value!r} (expected one of: {choices})") from None

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Inline:
    """An inline tag or placeholder inside one side of a pair (`<x id="1"/>`, `%s`, `{name}`):
    kept in the text as written, never checked as words. `code` identifies it across languages."""

    start: int
    end: int
    code: str
    kind: str = "placeholder"  # placeholder | open | close | standalone (a tag)


@dataclass(frozen=True)
class PairText:
    """One side of a bilingual segment as its file gives it: entities and escapes decoded, inline
    tags kept as written. `anchors` map it into the file: (offset here, offset in the file) at the
    start and wherever the two stop advancing together (an entity, an escape, a line joined)."""

    text: str
    inlines: tuple[Inline, ...] = ()
    anchors: tuple[tuple[int, int], ...] = ()

    def file_offset(self, offset: int) -> int:
        """The file offset of a character of `text` (offsets past an entity land on its start)."""
        found = (0, 0)
        for here, there in self.anchors:
            if here > offset:
                break
            found = (here, there)
        return found[1] + offset - found[0]

    def plain(self) -> str:
        """The text with inline tags and placeholders blanked (same length): what words are.
        Computed once: every XL rule reads it."""
        if not self.inlines:
            return self.text
        found = self.__dict__.get("_plain")
        if found is None:
            parts, position = [], 0
            for inline in self.inlines:
                parts += [self.text[position : inline.start], " " * (inline.end - inline.start)]
                position = inline.end
            found = "".join(parts) + self.text[position:]
            object.__setattr__(self, "_plain", found)
        return str(found)


@dataclass(frozen=True)
class Pair:
    """The bilingual content of a segment: its source, its target (the segment's span in the
    file) and, where the file has one, a back-translation."""

    source: PairText
    target: PairText
    back_translation: PairText | None = None
    id: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Segment:
    """A checkable block (paragraph, heading, list item, table cell...) of a document.

    `start`/`end` are offsets into the original text; the segment's text is the same slice of
    the document's `checkable` text, where markup is blanked but nothing is deleted. In a
    bilingual file a segment is one target text and `pair` holds both sides.
    """

    start: int
    end: int
    kind: str = "paragraph"
    pair: Pair | None = None


@dataclass
class Document:
    """One input file as rules see it.

    `text` is the decoded file (after any BOM); `checkable` has the same length, with
    everything that must never be checked (code, URLs, markup, front matter) replaced by
    spaces, newlines kept. Every offset anywhere in tqcheck indexes both strings alike.
    """

    path: str
    text: str
    checkable: str
    segments: list[Segment]
    format: str = "txt"
    language: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    companions: dict[str, Document] = field(default_factory=dict)
    bom: bool = False  # the file began with a UTF-8 BOM (not part of `text`); fixes keep it
    source_language: str | None = None  # bilingual files: the language of the segments' sources

    def __post_init__(self) -> None:
        if len(self.text) != len(self.checkable):
            raise ValueError("checkable text must have the same length as the original")

    def segment_text(self, segment: Segment) -> str:
        return self.checkable[segment.start : segment.end]

    @property
    def pairs(self) -> list[Segment]:
        """The segments that carry a source (bilingual files); empty for monolingual ones."""
        return [segment for segment in self.segments if segment.pair is not None]

    def is_masked(self, start: int, end: int) -> bool:
        """True when any character of the span was blanked as markup or code."""
        return self.text[start:end] != self.checkable[start:end]


@dataclass(frozen=True)
class Finding:
    """One problem, flat and serialisable; line/column are 1-based code points."""

    rule: str
    name: str
    severity: Severity
    path: str
    start: int
    end: int
    match: str
    message: str
    suggestion: str | None = None
    fix_safe: bool = False
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    reason: str | None = None  # why the rule matched, when it weighs evidence (TL: which key or evidence)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.start, self.end, self.rule)


@dataclass(frozen=True)
class InputError:
    """A problem with one file, reported on its own line while the run goes on. `kind` says
    which: "read" (the file could not be read, so it was not checked), "timeout" (a rule was
    stopped by its time budget on it; the other rules checked it) or "write" (`--fix` could not
    write it; it is left as it was)."""

    path: str
    message: str
    kind: str = "read"


@dataclass(frozen=True)
class RuleDoc:
    """The ruff-style explanation shown by `tqcheck rule ID`."""

    what: str = ""
    why: str = ""
    instead: str = ""


@dataclass(frozen=True)
class RuleSpec:
    """A rule as declared in its YAML file, validated."""

    id: str
    name: str
    kind: str
    severity: Severity
    pack: str
    message: str
    options: Mapping[str, Any]
    doc: RuleDoc
    examples_fail: Sequence[str]
    examples_pass: Sequence[str]
    source: Path
    default: bool = True
    fix: str = "unsafe"  # "safe": --fix may apply the suggestion; "unsafe": never
    languages: Sequence[str] = ()
    # options the examples run with, for a rule that acts only once configured (a glossary)
    example_options: Mapping[str, Any] = field(default_factory=dict)

    def finding(
        self,
        doc: Document,
        start: int,
        end: int,
        *,
        suggestion: str | None = None,
        message: str | None = None,
        safe: bool = True,
        reason: str | None = None,
        **fields: object,
    ) -> Finding:
        """Build a finding, formatting the rule's message template with the match."""
        match = doc.text[start:end]
        template = message if message is not None else self.message
        text = template.format_map(_Defaulting(match=match, suggestion=suggestion or "", **fields))
        return Finding(
            rule=self.id,
            name=self.name,
            severity=self.severity,
            path=doc.path,
            start=start,
            end=end,
            match=match,
            message=text,
            suggestion=suggestion,
            fix_safe=safe and self.fix == "safe" and suggestion is not None,
            reason=reason,
        )


class _Defaulting(dict[str, object]):
    """Leaves unknown `{placeholders}` visible instead of raising in a user's message."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@runtime_checkable
class Rule(Protocol):
    """What every kind instance offers: one whole-document check."""

    spec: RuleSpec

    def check(self, doc: Document) -> Iterable[Finding]: ...


@runtime_checkable
class CorpusRule(Protocol):
    """Kinds that also compare documents with each other.

    `summarise` runs in the per-document pass, possibly in a worker process (its result must
    pickle); `check_corpus` runs once per run in the parent, with each document's summary.
    """

    spec: RuleSpec

    def summarise(self, doc: Document) -> object: ...

    def check_corpus(self, docs: Sequence[Document], summaries: Sequence[object]) -> Iterable[Finding]: ...
