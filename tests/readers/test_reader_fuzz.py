"""Fuzzing the readers: bytes and structured Markdown mutations must give a Document with exact
offsets or a one-line InputError, never an exception.

A short bounded run is part of the suite. The same tests fuzz for as long as asked with the
`fuzz-long` profile:

    TQCHECK_FUZZ=fuzz-long python -m pytest tests/readers/test_reader_fuzz.py -p no:cacheprovider

(`TQCHECK_FUZZ_EXAMPLES=N` sets the count.) Hypothesis shrinks a failing input to a small one;
each crash found is added to EDGE_CASES below, so it stays fixed.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from placement import FUZZ_PROFILE

from tqcheck.core.model import Document, InputError
from tqcheck.readers import read_bytes

PROFILE = FUZZ_PROFILE

# One path per monolingual reader; the bilingual readers have their own harness with seeds and
# format tokens (test_bilingual_fuzz.py).
PATHS = ["x.md", "x.txt"]

# Markdown's structural characters and the byte sequences decoders trip on
TOKENS = [
    b"#",
    b">",
    b"> ",
    b"-",
    b"- ",
    b"*",
    b"1.",
    b"1) ",
    b"`",
    b"```",
    b"~~~",
    b"    ",
    b"\t",
    b"[",
    b"]",
    b"(",
    b")",
    b"<",
    b">",
    b"!",
    b"|",
    b"---",
    b"===",
    b"\\",
    b"_",
    b"<!--",
    b"-->",
    b"<div>",
    b"</div>",
    b"[^1]:",
    b"&amp;",
    b"&#0;",
    b"\n",
    b"\r",
    b"\r\n",
    b"\n\n",
    b"\xef\xbb\xbf",
    b"\x00",
    b"\xc3",
    b"\xa9",
    b"\xe2\x80\xa8",
    b"\xf0\x9f\x98\x80",
    b"\xcc\x81",
    b"word",
    b"Word.",
    b" ",
]

FUZZ_INPUT = st.one_of(
    st.binary(max_size=400),
    st.lists(st.sampled_from(TOKENS), max_size=80).map(b"".join),
    st.lists(st.one_of(st.sampled_from(TOKENS), st.binary(max_size=4)), max_size=60).map(b"".join),
)

# Fixed cases: edges written by hand (none has broken a reader so far) and every crash fuzzing finds.
EDGE_CASES: list[bytes] = [
    b"\r>\r- x\r",  # lone CR: Markdown's line map and str.splitlines() count lines differently
    b"a\x1cb\n\n# t\x85x\n",  # line breaks only str.splitlines() knows
    b"- - - - - - - - - - - - - - - - - - - - - - - - x\n",  # nesting beyond markdown-it's limit
    b"> " * 200 + b"deep\n",
    b"\xef\xbb\xbf\xef\xbb\xbf# two BOMs\n",
]


def check_one(data: bytes) -> None:
    for path in PATHS:
        loaded = read_bytes(data, path)
        if isinstance(loaded, InputError):
            assert loaded.message and "\n" not in loaded.message
            continue
        assert isinstance(loaded, Document)
        assert len(loaded.checkable) == len(loaded.text)
        for original, shown in zip(loaded.text, loaded.checkable, strict=True):
            assert shown == original or (shown == " " and original != "\n")
        for segment in loaded.segments:
            assert 0 <= segment.start <= segment.end <= len(loaded.text)


@PROFILE
@given(FUZZ_INPUT)
def test_fuzzed_bytes_never_break_a_reader(data: bytes) -> None:
    check_one(data)


@pytest.mark.parametrize("data", EDGE_CASES)
def test_edge_cases_and_crashes_fuzzing_found(data: bytes) -> None:
    check_one(data)
