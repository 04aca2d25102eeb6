"""The word table answers what wordfreq answers."""

from __future__ import annotations

from tqcheck.language.lexicon import lexicon


def test_lexicon_answers_like_wordfreq() -> None:
    import wordfreq

    french = lexicon("fr")
    for word in ("assemblée", "Assemblée", "rue", "théâtre"):
        assert abs(french.zipf(word) - wordfreq.zipf_frequency(word, "fr")) < 0.01
    assert french.zipf("xqzwv") == 0 and "rue" in french and "xqzwv" not in french
    assert len(lexicon("xx")) == 0 and lexicon("xx").zipf("rue") == 0
