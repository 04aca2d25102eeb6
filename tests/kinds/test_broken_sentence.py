"""PN001 (a full stop inside a sentence: deployment. mass): its examples, case files, and the
fast stop scan against the plain pattern it replaced."""

from __future__ import annotations

import re

from hypothesis import given, settings
from rule_cases import case_test
from strategies import texts

from tqcheck.kinds.broken_sentence import _stops

test_case = case_test(__file__)


STOPPY = texts(["ab", "A", "é", "1", "_", ".", "..", " ", "\n", "U.S.", " x", "\r\n", "ab. ", "cd. ef", "x. y"])


REFERENCE_STOP = re.compile(r"(?<![.\w])([^\W_]+)\.(?!\.)([ \t]+|[ \t]*\r?\n[ \t]*)([^\W\d_A-Z]\w*)")


@settings(max_examples=400, deadline=None, derandomize=True)
@given(STOPPY)
def test_stops_equal_the_word_first_pattern(text: str) -> None:
    expected = [(m.start(1), m.end(3)) for m in REFERENCE_STOP.finditer(text)]
    assert [(start, match.end(2)) for start, match in _stops(text)] == expected
