"""Choosing the canonical spelling of a name."""

from __future__ import annotations


def test_a_full_tie_goes_to_the_spelling_seen_first() -> None:
    from tqcheck.names.canonical import choose

    def unknown(word: str) -> float:
        return 0.0

    assert choose({"Abcd": 1, "Abce": 1}, unknown, "xx", None, {"Abcd": 10, "Abce": 50}) == "Abcd"
    assert choose({"Abcd": 1, "Abce": 1}, unknown, "xx", None, {"Abcd": 50, "Abce": 10}) == "Abce"
