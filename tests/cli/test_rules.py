"""`tqcheck rules`, `tqcheck rule ID` and `--version`."""

from __future__ import annotations

import re

from helpers import invoke


def test_rules_lists_every_rule_with_columns() -> None:
    result = invoke("rules", "--all")
    assert result.exit_code == 0
    header = result.stdout.splitlines()[0].split()
    assert header == ["id", "name", "kind", "severity", "pack", "enabled"]
    assert re.search(r"ST001\s+ukrainian-place-names\s+substitution\s+warning\s+en-news\s+no", result.stdout)


def test_rule_explains_what_why_instead_example() -> None:
    result = invoke("rule", "pn002")
    assert result.exit_code == 0
    for title in ("What it flags", "Why it matters", "Instead", "Example"):
        assert title in result.stdout


def test_unknown_rule_is_exit_2() -> None:
    result = invoke("rule", "ZZ999")
    assert result.exit_code == 2 and "ZZ999" in result.stderr


def test_version() -> None:
    from tqcheck.core.version import __version__

    result = invoke("--version")
    assert result.exit_code == 0 and __version__ in result.stdout
