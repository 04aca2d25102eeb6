"""XLIFF 1.2 (`trans-unit`, `seg-source` segments) and 2.x (`unit`/`segment`): one segment per
target, with the source beside it.

Units marked `translate="no"` and units without a `<target>` (not translated yet) are left out;
an empty `<target/>` is kept (XL006 reports it). `alt-trans` proposals are not the translation.
"""

from __future__ import annotations

from collections.abc import Iterator

from tqcheck.core.model import Document
from tqcheck.language.detection import base_language
from tqcheck.readers.bilingual import ReadError, TextBuilder, Unit, build_document
from tqcheck.readers.xml_tree import Element, decode_xml, feed, parse, text_of


def read_xliff_bytes(data: bytes, path: str) -> Document:
    text = decode_xml(data)
    root = parse(data, text)
    if root.name != "xliff":
        raise ReadError(f"not an XLIFF file (the document element is <{root.name}>)", 1)
    version = root.attrs.get("version", "")
    if version.startswith("2"):
        source_language = root.attrs.get("srcLang")
        target_language = root.attrs.get("trgLang")
        units = list(_units_v2(root, text))
    else:
        first = root.first("file")
        source_language = first.attrs.get("source-language") if first else None
        target_language = first.attrs.get("target-language") if first else None
        units = list(_units_v1(root, text))
    return build_document(
        path,
        text,
        units,
        "xliff",
        source_language=base_language(source_language),
        target_language=base_language(target_language),
        meta={"xliff_version": version},
    )


def _walk(element: Element, name: str) -> Iterator[Element]:
    """Elements called `name` below `element`, in document order (groups nest)."""
    for child in element.elements():
        if child.name == name:
            yield child
        elif child.name not in ("alt-trans", "originalData", "notes", "matches"):
            yield from _walk(child, name)


def _units_v1(root: Element, text: str) -> Iterator[Unit]:
    for unit in _walk(root, "trans-unit"):
        if unit.attrs.get("translate") == "no":
            continue
        target = unit.first("target")
        source = unit.first("source") or unit.first("seg-source")
        if target is None or source is None:
            continue
        note = "\n".join(text_of(n, text).strip() for n in unit.elements("note")) or None
        ident = unit.attrs.get("id")
        segmented = unit.first("seg-source")
        source_parts = _segments(segmented, text) if segmented is not None else {}
        target_parts = _segments(target, text) if source_parts else {}
        if source_parts and target_parts:
            for mid, part in target_parts.items():
                if mid in source_parts:
                    yield _unit(source_parts[mid], part, text, f"{ident}/{mid}" if ident else mid, note)
            continue
        yield _unit(source, target, text, ident, note)


def _segments(element: Element, text: str) -> dict[str, Element]:
    """The `<mrk mtype="seg">` segments of a seg-source or a segmented target, by mid."""
    found: dict[str, Element] = {}
    for child in element.elements("mrk"):
        if child.attrs.get("mtype") == "seg" and "mid" in child.attrs:
            found[child.attrs["mid"]] = child
    return found


def _units_v2(root: Element, text: str) -> Iterator[Unit]:
    for unit in _walk(root, "unit"):
        if unit.attrs.get("translate") == "no":
            continue
        notes = unit.first("notes")
        note = "\n".join(text_of(n, text).strip() for n in notes.elements("note")) if notes else None
        ident = unit.attrs.get("id")
        for segment in unit.elements("segment"):
            source, target = segment.first("source"), segment.first("target")
            if source is None or target is None:
                continue
            seg_id = segment.attrs.get("id")
            yield _unit(source, target, text, f"{ident}/{seg_id}" if ident and seg_id else ident, note or None)


def _unit(source: Element, target: Element, text: str, ident: str | None, note: str | None) -> Unit:
    src, tgt = TextBuilder(), TextBuilder()
    feed(src, source, text)
    feed(tgt, target, text)
    return Unit(src, tgt, target.content_start, max(target.content_end, target.content_start), id=ident, note=note)
