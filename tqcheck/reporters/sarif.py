"""SARIF 2.1.0 for GitHub code scanning and other static-analysis dashboards.

Locations are URIs relative to the repository root (`uriBaseId` %SRCROOT%, declared in
`originalUriBaseIds`), percent-encoded, so code scanning can place them whatever folder the
check ran from; a file outside the root gets an absolute file: URI. Each result carries the
baseline fingerprint as `partialFingerprints`; the message is the rule's own, the suggestion
travels as a fix (safe ones) or a property, never repeated in the message.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from tqcheck.core.fingerprint import FINGERPRINT_KEY, fingerprints, relative_path
from tqcheck.core.model import RuleSpec, Severity
from tqcheck.core.result import RunResult
from tqcheck.core.version import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
ROOT_ID = "%SRCROOT%"
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


def artifact(path: str, root: str | None) -> dict[str, str]:
    """An artifactLocation: relative to the root when inside it (percent-encoded), else an
    absolute file: URI; a relative path with no root known stays relative."""
    if path.startswith("<"):  # standard input
        return {"uri": quote(path.strip("<>"), safe="")}
    relative = relative_path(path, root)
    outside = Path(relative).is_absolute() or relative == ".." or relative.startswith("../")
    if not outside:
        located = {"uri": quote(relative, safe="/")}
        return {**located, "uriBaseId": ROOT_ID} if root is not None else located
    return {"uri": Path(os.path.realpath(path)).as_uri()}  # realpath: never raises on a symlink loop


def render(result: RunResult) -> str:
    specs = sorted(result.rules, key=lambda s: s.id)
    index = {spec.id: i for i, spec in enumerate(specs)}
    texts = {doc.path: doc.text for doc in result.documents}
    prints = fingerprints(result.findings, texts, result.root)
    results = []
    for f, fingerprint in zip(result.findings, prints, strict=True):
        entry: dict[str, Any] = {
            "ruleId": f.rule,
            "level": _LEVEL[f.severity],
            "message": {"text": f.message},
            "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": artifact(f.path, result.root),
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
        if f.reason:
            entry["properties"] = {"reason": f.reason}
        if f.suggestion is not None and f.fix_safe:
            entry["fixes"] = [
                {
                    "description": {"text": f"Replace with '{f.suggestion}'"},
                    "artifactChanges": [
                        {
                            "artifactLocation": artifact(f.path, result.root),
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
        elif f.suggestion is not None:
            entry["properties"] = {"suggestion": f.suggestion}
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
                        "rules": [_rule(spec) for spec in specs],
                    }
                },
                **(
                    {"originalUriBaseIds": {ROOT_ID: {"uri": Path(result.root).resolve().as_uri().rstrip("/") + "/"}}}
                    if result.root is not None
                    else {}
                ),
                "columnKind": "unicodeCodePoints",
                "results": results,
                "invocations": [
                    {"executionSuccessful": not result.errors, "toolExecutionNotifications": notifications}
                ],
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)
