"""ST001-ST003 (house substitutions): their rule examples and case files."""

from __future__ import annotations

import pytest
from rule_cases import case_test

from tqcheck import check_text
from tqcheck.core.config import Config

test_case = case_test(__file__)


def swaps(text: str) -> list[tuple[str, str | None, bool]]:
    config = Config(packs=("en-news",), select=("ST001", "ST002"), language="en")
    return [(f.match, f.suggestion, f.fix_safe) for f in check_text(text, path="a.txt", config=config)]


@pytest.mark.parametrize(
    "text",
    [
        "Trucks crawled along the Burma Road in the monsoon.",  # a longer name after
        "The menu offered Chicken Kiev and a green salad.",  # a longer name before
        "Monks walked to the Kiev-Pechersk monastery.",  # joined by a hyphen
        "Officials from Upper Burma arrived by river.",
        "She grew up in Odessa, Texas, and moved north.",  # a place qualifier
        "She grew up in Odessa , Texas , and moved north.",  # tokenised
    ],
)
def test_a_swap_inside_a_name_or_before_a_qualifier_is_suggested_never_fixed(text: str) -> None:
    found = swaps(text)
    assert len(found) == 1 and found[0][2] is False


@pytest.mark.parametrize(
    "text",
    [
        "Officials in Kiev denied the report.",
        "In Kiev, officials denied the report.",  # a function word opens the sentence
        "The Kiev government denied the report.",
        "Troops massed on the border with the Ukraine.",
        "Aid to Burma was cut after the vote.",
    ],
)
def test_a_swap_in_a_plain_context_is_fixed(text: str) -> None:
    found = swaps(text)
    assert len(found) == 1 and found[0][2] is True


@pytest.mark.parametrize(
    "text",
    [
        "Congress debated the Ukraine aid package on Tuesday.",
        "Analysts expect the Ukraine border to stay closed.",
    ],
)
def test_an_article_that_belongs_to_a_longer_phrase_is_not_a_swap(text: str) -> None:
    assert swaps(text) == []


def test_the_article_before_a_function_word_or_punctuation_is_still_a_swap() -> None:
    assert swaps("Exports from the Ukraine and Belarus fell.") == [("the Ukraine", "Ukraine", True)]
    assert swaps("Grain left the Ukraine's ports.") == [("the Ukraine", "Ukraine", True)]


def test_the_guards_are_options() -> None:
    config = Config(
        packs=("en-news",),
        select=("ST002",),
        language="en",
        rules={"ST002": {"name-guard": False}},
    )
    found = check_text("Trucks crawled along the Burma Road.", path="a.txt", config=config)
    assert [f.fix_safe for f in found] == [True]
