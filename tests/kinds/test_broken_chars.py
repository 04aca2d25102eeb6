"""GW002 (broken characters, mojibake): its rule examples and case files."""

from __future__ import annotations

from rule_cases import case_test

from tqcheck import check_text
from tqcheck.core.config import Config

test_case = case_test(__file__)


def invisible(text: str, language: str | None = "en") -> list[tuple[str | None, bool]]:
    config = Config(select=("GW002",), language=language)
    return [(f.suggestion, f.fix_safe) for f in check_text(text, path="a.txt", config=config)]


def test_a_zero_width_space_between_two_words_is_a_lost_space_never_deleted_silently() -> None:
    assert invisible("The\u200bminister spoke on Friday.") == [(" ", False)]


def test_a_zero_width_space_inside_a_word_is_suggested_for_deletion_not_fixed() -> None:
    found = invisible("The harbour\u200bmaster and the fisher\u200bmen met.")
    assert found and all(not safe for _, safe in found)


def test_without_a_word_table_a_zero_width_space_between_letters_gets_no_suggestion() -> None:
    assert invisible("Xq\u200bzv", language=None) == [(None, False)]


def test_a_zero_width_space_next_to_a_space_or_punctuation_is_still_deleted_safely() -> None:
    assert invisible("The minister \u200bspoke.\u200b") == [("", True), ("", True)]
