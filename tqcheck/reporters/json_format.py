"""The versioned JSON format other tools parse: field names are a public contract."""

from __future__ import annotations

import json
from typing import Any

from tqcheck.core.model import Finding
from tqcheck.core.result import RunResult
from tqcheck.reporters.summary import summary

JSON_VERSION = 1


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "name": finding.name,
        "severity": finding.severity.label,
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "start": finding.start,
        "end": finding.end,
        "match": finding.match,
        "message": finding.message,
        "suggestion": finding.suggestion,
        "fix_safe": finding.fix_safe,
        "reason": finding.reason,
    }


def render(result: RunResult) -> str:
    payload = {
        "version": JSON_VERSION,
        "findings": [finding_dict(f) for f in result.findings],
        "errors": [{"path": e.path, "message": e.message, "kind": e.kind} for e in result.errors],
        "documents": [{"path": d.path, "language": d.language} for d in result.documents],
        "fixed": [
            {"fingerprint": e.fingerprint, "rule": e.rule, "path": e.path, "line": e.line, "match": e.match}
            for e in result.fixed
        ],
        "summary": summary(result),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)
