"""A small RunResult made from core records only, for the reporters' unit tests.

Chosen to exercise each format's contract: every severity, a safe and an unsafe suggestion,
a match and a message with characters a format must escape (<, &, %, newline, comma, colon),
a file without findings and a file that could not be read.
"""

from __future__ import annotations

from pathlib import Path

from tqcheck.core.model import Document, Finding, InputError, RuleDoc, RuleSpec, Segment, Severity
from tqcheck.core.positions import Locator
from tqcheck.core.result import RunResult

PATH = "news/a,b:c.md"
CLEAN_PATH = "news/clean.md"
BAD_PATH = "news/image.txt"
TEXT = "Prices rose by 5% , said <b>Le Monde</b>.\nThe the port reopened.\n"


def _document(path: str, text: str) -> Document:
    return Document(path=path, text=text, checkable=text, segments=[Segment(0, len(text))], format="md")


def _spec(rule: str, name: str, severity: Severity) -> RuleSpec:
    return RuleSpec(
        id=rule,
        name=name,
        kind="existence",
        severity=severity,
        pack="core",
        message="m",
        options={},
        doc=RuleDoc(what=f"What {rule} flags.", why="Why it matters.", instead="What to write."),
        examples_fail=(),
        examples_pass=(),
        source=Path(f"rules/core/{rule}.yaml"),
    )


def _finding(rule: str, name: str, severity: Severity, start: int, end: int, message: str, **extra: object) -> Finding:
    """A finding on PATH, placed (line/column) by core's one offset-to-position mapping."""
    found = Finding(rule, name, severity, PATH, start, end, TEXT[start:end], message, **extra)  # type: ignore[arg-type]
    return Locator(TEXT).place(found)


SPACE = TEXT.index(" ,")
MARKUP = TEXT.index("<b>")
DOUBLED = TEXT.index("The the")

FINDINGS = [
    _finding(
        "PN004",
        "space-before-comma",
        Severity.WARNING,
        SPACE,
        SPACE + 2,
        "Space before ','.",
        suggestion=",",
        fix_safe=True,
    ),
    _finding(
        "BP003",
        "markup-left-in-text",
        Severity.ERROR,
        MARKUP,
        MARKUP + len("<b>Le Monde</b>"),
        "Markup 50% left: <b> & co,\nin the text.",
    ),
    _finding(
        "PN002", "doubled-word", Severity.INFO, DOUBLED + 3, DOUBLED + 7, "Doubled word 'the' (répété).", suggestion=""
    ),
]
RULES = [
    _spec("PN004", "space-before-comma", Severity.WARNING),
    _spec("BP003", "markup-left-in-text", Severity.ERROR),
    _spec("PN002", "doubled-word", Severity.INFO),
]


def small_run() -> RunResult:
    """Two documents (one with three findings, one clean), one unreadable file, three rules."""
    return RunResult(
        findings=list(FINDINGS),
        errors=[InputError(BAD_PATH, "binary file (contains NUL bytes), not checked")],
        documents=[_document(PATH, TEXT), _document(CLEAN_PATH, "All is well.\n")],
        rules=list(RULES),
    )


def empty_run() -> RunResult:
    """One clean document and nothing else."""
    return RunResult(documents=[_document(CLEAN_PATH, "All is well.\n")])
