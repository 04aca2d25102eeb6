"""Precision guard: clean news prose in several languages produces no finding at all.

The texts in fixtures/clean/ were written for this project, with the things that trip
checkers up: names from many languages, abbreviations, quotes, numbers, URLs, credits.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import FIXTURES

from tqcheck import check_paths
from tqcheck.core.config import Config

CLEAN = sorted(p for p in (FIXTURES / "clean").iterdir() if p.suffix in (".md", ".txt"))


@pytest.mark.parametrize("path", CLEAN, ids=[p.name for p in CLEAN])
def test_clean_text_has_no_findings(path: Path) -> None:
    packs = ("en-news",) if path.name.startswith("en-") else ()
    findings = check_paths([path], config=Config(packs=packs))
    assert [(f.rule, f.line, f.match, f.message) for f in findings] == []
