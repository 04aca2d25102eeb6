"""PN002 (doubled word): its rule examples and case files, and when deleting the double is safe."""

from __future__ import annotations

import pytest
from rule_cases import case_test

from tqcheck import check_text
from tqcheck.core.config import Config

test_case = case_test(__file__)


def doubles(text: str, language: str = "en") -> list[tuple[str, str | None, bool]]:
    config = Config(select=("PN002",), language=language)
    return [(f.match, f.suggestion, f.fix_safe) for f in check_text(text, path="a.txt", config=config)]


@pytest.mark.parametrize(
    "text",
    [
        "The delegation landed on Bora Bora late on Friday.",
        "Fans of Duran Duran queued for hours outside the hall.",
        "The spa town of Baden Baden hosted the meeting.",
        "Tensions rose. In In the capital the mood was calm.",
    ],
)
def test_a_capitalised_second_copy_is_never_reported(text: str) -> None:
    # reduplicated names are written that way (issue 16): never flagged, so never fixed
    assert doubles(text) == []


def test_a_capitalised_word_doubled_in_lowercase_is_suggested_never_fixed() -> None:
    found = doubles("The reeds were named Sarracenia sarracenia in the old catalogue.")
    assert len(found) == 1
    assert found[0][1] == "" and found[0][2] is False


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The minister said that the the talks had failed.", "en"),
        ("The the talks had failed, the minister said.", "en"),
        ("They walked to to the harbour at dawn.", "en"),
        ("Le ministre a parlé de de la réforme.", "fr"),
    ],
)
def test_a_doubled_lowercase_function_word_is_fixed(text: str, language: str) -> None:
    assert [safe for _, _, safe in doubles(text, language)] == [True]


@pytest.mark.parametrize(
    "text",
    [
        "It was very very late when the ferry docked.",  # emphasis
        "The crowd chanted bye bye as the bus left.",  # reduplication
        "Snow reached 14 in in the northern valleys.",  # the first `in` is a unit
    ],
)
def test_other_doubles_are_only_suggested(text: str) -> None:
    found = doubles(text)
    assert found and not any(safe for _, _, safe in found)


def test_a_word_and_its_contraction_are_not_a_double() -> None:
    assert doubles("If you can read it it's the harbour master's note.") == []


def test_a_letter_after_a_combining_mark_is_not_a_word_of_its_own() -> None:
    # Devanagari: the vowel sign ends the first word; `र` after it belongs to that word
    assert doubles("नाटककार र कवि", language="hi") == []


def test_grammatical_doubles_are_exceptions() -> None:
    assert doubles("She had had enough of the delay.") == []
    assert doubles("Nachdem sie sie besiegt hatten, zogen sie ab.", language="de") == []
