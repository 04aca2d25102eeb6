"""Property tests for the bilingual readers (XLIFF 1.2 and 2.x, PO, TMX, TSV, CSV): any Unicode
in segment text and attribute values gives back the targets exactly, or a one-line reader error
when the format cannot hold a character (XML refuses most control characters); every finding
lies in the file, agrees with its line and column, and comes in a stable order.
"""

from __future__ import annotations

import pytest
from bilingual_files import BUILDERS, Built
from hypothesis import given, settings
from hypothesis import strategies as st
from placement import assert_placed_in_order

from tqcheck.core.model import Document, InputError
from tqcheck.readers import read_bytes

# Hostile pieces beside arbitrary text: combining marks, right-to-left text and controls, emoji
# sequences, astral characters, NUL, lone CR, CRLF, BOM, Unicode line separators, markup-ish text.
HOSTILE = st.sampled_from(
    [
        "a",
        "Word.",
        " ",
        "\t",
        "\n",
        "\r",
        "\r\n",
        "\x00",
        "\x01",
        "\ufeff",
        "e\u0301",
        "\u05e9\u05dc\u05d5\u05dd",
        "\u0645\u0631\u062d\u0628\u0627",
        "\u200f",
        "\u202e",
        "\U0001f469\u200d\U0001f469\u200d\U0001f467",
        "\U0001d518",
        "\U00020000",
        "\u2028",
        "\x85",
        "\ufffe",
        "&",
        "&amp;",
        "<",
        "<b>",
        "]]>",
        '"',
        "'",
        "\\",
        "\\n",
        "%s",
        "{0}",
        "%1$d",
        ",",
        ";",
        "İ",
        "ß",
    ]
)
SEGMENT = st.one_of(st.lists(HOSTILE, max_size=12).map("".join), st.text(max_size=40))
PAIRS = st.lists(st.tuples(SEGMENT, SEGMENT), min_size=1, max_size=4)
# what XML 1.0 cannot hold at all (expat refuses it, escaped or not)
_NOT_XML = {chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"} | {"\ufffe", "\uffff"}


def _cannot_hold(name: str, pairs: list[tuple[str, str]], attr: str) -> bool:
    everything = attr + "".join(s + t for s, t in pairs)
    if name.startswith(("xliff", "tmx")):
        return any(ch in _NOT_XML or 0xD800 <= ord(ch) <= 0xDFFF for ch in everything)
    if name == "tsv":  # a TSV cell cannot hold a tab or a line break
        return any(ch in "\t\n\r" for ch in everything) or "\x00" in everything
    return "\x00" in everything  # NUL marks a binary file


def assert_bilingual_invariants(doc: Document) -> None:
    text = doc.text
    assert len(doc.checkable) == len(text)
    for original, shown in zip(text, doc.checkable, strict=True):
        assert shown != "\n" or original == "\n"  # no line break appears; lines stay lines
    previous = -1
    for segment in doc.segments:
        assert 0 <= segment.start <= segment.end <= len(text)
        assert segment.start >= previous  # file order
        previous = segment.start
        if segment.pair is None:
            continue
        target = segment.pair.target
        for index in range(len(target.text)):
            assert 0 <= target.file_offset(index) < len(text)


def read_built(built: Built) -> Document | InputError:
    data = built.text.encode("utf-8", "surrogatepass")
    return read_bytes(data, built.path)


@pytest.mark.parametrize("name", sorted(BUILDERS))
@settings(max_examples=80, deadline=None)
@given(pairs=PAIRS, attr=SEGMENT)
def test_any_unicode_in_segments_and_attributes_reads_back_or_is_a_clear_error(
    name: str, pairs: list[tuple[str, str]], attr: str
) -> None:
    built = BUILDERS[name](pairs, attr)
    loaded = read_built(built)
    if isinstance(loaded, InputError):
        assert loaded.message and "\n" not in loaded.message and "\r" not in loaded.message
        assert _cannot_hold(name, pairs, attr), loaded.message
        return
    assert_bilingual_invariants(loaded)
    if _cannot_hold(name, pairs, attr):
        return  # read without complaint: fine, as long as offsets hold (checked above)
    got = [segment.pair.target.text for segment in loaded.segments if segment.pair is not None]
    assert got == built.targets  # as written: a reader keeps the file's own line breaks


# sentences the rules have something to say about, around the generated text
NOISY = [
    ("The the port opens at 8:30 , said Anna.", "Le le port ouvre à 9:30 , dit Anna."),
    ("Pay 4.50 euros.", "Pay 4.50 euros."),
    ("Click <b>here</b> for %s.", "Cliquez ici  pour."),
]


@pytest.mark.parametrize("name", sorted(BUILDERS))
@settings(max_examples=12, deadline=None)
@given(pairs=PAIRS, attr=SEGMENT)
def test_findings_on_bilingual_files_lie_in_the_file_agree_with_positions_and_keep_order(
    name: str, pairs: list[tuple[str, str]], attr: str
) -> None:
    from tqcheck import check_text
    from tqcheck.readers.bilingual import ReadError

    built = BUILDERS[name](NOISY + [(s, f"{t} {t}") for s, t in pairs], attr)
    text = built.text
    try:
        findings = check_text(text, path=built.path)
    except ReadError as exc:
        assert "\n" not in str(exc) and _cannot_hold(name, pairs, attr)
        return
    assert_placed_in_order(text, findings)
    assert check_text(text, path=built.path) == findings
