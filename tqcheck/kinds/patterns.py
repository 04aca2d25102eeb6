"""Regular expressions written by users (`regex: true` in a pack): a clear error for a bad one,
and a linear-time engine (google-re2) wherever it matches exactly as Python's `re` would.

RE2 never backtracks, so `(a+)+$` costs no more than `a+`. Its `\\w`, `\\b`, `\\d` and `\\s` are
ASCII-only while Python's are Unicode, its case folding differs (`İ` against `[a-z]`, found by
the property test), and it has no lookaround or backreferences: a pattern using any of these,
or `ignore-case`, stays with `re`, under the engine's per-rule time budget (engine/budget.py).
"""

from __future__ import annotations

import re
from typing import Any, cast

# shorthand classes whose meaning differs between RE2 (ASCII) and re (Unicode)
_UNICODE_SENSITIVE = re.compile(r"\\[wWbBdDsS]")


def compile_user_pattern(pattern: str, *, ignore_case: bool = False, multiline: bool = False) -> re.Pattern[str]:
    """The pattern compiled with RE2 when that gives the same matches, else with `re`. An
    invalid pattern raises re.error, which engine.packs names with its file and option."""
    flags = (re.IGNORECASE if ignore_case else 0) | (re.MULTILINE if multiline else 0)
    compiled = re.compile(pattern, flags)
    linear = _linear(pattern, ignore_case=ignore_case, multiline=multiline)
    return linear if linear is not None else compiled


def _linear(pattern: str, *, ignore_case: bool, multiline: bool) -> re.Pattern[str] | None:
    if ignore_case or _UNICODE_SENSITIVE.search(pattern) or (not multiline and "$" in pattern):
        return None
    try:
        import re2
    except ImportError:  # optional at run time: the time budget still protects the run
        return None
    options = re2.Options()
    options.log_errors = False
    try:
        compiled: Any = re2.compile(f"(?m){pattern}" if multiline else pattern, options)
    except re2.error:
        return None  # lookaround, backreferences, possessive quantifiers...: stays with re
    return cast("re.Pattern[str]", compiled)
