"""GW003 (OCR misreadings: rnodern, tbe): its examples, case files and fixes."""

from __future__ import annotations

from rule_cases import case_test

from tqcheck import check_text
from tqcheck.core.config import Config

test_case = case_test(__file__)


def test_ambiguous_ocr_repair_is_reported_but_not_fixed() -> None:
    ocr = check_text("The rnodern terminal opened on Monday in the port.", config=Config(language="en"))
    assert [(f.rule, f.suggestion, f.fix_safe) for f in ocr] == [("GW003", "modern", False)]
