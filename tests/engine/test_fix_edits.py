"""Edits: a fix changes its span and nothing else, except that a deletion leaves the page tidy."""

from __future__ import annotations

import pytest

from tqcheck.core.model import Finding, Severity
from tqcheck.engine.edits import apply, fixable, plan


def finding(text: str, match: str, suggestion: str | None = "", *, safe: bool = True, nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(match, start + 1)
    return Finding(
        rule="XX001",
        name="test",
        severity=Severity.WARNING,
        path="a.txt",
        start=start,
        end=start + len(match),
        match=match,
        message="",
        suggestion=suggestion,
        fix_safe=safe,
    )


def fixed(text: str, *found: Finding, unsafe: bool = False) -> str:
    return apply(text, plan(text, found, unsafe=unsafe))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # between two paragraphs: the line and one blank line go
        ("The talks ended.\n\nRead on\n\nThey resume.\n", "The talks ended.\n\nThey resume.\n"),
        # more blank lines before than after: the separation before stays
        ("The talks ended.\n\n\nRead on\n\nThey resume.\n", "The talks ended.\n\n\nThey resume.\n"),
        # inside a paragraph: only the line goes
        ("The talks ended.\nRead on\nThey resume.\n", "The talks ended.\nThey resume.\n"),
        # first line: the blank lines after it go too
        ("Read on\n\nThe talks ended.\n", "The talks ended.\n"),
        # last line: the blank lines before it go, the final newline stays
        ("The talks ended.\n\nRead on\n", "The talks ended.\n"),
        # last line without a final newline: the file still ends without one
        ("The talks ended.\n\nRead on", "The talks ended."),
        ("The talks ended.\nRead on", "The talks ended."),
        # CRLF files keep CRLF
        ("The talks ended.\r\n\r\nRead on\r\n\r\nThey resume.\r\n", "The talks ended.\r\n\r\nThey resume.\r\n"),
        # spaces left on the line do not keep it
        ("The talks ended.\n\n  Read on  \n\nThey resume.\n", "The talks ended.\n\nThey resume.\n"),
        # the only line
        ("Read on\n", ""),
    ],
)
def test_a_deletion_that_empties_its_line_takes_the_line_and_a_surplus_blank_line(text: str, expected: str) -> None:
    assert fixed(text, finding(text, "Read on")) == expected


def test_two_deleted_lines_in_a_row_go_together() -> None:
    text = "The talks ended.\n\nRead on\nAdvertisement\n\nThey resume.\n"
    both = (finding(text, "Read on"), finding(text, "Advertisement"))
    assert fixed(text, *both) == "The talks ended.\n\nThey resume.\n"


def test_two_deleted_paragraphs_leave_one_separation() -> None:
    text = "The talks ended.\n\nRead on\n\nAdvertisement\n\nThey resume.\n"
    both = (finding(text, "Read on"), finding(text, "Advertisement"))
    assert fixed(text, *both) == "The talks ended.\n\nThey resume.\n"


def test_a_deletion_at_the_end_of_a_line_takes_the_spaces_before_it() -> None:
    text = "The talks ended on Friday. -88-  \nThey resume.\n"
    assert fixed(text, finding(text, "-88-")) == "The talks ended on Friday.\nThey resume.\n"


def test_a_deletion_between_two_spaces_leaves_one() -> None:
    text = "the idea of \u200b a plan\n"
    assert fixed(text, finding(text, "\u200b")) == "the idea of a plan\n"


def test_a_deletion_inside_a_line_changes_only_its_span() -> None:
    text = "It was was late.\n\n\nNext.\n"
    assert fixed(text, finding(text, " was", nth=0)) == "It was late.\n\n\nNext.\n"


def test_a_replacement_never_widens() -> None:
    text = "They met in Kiev  \n"
    assert fixed(text, finding(text, "Kiev", "Kyiv")) == "They met in Kyiv  \n"


def test_overlapping_fixes_apply_the_first_only() -> None:
    text = "abc def\n"
    first, second = finding(text, "abc d", "X"), finding(text, "c def", "Y")
    assert fixed(text, first, second) == "X" + "ef\n"


def test_a_finding_whose_text_changed_is_not_applied() -> None:
    text = "They met in Kiev.\n"
    stale = finding(text, "Kiev", "Kyiv")
    assert fixed("They met in Lvov.\n", stale) == "They met in Lvov.\n"


def test_unsafe_suggestions_apply_only_when_asked() -> None:
    text = "They met in order to talk.\n"
    wordy = finding(text, "in order to", "to", safe=False)
    assert not fixable(wordy) and fixable(wordy, unsafe=True)
    assert fixed(text, wordy) == text
    assert fixed(text, wordy, unsafe=True) == "They met to talk.\n"


def test_a_finding_without_a_suggestion_is_never_fixable() -> None:
    text = "They met.\n"
    assert not fixable(finding(text, "met", None), unsafe=True)
