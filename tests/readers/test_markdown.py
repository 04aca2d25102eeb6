"""Markdown: code, URLs, link targets and front matter are never checked; positions are exact;
the fast inline-markup scan gives what the plain patterns it replaced give."""

from __future__ import annotations

import re

from helpers import FIXTURES
from hypothesis import given, settings
from strategies import texts

from tqcheck import check_paths, check_text
from tqcheck.core.config import Config
from tqcheck.readers.markdown import _INLINE_MARKUP

BRIEFING = FIXTURES / "samples" / "briefing.md"


def positions(findings):  # type: ignore[no-untyped-def]
    return [(f.rule, f.line, f.column, f.end_line, f.end_column, f.match) for f in findings]


def test_briefing_findings_at_exact_positions() -> None:
    findings = check_paths([BRIEFING], config=Config(packs=("en-news",)))
    assert positions(findings) == [
        ("ST001", 7, 27, 7, 31, "Kiev"),
        ("ST001", 9, 31, 9, 35, "Kiev"),
        ("PN002", 9, 50, 9, 54, " the"),
        ("PN003", 9, 69, 9, 70, " "),
        ("PN002", 24, 24, 24, 29, " said"),
        ("ST001", 28, 3, 28, 9, "Odessa"),
        ("PN004", 28, 16, 28, 18, ",,"),
    ]


def test_offsets_agree_with_line_and_column() -> None:
    text = BRIEFING.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    for finding in check_paths([BRIEFING], config=Config(packs=("en-news",))):
        assert text[finding.start : finding.end] == finding.match
        offset = sum(len(line) for line in lines[: finding.line - 1]) + finding.column - 1
        assert offset == finding.start


def test_front_matter_code_and_urls_are_masked() -> None:
    text = (
        "---\ntitle: the the\n---\n\nSee `the the` and [docs](http://x.org/the the) or "
        "<https://a.org/,,> and https://b.org/a,,b here.\n\n    indented the the code\n"
    )
    assert check_text(text, path="doc.md") == []


def test_link_text_is_checked_but_not_its_target() -> None:
    findings = check_text("Read [the the report](https://x.org/Kiev).\n", path="a.md")
    assert [(f.rule, f.column) for f in findings] == [("PN002", 10)]


def test_emphasis_markers_do_not_create_spacing_findings() -> None:
    assert check_text("The **port** reopened, and *trade* resumed.\n", path="a.md") == []


MARKUP = texts(
    [
        *["ab", " ", "\n", "_", "*", "`", "~~", "[", "]", "(", ")", "](", "![", "<", ">", "<b>", "</i>", "<!--"],
        *["-->", "http://x.y/Z", "www.", "h", "w", "\\", "!", "[^1]", "<https://x.y>", "'", '"'],
    ]
)


# the reader's patterns before they were rewritten to start with a literal character
REFERENCE_MARKUP = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (
            r"(?P<ticks>`+)(?!`)(?s:.*?)(?<!`)(?P=ticks)(?!`)",
            r"<!--(?s:.*?)-->",
            r"!\[[^\]\n]*\]\([^)\n]*\)",
            r"\]\((?:<[^>\n]*>|[^)\s]*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\)",
            r"\]\[[^\]\n]*\]",
            r"<(?:https?|ftp|mailto):[^>\s]*>",
            r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>",
            r"\b(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]",
            r"\\(?=[!-/:-@\[-`{-~])",
            r"(?<![\w*])\*{1,3}(?=\S)|(?<=\S)\*{1,3}(?![\w*])",
            r"(?<![\w_])_{1,3}(?=\S)|(?<=\S)_{1,3}(?![\w_])",
            r"~~",
            r"(?<!\])\[(?=[^\]\n]*\](?:\(|\[))",
            r"\[\^[^\]\n]*\]",
        )
    )
)


@settings(max_examples=600, deadline=None, derandomize=True)
@given(MARKUP)
def test_inline_markup_masking_equals_the_reference(text: str) -> None:
    # e-mail addresses have a pass of their own now (they start at any word character, which
    # defeated the fast scan); everything else is blanked exactly as before
    expected = [m.span() for m in REFERENCE_MARKUP.finditer(text)]
    assert [m.span() for m in _INLINE_MARKUP.finditer(text)] == expected
