"""BT005 (translations nobody scored): its rule examples and case files, and that it speaks once
per run, proposes the language most files share, and is silent once the source is configured."""

from __future__ import annotations

from pathlib import Path

from rule_cases import case_test

from tqcheck import check_paths
from tqcheck.core.config import Config

test_case = case_test(__file__)

STORY = {
    "fr": "Le port de Valmer a rouvert lundi après douze jours de grève.\n",
    "en": "The port of Valmer reopened on Monday after a twelve-day strike.\n",
    "de": "Der Hafen von Valmer ist nach zwölf Tagen Streik am Montag wieder geöffnet.\n",
}


def _folder(tmp_path: Path, stories: dict[str, list[str]]) -> Path:
    for stem, languages in stories.items():
        for language in languages:
            (tmp_path / f"{stem}.{language}.txt").write_text(STORY[language], encoding="utf-8")
    return tmp_path


def notices(folder: Path, **extra: str) -> list[str]:
    config = Config(select=("BT005",), root=folder, extra=extra)
    return [f.message for f in check_paths([folder], config=config)]


def test_one_notice_per_run_with_the_setting_to_add(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"port": ["fr", "en", "de"], "strike": ["fr", "en"], "quay": ["fr", "de"]})
    found = notices(folder)
    assert len(found) == 1
    assert 'add `source-language = "fr"`' in found[0]  # every story has French: the originals'
    assert "(7 such file(s) in this run)" in found[0]


def test_silent_when_the_source_language_is_configured(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"port": ["fr", "en"]})
    assert notices(folder, **{"source-language": "fr"}) == []


def test_names_that_are_not_languages_are_not_translations(tmp_path: Path) -> None:
    (tmp_path / "notes.old.txt").write_text(STORY["en"], encoding="utf-8")
    (tmp_path / "notes.new.txt").write_text(STORY["en"], encoding="utf-8")
    assert notices(tmp_path) == []


def test_silent_when_a_back_translation_names_the_source(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"port": ["fr", "en"]})
    (folder / "port.bt.fr.txt").write_text(STORY["fr"], encoding="utf-8")
    assert notices(folder) == []
