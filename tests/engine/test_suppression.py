"""Suppression comments: disable/enable regions, prefixes, ignore-next-line, plain-text form."""

from __future__ import annotations

from tqcheck import check_text


def rules(text: str, path: str) -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in check_text(text, path=path)]


def test_markdown_disable_enable_region() -> None:
    text = (
        "It was was late.\n\n<!-- tqcheck: disable=PN002 -->\n\nIt was was late.\n\n"
        "<!-- tqcheck: enable=PN002 -->\n\nIt was was late.\n"
    )
    assert rules(text, "a.md") == [("PN002", 1), ("PN002", 9)]


def test_markdown_disable_by_prefix_and_all() -> None:
    text = "<!-- tqcheck: disable=PN -->\nIt was was late ,\n<!-- tqcheck: enable -->\n"
    assert rules(text, "a.md") == []
    text = "<!-- tqcheck: disable -->\nIt was was late ,\n"
    assert rules(text, "a.md") == []


def test_markdown_ignore_next_line_only_affects_one_line() -> None:
    text = "<!-- tqcheck: ignore-next-line -->\nIt was was late.\nIt was was late.\n"
    assert rules(text, "a.md") == [("PN002", 3)]


def test_plain_text_comment_form_is_blanked_and_honoured() -> None:
    text = "# tqcheck: disable=PN002\nIt was was late.\n# tqcheck: enable\nIt was was late.\n"
    assert rules(text, "a.txt") == [("PN002", 4)]
