from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT.parent / "shared" / "samples"


@pytest.fixture
def seed_article() -> Path:
    path = SAMPLES / "seed-article.en.txt"
    if not path.is_file():
        pytest.skip("../shared/samples is not present")
    return path
