"""The built-in packs ship inside the wheel, so an installed tqcheck outside the repo has them."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import ROOT


def test_wheel_contains_builtin_packs(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".git", ".venv", "*.egg-info", "__pycache__"))
    proc = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path / "dist")],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    wheel = next((tmp_path / "dist").glob("tqcheck-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    rules = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "rules").rglob("*.yaml"))
    assert rules
    for rule in rules:
        assert f"tqcheck/_{rule}" in names
    assert any(name.endswith("entry_points.txt") for name in names)
    languages = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "tqcheck/language/data").glob("*.yaml"))
    assert languages and set(languages) <= names
