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


# lines of our own: clean prose in several languages, and mojibake of the classes GW002 reports
_CLEAN_LINES = [
    "Le ministre a annoncé jeudi que les négociations reprendraient à Genève.",
    "Die Verhandlungen über den Haushalt für 2025 wurden am Montag fortgesetzt.",
    "El gobierno aprobó la reforma después de una larga sesión, según fuentes oficiales.",
    "«Nous verrons», a-t-il dit — sans plus de détails… Œuvre, cœur, Æsir, Straße.",
    "Совет министров одобрил проект бюджета на следующий год.",
    "A café’s façade: naïve “quotes” and ‘marks’ – with dashes — and 10 °C.",
]
_DAMAGED_LINES = [
    "Le ministre a annoncÃ© jeudi que les nÃ©gociations reprendraient.",
    "He said it wasnâ€™t over, and the cafÃ© stayed open.",
    "The caf√© was closed on Monday.",
    "Die Stra\u00c3\u0178e war gesperrt, sagte der Sprecher.",
    "l\u0092homme est arrivé hier soir.",
    "Café in the first word, then caf√© in the second half of the line.",
]


def test_lines_ftfy_is_not_asked_about_are_lines_it_would_leave_alone_word_by_word_too() -> None:
    """The gate in front of ftfy is ftfy's own first test: a line it lets by is one ftfy would
    repair no encoding in, whole or word by word (checked against ftfy itself, so an ftfy
    release that decides otherwise fails here)."""
    import ftfy

    from tqcheck.kinds.broken_chars import _ftfy_may_change, _is_encoding_step, ftfy_config

    config = ftfy_config()  # as GW002 runs it
    for line in _CLEAN_LINES + _DAMAGED_LINES:
        if _ftfy_may_change(line):
            continue
        for piece in [line, *line.split()]:
            _, steps = ftfy.fix_and_explain(piece, config)
            assert not any(_is_encoding_step(step) for step in steps or ()), (line, piece)
    assert not any(_ftfy_may_change(line) for line in _CLEAN_LINES)
    assert all(_ftfy_may_change(line) for line in _DAMAGED_LINES)
