"""--changed-since on real temporary git repositories, and baselines that survive edits."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

import pytest
from helpers import invoke

GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
    # an empty file of our own, not os.devnull: on a shared machine /dev/null was once found
    # replaced by a regular file, and git refuses a config file it cannot parse
    "GIT_CONFIG_GLOBAL": tempfile.mkstemp(prefix="tqcheck-gitconfig-")[1],
    "GIT_CONFIG_NOSYSTEM": "1",
}
PARAGRAPH = "The council met on Monday and agreed to publish the report of the inquiry in full."


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=repo, env={**os.environ, **GIT_ENV}, capture_output=True, text=True, check=True
    )
    return done.stdout


def _article(flaw_at: int | None, lines: int = 6) -> str:
    body = [PARAGRAPH.replace("the report", "the the report") if i == flaw_at else PARAGRAPH for i in range(lines)]
    return "\n\n".join(body) + "\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "news").mkdir()
    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / "news" / name).write_text(_article(flaw_at=0), encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first")
    return tmp_path


def _json(*args: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    result = invoke("check", "-f", "json", *args)
    return result.exit_code, json.loads(result.stdout) if result.stdout.strip() else {}


def test_changed_since_reports_only_changed_lines_of_changed_files(repo: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(repo)
    # b.md: a new flaw on line 9 (the fifth paragraph); its old flaw on line 1 is untouched
    paragraphs = _article(flaw_at=0).split("\n\n")
    paragraphs[4] = PARAGRAPH.replace("publish", "publish publish")
    (repo / "news" / "b.md").write_text("\n\n".join(paragraphs), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "edit b")
    code, full = _json("news")
    assert {(Path(f["path"]).name, f["line"]) for f in full["findings"]} == {
        ("a.md", 1),
        ("b.md", 1),
        ("c.md", 1),
        ("b.md", 9),
    }
    code, changed = _json("--changed-since", "HEAD~1", "news")
    assert code == 1
    assert [(Path(f["path"]).name, f["line"], f["match"]) for f in changed["findings"]] == [("b.md", 9, " publish")]
    assert [Path(d["path"]).name for d in changed["documents"]] == ["b.md"]
    _, whole = _json("--changed-since", "HEAD~1", "--whole-files", "news")
    assert [(Path(f["path"]).name, f["line"]) for f in whole["findings"]] == [("b.md", 1), ("b.md", 9)]


def test_changed_since_includes_working_tree_and_untracked_files(repo: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(repo)
    (repo / "news" / "new article.md").write_text(_article(flaw_at=2), encoding="utf-8")
    (repo / "news" / "c.md").write_text(_article(flaw_at=0) + "\nIt was was late, officials said on Monday evening.\n")
    _, changed = _json("--changed-since", "HEAD", "news")
    assert [(Path(f["path"]).name, f["line"]) for f in changed["findings"]] == [("c.md", 13), ("new article.md", 5)]


def test_nothing_changed_is_a_clean_exit_with_a_notice(repo: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(repo)
    result = invoke("check", "--changed-since", "HEAD", "news")
    assert result.exit_code == 0 and "no supported file changed since HEAD" in result.output


def test_unknown_ref_and_shallow_clone_are_clear_errors(repo: Path, tmp_path_factory, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(repo)
    result = invoke("check", "--changed-since", "nosuchbranch", "news")
    assert result.exit_code == 2 and "'nosuchbranch' is not a commit in this repository" in result.output
    (repo / "news" / "a.md").write_text(_article(flaw_at=1), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "second")
    shallow = tmp_path_factory.mktemp("shallow")
    git(shallow, "clone", "-q", "--depth", "1", f"file://{repo}", "clone")
    monkeypatch.chdir(shallow / "clone")
    result = invoke("check", "--changed-since", "HEAD~1", "news")
    message = " ".join(result.output.split())
    assert result.exit_code == 2
    assert "'HEAD~1' is not a commit in this repository; this is a shallow clone" in message
    assert "fetch-depth: 0" in message
    outside = tmp_path_factory.mktemp("nogit")
    (outside / "a.md").write_text(_article(None), encoding="utf-8")
    result = invoke("check", "--changed-since", "HEAD", str(outside))
    assert result.exit_code == 2 and "is not in a git repository" in result.output


def test_baseline_survives_edits_elsewhere_and_reports_new_and_fixed(repo: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(repo)
    recorded = invoke("baseline", "news", "-o", ".tqcheck-baseline.json")
    assert recorded.exit_code == 0 and "Recorded 3 finding(s) of 3 file(s)" in recorded.output
    data = json.loads((repo / ".tqcheck-baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and {e["path"] for e in data["findings"]} == {"news/a.md", "news/b.md", "news/c.md"}
    code, same = _json("--baseline", ".tqcheck-baseline.json", "news")
    assert code == 0 and same["findings"] == []
    # paragraphs added above move a.md's old finding down: still known; a new flaw is reported
    text = (repo / "news" / "a.md").read_text(encoding="utf-8")
    (repo / "news" / "a.md").write_text(
        "# Update\n\nA new first paragraph, added later.\n\n" + text + "\nIt was was late.\n"
    )
    # c.md's old finding is fixed
    (repo / "news" / "c.md").write_text(_article(None), encoding="utf-8")
    code, after = _json("--baseline", ".tqcheck-baseline.json", "--show-fixed", "news")
    assert code == 1
    assert [(Path(f["path"]).name, f["match"]) for f in after["findings"]] == [("a.md", " was")]
    assert [(e["path"], e["rule"], e["match"]) for e in after["fixed"]] == [("news/c.md", "PN002", " the")]
    text_report = invoke("check", "--baseline", ".tqcheck-baseline.json", "--show-fixed", "news").output
    assert "news/c.md:1: PN002 fixed: ' the'" in text_report
    # checked from another folder, the fingerprints are the same (paths relative to the repository)
    monkeypatch.chdir(repo / "news")
    code, inside = _json("--baseline", "../.tqcheck-baseline.json", ".")
    assert [f["match"] for f in inside["findings"]] == [" was"]


def test_bad_baseline_file_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(_article(None), encoding="utf-8")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    result = invoke("check", "--baseline", str(tmp_path / "bad.json"), str(tmp_path / "a.md"))
    assert result.exit_code == 2 and "not a tqcheck baseline" in result.output
    result = invoke("check", "--baseline", str(tmp_path / "missing.json"), str(tmp_path / "a.md"))
    assert result.exit_code == 2 and "cannot read baseline" in result.output
    assert invoke("check", "--show-fixed", str(tmp_path / "a.md")).exit_code == 2


def test_statistics_counts_per_rule_like_ruff(repo: Path) -> None:
    result = invoke("check", "--statistics", str(repo / "news"))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == ["    3\tPN002  \t[*] doubled-word"]
    rows = json.loads(invoke("check", "--statistics", "-f", "json", str(repo / "news")).stdout)
    assert rows == [{"code": "PN002", "name": "doubled-word", "count": 3, "fixable": True}]
