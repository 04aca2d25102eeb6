"""Every format renders in time linear in the size of its output (tests/benchmarks/bench_output.py
times 50,000 findings): four times the findings (and four times the text) may cost about four
times as much, never sixteen."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from bench_output import render_seconds, result_with

from tqcheck.reporters import FORMATS

SMALL, LARGE = 600, 2400


@pytest.fixture(scope="module")
def results():  # type: ignore[no-untyped-def]
    return result_with(SMALL), result_with(LARGE)


@pytest.mark.parametrize("name", list(FORMATS))
def test_rendering_time_grows_linearly(name: str, results) -> None:  # type: ignore[no-untyped-def]
    small, large = results
    render_seconds(name, small)  # imports and first-use costs are not growth
    small_time = min(render_seconds(name, small) for _ in range(2))
    large_time = min(render_seconds(name, large) for _ in range(2))
    # linear: about 4x; quadratic: 16x. CPU time, so other processes do not count
    assert large_time <= 8 * small_time + 0.05, (name, small_time, large_time)
