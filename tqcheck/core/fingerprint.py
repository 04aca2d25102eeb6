"""Fingerprints that survive edits elsewhere in a file: for baselines and SARIF.

A finding is identified by its rule, its file (relative to the project root), its match and
the text of its line(s), all with whitespace collapsed; not by line numbers, so adding a
paragraph above does not make yesterday's findings new. The same finding twice on identical
lines gets an occurrence number.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from tqcheck.core.model import Finding

FINGERPRINT_KEY = "tqcheck/v1"


def _squash(text: str) -> str:
    return " ".join(text.split())


def relative_path(path: str, root: str | None) -> str:
    """`path` relative to `root` when inside it, in POSIX form; otherwise as given."""
    if root is None or path.startswith("<"):
        return path.replace("\\", "/")
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except (ValueError, OSError):
        return path.replace("\\", "/")


def _line_text(text: str, finding: Finding) -> str:
    start = text.rfind("\n", 0, finding.start) + 1
    end = text.find("\n", finding.end)
    return text[start : len(text) if end < 0 else end]


def fingerprints(findings: Sequence[Finding], texts: Mapping[str, str], root: str | None) -> list[str]:
    """One fingerprint per finding, in order (findings as a run sorts them)."""
    seen: Counter[str] = Counter()
    found = []
    for finding in findings:
        context = _line_text(texts.get(finding.path, ""), finding)
        key = "\0".join((finding.rule, relative_path(finding.path, root), _squash(finding.match), _squash(context)))
        digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]
        seen[digest] += 1
        found.append(f"{digest}:{seen[digest]}")
    return found


@dataclass(frozen=True)
class BaselineEntry:
    """One recorded finding of a baseline file."""

    fingerprint: str
    rule: str
    path: str
    line: int
    match: str
