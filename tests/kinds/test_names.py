"""Name consistency (TL001-TL003): the rules' examples and case files, the seed sample, the corpus
pass and glossaries."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import FIXTURES
from rule_cases import case_test

from tqcheck import check_paths, check_text
from tqcheck.core.config import Config
from tqcheck.core.errors import PackError

CORPUS = FIXTURES / "names" / "corpus"
GLOSSARY = FIXTURES / "names" / "glossary.yaml"

test_case = case_test(__file__)


def test_seed_article_gives_exactly_the_two_grouchko_findings(seed_article: Path) -> None:
    findings = [f for f in check_paths([seed_article]) if f.rule.startswith("TL")]
    assert [(f.rule, f.line, f.match, f.suggestion) for f in findings] == [
        ("TL001", 22, "Grouchko", "Grushko"),
        ("TL001", 54, "Grouchko", "Grushko"),
    ]
    assert all("'Grushko' 2x" in f.message for f in findings)


def test_corpus_pass_flags_the_minority_file_only() -> None:
    findings = [f for f in check_paths([CORPUS]) if f.rule.startswith("TL")]
    summary = sorted((Path(f.path).name, f.rule, f.match, f.suggestion) for f in findings)
    assert summary == [
        ("04-translated.md", "TL003", "Khodorkovski", "Khodorkovsky"),
        ("05-both.md", "TL001", "Navalni", "Navalny"),
    ]
    corpus = next(f for f in findings if f.rule == "TL003")
    assert "in 3 other file(s)" in corpus.message and "01-court.md" in corpus.message


def test_corpus_pass_is_not_state_between_runs() -> None:
    single = [f for f in check_paths([CORPUS / "04-translated.md"]) if f.rule.startswith("TL")]
    assert single == []


def test_config_glossary_key(tmp_path: Path) -> None:
    (tmp_path / "tqcheck.toml").write_text(f'names-glossary = ["{GLOSSARY}"]\n', encoding="utf-8")
    doc = tmp_path / "story.txt"
    doc.write_text("Moammar Gadhafi ruled Libya. Rebels fought Gaddafi, and Gadhafi fled.\n", encoding="utf-8")
    from tqcheck.core.config import resolve

    findings = check_paths([doc], config=resolve(None, doc))
    tl002 = [(f.match, f.suggestion) for f in findings if f.rule == "TL002"]
    assert ("Gadhafi", "Gaddafi") in tl002 and ("Moammar", "Muammar") in tl002
    # TL001 takes its canonical form from the glossary even against the majority
    tl001 = [(f.match, f.suggestion) for f in findings if f.rule == "TL001"]
    assert tl001 == [("Gadhafi", "Gaddafi"), ("Gadhafi", "Gaddafi")]


def test_broken_glossary_is_a_user_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("names:\n  - variants: [x]\n", encoding="utf-8")
    with pytest.raises(PackError, match="canonical"):
        check_text("Text.", config=Config(extra={"names-glossary": (str(bad),)}, root=tmp_path))
