"""The HTML report for the pre-publish read-through: one self-contained page.

A summary by rule and severity with filters (severity, rule, fixable only; kept in the page's
address), then per document: the meaning-drift view when the document was scored against its
source (model and mode, one bar per segment, the texts side by side), every finding in its
sentence with its suggestion as a proposed edit, and the document's text with all findings
marked. Nothing is loaded from outside the page; the script only filters.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from html import escape

from tqcheck.core.model import Document, Finding, Severity
from tqcheck.core.result import RunResult
from tqcheck.core.version import __version__
from tqcheck.reporters.html_assets import CSS, JS
from tqcheck.reporters.html_drift import drift_view
from tqcheck.reporters.html_text import attributes, in_sentence, marked_text, sentence_bounds
from tqcheck.reporters.summary import summary

FULL_TEXT_LIMIT = 1_000_000  # characters: larger documents show findings in their sentences only


def render(result: RunResult) -> str:
    docs = {doc.path: doc for doc in result.documents}
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_path[finding.path].append(finding)
    shown = [path for path in [*docs, *by_path] if path in by_path or path in result.scores]
    shown = list(dict.fromkeys(shown))
    counts = summary(result)
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width,initial-scale=1'>",
        f"<title>tqcheck report</title><style>{CSS}</style></head><body>",
        "<h1>tqcheck report</h1>",
        f"<p class='meta'>{counts['files_checked']} file(s) checked, {counts['findings']} finding(s) "
        f"({counts['by_severity']['error']} errors, {counts['by_severity']['warning']} warnings, "
        f"{counts['by_severity']['info']} info); {counts['fixable']} fixable with <code>--fix</code>"
        f"{_unsafe_note(counts['unsafe_fixable'])}. tqcheck {escape(__version__)}.</p>",
    ]
    if result.findings:
        parts.append(_summary_table(result))
        parts.append(_filters(result))
    if result.errors:
        parts.append("<h2>Problems with files (not read, a rule stopped, fixes not written)</h2><ul class='errors'>")
        parts.extend(f"<li>{escape(e.path)}: {escape(e.message)}</li>" for e in result.errors)
        parts.append("</ul>")
    if shown:
        parts.append(_file_list(shown, by_path, result))
    for number, path in enumerate(shown, start=1):
        parts.append(_document(f"doc{number}", path, docs.get(path), by_path.get(path, []), result))
    if not result.findings and not result.errors:
        parts.append("<p class='all-clear'>All clear.</p>")
    parts.append(f"<script>{JS}</script></body></html>")
    return "\n".join(parts)


def _unsafe_note(count: int) -> str:
    return f" ({count} more with <code>--unsafe-fixes</code>)" if count else ""


def _summary_table(result: RunResult) -> str:
    by_rule = Counter(f.rule for f in result.findings)
    fixable = Counter(
        f.rule for f in result.findings if f.suggestion is not None and (f.fix_safe or result.unsafe_fixes)
    )
    first: dict[str, Finding] = {}
    for f in result.findings:
        first.setdefault(f.rule, f)
    rows = []
    for rule, count in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        f = first[rule]
        rows.append(
            f"<tr class='sev-{f.severity.label}'><td><label><input type='checkbox' data-filter='rule'"
            f" value='{escape(rule)}' checked> <span class='rule'>{escape(rule)}</span></label></td>"
            f"<td>{escape(f.name)}</td><td class='sev {f.severity.label}'>{f.severity.label}</td>"
            f"<td class='num'>{count}</td><td class='num'>{fixable.get(rule, 0)}</td></tr>"
        )
    return (
        "<h2 id='summary'>Summary</h2><table class='summary'><thead><tr><th>rule</th><th>name</th>"
        "<th>severity</th><th>findings</th><th>fixable</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def _fixable(finding: Finding, unsafe: bool) -> bool:
    return finding.suggestion is not None and (finding.fix_safe or unsafe)


def _filters(result: RunResult) -> str:
    counts = Counter(f.severity for f in result.findings)
    boxes = "".join(
        f"<label class='sev {s.label}'><input type='checkbox' data-filter='severity' value='{s.label}' checked>"
        f" {s.label} ({counts.get(s, 0)})</label>"
        for s in sorted(Severity, reverse=True)
    )
    return (
        "<form class='filters' onsubmit='return false'>"
        f"<fieldset><legend>Severity</legend>{boxes}</fieldset>"
        "<fieldset><legend>Rules</legend><button type='button' data-select='rule' data-value='1'>all</button> "
        "<button type='button' data-select='rule' data-value='0'>none</button> (tick them in the summary)</fieldset>"
        "<fieldset><label><input type='checkbox' id='fixable-only'> fixable only</label></fieldset></form>"
    )


def _file_list(shown: list[str], by_path: dict[str, list[Finding]], result: RunResult) -> str:
    items = []
    for number, path in enumerate(shown, start=1):
        found = len(by_path.get(path, []))
        scored = result.scores.get(path)
        drift = f", {sum(s.flagged for s in scored.segments)} segment(s) flagged" if scored else ""
        items.append(
            f"<li><a href='#doc{number}'>{escape(path)}</a> <span class='meta'>{found} finding(s){drift}</span></li>"
        )
    return "<h2>Files</h2><ul class='files'>" + "".join(items) + "</ul>"


def _document(doc_id: str, path: str, doc: Document | None, findings: list[Finding], result: RunResult) -> str:
    parts = [
        f"<section class='doc' id='{doc_id}' data-path='{escape(path)}'><h2>{escape(path)} "
        f"<span class='meta'>(<span class='shown-count'>{len(findings)}</span> of {len(findings)} finding(s) shown)"
        "</span></h2>"
    ]
    scores = result.scores.get(path)
    if scores is not None:
        parts.append(drift_view(scores, doc_id))
    if findings:
        parts.append(_finding_list(doc_id, doc, findings, result))
    if doc is not None and findings and len(doc.text) <= FULL_TEXT_LIMIT:
        ids = [f"{doc_id}-{k}" for k in range(len(findings))]
        parts.append(
            "<details class='full' open><summary>The text with every finding</summary>"
            f"<div class='doc-text'>{marked_text(doc, findings, ids, result.unsafe_fixes)}</div></details>"
        )
    parts.append("</section>")
    return "".join(parts)


def _finding_list(doc_id: str, doc: Document | None, findings: list[Finding], result: RunResult) -> str:
    sentences = result.sentences.get(findings[0].path, [])
    segment_starts = [s.start for s in doc.segments] if doc is not None else []
    items = ["<h3>Findings</h3><ol class='findings'>"]
    for k, f in enumerate(findings):
        mark = (
            " <span class='fixable' title='--fix applies this'>[*]</span>" if _fixable(f, result.unsafe_fixes) else ""
        )
        suggestion = ""
        if f.suggestion is not None:
            proposed = "delete" if f.suggestion == "" else f"“{escape(f.suggestion)}”"
            suggestion = f" <span class='proposal'>→ {proposed}</span>"
        if f.reason:
            suggestion += f" <span class='pos'>(why: {escape(f.reason)})</span>"
        bounds = sentence_bounds(doc, f, sentences, segment_starts)
        data = attributes(f, f"{doc_id}-{k}", result.unsafe_fixes)
        rule = f"<span class='rule' title='{escape(f.name)}'>{escape(f.rule)}</span>"
        items.append(
            f"<li class='finding sev-{f.severity.label}' id='{doc_id}-f{k}' {data}>"
            f"<span class='pos'>{f.line}:{f.column}</span> {rule}{mark} {escape(f.message)}{suggestion}"
            f"<div class='ctx'>{in_sentence(doc, f, bounds)}</div></li>"
        )
    items.append("</ol>")
    return "".join(items)
