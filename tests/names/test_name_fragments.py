"""Item 6 of the real-data audit: pieces of garbled words are not names. Mojibake, OCR debris with
digits or symbols, and a word broken at a line end give capitalised fragments that must never be
compared as spellings of a name. All texts written for these tests."""

from __future__ import annotations

import pytest

from tqcheck import check_text
from tqcheck.core.config import Config
from tqcheck.kinds.names import NameVariants, name_cuts
from tqcheck.names.analysis import zipf_lookup
from tqcheck.names.mentions import extract

CUTS = name_cuts({name: option.default for name, option in NameVariants.OPTIONS.items()})


def names_in(text: str, language: str = "en") -> list[str]:
    return [token.form for run in extract(text, zipf_lookup(language, CUTS), CUTS) for token in run.tokens]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("The mayor, FranÃ§ois Delorme, opened the fair.", "FranÃ"),  # UTF-8 read as Latin-1
        ("Officials named the envoy as Lavr0v on Friday.", "Lavr"),  # OCR: a digit for a letter
        ("The report quoted 3Karimov and others.", "Karimov"),  # OCR: debris glued before
        ("The aide to Gorba-\nchev spoke later.", "Gorba"),  # a word broken at a line end
        ("The press office of Ren\ufffdault confirmed it.", "Ren"),  # a lost character
    ],
)
def test_fragments_of_garbled_words_are_not_name_words(text: str, fragment: str) -> None:
    assert fragment not in names_in(text)


def test_names_next_to_ordinary_punctuation_are_kept() -> None:
    text = "Selon «Makarov», le député Ilya\u00a0Makarov (Moscou) a parlé ; ¿Makarov? Oui: Makarov."
    assert names_in(text, "fr").count("Makarov") == 4
    assert names_in("The envoy met Hamid Al-'Azawi in the capital.") == ["Hamid", "Al-'Azawi"]


def test_debris_is_not_flagged_as_a_spelling_of_a_name() -> None:
    text = (
        "Deputy minister Oleg Karimov opened the session, and Karimov took questions.\n"
        "The scanned annex lists 3Karimow among the signatories.\n"
    )
    findings = check_text(text, path="scan.txt", config=Config(select=("TL001",), language="en"))
    assert findings == []
    clean = text.replace("3Karimow", "Karimow")
    assert [f.match for f in check_text(clean, path="scan.txt", config=Config(select=("TL001",)))] == ["Karimow"]
