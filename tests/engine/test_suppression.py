"""Suppression comments and safe, atomic fixes."""

from __future__ import annotations

import stat
from pathlib import Path

from helpers import invoke

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


def test_fix_applies_safe_fixes_atomically_keeping_bom_crlf_and_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfIt was was late ,\r\nThey met in Kiev.\r\n")
    path.chmod(0o640)
    config = tmp_path / "tqcheck.toml"
    config.write_text('packs = ["en-news"]\n', encoding="utf-8")
    result = invoke("check", "--fix", str(path))
    assert result.exit_code == 0, result.stdout
    assert path.read_bytes() == b"\xef\xbb\xbfIt was late,\r\nThey met in Kyiv.\r\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert list(tmp_path.glob(".*tqcheck")) == []
    again = invoke("check", "--fix", "--fail-on", "info", str(path))
    assert again.exit_code == 0 and "Fixed" not in again.stdout


def test_fix_leaves_unsafe_suggestions_alone(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("They met in order to talk,, then left.\n", encoding="utf-8")
    (tmp_path / "tqcheck.toml").write_text('packs = ["en-news"]\n', encoding="utf-8")
    invoke("check", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == "They met in order to talk,, then left.\n"
