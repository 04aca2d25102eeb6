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
