"""Pathological inputs, scaled down so the suite stays fast while still proving the bound; the
full-size versions (100 MB, 5 MB line, 10,000 levels, 100,000 glossary entries) are measured by
tests/benchmarks/bench_pathological.py with time and peak memory."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

from tqcheck import check_text
from tqcheck.core.config import Config
from tqcheck.engine.run import run
from tqcheck.readers import read_text

SENTENCE = "The the port reopened on Monday , officials said.\n"


def test_a_file_over_the_size_cap_is_refused_without_being_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as handle:
        for _ in range(100_000):  # 5 MB
            handle.write(SENTENCE)
    tracemalloc.start()
    try:
        result = run([str(big)], Config(max_file_size=1_000_000))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [e.message.split(";")[0] for e in result.errors] == ["file is 5.0 MB, over max-file-size (1.0 MB)"]
    assert not result.documents
    assert peak < 2_500_000  # rules load, but the file itself (5 MB) was never read into memory


def test_one_long_line_reads_in_one_copy_of_memory_and_is_checked() -> None:
    line = "alpha beta gamma delta " * 22_000 + "the the end."  # 500 KB, no newline
    tracemalloc.start()
    try:
        doc = read_text(line, "x.md")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert doc.checkable == line
    assert peak < 12 * len(line)  # text, checkable copy, the parser's line: a few copies, no blow-up
    findings = check_text(line, path="x.txt")
    doubled = [f for f in findings if f.rule == "PN002"]
    assert len(doubled) == 1 and doubled[0].start > len(line) - 20  # the doubled word at the very end


def test_markdown_nested_ten_thousand_levels_reads_fast_and_keeps_its_text() -> None:
    for opener in ("> ", "- ", "1. "):
        text = opener * 10_000 + "Deep the the text.\n"
        started = time.perf_counter()
        doc = read_text(text, "x.md")
        assert time.perf_counter() - started < 20
        assert len(doc.checkable) == len(text)
        findings = check_text(text, path="x.md")
        assert all(text[f.start : f.end] == f.match for f in findings)


def test_deeply_indented_lists_cost_time_in_proportion_to_their_size() -> None:
    """Nesting N levels by indentation makes a file of N^2 bytes; the boilerplate patterns used
    to backtrack over every indentation at every line start (BP001: 40x slower than now)."""
    from tqcheck.engine.run import load_rules

    text = "".join("  " * i + f"- item {i} has words\n" for i in range(600))  # 370 KB
    doc = read_text(text, "x.md")
    rules = [r for r in load_rules(Config()) if r.spec.id in {"BP001", "BP005"}]
    assert len(rules) == 2
    started = time.perf_counter()
    for rule in rules:
        list(rule.check(doc))
    assert time.perf_counter() - started < 5  # ~0.03 s idle; a quadratic scan took ~1 s per MB more


_SYLLABLES = ["ba", "ko", "mi", "ru", "se", "ta", "vo", "ne", "di", "la"]


def _surname(i: int) -> str:
    return "".join(_SYLLABLES[int(d)] for d in f"{i:04d}").capitalize()


def test_a_glossary_of_ten_thousand_entries_loads_once_and_answers(tmp_path: Path) -> None:
    from tqcheck.names import glossary_files as glossary

    lines = ["names:"]
    for i in range(10_000):
        lines.append(f"  - canonical: Pavel {_surname(i)}ov\n    variants: [Pavel {_surname(i)}off]")
    path = tmp_path / "names.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.perf_counter()
    loaded = glossary.load((path,))
    assert len(loaded.entries) == 10_000
    assert time.perf_counter() - started < 60
    variant = f"{_surname(4321)}off"
    text = f"Talks with Pavel {variant} resumed on Monday. Pavel {variant} said little.\n"
    config = Config(extra={"names-glossary": (str(path),)}, root=tmp_path)
    suggested = {(f.match, f.suggestion) for f in check_text(text, path="x.md", config=config) if f.rule == "TL002"}
    assert (variant, f"{_surname(4321)}ov") in suggested
