"""Termbases for XL004: a CSV/TSV with `source` and `target` columns (optional `forbidden`, the
renderings not to use, separated by `|` or `;`), or TBX (2.x `martif`, 3.x `tbx`), through the
same safe XML parsing as the bilingual files. In TBX a term whose administrative status or
normative authorization says deprecated, superseded or not recommended is a forbidden rendering.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tqcheck.core.errors import ConfigError
from tqcheck.language.detection import base_language
from tqcheck.readers.bilingual import ReadError
from tqcheck.readers.table import header_of, rows_of, table_format
from tqcheck.readers.xml_tree import Element, decode_xml, parse, text_of

_SPLIT = re.compile(r"\s*[|;]\s*")
_FORBIDDEN = ("deprecated", "superseded", "notrecommended", "forbidden", "rejected")


@dataclass(frozen=True)
class Term:
    source: str
    targets: tuple[str, ...]
    forbidden: tuple[str, ...] = ()
    source_language: str | None = None
    target_language: str | None = None


def load_termbase(path: Path) -> list[Term]:
    """The terms of one file; a broken termbase stops the run naming the file (and line)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read termbase: {exc.strerror or exc}") from None
    try:
        if path.suffix.lower() in (".tbx", ".xml"):
            return _tbx(data)
        return _table(data.decode("utf-8-sig"), str(path))
    except ReadError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: a termbase must be UTF-8") from None


def _table(text: str, path: str) -> list[Term]:
    rows = rows_of(text, table_format(path))
    names = [cell.value for cell in rows[0].cells]
    header = header_of(names)
    lowered = [n.strip().lower() for n in names]
    forbidden_at = lowered.index("forbidden") if "forbidden" in lowered else None
    if "source" not in header.columns or "target" not in header.columns:
        raise ReadError(f"the header must name a 'source' and a 'target' column (found: {', '.join(names)})", 1)
    terms = []
    for row in rows[1:]:
        source = row.cells[header.columns["source"]].value.strip()
        targets = tuple(t for t in _SPLIT.split(row.cells[header.columns["target"]].value.strip()) if t)
        forbidden = tuple(t for t in _SPLIT.split(row.cells[forbidden_at].value.strip()) if t) if forbidden_at else ()
        if source and (targets or forbidden):
            terms.append(
                Term(
                    source,
                    targets,
                    forbidden,
                    base_language(header.languages.get("source")),
                    base_language(header.languages.get("target")),
                )
            )
    return terms


def _tbx(data: bytes) -> list[Term]:
    text = decode_xml(data)
    root = parse(data, text)
    entries = list(_descendants(root, ("termEntry", "conceptEntry")))
    found: list[tuple[dict[str, list[tuple[str, bool]]]]] = []
    for entry in entries:
        by_language: dict[str, list[tuple[str, bool]]] = {}
        for lang_set in _descendants(entry, ("langSet", "langSec")):
            language = base_language(lang_set.attr("xml:lang", "lang"))
            if language is None:
                continue
            for term_holder in _descendants(lang_set, ("tig", "ntig", "termSec")):
                term = next(_descendants(term_holder, ("term",)), None)
                if term is None:
                    continue
                status = " ".join(
                    text_of(note, text).lower().replace(" ", "")
                    for note in _descendants(term_holder, ("termNote", "descrip"))
                    if (note.attr("type") or "") in ("administrativeStatus", "normativeAuthorization")
                )
                by_language.setdefault(language, []).append((text_of(term, text).strip(), _is_forbidden(status)))
        found.append((by_language,))
    return _pairs([f[0] for f in found])


def _is_forbidden(status: str) -> bool:
    return any(word in status for word in _FORBIDDEN)


def _pairs(entries: list[dict[str, list[tuple[str, bool]]]]) -> list[Term]:
    """One Term per (allowed source term, target language) of each entry, for every language pair."""
    terms: list[Term] = []
    for entry in entries:
        for source_language, source_terms in entry.items():
            for target_language, target_terms in entry.items():
                if source_language == target_language:
                    continue
                allowed = tuple(t for t, bad in target_terms if not bad and t)
                forbidden = tuple(t for t, bad in target_terms if bad and t)
                for source, bad in source_terms:
                    if source and not bad and (allowed or forbidden):
                        terms.append(Term(source, allowed, forbidden, source_language, target_language))
    return terms


def _descendants(element: Element, names: tuple[str, ...]):  # type: ignore[no-untyped-def]
    for child in element.elements():
        if child.name in names:
            yield child
        else:
            yield from _descendants(child, names)


def merged(terms: list[Term]) -> list[Term]:
    """One term per source and language pair, with every rendering and forbidden form listed
    for it (a termbase may give them on separate rows or in separate files)."""
    found: dict[tuple[str, str | None, str | None], Term] = {}
    for term in terms:
        key = (term.source.casefold(), term.source_language, term.target_language)
        if key in found:
            old = found[key]
            term = Term(
                old.source,
                tuple(dict.fromkeys(old.targets + term.targets)),
                tuple(dict.fromkeys(old.forbidden + term.forbidden)),
                old.source_language,
                old.target_language,
            )
        found[key] = term
    return list(found.values())
