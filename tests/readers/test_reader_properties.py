"""Property tests: readers never crash and never move a character."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

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
