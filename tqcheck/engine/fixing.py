"""`--fix` and `--diff`: fix documents in memory until nothing changes, then write (or diff) once.

Fixes can uncover fixes (ruff does the same), so a fixed document is checked again, a bounded
number of times; the outcome is the text a second run would leave alone. Files are written
only if they still hold what was read: a file edited meanwhile is not overwritten.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tqcheck.core.config import Config
from tqcheck.core.model import Document, Finding
from tqcheck.engine.edits import apply, plan
from tqcheck.engine.writing import replace_keeping_mode
from tqcheck.kinds.base import Kind
from tqcheck.readers import read_text
from tqcheck.readers.decoding import DecodeError, decode

MAX_ROUNDS = 10


@dataclass
class FixOutcome:
    """One document's fixes: the text as read, the fixed text, the findings fixed and what is
    left (the fixed document's findings)."""

    doc: Document
    fixed: str
    applied: int
    remaining: list[Finding]

    @property
    def changed(self) -> bool:
        return self.fixed != self.doc.text


class StaleFile(Exception):
    """The file on disk is no longer the text that was checked."""


def fix_documents(
    docs: Sequence[Document],
    findings: Sequence[Finding],
    rules: Sequence[Kind],
    config: Config,
    *,
    unsafe: bool = False,
) -> list[FixOutcome]:
    """Every document's fixes, applied in memory until a round changes nothing."""
    from tqcheck.engine.run import check_each

    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_path[finding.path].append(finding)
    outcomes = []
    for doc in docs:
        current, found, applied = doc, by_path.get(doc.path, []), 0
        for _ in range(MAX_ROUNDS):
            edits = plan(current.text, found, unsafe=unsafe)
            if not edits:
                break
            applied += sum(len(edit.findings) for edit in edits)
            current = reread(current, apply(current.text, edits))
            found = sorted(set(check_each([current], rules, config)[0]), key=Finding.sort_key)
        outcomes.append(FixOutcome(doc, current.text, applied, found))
    return outcomes


def reread(doc: Document, text: str) -> Document:
    """The document with a new text: same path, format, language and side-car files."""
    fresh = read_text(text, doc.path, doc.format)
    fresh.language = doc.language
    fresh.companions = doc.companions
    fresh.bom = doc.bom
    return fresh


def write_fixed(path: Path, outcome: FixOutcome) -> None:
    """Replace the file with the fixed text (atomically, keeping BOM and mode), unless it no
    longer holds the text that was checked: then raise StaleFile and write nothing."""
    try:
        current = decode(path.read_bytes())
    except (OSError, DecodeError) as exc:
        raise StaleFile(f"cannot be read again before writing ({exc}); not fixed") from None
    if current.text != outcome.doc.text:
        raise StaleFile("changed on disk since it was checked; not fixed (run again)")
    replace_keeping_mode(path, ("\ufeff" if current.bom else "") + outcome.fixed)
