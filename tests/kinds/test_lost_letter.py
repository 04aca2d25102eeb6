"""GW001 (a letter lost in encoding: Assemblee, Hnault): its examples, case files and fixes."""

from __future__ import annotations

from pathlib import Path

from rule_cases import case_test

from tqcheck import check_text
from tqcheck.core.config import Config

test_case = case_test(__file__)


def test_ambiguous_lost_letter_is_reported_but_not_fixed(tmp_path: Path) -> None:
    findings = check_text("Il a rencontré Stphane et Hnault hier.", config=Config(language="fr"))
    unsafe = [f for f in findings if f.rule == "GW001" and not f.fix_safe]
    assert all(f.suggestion for f in unsafe)
    # `leve` could be lève, levé or levée: all are offered, none is applied
    (leve,) = check_text("La préfecture a leve son alerte mardi soir.", config=Config(language="fr"))
    assert (leve.suggestion, leve.fix_safe) == ("lève", False) and "'levé'" in leve.message
    (clear,) = check_text("Le texte a été adopté par l'Assemblee nationale.", config=Config(language="fr"))
    assert (clear.suggestion, clear.fix_safe) == ("Assemblée", True)


def test_a_listed_accented_word_is_repaired_but_not_fixed() -> None:
    # `tète` is a rare word of its own (a calf suckles); `tête` is far more frequent: a repair for
    # the editor to read, never applied by --fix
    (swapped,) = check_text("Il se mit à la tète du cortège.", config=Config(language="fr"))
    assert (swapped.suggestion, swapped.fix_safe) == ("tête", False)
    (junk,) = check_text("Ya no està aquí.", config=Config(language="es"))
    assert (junk.suggestion, junk.fix_safe) == ("está", False)
