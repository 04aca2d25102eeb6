"""GitLab Code Quality report (`codequality` artifact): a JSON array of issues, each with a
description, check_name, a unique fingerprint, a severity and a repository-relative location."""

from __future__ import annotations

import json
from typing import Any

from tqcheck.core.fingerprint import fingerprints, relative_path
from tqcheck.core.model import Severity
from tqcheck.core.result import RunResult

# GitLab's scale: info, minor, major, critical, blocker
_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(result: RunResult) -> str:
    texts = {doc.path: doc.text for doc in result.documents}
    issues: list[dict[str, Any]] = []
    for finding, fingerprint in zip(result.findings, fingerprints(result.findings, texts, result.root), strict=True):
        issues.append(
            {
                "type": "issue",
                "description": f"{finding.rule} {finding.message}",
                "check_name": finding.rule,
                "categories": ["Style"],
                "fingerprint": fingerprint,
                "severity": _SEVERITY[finding.severity],
                "location": {
                    "path": relative_path(finding.path, result.root),
                    "lines": {"begin": finding.line, "end": max(finding.line, finding.end_line)},
                },
            }
        )
    for error in result.errors:
        issues.append(
            {
                "type": "issue",
                "description": f"tqcheck could not read the file: {error.message}",
                "check_name": "input-error",
                "categories": ["Bug Risk"],
                "fingerprint": f"input-error:{relative_path(error.path, result.root)}",
                "severity": "blocker",
                "location": {"path": relative_path(error.path, result.root), "lines": {"begin": 1}},
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2)
