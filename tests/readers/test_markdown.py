"""Markdown: code, URLs, link targets and front matter are never checked; positions are exact."""

from __future__ import annotations

from helpers import FIXTURES

from tqcheck import check_paths, check_text
from tqcheck.core.config import Config

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


def test_columns_count_code_points_after_wide_characters() -> None:
    findings = check_text("Ça coûte 5 €, dit-il — oui oui.\nÉtude : le le rapport.\n", path="x.md")
    doubled = [f for f in findings if f.rule == "PN002"]
    assert [(f.line, f.column) for f in doubled] == [(1, 27), (2, 11)]


def test_front_matter_code_and_urls_are_masked() -> None:
    text = (
        "---\ntitle: the the\n---\n\nSee `the the` and [docs](http://x.org/the the) or "
        "<https://a.org/,,> and https://b.org/a,,b here.\n\n    indented the the code\n"
    )
    assert check_text(text, path="doc.md") == []


def test_link_text_is_checked_but_not_its_target() -> None:
    findings = check_text("Read [the the report](https://x.org/Kiev).\n", path="a.md")
    assert [(f.rule, f.column) for f in findings] == [("PN002", 10)]


def test_crlf_line_endings_keep_columns() -> None:
    findings = check_text("First line.\r\nIt was was late.\r\n", path="a.txt")
    assert [(f.line, f.column, f.match) for f in findings] == [(2, 7, " was")]


def test_emphasis_markers_do_not_create_spacing_findings() -> None:
    assert check_text("The **port** reopened, and *trade* resumed.\n", path="a.md") == []


def test_language_comes_from_front_matter() -> None:
    from tqcheck.engine.inputs import prepare
    from tqcheck.readers import read_text

    doc = prepare(read_text("---\nlanguage: fr\n---\nBonjour.\n", "a.md"), Config(language="de"))
    assert doc.language == "fr"


def test_regional_language_code_runs_base_language_rules() -> None:
    findings = check_text(
        "---\nlang: en-GB\n---\nTalks in Kiev resumed.\n", path="a.md", config=Config(packs=("en-news",))
    )
    assert [f.rule for f in findings] == ["ST001"]
    findings = check_text(
        "---\nlang: fr\n---\nDes pourparlers à Kiev.\n", path="a.md", config=Config(packs=("en-news",))
    )
    assert [f.rule for f in findings if f.rule.startswith("ST")] == []
