"""Greek (el), added as a language data file only: a lost tonos is repaired, clean Greek prose
gets no finding, Greek negation is seen, and `;` (the Greek question mark) keeps its spacing."""

from __future__ import annotations

from tqcheck import check_text
from tqcheck.language.data import language_data
from tqcheck.meaning.signals import negated

CLEAN = """---
lang: el
---
Η κυβέρνηση ανακοίνωσε χθες νέα μέτρα για τη στήριξη των νοικοκυριών. Ο υπουργός είπε ότι
η αύξηση των τιμών δεν θα συνεχιστεί για πολύ. Τι θα γίνει με τα ενοίκια; Η απάντηση θα
δοθεί την επόμενη εβδομάδα, μετά τη συνάντηση με τους εκπροσώπους των εργαζομένων.
"""


def _findings(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.rule, f.match, f.suggestion) for f in check_text(text, path="article.md")]


def test_greek_has_its_data_file() -> None:
    data = language_data("el")
    assert data.shipped and data.name == "Greek" and "έ" in data.letters.accented


def test_clean_greek_prose_gets_no_finding() -> None:
    assert _findings(CLEAN) == []


def test_a_word_that_lost_its_tonos_is_repaired() -> None:
    damaged = CLEAN.replace("κυβέρνηση ανακοίνωσε", "κυβέρνηση ανακοινωσε")
    assert _findings(damaged) == [("GW001", "ανακοινωσε", "ανακοίνωσε")]
    # web text spells common words without tonos often enough for wordfreq to list them
    # (κυβερνηση 3.8 vs κυβέρνηση 5.6): such a plain form needs the wider gap, as a/à does
    assert _findings(CLEAN.replace("Η κυβέρνηση", "Η κυβερνηση")) == []


def test_greek_negation_is_seen() -> None:
    assert negated("Ο υπουργός δεν ήρθε.", "el") is True
    assert negated("Ο υπουργός ήρθε.", "el") is False


def test_a_space_before_the_greek_question_mark_is_flagged() -> None:
    spaced = CLEAN.replace("με τα ενοίκια;", "με τα ενοίκια ;")
    assert [rule for rule, _, _ in _findings(spaced)] == ["PN006"]
