"""Which files a run checks: folders recurse, exclude and .gitignore apply, named files always;
a missing path or a dangling link is a per-file error."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import invoke


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    result = invoke("check", str(tmp_path / "nope.md"))
    assert result.exit_code == 2 and "no such file" in result.stdout


def test_folders_recurse_and_honour_exclude_and_gitignore(tmp_path: Path) -> None:
    (tmp_path / "tqcheck.toml").write_text('exclude = ["drafts/"]\n', encoding="utf-8")
    (tmp_path / ".gitignore").write_text("build/\n", encoding="utf-8")
    for folder in ("news", "drafts", "build", "news/deep"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "a.md").write_text("It was was late.\n", encoding="utf-8")
    (tmp_path / "news" / "script.py").write_text("x = 'the the'\n", encoding="utf-8")
    payload = json.loads(invoke("check", "-f", "json", str(tmp_path)).stdout)
    paths = sorted(Path(f["path"]).relative_to(tmp_path).as_posix() for f in payload["findings"])
    assert paths == ["news/a.md", "news/deep/a.md"]


def test_explicitly_named_file_is_checked_even_if_excluded(tmp_path: Path) -> None:
    (tmp_path / "tqcheck.toml").write_text('exclude = ["*.md"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("It was was late.\n", encoding="utf-8")
    assert invoke("check", "--fail-on", "warning", str(tmp_path / "a.md")).exit_code == 1
    assert invoke("check", "--fail-on", "warning", "--allow-empty", str(tmp_path)).exit_code == 0


def test_dangling_symlink_in_a_folder_is_a_per_file_error(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text("It was was late.\n", encoding="utf-8")
    (tmp_path / "gone.md").symlink_to(tmp_path / "missing-target.md")
    payload = json.loads(invoke("check", "-f", "json", str(tmp_path)).stdout)
    assert [Path(e["path"]).name for e in payload["errors"]] == ["gone.md"]
    assert [Path(f["path"]).name for f in payload["findings"]] == ["good.md"]
