"""Items 4 and 5 of the real-data audit: no default glossary, an entry speaks only for its own
languages, the majority spelling is never flagged as the minority, and a suggestion is always a
spelling of the document or of the user's glossary. All texts written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tqcheck import check_text
from tqcheck.core.config import Config
from tqcheck.engine.packs import load_pack, resolve_pack
from tqcheck.names.glossary import GlossaryError, parse

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "rules" / "names" / "data" / "example-glossary.yaml"

SPANISH = (
    "El presidente Volodímir Zelenski habló ante el Parlamento por videoconferencia.\n"
    "Zelenski pidió más defensa antiaérea y Volodímir Zelenski agradeció el apoyo de los diputados.\n"
)
ENGLISH_OTHER_STYLE = (
    "President Volodymyr Zelenskiy addressed lawmakers by video link on Tuesday.\n"
    "Zelenskiy asked for more air defence, and Volodymyr Zelenskiy thanked the chamber.\n"
)


def _tl(text: str, language: str, glossary: Path | None = None, tmp: Path | None = None) -> list[tuple[str, str]]:
    extra = {"names-glossary": (str(glossary),)} if glossary else {}
    config = Config(select=("TL",), language=language, extra=extra, root=tmp or ROOT)
    return [(f.rule, f.match) for f in check_text(text, path="story.txt", config=config)]


def test_the_names_pack_ships_no_default_glossary() -> None:
    specs = load_pack(resolve_pack("names", ROOT)).specs
    assert all(not spec.options.get("glossary") for spec in specs)
    assert _tl(ENGLISH_OTHER_STYLE, "en") == []  # another agency's consistent style is left alone


def test_a_document_consistent_in_its_own_language_is_not_overruled() -> None:
    # the example glossary lists en, fr and de: a Spanish text keeps its own form
    assert _tl(SPANISH, "es", EXAMPLE) == []
    # but an English text is held to the English form once the user configures the glossary
    assert ("TL002", "Zelenskiy") in _tl(ENGLISH_OTHER_STYLE, "en", EXAMPLE)


def test_an_entry_speaks_for_its_canonical_language_and_the_listed_ones(tmp_path: Path) -> None:
    glossary = tmp_path / "house.yaml"
    glossary.write_text(
        "language: fr\nnames:\n  - canonical: Vladimir Poutine\n    languages: {de: Wladimir Putin}\n",
        encoding="utf-8",
    )
    entry = parse({"language": "fr", "names": [{"canonical": "Vladimir Poutine"}]}, "x").entries[0]
    assert (entry.target("fr"), entry.target("en")) == ("Vladimir Poutine", None)
    english = "Vladimir Putin met the envoy on Monday. Putin said the talks were useful.\n"
    assert _tl(english, "en", glossary, tmp_path) == []
    french = "Vladimir Putin a reçu l'envoyé lundi. Putin a jugé les discussions utiles.\n"
    assert [rule for rule, _ in _tl(french, "fr", glossary, tmp_path)] == ["TL002", "TL002"]


def test_glossary_language_key_is_checked() -> None:
    with pytest.raises(GlossaryError, match="language"):
        parse({"language": 3, "names": []}, "house.yaml")
    with pytest.raises(GlossaryError, match="unknown key 'langauge'"):
        parse({"langauge": "en", "names": []}, "house.yaml")


MIXED = (
    "Deputy minister Aleksandr Vorontsov opened the session. Vorontsov said the plan was ready.\n"
    "Later Vorontsov took questions, and Aleksandr Vorontsov thanked the hosts. "
    "A French release called him Vorontsoff.\n"
)


def test_the_majority_spelling_is_never_flagged_and_suggestions_come_from_the_document() -> None:
    findings = check_text(MIXED, path="story.txt", config=Config(select=("TL001",), language="en"))
    assert [(f.match, f.suggestion) for f in findings] == [("Vorontsoff", "Vorontsov")]
    assert "4x elsewhere" in findings[0].message


def test_a_glossary_form_the_document_lacks_is_left_to_tl002(tmp_path: Path) -> None:
    glossary = tmp_path / "house.yaml"
    glossary.write_text("names:\n  - canonical: Aleksandr Vorontsow\n", encoding="utf-8")
    config = Config(select=("TL",), language="en", extra={"names-glossary": (str(glossary),)}, root=tmp_path)
    findings = check_text(MIXED, path="story.txt", config=config)
    tl001 = [(f.match, f.suggestion) for f in findings if f.rule == "TL001"]
    assert tl001 == [("Vorontsoff", "Vorontsov")]  # the document's majority, not a form it never uses
    assert {f.suggestion for f in findings if f.rule == "TL002"} == {"Vorontsow"}


def test_a_glossary_form_the_document_uses_wins_with_an_honest_message(tmp_path: Path) -> None:
    glossary = tmp_path / "house.yaml"
    glossary.write_text("names:\n  - canonical: Aleksandr Vorontsoff\n", encoding="utf-8")
    config = Config(select=("TL001",), language="en", extra={"names-glossary": (str(glossary),)}, root=tmp_path)
    findings = check_text(MIXED, path="story.txt", config=config)
    assert {(f.match, f.suggestion) for f in findings} == {("Vorontsov", "Vorontsoff")}
    assert all("names glossary" in f.message and "elsewhere" not in f.message for f in findings)
