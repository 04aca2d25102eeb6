"""GW003's word-level tests (kinds/ocr_words.py)."""

from __future__ import annotations

from tqcheck.kinds.ocr_words import beside, changes, foreign, is_compound, recased
from tqcheck.language.lexicon import lexicon


def test_english_left_in_german_copy_is_foreign() -> None:
    assert foreign("weather", "de", 3.0, english_only=True)
    assert not foreign("wetter", "de", 3.0, english_only=True)


def test_english_only_leaves_other_languages_words_alone() -> None:
    # `tiene` is Spanish: a misreading in English copy may spell a word of some other language
    assert foreign("tiene", "en", 3.0)
    assert not foreign("tiene", "en", 3.0, english_only=True)


def test_an_inflected_head_makes_a_compound_when_asked() -> None:
    lex = lexicon("de")
    assert is_compound("hochgewachsenes", lex, right_zipf=0.01)
    assert not is_compound("gefellfchaft", lex, right_zipf=0.01)


def test_a_capital_i_read_for_l_is_not_a_capital() -> None:
    assert recased("Ioved", "loved") == "loved"
    assert recased("Rnodern", "modern") == "Modern"


def test_changes_count_letters_case_and_accents_aside() -> None:
    assert changes("fhilo", "slide") == 4
    assert changes("Élé", "été") == 1


def test_a_candidate_counts_only_in_a_paragraph_with_a_finding() -> None:
    text = "one two three\nfour five\n\nsix seven\n \neight nine"
    first, second, third = text.index("four"), text.index("seven"), text.index("nine")
    kept = beside([first, second, third], [0, text.index("eight")], text)
    assert kept == {first, third}  # a line break alone does not end a paragraph
