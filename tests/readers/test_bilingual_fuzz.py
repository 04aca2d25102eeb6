"""Fuzzing the bilingual readers (XLIFF 1.2 and 2.x, PO/POT, TMX, TSV, CSV): structure-aware
mutations of valid files (format tokens inserted, spans deleted, duplicated or moved) and
byte-level mutations must give a Document with exact offsets or a one-line InputError, never
an exception.

A short bounded run is part of the suite; a long run, on demand:

    TQCHECK_FUZZ=fuzz-long TQCHECK_FUZZ_EXAMPLES=200000 \
        python -m pytest tests/readers/test_bilingual_fuzz.py -p no:cacheprovider

Each crash found is added to CRASHES below, with its fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bilingual_files import SEEDS
from hypothesis import given
from hypothesis import strategies as st
from placement import FUZZ_PROFILE

from tqcheck.core.model import Document, InputError
from tqcheck.readers import read_bytes

PROFILE = FUZZ_PROFILE

XML_TOKENS = [
    b"<",
    b">",
    b"/>",
    b"</",
    b"&",
    b"&amp;",
    b"&lt;",
    b"&#0;",
    b"&#x1F600;",
    b"&#xD800;",
    b"&nbsp;",
    b"&undefined;",
    b'"',
    b"'",
    b"=",
    b"<target>",
    b"</target>",
    b"<target/>",
    b"<source>",
    b"</source>",
    b"<seg>",
    b"</seg>",
    b'<tuv xml:lang="fr">',
    b"</tuv>",
    b"<tu>",
    b"</tu>",
    b'<trans-unit id="9">',
    b"</trans-unit>",
    b'<segment id="z">',
    b"</segment>",
    b'<unit id="u">',
    b"</unit>",
    b'<g id="1">',
    b"</g>",
    b'<x id="1"/>',
    b'<ph id="1"/>',
    b'<pc id="1">',
    b"</pc>",
    b'<mrk mtype="seg" mid="q">',
    b"</mrk>",
    b"<![CDATA[",
    b"]]>",
    b"<!--",
    b"-->",
    b"<?pi x?>",
    b'<!DOCTYPE x [<!ENTITY e "ee">]>',
    b'<!ENTITY a "&b;&b;">',
    b'<!DOCTYPE x SYSTEM "file:///etc/passwd">',
    b"&e;",
    b'<?xml version="1.0" encoding="latin-1"?>',
    b'<?xml version="1.0" encoding="utf-16"?>',
    b' translate="no"',
    b' xml:space="preserve"',
    b' version="2.0"',
    b' version="1.2"',
    b' srclang="*all*"',
    b' xmlns:q="urn:q"',
    b"<q:x/>",
]
PO_TOKENS = [
    b'"',
    b"\\",
    b'\\"',
    b"\\n",
    b"\\x",
    b'msgid "',
    b'msgstr "',
    b'msgstr[0] "',
    b'msgstr[9] "',
    b'msgid_plural "',
    b'msgctxt "',
    b'"\n"',
    b"#, fuzzy\n",
    b"#~ ",
    b"#| ",
    b"#: a.py:1\n",
    b'\nmsgid ""\nmsgstr ""\n',
    b'"Language: \\n"',
    b'"Plural-Forms: nplurals=x;\\n"',
    b'"Content-Type: text/plain; charset=latin-1\\n"',
]
TABLE_TOKENS = [
    b"\t",
    b",",
    b";",
    b'"',
    b'""',
    b'"a,b"',
    b"\n",
    b"\r\n",
    b"\r",
    b"source\ttarget",
    b"source,target",
    b"target (fr)",
    b"back_translation",
]
COMMON = [
    b"\n",
    b"\r",
    b"\r\n",
    b" ",
    b"\xef\xbb\xbf",
    b"\x00",
    b"\xc3",
    b"\xa9",
    b"\xe2\x80\xa8",
    b"\xc2\x85",
    b"\xe2\x80\xae",
    b"\xf0\x9f\x98\x80",
    b"\xcc\x81",
    b"\xed\xa0\x80",
    b"{0}",
    b"%s",
    b"%1$d",
    b"<b>",
    b"word",
]
TOKENS = {
    ".xlf": XML_TOKENS,
    ".xliff": XML_TOKENS,
    ".tmx": XML_TOKENS,
    ".po": PO_TOKENS,
    ".pot": PO_TOKENS,
    ".tsv": TABLE_TOKENS,
    ".csv": TABLE_TOKENS,
}
SEED_BYTES = {path: text.encode("utf-8") for path, text in SEEDS.items()}


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """A seed with a few edits: a format token inserted or written over, a span deleted,
    duplicated or moved, or random bytes (the byte-level share)."""
    path = draw(st.sampled_from(sorted(SEED_BYTES)))
    data = bytearray(SEED_BYTES[path])
    tokens = TOKENS[Path(path).suffix] + COMMON
    for _ in range(draw(st.integers(1, 6))):
        size = len(data)
        at = draw(st.integers(0, size))
        op = draw(st.sampled_from(["insert", "overwrite", "delete", "duplicate", "move", "bytes", "flip"]))
        span = draw(st.integers(0, 40))
        if op == "insert":
            data[at:at] = draw(st.sampled_from(tokens))
        elif op == "overwrite":
            token = draw(st.sampled_from(tokens))
            data[at : at + len(token)] = token
        elif op == "delete":
            del data[at : at + span]
        elif op == "duplicate":
            data[at:at] = data[at : at + span]
        elif op == "move":
            piece = bytes(data[at : at + span])
            del data[at : at + span]
            to = draw(st.integers(0, len(data)))
            data[to:to] = piece
        elif op == "bytes":
            data[at:at] = draw(st.binary(min_size=1, max_size=6))
        elif at < size:
            data[at] ^= 1 << draw(st.integers(0, 7))
    return path, bytes(data)


def check_one(path: str, data: bytes) -> None:
    loaded = read_bytes(data, path)
    if isinstance(loaded, InputError):
        assert loaded.message and "\n" not in loaded.message and "\r" not in loaded.message
        assert "Traceback" not in loaded.message
        return
    assert isinstance(loaded, Document)
    text = loaded.text
    assert len(loaded.checkable) == len(text)
    for original, shown in zip(text, loaded.checkable, strict=True):
        assert shown != "\n" or original == "\n"
    previous = -1
    for segment in loaded.segments:
        assert 0 <= segment.start <= segment.end <= len(text)
        assert segment.start >= previous
        previous = segment.start
        if segment.pair is not None:
            for side in (segment.pair.source, segment.pair.target):
                for index in range(len(side.text)):
                    assert 0 <= side.file_offset(index) <= len(text)


@PROFILE
@given(mutated())
def test_mutated_bilingual_files_never_break_a_reader(case: tuple[str, bytes]) -> None:
    check_one(*case)


@PROFILE
@given(st.sampled_from(sorted(SEED_BYTES)), st.binary(max_size=300))
def test_random_bytes_under_a_bilingual_name_never_break_a_reader(path: str, data: bytes) -> None:
    check_one(path, data)


def test_every_seed_reads_cleanly() -> None:
    for path, data in SEED_BYTES.items():
        loaded = read_bytes(data, path)
        assert isinstance(loaded, Document), (path, loaded)
        assert loaded.segments, path


# Every failure fuzzing found, kept so it stays fixed: (path, bytes, whether the file is valid).
CRASHES: list[tuple[str, bytes, bool]] = [
    # polib split lines at U+2028 and \x1e (str.splitlines): a valid file was a syntax error
    ("x.po", b'msgctxt "0"\nmsgid "s"\nmsgstr "\x1e0"\n', True),
    ("x.po", '#. a\u2028"\nmsgctxt "0"\nmsgid "s"\nmsgstr "t"\n'.encode(), True),
    # an error quoting the file (a header without source and target) carried its CR: two lines
    ("x.tsv", b"\r\x01", False),
    ("x.tsv", b'\rr1\tThe "new" bridge.\tIl "nuovo" ponte.\t\nr2\tTwo.\tDue.\tx\r\n', False),
    # expat reports a CDATA section's start before its end: an unclosed one raised ValueError
    ("x.tmx", b'<tuv xml:lang="fr"><![CDATA[<', False),
    ("x.xlf", b'<xliff version="1.2"><file><body><trans-unit id="1"><target><![CDATA[a', False),
    # plural forms written out of order gave segments out of file order
    ("x.po", b'msgid "one day"\nmsgid_plural "%d days"\nmsgstr[2] "ein Tag"\nmsgstr[1] "%d Tage"\n', True),
]


@pytest.mark.parametrize(("path", "data", "valid"), CRASHES)
def test_failures_fuzzing_found(path: str, data: bytes, valid: bool) -> None:
    check_one(path, data)
    assert isinstance(read_bytes(data, path), Document) == valid
