"""`check --diff`, `--unsafe-fixes`, `--fix -` and the `[*]` marks of fixable findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import invoke

import tqcheck.cli.fixes as fixes

TEXT = "They met in Kiev.\nIt was was late, and they met in order to talk.\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    (tmp_path / "tqcheck.toml").write_text('packs = ["en-news"]\nlanguage = "en"\n', encoding="utf-8")
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_diff_prints_the_fixes_writes_nothing_and_exits_1(article: Path) -> None:
    result = invoke("check", "--diff", str(article))
    assert result.exit_code == 1
    assert article.read_text(encoding="utf-8") == TEXT
    assert result.stdout.splitlines()[:2] == [f"--- {article}", f"+++ {article}"]
    removed = [line for line in result.stdout.splitlines()[3:] if line.startswith("-")]
    added = [line for line in result.stdout.splitlines()[3:] if line.startswith("+")]
    assert removed == ["-They met in Kiev.", "-It was was late, and they met in order to talk."]
    assert added == ["+They met in Kyiv.", "+It was late, and they met in order to talk."]
    assert "Would fix 2 finding(s) in 1 file(s)." in result.stderr


def test_diff_exits_0_when_there_is_nothing_to_fix(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The talks ended on Friday.\n", encoding="utf-8")
    result = invoke("check", "--diff", str(path))
    assert result.exit_code == 0 and result.stdout == ""
    assert "Nothing to fix." in result.stderr


def test_unsafe_fixes_apply_suggestions_not_marked_safe(article: Path) -> None:
    diff = invoke("check", "--diff", "--unsafe-fixes", str(article))
    assert "+It was late, and they met to talk.\n" in diff.stdout
    invoke("check", "--fix", "--unsafe-fixes", str(article))
    assert article.read_text(encoding="utf-8") == "They met in Kyiv.\nIt was late, and they met to talk.\n"


def test_text_output_marks_what_fix_would_fix(article: Path) -> None:
    result = invoke("check", "--fail-on", "never", str(article))
    heads = [line for line in result.stdout.splitlines() if line.startswith(str(article))]
    marked = {line.split(": ")[1].split()[0]: "[*]" in line for line in heads}
    assert marked == {"ST001": True, "PN002": True, "ST003": False}
    assert "[*] 2 fixable with --fix; 1 more with --unsafe-fixes." in result.stdout
    unsafe = invoke("check", "--unsafe-fixes", "--fail-on", "never", str(article))
    assert sum("[*]" in line for line in unsafe.stdout.splitlines() if line.startswith(str(article))) == 3


def test_json_summary_counts_unsafe_fixes(article: Path) -> None:
    summary = json.loads(invoke("check", "-f", "json", str(article)).stdout)["summary"]
    assert (summary["fixable"], summary["unsafe_fixable"]) == (2, 1)


def test_fix_with_stdin_writes_the_fixed_text_to_stdout_and_the_report_to_stderr(article: Path) -> None:
    config = str(article.parent / "tqcheck.toml")
    data = b"\xef\xbb\xbfThey met in Kiev.\r\nIt was was late.\r\n"
    result = invoke("check", "--fix", "-", "--stdin-filename", "draft.txt", "-c", config, input=data)  # type: ignore[arg-type]
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == b"\xef\xbb\xbfThey met in Kyiv.\r\nIt was late.\r\n"
    assert "Fixed 2 finding(s)." in result.stderr and "All clear" in result.stderr


def test_a_file_changed_since_it_was_read_is_not_written(article: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = fixes._outcomes

    def edited_meanwhile(*args, **kwargs):  # type: ignore[no-untyped-def]
        outcomes = real(*args, **kwargs)
        article.write_text(TEXT + "A new paragraph by a colleague.\n", encoding="utf-8")
        return outcomes

    monkeypatch.setattr(fixes, "_outcomes", edited_meanwhile)
    result = invoke("check", "--fix", str(article))
    assert result.exit_code == 2
    assert f"{article}: error: changed on disk since it was checked; not fixed (run again)" in result.stdout
    assert article.read_text(encoding="utf-8") == TEXT + "A new paragraph by a colleague.\n"
