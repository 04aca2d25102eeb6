"""Meta-tests: every rule is documented, exemplified and uniquely identified, and its cases run."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rule_cases import CASES_DIR, every_spec, file_cases, kind_module

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


def test_every_kind_module_has_a_test_file_that_runs_its_rules_cases() -> None:
    """tests/kinds/test_<module>.py runs the examples and cases of the rules of its kind module,
    so no rule's cases are left out of the run."""
    folder = Path(__file__).parent / "kinds"
    for module in sorted({kind_module(kind) for kind in KINDS}):
        test_file = folder / f"test_{module}.py"
        assert test_file.is_file(), f"tests/kinds/test_{module}.py is missing"
        assert "test_case = case_test(__file__)" in test_file.read_text(encoding="utf-8"), test_file


def test_every_rule_has_a_case_file_with_fail_and_pass_cases() -> None:
    """fixtures/cases/<ID>.yaml holds each rule's longer cases: some must be flagged, some
    clean texts must produce nothing."""
    missing = sorted(spec.id for spec in every_spec() if not (CASES_DIR / f"{spec.id}.yaml").is_file())
    assert missing == [], f"rules without fixtures/cases/<ID>.yaml: {missing}"
    marked: dict[str, list[bool]] = {}
    for case in file_cases():
        marked.setdefault(case.rule, []).append("⟦" in case.marked)
    lopsided = sorted(rule for rule, flags in marked.items() if all(flags) or not any(flags))
    assert lopsided == [], f"case files without both a flagged and a clean case: {lopsided}"
