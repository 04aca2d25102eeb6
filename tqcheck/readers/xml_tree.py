"""XML for the bilingual readers: refused when unsafe or malformed, then walked with offsets.

defusedxml parses the bytes first: it refuses entity declarations (so entity bombs) and
external entities, and expat reports malformed XML and bytes that do not match the encoding
declaration with their line. Only then does a small tokenizer walk the decoded text, because
the readers need what no XML library keeps: the exact offset of every tag and text run.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import unescape

from tqcheck.readers.bilingual import ReadError, TextBuilder, line_of

_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_TOKEN = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>"
    r"|<(?P<close>/)?(?P<name>[^\s/>]+)(?P<attrs>(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(?P<empty>/)?>",
    re.S,
)
_ATTR = re.compile(r"([^\s=/>]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
ENTITY = re.compile(r"&(?:#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z][\w.-]*);")


@dataclass(eq=False)
class Element:
    """An element with the offsets of its tags: [start, content_start) is the start tag,
    [content_end, end) the end tag (both empty ranges' ends meet for `<x/>`)."""

    name: str  # local name, without a namespace prefix
    attrs: dict[str, str]
    start: int
    content_start: int
    content_end: int = -1
    end: int = -1
    children: list[Node] = field(default_factory=list)

    def elements(self, name: str | None = None) -> Iterator[Element]:
        for child in self.children:
            if isinstance(child, Element) and (name is None or child.name == name):
                yield child

    def first(self, name: str) -> Element | None:
        return next(self.elements(name), None)

    def attr(self, *names: str) -> str | None:
        for name in names:
            if name in self.attrs:
                return self.attrs[name]
        return None


@dataclass(frozen=True)
class Chars:
    """Character data: text (entities still written as in the file), a CDATA section, or
    something that is neither (comment, processing instruction)."""

    start: int
    end: int
    kind: str  # text | cdata | other


Node = Element | Chars


def decode_xml(data: bytes) -> str:
    """Decode by the BOM or the declaration, refusing a declaration the bytes contradict."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16")
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data[3:], "utf-8")
    declared = _DECLARATION.match(data[:200])
    encoding = declared.group(1).decode("ascii").lower() if declared else "utf-8"
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise ReadError(f"unknown encoding {encoding!r} in the XML declaration", 1) from None
    if info.name not in ("utf-8", "ascii") and b"\x00" not in data[:200] and _is_utf8(data):
        raise ReadError(f"the XML declaration says {encoding} but the file is UTF-8; fix the declaration", 1)
    return _decode(data, info.name)


def _is_utf8(data: bytes) -> bool:
    if data.isascii():
        return False  # ASCII is every encoding: nothing contradicts the declaration
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = data[exc.start : exc.start + 1].hex()
        raise ReadError(
            f"not valid {encoding.upper()} (byte 0x{byte}): fix the encoding declaration or re-save", line
        ) from None


def parse(data: bytes | None, text: str) -> Element:
    """The document element of well-formed, safe XML (`text` is `data` decoded; no `data`: the
    text passed these checks before, as when a TMX is read again for another pair)."""
    if data is not None:
        _refuse_unsafe(data, text)
    root: Element | None = None
    stack: list[Element] = []
    position = 0
    for match in _TOKEN.finditer(text):
        if match.start() > position and stack:
            stack[-1].children.append(Chars(position, match.start(), "text"))
        position = match.end()
        name = match.group("name")
        if name is None:
            if stack:
                kind = "cdata" if match.group().startswith("<![CDATA[") else "other"
                stack[-1].children.append(Chars(match.start(), match.end(), kind))
            continue
        local = name.rsplit(":", 1)[-1]
        if match.group("close"):
            if not stack or stack[-1].name != local:
                raise ReadError(f"unexpected end tag </{name}>", line_of(text, match.start()))
            element = stack.pop()
            element.content_end, element.end = match.start(), match.end()
            continue
        attrs = {a: unescape(b if b is not None else c) for a, b, c in _ATTR.findall(match.group("attrs"))}
        element = Element(local, attrs, match.start(), match.end())
        if stack:
            stack[-1].children.append(element)
        elif root is None:
            root = element
        if match.group("empty"):
            element.content_end = element.end = match.end()
        else:
            stack.append(element)
    if root is None or stack:
        raise ReadError("no document element" if root is None else f"unclosed <{stack[-1].name}>", None)
    return root


def _refuse_unsafe(data: bytes, text: str) -> None:
    from xml.etree.ElementTree import ParseError

    import defusedxml
    import defusedxml.ElementTree

    try:
        defusedxml.ElementTree.fromstring(data)
    except ParseError as exc:
        line = exc.position[0] if exc.position else None
        message = str(exc).split(": line", 1)[0]
        raise ReadError(f"malformed XML: {message}", line) from None
    except defusedxml.EntitiesForbidden as exc:
        where = text.find(f"<!ENTITY {exc.name}") if exc.name else -1
        what = "an external entity" if exc.sysid or exc.pubid else "an entity declaration"
        raise ReadError(
            f"{what} ({exc.name}) is refused: entities can expand without bound or read other files",
            line_of(text, where) if where >= 0 else None,
        ) from None
    except defusedxml.DefusedXmlException as exc:
        raise ReadError(f"refused: {exc}", None) from None
    except (LookupError, ValueError) as exc:
        raise ReadError(f"malformed XML: {exc}", 1) from None


def text_of(element: Element, text: str) -> str:
    """The plain character data inside an element (for notes and attributes-like content)."""
    parts: list[str] = []
    for child in element.children:
        if isinstance(child, Element):
            parts.append(text_of(child, text))
        elif child.kind == "text":
            parts.append(unescape(text[child.start : child.end]))
        elif child.kind == "cdata":
            parts.append(text[child.start + 9 : child.end - 3])
    return "".join(parts)


# Inline elements whose content is native code (one inline as a whole), and those whose content
# is translatable text between an opening and a closing inline (XLIFF 1.2 and 2.x, TMX).
CODE_ELEMENTS = frozenset({"ph", "bpt", "ept", "it", "ut", "x", "bx", "ex", "sc", "ec", "sm", "em", "cp"})
WRAPPING_ELEMENTS = frozenset({"g", "mrk", "pc", "hi", "sub"})


def feed(builder: TextBuilder, element: Element, text: str) -> None:
    """Append an element's content to a side: text with entities decoded, inline elements kept."""
    for child in element.children:
        if isinstance(child, Chars):
            if child.kind == "text":
                _feed_text(builder, text, child.start, child.end)
            elif child.kind == "cdata":
                builder.verbatim(text[child.start + 9 : child.end - 3], child.start + 9)
            else:
                builder.skipped(child.start, child.end - child.start)
        elif child.name in WRAPPING_ELEMENTS and child.content_end > child.content_start:
            code = _code(child, text)
            builder.inline(text[child.start : child.content_start], child.start, code, "open")
            feed(builder, child, text)
            builder.inline(text[child.content_end : child.end], child.content_end, code, "close")
        else:
            builder.inline(text[child.start : child.end], child.start, _code(child, text), _kind(child))


def _kind(element: Element) -> str:
    if element.name in ("bpt", "bx", "sc", "sm"):
        return "open"
    if element.name in ("ept", "ex", "ec", "em"):
        return "close"
    return "standalone"


def _code(element: Element, text: str) -> str:
    """What identifies an inline element in both languages: its name and id, else its content."""
    ident = element.attr("id", "i", "startRef", "rid", "x", "mid")
    if ident is not None:
        name = {"ec": "sc", "em": "sm", "ept": "bpt", "ex": "bx"}.get(element.name, element.name)
        return f"{name}#{ident}"
    return f"{element.name}:{text_of(element, text)}"


def _feed_text(builder: TextBuilder, text: str, start: int, end: int) -> None:
    position = start
    for match in ENTITY.finditer(text, start, end):
        if match.start() > position:
            builder.verbatim(text[position : match.start()], position)
        builder.decoded(unescape(match.group()), match.start(), match.end() - match.start())
        position = match.end()
    if end > position:
        builder.verbatim(text[position:end], position)
