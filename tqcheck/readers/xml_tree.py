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
from dataclasses import dataclass
from html import unescape

from tqcheck.readers.bilingual import ReadError, TextBuilder, line_of

_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_TOKEN = re.compile(
    r"<(?P<close>/)?(?P<name>[^\s/>!?]+)(?P<attrs>(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(?P<empty>/)?>"
    r"|<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>",
    re.S,
)
_ATTR = re.compile(r"([^\s=/>]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
ENTITY = re.compile(r"&(?:#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z][\w.-]*);")


class Element:
    """An element with the offsets of its tags: [start, content_start) is the start tag,
    [content_end, end) the end tag (both empty ranges' ends meet for `<x/>`). Slots and a plain
    constructor: a large XLIFF has hundreds of thousands of them."""

    __slots__ = ("attrs", "children", "content_end", "content_start", "end", "name", "start")

    def __init__(self, name: str, attrs: dict[str, str], start: int, content_start: int) -> None:
        self.name = name  # local name, without a namespace prefix
        self.attrs = attrs
        self.start = start
        self.content_start = content_start
        self.content_end = -1
        self.end = -1
        self.children: list[Node] = []

    def elements(self, name: str | None = None) -> Iterator[Element]:
        for child in self.children:
            if isinstance(child, Element) and (name is None or child.name == name):
                yield child

    def first(self, name: str) -> Element | None:
        for child in self.children:
            if isinstance(child, Element) and child.name == name:
                return child
        return None

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
    if data is not None and _utf8(data):
        return _parse_expat(data, text)
    if data is not None:
        _refuse_unsafe(data, text)
    return _parse_tokens(text)


def _utf8(data: bytes) -> bool:
    declared = _DECLARATION.match(data[:200])
    encoding = declared.group(1).decode("ascii").lower().replace("_", "-") if declared else "utf-8"
    return encoding in ("utf-8", "utf8", "us-ascii", "ascii") and not data.startswith(
        (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    )


_START_TAG = re.compile(r"<[^\s/>!?]+(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*\s*/?>")
_XML_NS = "http://www.w3.org/XML/1998/namespace}"


def _parse_expat(data: bytes, text: str) -> Element:
    """One pass of expat, guarded by defusedxml (entities and external references refused),
    that records where every element, comment, CDATA section and processing instruction is."""
    from xml.parsers.expat import ExpatError

    import defusedxml
    from defusedxml.ElementTree import DefusedXMLParser

    expat = DefusedXMLParser().parser
    offset = _Offsets(data)
    starts = _line_starts(text)
    stack: list[Element] = []
    roots: list[Element] = []

    def position() -> int:
        """Where the current event is in `text`: expat counts columns in characters, so past the
        first line (where a BOM counts) a line's start plus the column is the offset, without
        decoding anything again."""
        line = expat.CurrentLineNumber
        if line == 1:
            return offset(expat.CurrentByteIndex)
        return starts[line - 1] + expat.CurrentColumnNumber

    def start(name: str, attributes: list[str]) -> None:
        at = position()
        if not attributes:
            attrs: dict[str, str] = {}
            end = text.index(">", at) + 1
        else:
            values = attributes[1::2]
            # a `>` inside an attribute value is legal XML: only then does the tag need reading
            if ">" in "".join(values):
                tag = _START_TAG.match(text, at)
                end = tag.end() if tag else text.index(">", at) + 1
            else:
                end = text.index(">", at) + 1
            keys = attributes[0::2]
            if "}" in "".join(keys):
                keys = [_local_attribute(key) for key in keys]
            attrs = dict(zip(keys, values, strict=True))
        element = Element(name.rpartition("}")[2] if "}" in name else name, attrs, at, end)
        (stack[-1].children if stack else roots).append(element)
        stack.append(element)

    def end(name: str) -> None:
        at = position()
        element = stack.pop()
        if text.startswith("/>", element.content_start - 2):  # <x/>: no content, no end tag
            element.content_end = element.end = element.content_start
        else:
            element.content_end, element.end = at, text.index(">", at) + 1

    def other(kind: str, closing: str) -> None:
        if stack:
            at = position()
            # expat reports a CDATA section's start before it has seen its end: an unclosed one
            # runs to the end of the file here, and expat then refuses the file
            close = text.find(closing, at + 2)
            stack[-1].children.append(Chars(at, close + len(closing) if close >= 0 else len(text), kind))

    expat.ordered_attributes = True
    expat.StartElementHandler = start
    expat.EndElementHandler = end
    expat.CharacterDataHandler = None
    expat.CommentHandler = lambda _: other("other", "-->")
    expat.ProcessingInstructionHandler = lambda _target, _data: other("other", "?>")
    expat.StartCdataSectionHandler = lambda: other("cdata", "]]>")
    expat.EndCdataSectionHandler = None
    expat.DefaultHandler = None
    expat.DefaultHandlerExpand = None
    try:
        expat.Parse(data, True)
    except ExpatError as exc:
        message = str(exc).split(": line", 1)[0]
        raise ReadError(f"malformed XML: {message}", exc.lineno) from None
    except defusedxml.DefusedXmlException as exc:
        _raise_refused(exc, text)
    if not roots:
        raise ReadError("no document element", None)
    return roots[0]


_LINE_BREAK = re.compile(r"\r\n?|\n")


def _line_starts(text: str) -> list[int]:
    """The offset of each line's start as expat counts lines (CR LF, CR and LF each end one)."""
    starts = [match.end() for match in _LINE_BREAK.finditer(text)]
    starts.insert(0, 0)
    return starts


def _local_attribute(key: str) -> str:
    """`xml:lang` keeps its prefix; other namespaced attributes are known by their local name."""
    if "}" not in key:
        return key
    return "xml:" + key[len(_XML_NS) :] if key.startswith(_XML_NS) else key.rpartition("}")[2]


class _Offsets:
    """Expat's byte offsets as offsets into the decoded text, converted incrementally (offsets
    only grow while parsing, so the text is decoded once in all): for the first line, where
    expat's column counts a BOM."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.shift = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
        self.ascii = data.isascii()
        self.byte, self.char = self.shift, 0

    def __call__(self, byte: int) -> int:
        if self.ascii:
            return byte - self.shift
        self.char += len(self.data[self.byte : byte].decode("utf-8"))
        self.byte = byte
        return self.char


def _parse_tokens(text: str) -> Element:
    """A regex walk of XML already known to be well-formed and safe (other encodings)."""
    root: Element | None = None
    stack: list[Element] = []
    position = 0
    unescaped: dict[str, str] = {}
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        if start > position and stack:
            stack[-1].children.append(Chars(position, start, "text"))
        position = end
        close, name, attrs_text, empty = match.groups()
        if name is None:
            if stack:
                kind = "cdata" if text.startswith("<![CDATA[", start) else "other"
                stack[-1].children.append(Chars(start, end, kind))
            continue
        local = name.rpartition(":")[2]
        if close:
            if not stack or stack[-1].name != local:
                raise ReadError(f"unexpected end tag </{name}>", line_of(text, start))
            element = stack.pop()
            element.content_end, element.end = start, end
            continue
        attrs: dict[str, str] = {}
        if attrs_text:
            for key, double, single in _ATTR.findall(attrs_text):
                raw = double if double or not single else single
                if "&" in raw:
                    raw = unescaped.setdefault(raw, unescape(raw))
                attrs[key] = raw
        element = Element(local, attrs, start, end)
        if stack:
            stack[-1].children.append(element)
        elif root is None:
            root = element
        if empty:
            element.content_end = element.end = end
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
    except defusedxml.DefusedXmlException as exc:
        _raise_refused(exc, text)
    except (LookupError, ValueError) as exc:
        raise ReadError(f"malformed XML: {exc}", 1) from None


def _raise_refused(exc: Exception, text: str) -> None:
    import defusedxml

    if isinstance(exc, defusedxml.EntitiesForbidden | defusedxml.ExternalReferenceForbidden):
        name = getattr(exc, "name", None)
        where = text.find(f"<!ENTITY {name}") if name else -1
        external = getattr(exc, "sysid", None) or getattr(exc, "pubid", None)
        what = "an external entity" if external else "an entity declaration"
        raise ReadError(
            f"{what} ({name}) is refused: entities can expand without bound or read other files",
            line_of(text, where) if where >= 0 else None,
        ) from None
    raise ReadError(f"refused: {exc}", None) from None


def text_of(element: Element, text: str) -> str:
    """The plain character data inside an element (for notes and attributes-like content)."""
    parts: list[str] = []
    position = element.content_start
    for child in element.children:
        if child.start > position:
            parts.append(unescape(text[position : child.start]))
        position = child.end
        if isinstance(child, Element):
            parts.append(text_of(child, text))
        elif child.kind == "text":
            parts.append(unescape(text[child.start : child.end]))
        elif child.kind == "cdata":
            parts.append(text[child.start + 9 : child.end - 3])
    if element.content_end > position:
        parts.append(unescape(text[position : element.content_end]))
    return "".join(parts)


# Inline elements whose content is native code (one inline as a whole), and those whose content
# is translatable text between an opening and a closing inline (XLIFF 1.2 and 2.x, TMX).
CODE_ELEMENTS = frozenset({"ph", "bpt", "ept", "it", "ut", "x", "bx", "ex", "sc", "ec", "sm", "em", "cp"})
WRAPPING_ELEMENTS = frozenset({"g", "mrk", "pc", "hi", "sub"})


def feed(builder: TextBuilder, element: Element, text: str) -> None:
    """Append an element's content to a side: text with entities decoded, inline elements kept.
    The text between children is found here (expat reports only the children)."""
    position = element.content_start
    for child in element.children:
        if child.start > position:
            _feed_text(builder, text, position, child.start)
        position = child.end
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
    if element.content_end > position:
        _feed_text(builder, text, position, element.content_end)


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
    if text.find("&", start, end) < 0:
        builder.verbatim(text[start:end], start)
        return
    position = start
    for match in ENTITY.finditer(text, start, end):
        if match.start() > position:
            builder.verbatim(text[position : match.start()], position)
        builder.decoded(unescape(match.group()), match.start(), match.end() - match.start())
        position = match.end()
    if end > position:
        builder.verbatim(text[position:end], position)
