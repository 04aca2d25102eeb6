"""GitHub Actions workflow commands: annotations on the pull request's changed lines."""

from __future__ import annotations

from tqcheck.core.model import Severity
from tqcheck.core.result import RunResult

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: RunResult) -> str:
    lines = []
    for f in result.findings:
        message = f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
        props = (
            f"file={_escape_property(f.path)},line={f.line},col={f.column},"
            f"endLine={f.end_line},endColumn={f.end_column},"
            f"title={_escape_property(f'{f.rule} {f.name}')}"
        )
        lines.append(f"::{_LEVEL[f.severity]} {props}::{_escape_data(message)}")
    for e in result.errors:
        lines.append(f"::error file={_escape_property(e.path)},title=tqcheck input error::{_escape_data(e.message)}")
    return "\n".join(lines)
