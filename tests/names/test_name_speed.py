"""Speed guards of the name rules: the vowel-variant test needs no numpy, and what extraction
decides once per run (a word on its own) never leaks from one document into another."""

from __future__ import annotations

import pytest
from helpers import run_python

from tqcheck.names.mentions import NameCuts, extract
from tqcheck.names.variants import close

CUTS = NameCuts(rare_zipf=3.0, function_word_zipf=5.8, given_name_zipf=5.5, floor_zipf=2.5)


def rare(word: str) -> float:
    """One lookup for the whole module, so that its per-run word table is shared."""
    return 0.0


@pytest.mark.parametrize(
    ("x", "y", "floor", "expected"),
    [
        ("martha", "marhta", 0.8, True),  # the textbook pair: Jaro-Winkler 0.961
        ("dixon", "dicksonx", 0.8, True),  # 0.813
        ("dixon", "dicksonx", 0.85, False),
        ("abc", "xyz", 0.8, False),  # nothing in common: 0
        ("same", "same", 1.0, True),  # identical: 1
        ("", "a", 0.0, True),
        ("", "a", 0.1, False),
    ],
)
def test_close_is_jaro_winkler(x: str, y: str, floor: float, expected: bool) -> None:
    assert close(x, y, floor) is expected


def test_a_vowel_variant_is_found_without_importing_numpy() -> None:
    """Mohammed / Muhammad goes through the Jaro-Winkler gate; a worker must not pay numpy's
    import (0.2 s) for it, as it did through textdistance."""
    code = (
        "import sys\n"
        "from tqcheck import check_text\n"
        "text = ('Mohammed Karimi spoke first. Later Mohammed Karimi left, and Muhammad Karimi '\n"
        "        'came back on Monday. Karimi declined to comment.\\n')\n"
        "found = [f.match for f in check_text(text, path='a.md') if f.rule == 'TL001']\n"
        "print('FOUND', found, 'NUMPY', 'numpy' in sys.modules)\n"
    )
    result = run_python(code)
    assert "FOUND ['Muhammad'] NUMPY False" in result.stdout, result.stdout + result.stderr


def test_one_documents_lowercase_words_do_not_decide_anothers() -> None:
    """`Alliance` is an ordinary word where `alliance` is also written, a name word elsewhere:
    the per-run table keeps what a word is on its own, each document its own casing."""
    lower = "The alliance met. Later the Alliance said it would meet Sergei Ivanov again.\n"
    upper = "Officials from the Alliance said it would meet Sergei Ivanov again.\n"
    forms = lambda text: [t.form for run in extract(text, rare, CUTS) for t in run.tokens]  # noqa: E731
    assert "Alliance" not in forms(lower)
    assert "Alliance" in forms(upper)
    assert "Alliance" not in forms(lower)
