"""What one run produced: the input for every reporter, which needs nothing else of tqcheck."""

from __future__ import annotations

from dataclasses import dataclass, field

from tqcheck.core.fingerprint import BaselineEntry
from tqcheck.core.model import Document, Finding, InputError, RuleSpec
from tqcheck.core.pair_scores import PairScores


@dataclass
class RunResult:
    """Findings (sorted, positioned), unreadable inputs, the documents read and the rules run;
    the project root (the git work tree, else the config's folder) that reports' paths are
    relative to, and baseline entries that no longer occur (with --show-fixed)."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    rules: list[RuleSpec] = field(default_factory=list)
    root: str | None = None
    fixed: list[BaselineEntry] = field(default_factory=list)
    # `--unsafe-fixes`: suggestions not marked safe count as fixable too
    unsafe_fixes: bool = False
    # for the HTML report (engine.annotate fills them): sentence spans around findings per
    # document path, and each translated document's scores against its source
    sentences: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    scores: dict[str, PairScores] = field(default_factory=dict)
