"""Meta-tests: every rule is documented, exemplified and uniquely identified."""

from __future__ import annotations

from collections import Counter

from rule_cases import CASES_DIR, every_spec, file_cases

from tqcheck.kinds import KINDS


def test_rule_ids_are_unique() -> None:
    counts = Counter(spec.id for spec in every_spec())
    assert [rule for rule, n in counts.items() if n > 1] == []


def test_every_rule_has_examples_and_docs() -> None:
    for spec in every_spec():
        assert spec.examples_fail and spec.examples_pass, spec.id
        assert spec.doc.what and spec.doc.why and spec.doc.instead, f"{spec.id} lacks What/Why/Instead"


def test_every_case_file_names_a_known_rule() -> None:
    known = {spec.id for spec in every_spec()}
    assert {case.rule for case in file_cases()} <= known
    assert all(path.stem in known for path in CASES_DIR.glob("*.yaml"))


def test_every_kind_is_used_by_a_rule() -> None:
    used = {spec.kind for spec in every_spec()}
    assert set(KINDS) <= used, f"kinds without any rule: {set(KINDS) - used}"
