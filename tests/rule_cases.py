"""Collects every rule example and every fixtures/cases/<ID>.yaml case as test data, and runs one.

A case runs through the real reader for its format with only its rule selected, so a case
tests the reader, masking, suppression and the rule together, exactly as a user runs it.
Each tests/kinds/test_<module>.py runs the cases of the rules whose kind lives in
tqcheck/kinds/<module>.py (`test_case = case_test(__file__)`), so a rule's cases sit with its kind's tests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from bilingual_cases import is_bilingual_case, write_bilingual_case
from sidecar_cases import is_sidecar_case, write_sidecar_case
from spans import mark, parse_marked

from tqcheck import check_paths
from tqcheck.core.config import Config
from tqcheck.core.model import RuleSpec
from tqcheck.engine.packs import builtin_pack_names
from tqcheck.engine.selection import all_specs
from tqcheck.kinds import KINDS

ROOT = Path(__file__).resolve().parent.parent
CASES_DIR = ROOT / "fixtures" / "cases"


@dataclass(frozen=True)
class Case:
    rule: str
    name: str
    marked: str
    format: str = "txt"
    language: str | None = None
    suggestions: tuple[str | None, ...] | None = None
    options: dict[str, Any] = field(default_factory=dict)
    packs: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return f"{self.rule}-{self.name}"


def every_spec() -> list[RuleSpec]:
    return all_specs(Config(packs=tuple(builtin_pack_names())))


def example_cases() -> list[Case]:
    cases = []
    for spec in every_spec():
        language = spec.languages[0] if spec.languages else None
        options = dict(spec.example_options)
        for i, text in enumerate(spec.examples_fail):
            cases.append(
                Case(spec.id, f"example-fail-{i}", text, language=language, options=options, packs=(spec.pack,))
            )
        for i, text in enumerate(spec.examples_pass):
            cases.append(
                Case(spec.id, f"example-pass-{i}", text, language=language, options=options, packs=(spec.pack,))
            )
    return cases


def file_cases() -> list[Case]:
    cases = []
    packs = {spec.id: spec.pack for spec in every_spec()}
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        rule = data.get("rule", path.stem)
        for entry in data["cases"]:
            suggestions = entry.get("suggestions")
            cases.append(
                Case(
                    rule=rule,
                    name=entry["name"],
                    marked=entry["text"],
                    format=entry.get("format", data.get("format", "txt")),
                    language=entry.get("language", data.get("language")),
                    suggestions=tuple(suggestions) if suggestions is not None else None,
                    options=entry.get("options", {}),
                    packs=(packs.get(rule, "core"), *entry.get("packs", [])),
                )
            )
    return cases


def kind_module(kind: str) -> str:
    """The module of tqcheck/kinds/ that holds a kind (`lost-letter` -> `lost_letter`)."""
    return KINDS[kind].__module__.rsplit(".", 1)[-1]


def cases_for(test_file: str) -> list[Case]:
    """The example and file cases of every rule whose kind lives in the module that the test
    file tests/kinds/test_<module>.py is named after."""
    module = Path(test_file).stem.removeprefix("test_")
    rules = {spec.id for spec in every_spec() if kind_module(spec.kind) == module}
    return [case for case in example_cases() + file_cases() if case.rule in rules]


def case_test(test_file: str) -> Callable[[Case, Path], None]:
    """A test parametrised over the cases `cases_for(test_file)` gives, for a kind's test module."""
    cases = cases_for(test_file)

    @pytest.mark.parametrize("case", cases, ids=[c.id for c in cases])
    def test_case(case: Case, tmp_path: Path) -> None:
        run_case(case, tmp_path)

    return test_case


# Corpus rules (TL003) compare files: an example may hold several files separated by this line.
NEXT_FILE = "\n~~~~ next file ~~~~\n"


def run_case(case: Case, tmp_path: Path) -> None:
    if NEXT_FILE in case.marked:
        _run_corpus_case(case, tmp_path)
        return
    if is_bilingual_case(case.marked):
        _run_bilingual_case(case, tmp_path)
        return
    extra: dict[str, str] = {}
    if is_sidecar_case(case.marked):
        marked, target, source_language = write_sidecar_case(case.marked, tmp_path)
        if source_language is not None:
            extra["source-language"] = source_language
    else:
        marked, target = case.marked, tmp_path / f"case.{case.format}"
    text, expected = parse_marked(marked)
    target.write_text(text, encoding="utf-8")
    config = _config(case, tmp_path, extra)
    findings = [f for f in check_paths([target], config=config) if f.rule == case.rule]
    found = sorted((f.start, f.end) for f in findings)
    assert found == expected, f"expected {mark(text, expected)!r}\n     got {mark(text, found)!r}"
    if case.suggestions is not None:
        ordered = sorted(findings, key=lambda f: f.start)
        assert tuple(f.suggestion for f in ordered) == case.suggestions


def _run_bilingual_case(case: Case, tmp_path: Path) -> None:
    """Source/target lines become a TSV (and term lines a termbase): see bilingual_cases."""
    written = write_bilingual_case(case.marked, tmp_path)
    extra: dict[str, object] = {"source-language": written.source_language}
    if written.termbase is not None:
        extra["termbase"] = [str(written.termbase)]
    config = Config(
        select=(case.rule,),
        packs=case.packs,
        language=written.target_language,
        rules={case.rule: case.options} if case.options else {},
        root=tmp_path,
        extra=extra,
    )
    findings = [f for f in check_paths([written.path], config=config) if f.rule == case.rule]
    found = sorted((f.start, f.end) for f in findings)
    text = written.text
    assert found == written.expected, f"expected {mark(text, written.expected)!r}\n     got {mark(text, found)!r}"
    if case.suggestions is not None:
        ordered = sorted(findings, key=lambda f: f.start)
        assert tuple(f.suggestion for f in ordered) == case.suggestions


def _run_corpus_case(case: Case, tmp_path: Path) -> None:
    expected: dict[str, list[tuple[int, int]]] = {}
    texts: dict[str, str] = {}
    for number, part in enumerate(case.marked.split(NEXT_FILE)):
        target = tmp_path / f"case-{number}.{case.format}"
        texts[str(target)], expected[str(target)] = parse_marked(part)
        target.write_text(texts[str(target)], encoding="utf-8")
    findings = [f for f in check_paths([tmp_path], config=_config(case, tmp_path)) if f.rule == case.rule]
    for path, text in texts.items():
        found = sorted((f.start, f.end) for f in findings if f.path == path)
        want = expected[path]
        assert found == want, f"{path}: expected {mark(text, want)!r}\n     got {mark(text, found)!r}"
    if case.suggestions is not None:
        ordered = sorted(findings, key=lambda f: (f.path, f.start))
        assert tuple(f.suggestion for f in ordered) == case.suggestions


def _config(case: Case, tmp_path: Path, extra: dict[str, str] | None = None) -> Config:
    return Config(
        select=(case.rule,),
        packs=case.packs,
        language=case.language,
        rules={case.rule: case.options} if case.options else {},
        root=tmp_path,
        extra=extra or {},
    )
