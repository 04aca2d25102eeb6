"""What kinds share: typed option declarations and helpers for word-bounded literal matching."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from tqcheck.core.model import Document, Finding, RuleSpec

if TYPE_CHECKING:
    from tqcheck.core.config import Config


@dataclass(frozen=True)
class Option:
    """One option a kind accepts: its Python type(s), default and whether it is required."""

    types: type | tuple[type, ...]
    default: Any = None
    required: bool = False
    help: str = ""


class Kind:
    """Base class of the rule kinds; subclasses declare OPTIONS and implement `check`."""

    OPTIONS: ClassVar[Mapping[str, Option]] = {}
    # For splitting one large document's rules between worker processes (engine/pool.py): rough
    # cost per MB of text, 1 = one regex pass over it, and a name shared by kinds that reuse
    # each other's per-document work (they must run in the same process).
    COST: ClassVar[float] = 1.0
    SHARES: ClassVar[str] = ""
    # judged against the document language's word table: skipped when it has none
    NEEDS_WORDS: ClassVar[bool] = False
    # Whether findings may point at masked markup: XL002 points at an inline tag of a target.
    READS_MARKUP: ClassVar[bool] = False

    def __init__(self, spec: RuleSpec) -> None:
        self.spec = spec
        self.options: dict[str, Any] = {
            name: spec.options.get(name, option.default) for name, option in self.OPTIONS.items()
        }

    def configure(self, config: Config) -> None:
        """Read run-level settings (glossaries, models) once per run; most kinds need none."""

    def see_rules(self, rules: Sequence[Kind]) -> None:
        """The other rules of the run, for kinds that report on them; most need nothing."""

    def check(self, doc: Document) -> Iterable[Finding]:
        raise NotImplementedError


def literal_pattern(phrase: str, *, ignore_case: bool = False) -> re.Pattern[str]:
    """A whole-word pattern for a literal phrase; inner whitespace matches any whitespace."""
    parts = [re.escape(part) for part in phrase.split()]
    body = r"\s+".join(parts)
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(rf"(?<![\w-]){body}(?![\w])", flags)


def match_case(template: str, replacement: str) -> str:
    """Carry the matched text's casing over to a suggestion (KIEV -> KYIV, kiev -> kyiv)."""
    if template.isupper() and len(template) > 1:
        return replacement.upper()
    if template.islower():
        return replacement.lower() if replacement[:1].isupper() and replacement[1:].islower() else replacement
    if template[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
