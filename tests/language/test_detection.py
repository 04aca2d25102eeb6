"""Language detection: each language is told apart; text without enough prose to tell abstains."""

from __future__ import annotations

from pathlib import Path

from tqcheck import check_text
from tqcheck.core.config import Config
from tqcheck.engine.inputs import prepare
from tqcheck.language.detection import detect
from tqcheck.readers import read_text

ROSTER = "\n".join(
    f"{given} {family}, {city}"
    for given, family, city in [
        ("Ivan", "Ivanov", "Moscow"),
        ("Anna", "Popova", "Samara"),
        ("Andriy", "Kovalenko", "Odesa"),
        ("Li", "Na", "Wuhan"),
        ("Jan", "Kowalczyk", "Krakow"),
        ("Hans", "Muller", "Munich"),
        ("Ahmed", "Hassan", "Alexandria"),
        ("Oksana", "Kovalchuk", "Dnipro"),
        ("Yuri", "Belov", "Chita"),
        ("Petro", "Petrenko", "Lviv"),
        ("Maria", "Golubeva", "Tula"),
        ("Wang", "Wei", "Shanghai"),
    ]
)


def test_a_list_of_names_has_no_detected_language() -> None:
    assert detect(ROSTER) is None


def test_short_prose_is_still_detected() -> None:
    assert detect("The minister said on Monday that the talks would resume in Geneva.") == "en"
    assert detect("Le ministre a dit lundi que les discussions reprendraient à Genève.") == "fr"


def test_a_roster_gets_no_word_repairs() -> None:
    assert [f for f in check_text(ROSTER, path="roster.txt") if f.rule.startswith("GW")] == []


def test_language_detection_per_language() -> None:
    samples = {
        "en": "The government said on Tuesday that it would raise taxes for the largest companies next year.",
        "fr": "Le gouvernement a annoncé mardi qu'il augmenterait les impôts des grandes entreprises l'an prochain.",
        "de": "Die Regierung hat am Dienstag angekündigt, die Steuern für große Firmen im nächsten Jahr zu erhöhen.",
        "es": "El gobierno anunció el martes que subirá los impuestos a las grandes empresas el próximo año.",
        "it": "Il governo ha annunciato martedì che aumenterà le tasse per le grandi aziende il prossimo anno.",
        "pt": "O governo anunciou na terça-feira que vai aumentar os impostos das grandes empresas no próximo ano.",
        "nl": "De regering heeft dinsdag aangekondigd dat zij volgend jaar de belasting voor grote bedrijven verhoogt.",
        "ru": "Правительство во вторник объявило, что в следующем году повысит налоги для крупных компаний.",
    }
    assert {language: detect(text) for language, text in samples.items()} == {k: k for k in samples}
    assert detect("OK 42") is None


def test_seed_article_language_is_detected(seed_article: Path) -> None:
    assert prepare(read_text(seed_article.read_text(encoding="utf-8"), "x.txt"), Config()).language == "en"
