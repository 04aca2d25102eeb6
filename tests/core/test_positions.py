"""Positions: line and column count code points, whatever the characters and line endings."""

from __future__ import annotations

from tqcheck import check_text


def test_columns_count_code_points_after_wide_characters() -> None:
    findings = check_text("Ça coûte 5 €, dit-il — oui oui.\nÉtude : le le rapport.\n", path="x.md")
    doubled = [f for f in findings if f.rule == "PN002"]
    assert [(f.line, f.column) for f in doubled] == [(1, 27), (2, 11)]


def test_crlf_line_endings_keep_columns() -> None:
    findings = check_text("First line.\r\nIt was was late.\r\n", path="a.txt")
    assert [(f.line, f.column, f.match) for f in findings] == [(2, 7, " was")]
