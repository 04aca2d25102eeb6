"""One parametrised test runs every rule example and case file through the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from rule_cases import Case, example_cases, file_cases
from sidecar_cases import is_sidecar_case, write_sidecar_case
from spans import mark, parse_marked

from tqcheck import check_paths
from tqcheck.core.config import Config

ALL_CASES = example_cases() + file_cases()


# Corpus rules (TL003) compare files: an example may hold several files separated by this line.
NEXT_FILE = "\n~~~~ next file ~~~~\n"


@pytest.mark.parametrize("case", ALL_CASES, ids=[c.id for c in ALL_CASES])
def test_case(case: Case, tmp_path: Path) -> None:
    if NEXT_FILE in case.marked:
        _test_corpus_case(case, tmp_path)
        return
    extra: dict[str, str] = {}
    if is_sidecar_case(case.marked):
        marked, target, source_language = write_sidecar_case(case.marked, tmp_path)
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


def _test_corpus_case(case: Case, tmp_path: Path) -> None:
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
