"""Which language a document gets (front matter, then config, then detection; regional codes use
the base language) and the rules that follow it."""

from __future__ import annotations

from tqcheck import check_text
from tqcheck.core.config import Config
from tqcheck.engine.inputs import prepare
from tqcheck.readers import read_text


def test_language_precedence_front_matter_config_detection() -> None:
    french = "Le gouvernement a annoncé mardi une nouvelle réforme des retraites pour l'an prochain.\n"
    assert prepare(read_text(french, "a.md"), Config()).language == "fr"
    assert prepare(read_text(french, "a.md"), Config(language="en")).language == "en"
    with_front_matter = "---\nlang: de\n---\n\n" + french
    assert prepare(read_text(with_front_matter, "a.md"), Config(language="en")).language == "de"


def test_language_comes_from_front_matter() -> None:
    doc = prepare(read_text("---\nlanguage: fr\n---\nBonjour.\n", "a.md"), Config(language="de"))
    assert doc.language == "fr"


def test_rules_follow_the_detected_language() -> None:
    # the same glued "?" is French style error only in a French document
    assert [f.rule for f in check_text("Le ministre a-t-il démissionné? Personne ne le sait encore.")] == ["PN006"]
    assert check_text("Did the minister resign? Nobody knows yet, officials said.") == []


def test_regional_language_codes_use_the_base_language() -> None:
    text = "---\nlang: fr-FR\n---\n\nLe texte a été adopté par l'Assemblee nationale mardi soir.\n"
    assert [(f.rule, f.suggestion) for f in check_text(text, path="a.md")] == [("GW001", "Assemblée")]
    assert check_text("---\nlang: ../../etc\n---\n\nSome text here.\n", path="b.md") == []


def test_regional_language_code_runs_base_language_rules() -> None:
    findings = check_text(
        "---\nlang: en-GB\n---\nTalks in Kiev resumed.\n", path="a.md", config=Config(packs=("en-news",))
    )
    assert [f.rule for f in findings] == ["ST001"]
    findings = check_text(
        "---\nlang: fr\n---\nDes pourparlers à Kiev.\n", path="a.md", config=Config(packs=("en-news",))
    )
    assert [f.rule for f in findings if f.rule.startswith("ST")] == []
