"""TQ001 (a document whose language could not be settled): its rule examples and case files."""

from __future__ import annotations

from rule_cases import case_test

test_case = case_test(__file__)
