"""Gettext PO/POT: one segment per translated `msgstr` (each plural form its own), source beside it.

polib parses the file (syntax errors, the header's `Language`, flags, obsolete entries); a line
scanner finds where each string literal sits, because polib keeps no offsets. The two must
agree entry by entry. The header entry, obsolete entries and empty `msgstr` (untranslated,
by PO convention) are left out; fuzzy entries are checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tqcheck.core.model import Document
from tqcheck.language.detection import base_language
from tqcheck.readers.bilingual import ReadError, TextBuilder, Unit, build_document

_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)[ \t]+(?=\")")
_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"[ \t]*$')
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


@dataclass
class _Entry:
    """Where an entry's strings are: field -> list of (offset of the literal's content, content)."""

    line: int
    fields: dict[str, list[tuple[int, str]]] = field(default_factory=dict)


def read_po(text: str, path: str) -> Document:
    entries = [e for e in _scan(text) if _joined(e.fields.get("msgid", [])) or "msgctxt" in e.fields]
    catalogue = _polib(text)  # polib keeps the header apart: so do we
    language = base_language(catalogue.metadata.get("Language") or None)
    source_language = base_language(catalogue.metadata.get("X-Source-Language") or None)
    live = [entry for entry in catalogue if not entry.obsolete]
    if len(live) != len(entries):
        raise ReadError(f"PO syntax error: {len(entries)} entries found, polib reads {len(live)}", None)
    units: list[Unit] = []
    for found, entry in zip(entries, live, strict=True):
        if _joined(found.fields.get("msgid", [])) != entry.msgid:
            raise ReadError("PO syntax error: an entry could not be located", found.line)
        ident = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        note = "\n".join(c for c in (entry.comment, entry.tcomment) if c) or None
        # in file order (msgstr[2] may come before msgstr[1]): segments follow the file
        forms = sorted((k for k in found.fields if k.startswith("msgstr")), key=lambda k: found.fields[k][0][0])
        for name in forms:
            literals = found.fields[name]
            if not _joined(literals):
                continue  # untranslated
            index = int(name[7:-1]) if "[" in name else 0
            source_field = "msgid_plural" if index > 0 and "msgid_plural" in found.fields else "msgid"
            source, target = TextBuilder(), TextBuilder()
            _feed(source, found.fields[source_field])
            _feed(target, literals)
            shown = [lit for lit in literals if lit[1]]  # `msgstr ""` before continuation lines
            start, end = shown[0][0], shown[-1][0] + len(shown[-1][1])
            units.append(Unit(source, target, start, end, id=ident, note=note))
    return build_document(path, text, units, "po", source_language=source_language, target_language=language, tags=True)


class _LineFeedLines(str):
    """The file's text for polib, split into lines at LF only, as gettext and our scanner do:
    polib's own `str.splitlines()` also breaks at U+2028, U+0085 and the \\x1c-\\x1e separators,
    which a PO string may hold, and then reports a syntax error in a valid file."""

    def splitlines(self, keepends: bool = False) -> list[str]:
        return self.split("\n")


def _polib(text: str):  # type: ignore[no-untyped-def]
    import polib

    try:  # the added line break also keeps polib from taking a one-line text for a file name
        return polib.pofile(_LineFeedLines(text + "\n"))
    except (OSError, ValueError) as exc:
        line = re.search(r"line (\d+)", str(exc))
        raise ReadError(f"PO syntax error ({exc})", int(line.group(1)) if line else None) from None


def _scan(text: str) -> list[_Entry]:
    """Every non-obsolete entry's string literals with their offsets; clear errors on bad lines."""
    entries: list[_Entry] = []
    current: _Entry | None = None
    last_field: str | None = None
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        start = offset
        offset += len(line) + 1
        stripped = line.rstrip("\r")
        body = stripped.lstrip()
        indent = len(stripped) - len(body)
        if not body or body.startswith("#"):
            if body.startswith("#~") or (not body and current is not None):
                last_field = None
            continue
        keyword = _KEYWORD.match(body)
        if keyword:
            name = keyword.group(1)
            if current is None or (name in ("msgctxt", "msgid") and _has_msgstr(current)) or name in current.fields:
                current = _Entry(number)
                entries.append(current)
            rest, at = body[keyword.end() :], start + indent + keyword.end()
            last_field = name
        elif body.startswith('"') and last_field is not None and current is not None:
            rest, at = body, start + indent
        else:
            raise ReadError(f"PO syntax error: unexpected {body[:30]!r}", number)
        literal = _STRING.match(rest)
        if literal is None:
            raise ReadError("PO syntax error: unterminated or malformed string", number)
        current.fields.setdefault(last_field, []).append((at + 1, literal.group(1)))
    return entries


def _has_msgstr(entry: _Entry) -> bool:
    return any(name.startswith("msgstr") for name in entry.fields)


def _joined(literals: list[tuple[int, str]]) -> str:
    builder = TextBuilder()
    _feed(builder, literals)
    return "".join(builder.parts)


def _feed(builder: TextBuilder, literals: list[tuple[int, str]]) -> None:
    for at, raw in literals:
        position = 0
        for match in re.finditer(r"\\(.)", raw):
            if match.start() > position:
                builder.verbatim(raw[position : match.start()], at + position)
            builder.decoded(_ESCAPES.get(match.group(1), match.group(1)), at + match.start(), 2)
            position = match.end()
        if len(raw) > position:
            builder.verbatim(raw[position:], at + position)
