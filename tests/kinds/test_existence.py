"""Existence rules (PN002-PN004, PN007, BP001, BP002, BP004, BP005): their examples and case files."""

from __future__ import annotations

from rule_cases import case_test

test_case = case_test(__file__)
