"""What every property test asks of findings, and the fuzz profiles every fuzz harness runs under."""

from __future__ import annotations

import os
from collections.abc import Sequence

from hypothesis import HealthCheck, settings

from tqcheck.core.model import Finding

settings.register_profile("fuzz-ci", max_examples=150, deadline=None)
settings.register_profile(
    "fuzz-long",
    max_examples=int(os.environ.get("TQCHECK_FUZZ_EXAMPLES", "50000")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
# a short bounded run in CI; TQCHECK_FUZZ=fuzz-long on demand
FUZZ_PROFILE = settings.get_profile(os.environ.get("TQCHECK_FUZZ", "fuzz-ci"))


def position(text: str, offset: int) -> tuple[int, int]:
    """Line and column computed independently: lines end at LF only, columns count code points."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def assert_placed_in_order(text: str, findings: Sequence[Finding]) -> None:
    """Every finding lies in the text, agrees with its line and column, and they come sorted."""
    for finding in findings:
        assert 0 <= finding.start <= finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.match
        assert (finding.line, finding.column) == position(text, finding.start)
        assert (finding.end_line, finding.end_column) == position(text, finding.end)
    keys = [finding.sort_key() for finding in findings]
    assert keys == sorted(keys)
