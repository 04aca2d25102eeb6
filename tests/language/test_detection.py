"""Language detection must abstain on text without enough prose to tell."""

from __future__ import annotations

from tqcheck import check_text
from tqcheck.language.detection import detect

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
