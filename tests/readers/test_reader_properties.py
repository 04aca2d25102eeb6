"""Property tests: readers never crash and never move a character."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from placement import assert_placed_in_order

from tqcheck.readers import read_text

PIECES = st.sampled_from(
    [
        "word",
        "Kiev",
        "the the",
        " ",
        "\n",
        "\n\n",
        "# ",
        "## ",
        "> ",
        "- ",
        "1. ",
        "* ",
        "`",
        "```",
        "```\n",
        "    ",
        "[",
        "]",
        "(",
        ")",
        "](http://x.y/z)",
        "<!-- c -->",
        "<b>",
        "</b>",
        "|",
        "---",
        "\n---\n",
        "***",
        "_",
        "**",
        "\\",
        "é",
        "€",
        "\r\n",
        "https://a.b/c",
        "<https://a.b>",
        "!",
        "[^1]",
        "=====",
        "\t",
        ":",
        "---\nlang: fr\n---\n",
        "&amp;",
        "~~",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_markdown_reader_keeps_offsets(text: str) -> None:
    doc = read_text(text, "x.md")
    assert len(doc.checkable) == len(doc.text)
    for original, shown in zip(doc.text, doc.checkable, strict=True):
        assert shown == original or (shown == " " and original != "\n")
    for segment in doc.segments:
        assert 0 <= segment.start <= segment.end <= len(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_any_unicode_text_reads_as_txt_and_md(text: str) -> None:
    for path in ("x.txt", "x.md"):
        doc = read_text(text, path)
        assert len(doc.checkable) == len(doc.text)


@settings(max_examples=60, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_every_default_rule_survives_odd_markdown(text: str) -> None:
    from tqcheck import check_text

    for finding in check_text(text, path="x.md"):
        assert text[finding.start : finding.end] == finding.match
        assert finding.line >= 1 and finding.column >= 1


# Hostile text: combining marks, right-to-left text and controls, emoji sequences, astral
# characters, NUL, lone CR, CRLF, a BOM in the middle, Unicode line separators, and the
# characters str.splitlines() treats as line breaks though Markdown and positions do not.
HOSTILE = st.sampled_from(
    [
        "a",
        "Word",
        " ",
        "\t",
        "\n",
        "\r",
        "\r\n",
        "\n\n",
        "\x00",
        "\ufeff",
        "\u0301",
        "e\u0301",
        "\u05e9\u05dc\u05d5\u05dd",
        "\u0645\u0631\u062d\u0628\u0627",
        "\u200f",
        "\u202e",
        "\u2066",
        "\U0001f469\u200d\U0001f469\u200d\U0001f467",
        "\U0001f1eb\U0001f1f7",
        "\U0001d518",
        "\U00020000",
        "\u2028",
        "\u2029",
        "\x0b",
        "\x0c",
        "\x1c",
        "\x85",
        "\u00a0",
        "\u200b",
        "İ",
        "ß",
        "ǅ",
        ".",
        ",",
        "!",
        "?",
        "«",
        "»",
        "\u201c",
        "\u201d",
        "'",
        '"',
    ]
)
HOSTILE_TEXT = st.one_of(
    st.lists(st.one_of(HOSTILE, PIECES), max_size=60).map("".join),
    st.text(max_size=120),
)


def assert_reader_invariants(text: str, path: str) -> None:
    doc = read_text(text, path)
    assert doc.text == text
    assert len(doc.checkable) == len(text)
    for original, shown in zip(text, doc.checkable, strict=True):
        assert shown == original or (shown == " " and original != "\n")
    previous = -1
    for segment in doc.segments:
        assert 0 <= segment.start <= segment.end <= len(text)
        assert segment.start >= previous  # segments come in document order
        previous = segment.start


@settings(max_examples=300, deadline=None)
@given(HOSTILE_TEXT)
def test_hostile_unicode_never_breaks_a_reader_or_moves_a_character(text: str) -> None:
    for path in ("x.md", "x.txt"):
        assert_reader_invariants(text, path)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300) | HOSTILE_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_any_bytes_give_a_document_or_a_one_line_error(data: bytes) -> None:
    from tqcheck.core.model import InputError
    from tqcheck.readers import read_bytes

    for path in ("x.md", "x.txt"):
        loaded = read_bytes(data, path)
        if isinstance(loaded, InputError):
            assert loaded.message and "\n" not in loaded.message
        else:
            assert len(loaded.checkable) == len(loaded.text)


@settings(max_examples=40, deadline=None)
@given(HOSTILE_TEXT.map(lambda t: "Le the the Kiev  port , " + t + " said  the the official ."))
def test_every_finding_lies_in_the_text_agrees_with_its_position_and_comes_in_order(text: str) -> None:
    from tqcheck import check_text

    for path in ("x.md", "x.txt"):
        findings = check_text(text, path=path)
        assert_placed_in_order(text, findings)
        assert check_text(text, path=path) == findings  # the same again, in the same order
