"""Side-car discovery: which files are translations with a source and back-translation."""

from __future__ import annotations

from pathlib import Path

from tqcheck.readers.sidecars import find_companions


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
