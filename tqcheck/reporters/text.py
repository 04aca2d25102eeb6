"""Readable terminal output: path:line:col, a code frame with the span underlined, a summary."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from tqcheck.core.model import Document, Finding, Severity
from tqcheck.core.result import RunResult

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_MAX_FRAME = 100


def _frame(doc: Document | None, finding: Finding) -> list[Text]:
    if doc is None:
        return []
    lines = doc.text.splitlines()
    if not 0 < finding.line <= len(lines):
        return []
    source = lines[finding.line - 1].rstrip("\r")
    start = finding.column - 1
    end = finding.end_column - 1 if finding.end_line == finding.line else len(source)
    end = max(end, start + 1)
    # keep long paragraphs readable: a window around the span
    offset = max(0, start - 40) if len(source) > _MAX_FRAME else 0
    shown = source[offset : offset + _MAX_FRAME]
    prefix = "…" if offset else ""
    suffix = "…" if offset + _MAX_FRAME < len(source) else ""
    gutter = f"{finding.line:>5} | "
    code = Text(gutter, style="dim")
    code.append(prefix + shown + suffix)
    marker = Text(" " * (len(gutter) - 2) + "| ", style="dim")
    marker.append(
        " " * (start - offset + len(prefix)) + "^" * max(1, min(end, offset + _MAX_FRAME) - start),
        style=_STYLE[finding.severity],
    )
    if finding.suggestion is not None:
        marker.append(f" {finding.suggestion!r}" if finding.suggestion else " delete", style="green")
    return [code, marker]


def render(result: RunResult, console: Console, *, show_frames: bool = True) -> None:
    docs = {doc.path: doc for doc in result.documents}
    for error in result.errors:
        console.print(
            Text.assemble((error.path, "bold"), ": ", ("error", "bold red"), f": {error.message}"), soft_wrap=True
        )
    for finding in result.findings:
        head = Text.assemble(
            (f"{finding.path}:{finding.line}:{finding.column}", "bold"),
            ": ",
            (finding.rule, _STYLE[finding.severity]),
            f" {finding.message}",
        )
        if finding.suggestion:
            head.append(" → ", style="dim")
            head.append(finding.suggestion, style="green")
        console.print(head, soft_wrap=True)
        if show_frames:
            for line in _frame(docs.get(finding.path), finding):
                console.print(line, soft_wrap=True)
    for entry in result.fixed:
        console.print(
            Text.assemble(
                (f"{entry.path}:{entry.line}", "bold"), ": ", (entry.rule, "green"), f" fixed: {entry.match!r}"
            ),
            soft_wrap=True,
        )
    console.print(_summary_line(result), soft_wrap=True)


def _summary_line(result: RunResult) -> Text:
    files = len(result.documents)
    if not result.findings and not result.errors:
        return Text(f"All clear: {files} file(s) checked, no findings.", style="green")
    counts = {s: sum(1 for f in result.findings if f.severity is s) for s in Severity}
    parts = [
        f"{counts[s]} {s.label}{'s' if counts[s] != 1 else ''}" for s in sorted(Severity, reverse=True) if counts[s]
    ]
    text = Text(f"Found {len(result.findings)} finding(s) in {files} file(s)")
    if parts:
        text.append(f" ({', '.join(parts)})")
    fixable = sum(1 for f in result.findings if f.fix_safe)
    if fixable:
        text.append(f"; {fixable} fixable with --fix", style="green")
    if result.errors:
        text.append(f"; {len(result.errors)} file(s) could not be read", style="red")
    if result.fixed:
        text.append(f"; {len(result.fixed)} baseline finding(s) fixed", style="green")
    text.append(".")
    return text
