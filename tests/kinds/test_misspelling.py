"""GW004 (plain misspellings one edit from a frequent word): examples, case files, precision guards."""

from __future__ import annotations

from rule_cases import case_test

from tqcheck import check_text
from tqcheck.core.config import Config
from tqcheck.kinds.misspelling import _edit

test_case = case_test(__file__)


def test_misspelling_is_reported_but_never_fixed_automatically() -> None:
    (found,) = check_text("The goverment said on Monday it would act.", config=Config(language="en", select=("GW004",)))
    assert (found.match, found.suggestion, found.fix_safe) == ("goverment", "government", False)


def test_listed_rare_words_need_a_typing_slip() -> None:
    # `musty` and `staves` are listed rare words one edit from `must` and `states`: not slips
    text = "The musty cellar held barrel staves and old ropes."
    assert [f for f in check_text(text, config=Config(language="en")) if f.rule == "GW004"] == []


def test_edit_classes() -> None:
    assert _edit("goverment", "government") is not None and _edit("goverment", "government").slip(9)
    assert _edit("recieve", "receive") is not None and _edit("recieve", "receive").op == "swap"
    assert _edit("musty", "must") is not None and not _edit("musty", "must").slip(5)
    assert _edit("abc", "xyz") is None
