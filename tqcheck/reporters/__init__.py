"""Reporters: a RunResult rendered as text, JSON, SARIF, GitHub annotations, JUnit, GitLab Code
Quality or HTML.

Owns every output format and the one registry of them (`FORMATS`), which the CLI reads to
offer `--format` choices and to render. Reporters know the vocabulary in `tqcheck.core` only
(enforced by import-linter), so output never depends on which rules ran. A format's module is
imported only when it is used.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from tqcheck.core.result import RunResult


@dataclass(frozen=True)
class Reporter:
    """One output format: the module that renders it and whether it draws on a rich console
    (the terminal report) or returns a string (everything machine-readable)."""

    name: str
    module: str
    help: str
    draws: bool = False

    def render(self, result: RunResult) -> str:
        rendered: str = import_module(self.module).render(result)
        return rendered

    def draw(self, result: RunResult, console: Console) -> None:
        import_module(self.module).render(result, console)


FORMATS: dict[str, Reporter] = {
    reporter.name: reporter
    for reporter in (
        Reporter("text", "tqcheck.reporters.text", "readable, with code frames", draws=True),
        Reporter("json", "tqcheck.reporters.json_format", "versioned JSON for other tools"),
        Reporter("sarif", "tqcheck.reporters.sarif", "SARIF 2.1.0 for code scanning"),
        Reporter("github", "tqcheck.reporters.github", "GitHub Actions workflow commands"),
        Reporter("junit", "tqcheck.reporters.junit", "JUnit XML, one test case per file"),
        Reporter("gitlab", "tqcheck.reporters.gitlab", "GitLab Code Quality report (codequality artifact)"),
        Reporter("html", "tqcheck.reporters.html", "a self-contained page for the read-through"),
    )
}

# The `--format` choices, in registry order (typer offers an enum's values).
OutputFormat = enum.StrEnum("OutputFormat", {name: name for name in FORMATS})  # type: ignore[misc]
DEFAULT_FORMAT = OutputFormat("text")
