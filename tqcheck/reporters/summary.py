"""Counts shared by every reporter's summary."""

from __future__ import annotations

from collections import Counter
from typing import Any

from tqcheck.core.model import Severity
from tqcheck.core.result import RunResult

# InputError.kind: not read, a rule stopped by its time budget, not written by --fix
ERROR_KINDS = ("read", "timeout", "write")


def summary(result: RunResult) -> dict[str, Any]:
    by_severity = Counter(f.severity.label for f in result.findings)
    by_rule = Counter(f.rule for f in result.findings)
    return {
        # a file stopped by a rule's time budget or not written by --fix was read: counted once
        "files": len(result.documents) + sum(1 for e in result.errors if e.kind == "read"),
        "files_checked": len(result.documents),
        "files_with_findings": len({f.path for f in result.findings}),
        "findings": len(result.findings),
        "errors": len(result.errors),
        "errors_by_kind": {kind: sum(1 for e in result.errors if e.kind == kind) for kind in ERROR_KINDS},
        "by_severity": {s.label: by_severity.get(s.label, 0) for s in sorted(Severity, reverse=True)},
        "by_rule": dict(sorted(by_rule.items())),
        "fixable": sum(1 for f in result.findings if f.fix_safe),
        # suggestions not marked safe: `--unsafe-fixes` applies them
        "unsafe_fixable": sum(1 for f in result.findings if f.suggestion is not None and not f.fix_safe),
    }
