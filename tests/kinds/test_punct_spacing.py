"""PN006 (spacing around ; : ! ? and quotes, by language): its examples, case files, and the
fast spacing scans against the lookbehind patterns they replaced."""

from __future__ import annotations

import re

from hypothesis import given, settings
from rule_cases import case_test
from strategies import texts

from tqcheck.kinds.punct_spacing import _GLUED, _spaces_before

test_case = case_test(__file__)


SPACY = texts(["ab", "1", "_", " ", "\t", "\n", ";", ":", "!", "?", '"', "”", "»", ")", "]", "'", "’", ","])


REFERENCE_SPACE_BEFORE = re.compile(r"(?<=[^\W_])([ \t]+)(?=[;:!?](?:[\s\"”»]|$)|”(?:[\s,.;:!?)\]]|$))")


REFERENCE_GLUED = re.compile(r"(?<=[^\W_)\]»”'’])([;:!?])(?=[\s\"”»)\]]|$)")


@settings(max_examples=400, deadline=None, derandomize=True)
@given(SPACY)
def test_punctuation_spacing_equals_the_lookbehind_patterns(text: str) -> None:
    assert list(_spaces_before(text)) == [m.span(1) for m in REFERENCE_SPACE_BEFORE.finditer(text)]
    assert [m.span(1) for m in _GLUED.finditer(text)] == [m.span(1) for m in REFERENCE_GLUED.finditer(text)]
