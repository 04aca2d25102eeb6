"""Baselines: today's findings recorded once (`tqcheck baseline`), so that a check adopted on
an existing archive reports only what is new (`tqcheck check --baseline FILE`).

Entries are matched by fingerprint (core.fingerprint: rule, file, match and the text of its
line; never line numbers), so edits elsewhere in a file keep old findings recognised.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from tqcheck.core.errors import ConfigError
from tqcheck.core.fingerprint import BaselineEntry, fingerprints, relative_path
from tqcheck.core.result import RunResult

BASELINE_VERSION = 1


def entries(result: RunResult) -> list[BaselineEntry]:
    texts = {doc.path: doc.text for doc in result.documents}
    prints = fingerprints(result.findings, texts, result.root)
    return [
        BaselineEntry(fp, f.rule, relative_path(f.path, result.root), f.line, f.match)
        for fp, f in zip(prints, result.findings, strict=True)
    ]


def dump(result: RunResult) -> str:
    recorded = [
        {"fingerprint": e.fingerprint, "rule": e.rule, "path": e.path, "line": e.line, "match": e.match}
        for e in entries(result)
    ]
    payload = {"version": BASELINE_VERSION, "tool": "tqcheck", "findings": recorded}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def load(path: Path) -> list[BaselineEntry]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not a tqcheck baseline (invalid JSON: {exc})") from None
    if (
        not isinstance(data, dict)
        or data.get("version") != BASELINE_VERSION
        or not isinstance(data.get("findings"), list)
    ):
        raise ConfigError(f"{path}: not a tqcheck baseline (expected version {BASELINE_VERSION} and 'findings')")
    found = []
    for i, item in enumerate(data["findings"]):
        try:
            found.append(
                BaselineEntry(
                    str(item["fingerprint"]),
                    str(item["rule"]),
                    str(item["path"]),
                    int(item["line"]),
                    str(item["match"]),
                )
            )
        except (KeyError, TypeError, ValueError):
            raise ConfigError(f"{path}: key 'findings[{i}]': expected fingerprint, rule, path, line, match") from None
    return found


def apply(result: RunResult, baseline: Sequence[BaselineEntry], *, show_fixed: bool = False) -> RunResult:
    """Only the findings the baseline does not hold; with `show_fixed`, its entries that no
    longer occur among the files checked."""
    known = {entry.fingerprint for entry in baseline}
    current = entries(result)
    kept = [f for f, e in zip(result.findings, current, strict=True) if e.fingerprint not in known]
    fixed: list[BaselineEntry] = []
    if show_fixed:
        seen = {e.fingerprint for e in current}
        checked = {relative_path(doc.path, result.root) for doc in result.documents}
        fixed = [e for e in baseline if e.fingerprint not in seen and e.path in checked]
    return replace(result, findings=kept, fixed=fixed)
