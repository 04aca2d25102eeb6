"""TMX translation memories: one segment per translation unit that has both languages.

The pair is the header's `srclang` and the first other language of the file, unless the run
names them (config `source-language` and `language`; the engine reads the file again then).
Languages match on their base code (`en-GB` is `en`) when no variant matches exactly.
"""

from __future__ import annotations

from tqcheck.core.model import Document
from tqcheck.language.detection import base_language
from tqcheck.readers.bilingual import ReadError, TextBuilder, Unit, build_document
from tqcheck.readers.xml_tree import Element, decode_xml, feed, parse, text_of

_LANG = ("xml:lang", "lang")


def read_tmx_bytes(data: bytes, path: str) -> Document:
    text = decode_xml(data)
    return tmx_document(parse(data, text), text, path)


def read_tmx_again(text: str, path: str, source: str | None, target: str | None) -> Document:
    """A TMX already read once, for another language pair."""
    return tmx_document(parse(None, text), text, path, source, target)


def tmx_document(root: Element, text: str, path: str, source: str | None = None, target: str | None = None) -> Document:
    if root.name != "tmx":
        raise ReadError(f"not a TMX file (the document element is <{root.name}>)", 1)
    header, body = root.first("header"), root.first("body")
    units = list(body.elements("tu")) if body is not None else []
    languages = _languages(units)
    declared = header.attrs.get("srclang") if header is not None else None
    src = _choose(source or (declared if declared and declared != "*all*" else None), languages)
    if src is None and languages:
        src = languages[0]
    others = [lang for lang in languages if base_language(lang) != base_language(src)]
    tgt = _choose(target, others) if target else (others[0] if others else None)
    found = [unit for tu in units if (unit := _unit(tu, text, src, tgt)) is not None]
    return build_document(
        path,
        text,
        found,
        "tmx",
        source_language=base_language(src),
        target_language=base_language(tgt),
        meta={"tmx_languages": languages},
    )


def _languages(units: list[Element]) -> list[str]:
    seen: dict[str, None] = {}
    for tu in units:
        for tuv in tu.elements("tuv"):
            lang = tuv.attr(*_LANG)
            if lang:
                seen.setdefault(lang, None)
    return list(seen)


def _choose(wanted: str | None, languages: list[str]) -> str | None:
    """The file's spelling of a language: exact (case-insensitive) first, else the same base."""
    if wanted is None:
        return None
    for lang in languages:
        if lang.lower() == wanted.lower():
            return lang
    for lang in languages:
        if base_language(lang) == base_language(wanted):
            return lang
    return wanted


def _unit(tu: Element, text: str, src: str | None, tgt: str | None) -> Unit | None:
    by_lang: dict[str, Element] = {}
    for tuv in tu.elements("tuv"):
        lang = tuv.attr(*_LANG)
        seg = tuv.first("seg")
        if lang and seg is not None:
            by_lang.setdefault(lang.lower(), seg)
    source = by_lang.get((src or "").lower())
    target = by_lang.get((tgt or "").lower())
    if source is None or target is None:
        return None
    notes = [text_of(n, text).strip() for n in tu.elements("note")]
    source_side, target_side = TextBuilder(), TextBuilder()
    feed(source_side, source, text)
    feed(target_side, target, text)
    end = max(target.content_end, target.content_start)
    return Unit(
        source_side, target_side, target.content_start, end, id=tu.attrs.get("tuid"), note="\n".join(notes) or None
    )
