"""SARIF 2.1.0 for GitHub code scanning and other static-analysis dashboards."""

from __future__ import annotations

import json
from typing import Any

from tqcheck.core.model import RuleSpec, Severity
from tqcheck.core.result import RunResult
from tqcheck.core.version import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rule(spec: RuleSpec) -> dict[str, Any]:
    help_text = "\n\n".join(p for p in (spec.doc.what, spec.doc.why, spec.doc.instead) if p)
    return {
        "id": spec.id,
        "name": spec.name,
        "shortDescription": {"text": spec.doc.what or spec.name},
        "fullDescription": {"text": spec.doc.why or spec.doc.what or spec.name},
        "help": {"text": help_text or spec.name, "markdown": help_text or spec.name},
        "defaultConfiguration": {"level": _LEVEL[spec.severity]},
        "properties": {"pack": spec.pack, "kind": spec.kind},
    }


def render(result: RunResult) -> str:
    specs = sorted(result.rules, key=lambda s: s.id)
    index = {spec.id: i for i, spec in enumerate(specs)}
    results = []
    for f in result.findings:
        entry: dict[str, Any] = {
            "ruleId": f.rule,
            "level": _LEVEL[f.severity],
            "message": {"text": f.message + (f" Suggestion: {f.suggestion}" if f.suggestion else "")},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.path.replace("\\", "/")},
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.column,
                            "endLine": f.end_line,
                            "endColumn": f.end_column,
                            "charOffset": f.start,
                            "charLength": f.end - f.start,
                            "snippet": {"text": f.match},
                        },
                    }
                }
            ],
        }
        if f.rule in index:
            entry["ruleIndex"] = index[f.rule]
        if f.suggestion is not None and f.fix_safe:
            entry["fixes"] = [
                {
                    "description": {"text": f"Replace with '{f.suggestion}'"},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": f.path.replace("\\", "/")},
                            "replacements": [
                                {
                                    "deletedRegion": {"charOffset": f.start, "charLength": f.end - f.start},
                                    "insertedContent": {"text": f.suggestion},
                                }
                            ],
                        }
                    ],
                }
            ]
        results.append(entry)
    notifications = [{"level": "error", "message": {"text": f"{e.path}: {e.message}"}} for e in result.errors]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "tqcheck",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/tqcheck/",
                        "rules": [_rule(spec) for spec in specs],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
                "invocations": [
                    {"executionSuccessful": not result.errors, "toolExecutionNotifications": notifications}
                ],
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)
