"""A fix that cannot be written (a read-only file, a folder we may not create files in, a full
disk) is one line naming the file and the reason, exit 2; the other files are still fixed, the
file is left byte for byte as it was, and the summary does not call it unreadable."""

from __future__ import annotations

import errno
import json
import os
import stat
import sys
import tempfile
from pathlib import Path

import pytest
from helpers import invoke

import tqcheck.cli.app as app_module

BEFORE = {"a.md": "It is in in the port.\n", "b.md": "It was on on the dock.\n"}
AFTER_B = "It was on the dock.\n"


@pytest.fixture
def two_files(tmp_path: Path) -> Path:
    (tmp_path / "tqcheck.toml").write_text('language = "en"\n', encoding="utf-8")
    for name, text in BEFORE.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _run(folder: Path, *extra: str):  # type: ignore[no-untyped-def]
    return invoke("check", "--fix", "--select", "PN002", *extra, str(folder / "a.md"), str(folder / "b.md"))


def _error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if ": error: " in line]


def _assert_a_not_fixed_b_fixed(folder: Path, result, why: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.stdout
    errors = _error_lines(result.stdout)
    assert errors == [f"{folder / 'a.md'}: error: cannot write the fixes: {why}; the file is left as it was"]
    assert "Traceback" not in result.stdout and "unexpected" not in result.stdout
    assert "1 file(s) could not be fixed" in result.stdout and "could not be read" not in result.stdout
    assert (folder / "a.md").read_text(encoding="utf-8") == BEFORE["a.md"]
    assert (folder / "b.md").read_text(encoding="utf-8") == AFTER_B
    assert sorted(p.name for p in folder.iterdir()) == ["a.md", "b.md", "tqcheck.toml"]  # no temporary file


def test_a_read_only_file_is_not_fixed_and_the_others_are(two_files: Path) -> None:
    os.chmod(two_files / "a.md", 0o444)
    result = _run(two_files)
    _assert_a_not_fixed_b_fixed(two_files, result, "the file is read-only")
    assert stat.S_IMODE((two_files / "a.md").stat().st_mode) == 0o444


def test_a_folder_that_is_not_writable(two_files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root ignores a folder's permissions, so the refusal the kernel would give is simulated
    real = tempfile.mkstemp

    def refuse(*args, dir=None, **kwargs):  # type: ignore[no-untyped-def]
        if dir is not None and Path(dir) == two_files and kwargs.get("prefix", "").startswith(".a.md"):
            raise PermissionError(errno.EACCES, "Permission denied", str(Path(dir) / ".a.md.x.tqcheck"))
        return real(*args, dir=dir, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    result = _run(two_files)
    _assert_a_not_fixed_b_fixed(two_files, result, f"its folder {two_files} is not writable (permission denied)")


def test_a_full_disk(two_files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.fsync
    calls = []

    def full(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 1:  # a.md is written first
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd)

    monkeypatch.setattr(os, "fsync", full)
    result = _run(two_files)
    _assert_a_not_fixed_b_fixed(two_files, result, "no space left on the device")


def test_json_marks_a_write_error_as_such(two_files: Path) -> None:
    os.chmod(two_files / "a.md", 0o444)
    result = _run(two_files, "--format", "json")
    assert result.exit_code == 2
    payload = json.loads(result.stdout)
    assert payload["errors"] == [
        {
            "path": str(two_files / "a.md"),
            "message": "cannot write the fixes: the file is read-only; the file is left as it was",
            "kind": "write",
        }
    ]
    assert payload["summary"]["files"] == 2  # read and checked: counted once
    assert payload["summary"]["errors_by_kind"] == {"read": 0, "timeout": 0, "write": 1}


def test_a_report_that_cannot_be_written_is_one_line(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.md").write_text("It is in in the port.\n", encoding="utf-8")
    (tmp_path / "blocker").write_text("a file, not a folder\n", encoding="utf-8")
    report = tmp_path / "blocker" / "report.json"
    monkeypatch.setattr(sys, "argv", ["tqcheck", "check", "-f", "json", "-o", str(report), str(tmp_path / "a.md")])
    with pytest.raises(SystemExit) as exited:
        app_module.main()
    assert exited.value.code == 2
    err = [line for line in capsys.readouterr().err.splitlines() if "building word tables" not in line]
    assert err == [f"tqcheck: error: cannot write {report}: a part of the path is a file, not a folder"]
