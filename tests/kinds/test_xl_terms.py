"""XL004 (termbase renderings): its rule examples and case files."""

from __future__ import annotations

from rule_cases import case_test

test_case = case_test(__file__)
