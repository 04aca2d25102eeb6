"""TL003 (kinds.name_corpus): the rule's examples and case files, and the given-name pass
(names.given_across): majority, ties, the house glossary, files with both spellings."""

from __future__ import annotations

from pathlib import Path

from helpers import FIXTURES
from rule_cases import case_test

from tqcheck import check_paths
from tqcheck.core.config import resolve
from tqcheck.names.given_across import Summary, across, summarise, two_names
from tqcheck.names.mentions import Run, Token
from tqcheck.names.people import Limits

GLOSSARY = FIXTURES / "names" / "glossary.yaml"
LIMITS = Limits(given=0.0, surname=0.0, both=0.0, common=4.0, shortest=3)

test_case = case_test(__file__)


def _rare(word: str) -> float:
    return 0.0


def _file(*names: str) -> Summary:
    """A summary of one file that writes each of `names` ('Given Surname') once."""
    runs = []
    position = 0
    for name in names:
        given, surname = name.split()
        runs.append(Run((Token(position, position + len(given), given), Token(position + len(given) + 1, 0, surname))))
        position += len(name) + 2
    return summarise(runs)


def test_the_majority_spelling_is_suggested_in_each_minority_file() -> None:
    files = [_file("Sergey Lavrov"), _file("Sergey Lavrov"), _file("Sergei Lavrov"), _file("Sergei Lavrov")]
    files.append(_file("Sergey Lavrov"))
    flags = list(across(files, _rare, LIMITS))
    assert [(f.index, f.form, f.winner, f.files) for f in flags] == [
        (2, "Sergei", "Sergey", 3),
        (3, "Sergei", "Sergey", 3),
    ]
    assert "same surname Lavrov" in flags[0].reason


def test_a_tie_gives_nothing_unless_the_house_glossary_decides() -> None:
    files = [_file("Sergey Lavrov"), _file("Sergei Lavrov")]
    assert list(across(files, _rare, LIMITS)) == []
    house = list(across(files, _rare, LIMITS, lambda surname, spellings: "Sergei"))
    assert [(f.index, f.form, f.winner) for f in house] == [(0, "Sergey", "Sergei")]


def test_a_common_surname_vouches_for_no_one() -> None:
    files = [_file("Ahmad Ali"), _file("Ahmad Ali"), _file("Ahmed Ali")]
    assert list(across(files, lambda word: 4.5 if word == "Ali" else 0.0, LIMITS)) == []


def test_different_given_names_of_one_surname_stay_apart() -> None:
    files = [_file("Ramzan Kadyrov"), _file("Akhmat Kadyrov"), _file("Akhmat Kadyrov"), _file("Adam Kadyrov")]
    assert list(across(files, _rare, LIMITS)) == []


def test_the_house_glossary_breaks_a_tie_between_files(tmp_path: Path) -> None:
    (tmp_path / "tqcheck.toml").write_text(f'language = "fr"\nnames-glossary = ["{GLOSSARY}"]\n', encoding="utf-8")
    first = tmp_path / "one.txt"
    first.write_text("Le porte-parole Dmitri Peskov n'a pas commenté.\n", encoding="utf-8")
    second = tmp_path / "two.txt"
    second.write_text("Selon Dmitry Peskov, aucune rencontre n'est prévue.\n", encoding="utf-8")
    findings = check_paths([first, second], config=resolve(None, first))
    given = [(Path(f.path).name, f.match, f.suggestion) for f in findings if f.rule == "TL003"]
    assert given == [("two.txt", "Dmitry", "Dmitri")]


def test_a_french_feminine_or_another_syllable_is_another_person() -> None:
    for pair in (("Michel", "Michèle"), ("Louis", "Louise"), ("René", "Renée"), ("Frédéric", "Frédérique")):
        assert two_names(*pair), pair
        files = [_file(f"{pair[0]} Vaudrillac"), _file(f"{pair[1]} Vaudrillac"), _file(f"{pair[1]} Vaudrillac")]
        assert list(across(files, _rare, LIMITS)) == [], pair
    assert two_names("Jong", "Yong") and two_names("Sung", "Song")
    # a mute -e after -il or -ol, or accents alone, are spellings of one name
    assert not any(two_names(a, b) for a, b in (("Emil", "Émile"), ("Anatol", "Anatole"), ("Alexei", "Alexéi")))
