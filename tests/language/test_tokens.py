"""The fast scans give what the plain patterns they replaced give.

Several rules and the Markdown reader find matches with a pattern that starts at a rare
character (the regex engine then skips ahead) and finish the job in Python. The plain,
slow pattern is kept here as the reference; generated texts full of the awkward characters
must give the same matches.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tqcheck.kinds.broken_sentence import _stops
from tqcheck.kinds.ocr import _TOKEN
from tqcheck.kinds.punct_spacing import _GLUED, _spaces_before
from tqcheck.language.tokens import WORD, distinct_tokens, occurrences
from tqcheck.readers.markdown import _INLINE_MARKUP


def texts(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=30).map("".join)


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


STOPPY = texts(["ab", "A", "é", "1", "_", ".", "..", " ", "\n", "U.S.", " x", "\r\n", "ab. ", "cd. ef", "x. y"])
REFERENCE_STOP = re.compile(r"(?<![.\w])([^\W_]+)\.(?!\.)([ \t]+|[ \t]*\r?\n[ \t]*)([^\W\d_A-Z]\w*)")


@settings(max_examples=400, deadline=None, derandomize=True)
@given(STOPPY)
def test_stops_equal_the_word_first_pattern(text: str) -> None:
    expected = [(m.start(1), m.end(3)) for m in REFERENCE_STOP.finditer(text)]
    assert [(start, match.end(2)) for start, match in _stops(text)] == expected


SPACY = texts(["ab", "1", "_", " ", "\t", "\n", ";", ":", "!", "?", '"', "”", "»", ")", "]", "'", "’", ","])
REFERENCE_SPACE_BEFORE = re.compile(r"(?<=[^\W_])([ \t]+)(?=[;:!?](?:[\s\"”»]|$)|”(?:[\s,.;:!?)\]]|$))")
REFERENCE_GLUED = re.compile(r"(?<=[^\W_)\]»”'’])([;:!?])(?=[\s\"”»)\]]|$)")


@settings(max_examples=400, deadline=None, derandomize=True)
@given(SPACY)
def test_punctuation_spacing_equals_the_lookbehind_patterns(text: str) -> None:
    assert list(_spaces_before(text)) == [m.span(1) for m in REFERENCE_SPACE_BEFORE.finditer(text)]
    assert [m.span(1) for m in _GLUED.finditer(text)] == [m.span(1) for m in REFERENCE_GLUED.finditer(text)]


MARKUP = texts(
    [
        *["ab", " ", "\n", "_", "*", "`", "~~", "[", "]", "(", ")", "](", "![", "<", ">", "<b>", "</i>", "<!--"],
        *["-->", "http://x.y/Z", "www.", "h", "w", "\\", "!", "[^1]", "<https://x.y>", "'", '"'],
    ]
)
# the reader's patterns before they were rewritten to start with a literal character
REFERENCE_MARKUP = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (
            r"(?P<ticks>`+)(?!`)(?s:.*?)(?<!`)(?P=ticks)(?!`)",
            r"<!--(?s:.*?)-->",
            r"!\[[^\]\n]*\]\([^)\n]*\)",
            r"\]\((?:<[^>\n]*>|[^)\s]*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\)",
            r"\]\[[^\]\n]*\]",
            r"<(?:https?|ftp|mailto):[^>\s]*>",
            r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>",
            r"\b(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]",
            r"\\(?=[!-/:-@\[-`{-~])",
            r"(?<![\w*])\*{1,3}(?=\S)|(?<=\S)\*{1,3}(?![\w*])",
            r"(?<![\w_])_{1,3}(?=\S)|(?<=\S)_{1,3}(?![\w_])",
            r"~~",
            r"(?<!\])\[(?=[^\]\n]*\](?:\(|\[))",
            r"\[\^[^\]\n]*\]",
        )
    )
)


@settings(max_examples=600, deadline=None, derandomize=True)
@given(MARKUP)
def test_inline_markup_masking_equals_the_reference(text: str) -> None:
    # e-mail addresses have a pass of their own now (they start at any word character, which
    # defeated the fast scan); everything else is blanked exactly as before
    expected = [m.span() for m in REFERENCE_MARKUP.finditer(text)]
    assert [m.span() for m in _INLINE_MARKUP.finditer(text)] == expected
