"""Bad input never crashes: per-file errors, other files still checked, exit 2 only then."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from helpers import invoke, run_module


def _tree(tmp_path: Path) -> Path:
    (tmp_path / "good.md").write_text("It was was late.\n", encoding="utf-8")
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 cr\xe8me".encode("latin-1"))
    return tmp_path


def test_bad_files_are_reported_and_others_checked(tmp_path: Path) -> None:
    result = invoke("check", "-f", "json", str(_tree(tmp_path)))
    payload = json.loads(result.stdout)
    assert result.exit_code == 2
    errors = {Path(e["path"]).name: e["message"] for e in payload["errors"]}
    assert "binary" in errors["image.txt"]
    assert "not valid UTF-8" in errors["latin1.txt"] and "line 1" in errors["latin1.txt"]
    assert [Path(f["path"]).name for f in payload["findings"]] == ["good.md"]
    assert "empty.md" not in errors


def test_text_output_names_the_unreadable_file_without_traceback(tmp_path: Path) -> None:
    proc = run_module("check", str(_tree(tmp_path)))
    assert proc.returncode == 2
    assert "image.txt: error: binary file" in proc.stdout
    assert "Traceback" not in proc.stdout + proc.stderr


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    result = invoke("check", str(tmp_path / "nope.md"))
    assert result.exit_code == 2 and "no such file" in result.stdout


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("x", encoding="utf-8")
    secret.chmod(0)
    result = invoke("check", str(tmp_path))
    assert result.exit_code == 2 and "permission denied" in result.stdout


def test_utf8_bom_is_accepted_and_columns_start_after_it(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfIt was was late.\n")
    findings = json.loads(invoke("check", "-f", "json", str(path)).stdout)["findings"]
    assert [(f["line"], f["column"]) for f in findings] == [(1, 7)]


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
    assert invoke("check", "--fail-on", "warning", str(tmp_path)).exit_code == 0


def test_dangling_symlink_in_a_folder_is_a_per_file_error(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text("It was was late.\n", encoding="utf-8")
    (tmp_path / "gone.md").symlink_to(tmp_path / "missing-target.md")
    payload = json.loads(invoke("check", "-f", "json", str(tmp_path)).stdout)
    assert [Path(e["path"]).name for e in payload["errors"]] == ["gone.md"]
    assert [Path(f["path"]).name for f in payload["findings"]] == ["good.md"]
