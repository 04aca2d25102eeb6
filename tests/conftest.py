"""Shared set-up. tests/ mirrors the package (tests/core/, tests/readers/, tests/language/,
tests/names/, tests/meaning/, tests/kinds/test_<kind module>.py, tests/engine/, tests/reporters/,
tests/cli/); checks of the whole (every rule, the wheel) sit here at the root, next to the shared
helpers, which this file puts on sys.path. Test module names are unique across the folders.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

# Embedding vectors go to a per-session cache, never the user's (subprocesses inherit it).
os.environ.setdefault("TQCHECK_CACHE_DIR", tempfile.mkdtemp(prefix="tqcheck-test-cache-"))

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT.parent / "shared" / "samples"


@pytest.fixture
def seed_article() -> Path:
    path = SAMPLES / "seed-article.en.txt"
    if not path.is_file():
        pytest.skip("../shared/samples is not present")
    return path
