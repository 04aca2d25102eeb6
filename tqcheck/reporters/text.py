"""Readable terminal output: path:line:col, a code frame with the span underlined, a summary.

A finding that `--fix` would fix carries `[*]` after its rule code (as in ruff); the summary says
how many more `--unsafe-fixes` would fix. Time is linear in the size of the output: each
document's line starts are computed once, never per finding.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from tqcheck.core.model import Document, Finding, Severity
from tqcheck.core.positions import line_starts
from tqcheck.core.result import RunResult

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_MAX_FRAME = 100
FIXABLE_MARK = "[*]"
_BATCH = 600  # lines per print


def is_fixable(finding: Finding, unsafe: bool) -> bool:
    """What `--fix` (with `--unsafe-fixes` when `unsafe`) would apply."""
    return finding.suggestion is not None and (finding.fix_safe or unsafe)


class _Lines:
    """One document's lines, looked up by number without splitting the text per finding."""

    def __init__(self, doc: Document) -> None:
        self.text = doc.text
        self.starts = line_starts(doc.text)

    def line(self, number: int) -> str | None:
        if not 0 < number <= len(self.starts):
            return None
        start = self.starts[number - 1]
        end = self.starts[number] - 1 if number < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r")


def _frame(lines: _Lines | None, finding: Finding) -> list[Text]:
    source = lines.line(finding.line) if lines is not None else None
    if source is None:
        return []
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
    lines: dict[str, _Lines | None] = {}
    for error in result.errors:
        console.print(
            Text.assemble((error.path, "bold"), ": ", ("error", "bold red"), f": {error.message}"), soft_wrap=True
        )
    batch: list[Text] = []
    for finding in result.findings:
        head = Text.assemble(
            (f"{finding.path}:{finding.line}:{finding.column}", "bold"), ": ", (finding.rule, _STYLE[finding.severity])
        )
        if is_fixable(finding, result.unsafe_fixes):
            head.append(" " + FIXABLE_MARK, style="green")
        head.append(f" {finding.message}")
        if finding.suggestion:
            head.append(" → ", style="dim")
            head.append(finding.suggestion, style="green")
        if finding.reason:
            head.append(f" (why: {finding.reason})", style="dim")
        batch.append(head)
        if show_frames:
            if finding.path not in lines:
                doc = docs.get(finding.path)
                lines[finding.path] = _Lines(doc) if doc is not None else None
            batch.extend(_frame(lines[finding.path], finding))
        if len(batch) >= _BATCH:
            _print(console, batch)
    _print(console, batch)
    for entry in result.fixed:
        console.print(
            Text.assemble(
                (f"{entry.path}:{entry.line}", "bold"), ": ", (entry.rule, "green"), f" fixed: {entry.match!r}"
            ),
            soft_wrap=True,
        )
    console.print(_summary_line(result), soft_wrap=True)


def _print(console: Console, batch: list[Text]) -> None:
    """Many lines in one print: rich's cost is per call, so printing a line at a time made large
    reports slow (a third of a millisecond per line). Without styles (a pipe or a file) the
    lines are written as they are: rich would only copy them."""
    if not batch:
        return
    if console.color_system is None:
        console.file.write("".join(line.plain + "\n" for line in batch))
    else:
        console.print(Text("\n").join(batch), soft_wrap=True)
    batch.clear()


_ERROR_KINDS = {
    "read": "{} file(s) could not be read",
    "timeout": "{} rule run(s) stopped by the time budget",
    "write": "{} file(s) could not be fixed",
}


def _summary_line(result: RunResult) -> Text:
    files = len(result.documents)
    if not result.findings and not result.errors:
        return Text(f"All clear: {files} file(s) checked, no findings.", style="green")
    counts = dict.fromkeys(Severity, 0)
    for finding in result.findings:
        counts[finding.severity] += 1
    parts = [
        f"{counts[s]} {s.label}{'s' if counts[s] != 1 else ''}" for s in sorted(Severity, reverse=True) if counts[s]
    ]
    text = Text(f"Found {len(result.findings)} finding(s) in {files} file(s)")
    if parts:
        text.append(f" ({', '.join(parts)})")
    fixable = sum(1 for f in result.findings if is_fixable(f, result.unsafe_fixes))
    hidden = 0 if result.unsafe_fixes else sum(1 for f in result.findings if is_fixable(f, True) and not f.fix_safe)
    if fixable:
        extra = " --unsafe-fixes" if result.unsafe_fixes else ""
        text.append(f"; {FIXABLE_MARK} {fixable} fixable with --fix{extra}", style="green")
    if hidden:
        text.append(f"; {hidden} more with --unsafe-fixes", style="dim")
    for kind, what in _ERROR_KINDS.items():
        count = sum(1 for error in result.errors if error.kind == kind)
        if count:
            text.append(f"; {what.format(count)}", style="red")
    if result.fixed:
        text.append(f"; {len(result.fixed)} baseline finding(s) fixed", style="green")
    text.append(".")
    return text
