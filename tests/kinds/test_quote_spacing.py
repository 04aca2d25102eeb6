"""PN008 (a space inside quotation marks): examples, cases, and which fixes are automatic."""

from __future__ import annotations

from rule_cases import case_test

from tqcheck import check_text
from tqcheck.core.config import Config

test_case = case_test(__file__)


def test_curly_marks_are_fixed_straight_quotes_only_suggested() -> None:
    text = 'He said “ No” and she said " Yes" that day.'
    found = [f for f in check_text(text, config=Config(language="en", select=("PN008",)))]
    assert [(f.mark if hasattr(f, "mark") else None, f.fix_safe) for f in found] == [(None, True), (None, False)]
