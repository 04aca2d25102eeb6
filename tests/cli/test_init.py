"""`tqcheck init`: a commented starter tqcheck.toml that loads, says what it found (file types,
languages, translations beside their sources) and sets only what that calls for."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import invoke

from tqcheck.core.config import load_file

ENGLISH = "The port of Valmer reopened on Monday after a twelve-day strike, and the dockers went back to work.\n"
FRENCH = "Le port de Valmer a rouvert lundi après douze jours de grève, et les dockers ont repris le travail.\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    news = tmp_path / "news"
    news.mkdir()
    for stem in ("port", "quay", "ferry"):
        (news / f"{stem}.fr.md").write_text(FRENCH, encoding="utf-8")
        (news / f"{stem}.en.md").write_text(ENGLISH, encoding="utf-8")
    (news / "port.bt.fr.md").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "notes.txt").write_text(ENGLISH, encoding="utf-8")
    return tmp_path


def test_init_writes_a_commented_config_that_loads(repo: Path) -> None:
    result = invoke("init", str(repo))
    assert result.exit_code == 0, result.output
    written = repo / "tqcheck.toml"
    text = written.read_text(encoding="utf-8")
    config = load_file(written)  # the loader `check` uses
    assert config.extra["source-language"] == "fr"
    assert config.packs == ("en-news",)
    assert "# Found 8 file(s) to check: .md (7), .txt (1)." in text
    assert "# Languages found: en (4), fr (4)." in text
    assert "# Found 1 back-translation(s) into fr named like {stem}.bt.{src}{ext}." in text
    assert "#   - run: tqcheck check --format github" in text
    assert all(line.startswith("#") or "=" in line or not line for line in text.splitlines())


GERMAN = "Der Hafen von Valmer ist nach zwölf Tagen Streik am Montag wieder geöffnet worden.\n"


def test_after_init_the_translations_are_scored_not_left_unnoticed(repo: Path) -> None:
    (repo / "news" / "port.bt.fr.md").unlink()
    (repo / "news" / "ferry.en.md").unlink()
    (repo / "news" / "ferry.de.md").write_text(GERMAN, encoding="utf-8")  # every story has French
    before = invoke("check", "--select", "BT005", "--fail-on", "never", str(repo))
    assert "BT005" in before.stdout  # said once: nobody configured the source
    assert invoke("init", str(repo)).exit_code == 0
    assert 'source-language = "fr"' in (repo / "tqcheck.toml").read_text(encoding="utf-8")
    after = invoke("check", "--select", "BT005", "--fail-on", "never", str(repo))
    assert "BT005" not in after.stdout


def test_init_never_overwrites_without_force(repo: Path) -> None:
    (repo / "tqcheck.toml").write_text('language = "de"\n', encoding="utf-8")
    refused = invoke("init", str(repo))
    assert refused.exit_code == 2 and "already exists" in refused.output
    assert (repo / "tqcheck.toml").read_text(encoding="utf-8") == 'language = "de"\n'
    printed = invoke("init", "--stdout", str(repo))
    assert printed.exit_code == 0 and 'source-language = "fr"' in printed.stdout
    assert invoke("init", "--force", str(repo)).exit_code == 0
    assert 'source-language = "fr"' in (repo / "tqcheck.toml").read_text(encoding="utf-8")


def test_a_folder_without_prose_gets_the_settings_as_comments(tmp_path: Path) -> None:
    (tmp_path / "list.md").write_text("- Zyx\n- Qwv\n", encoding="utf-8")
    result = invoke("init", "--stdout", str(tmp_path))
    assert result.exit_code == 0
    assert '# language = "en"' in result.stdout and "# source-language" in result.stdout
    assert "\npacks" not in result.stdout and "\nsource-language" not in result.stdout
