"""The fast token scans give what the plain patterns they replaced give (see tests/strategies.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import texts

from tqcheck.kinds.ocr import _TOKEN
from tqcheck.language.tokens import WORD, distinct_tokens, occurrences

WORDY = texts(["ab", "Cd", "é", "1", " ", "\n", "\t", "\u00a0", ".", ",", "-", "'", "’", "@", "/", "\\", "_"])


@settings(max_examples=400, deadline=None, derandomize=True)
@given(WORDY)
def test_distinct_tokens_equal_a_findall(text: str) -> None:
    distinct_tokens.cache_clear()
    assert distinct_tokens(text) == frozenset(WORD.findall(text))


@settings(max_examples=400, deadline=None, derandomize=True)
@given(WORDY, st.data())
def test_occurrences_equal_a_full_scan(text: str, data: st.DataObject) -> None:
    for pattern in (WORD, _TOKEN):
        every = [m.group(0) for m in pattern.finditer(text)]
        wanted = set(data.draw(st.lists(st.sampled_from(every), max_size=3))) if every else set()
        expected = [m.span() for m in pattern.finditer(text) if m.group(0) in wanted]
        assert [m.span() for m in occurrences(text, wanted, pattern)] == expected
