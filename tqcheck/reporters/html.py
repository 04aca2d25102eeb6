"""A self-contained HTML report for the pre-publish read-through: each finding in its context."""

from __future__ import annotations

from collections import defaultdict
from html import escape

from tqcheck.core.model import Document, Finding
from tqcheck.core.result import RunResult
from tqcheck.core.version import __version__
from tqcheck.reporters.summary import summary

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#222;padding:0 1rem}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%}td,th{padding:.3rem .5rem;vertical-align:top;text-align:left}
tr+tr td{border-top:1px solid #eee}.rule{font-family:monospace;white-space:nowrap}
.error{color:#b00020}.warning{color:#9a6700}.info{color:#0969da}
.ctx{font-family:Georgia,serif;color:#555}mark{background:#ffe08a;padding:0 .1em}
.sugg{color:#1a7f37;font-weight:600}.pos{font-family:monospace;color:#777;white-space:nowrap}
.errors li{color:#b00020}
"""
_CONTEXT = 60


def _context(doc: Document | None, finding: Finding) -> str:
    if doc is None:
        return escape(finding.match)
    start = max(0, finding.start - _CONTEXT)
    end = min(len(doc.text), finding.end + _CONTEXT)
    before = doc.text[start : finding.start].replace("\n", " ")
    after = doc.text[finding.end : end].replace("\n", " ")
    shown = finding.match.replace("\n", " ") or "\u2009"
    return (
        ("…" if start else "")
        + escape(before)
        + f"<mark>{escape(shown)}</mark>"
        + escape(after)
        + ("…" if end < len(doc.text) else "")
    )


def render(result: RunResult) -> str:
    docs = {doc.path: doc for doc in result.documents}
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_path[finding.path].append(finding)
    counts = summary(result)
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width,initial-scale=1'>",
        f"<title>tqcheck report</title><style>{_CSS}</style></head><body>",
        "<h1>tqcheck report</h1>",
        f"<p>{counts['files_checked']} file(s) checked, {counts['findings']} finding(s) "
        f"({counts['by_severity']['error']} errors, {counts['by_severity']['warning']} warnings, "
        f"{counts['by_severity']['info']} info); {counts['fixable']} fixable with <code>--fix</code>.</p>",
    ]
    if result.errors:
        parts.append("<h2>Files that could not be read</h2><ul class='errors'>")
        parts.extend(f"<li>{escape(e.path)}: {escape(e.message)}</li>" for e in result.errors)
        parts.append("</ul>")
    for path in sorted(by_path):
        parts.append(f"<h2>{escape(path)}</h2><table>")
        parts.append("<tr><th>where</th><th>rule</th><th>finding</th></tr>")
        for f in by_path[path]:
            suggestion = ""
            if f.suggestion is not None:
                label = escape(f.suggestion) if f.suggestion else "delete"
                suggestion = f" → <span class='sugg'>{label}</span>"
            parts.append(
                f"<tr><td class='pos'>{f.line}:{f.column}</td>"
                f"<td class='rule {f.severity.label}' title='{escape(f.name)}'>{escape(f.rule)}</td>"
                f"<td>{escape(f.message)}{suggestion}<div class='ctx'>{_context(docs.get(path), f)}</div></td></tr>"
            )
        parts.append("</table>")
    if not result.findings and not result.errors:
        parts.append("<p>All clear.</p>")
    parts.append(f"<p class='pos'>tqcheck {escape(__version__)}</p></body></html>")
    return "\n".join(parts)
