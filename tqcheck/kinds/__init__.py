"""The rule kinds, registered in one dict: a YAML rule's `kind` picks its class here."""

from __future__ import annotations

from tqcheck.kinds.backtranslation import BackTranslation
from tqcheck.kinds.base import Kind
from tqcheck.kinds.consistency import Consistency
from tqcheck.kinds.existence import Existence
from tqcheck.kinds.substitution import Substitution

KINDS: dict[str, type[Kind]] = {
    "substitution": Substitution,
    "existence": Existence,
    "consistency": Consistency,
    "backtranslation": BackTranslation,
}
