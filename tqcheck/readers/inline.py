"""Placeholders and inline tags written as plain text (printf `%s`, `{name}`, `{{var}}`, `<b>`):
found once by the bilingual readers so that no rule checks them as words and XL002 compares
them between source and target.

The patterns are deliberately narrow: `50 % des` (French spacing) is a per cent sign, not a
printf `% d`, and `a < b` is not a tag.
"""

from __future__ import annotations

import re

from tqcheck.core.model import Inline

# printf: %s %d %1$s %-5.2f %lld %@ (no space flag: "50 % des" is prose); Python %(name)s; %%
_PRINTF = r"%(?:\d+\$|\([\w.]+\))?[-+0#']*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|ll|[hlLqjzt])?[diouxXeEfFgGaAcspn@]|%%"
_BRACES = r"\{\{\s*[\w.\-|: ]+?\s*\}\}|\$\{[\w.\-]+\}|%\{[\w.\-]+\}|\{[\w.\-]*(?::[^{}\s]*)?\}"
_TAG = r"</?[A-Za-z][\w:.-]*(?:\s+[\w:.-]+(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s<>\"']+))?)*\s*/?>"
_PLACEHOLDER = re.compile(f"(?P<printf>{_PRINTF})|(?P<braces>{_BRACES})")
_WITH_TAGS = re.compile(f"(?P<printf>{_PRINTF})|(?P<braces>{_BRACES})|(?P<tag>{_TAG})")
_TAG_NAME = re.compile(r"</?([A-Za-z][\w:.-]*)")


def find_inlines(text: str, taken: tuple[Inline, ...] = (), *, tags: bool = False) -> tuple[Inline, ...]:
    """Placeholders (and, for plain-text formats, markup tags) of `text` outside `taken` spans,
    merged with `taken` in text order."""
    if "%" not in text and "{" not in text and not (tags and "<" in text):
        return taken  # the common case, without a regex pass
    pattern = _WITH_TAGS if tags else _PLACEHOLDER
    found = list(taken)
    busy = [(i.start, i.end) for i in taken]
    for match in pattern.finditer(text):
        start, end = match.span()
        if any(a < end and start < b for a, b in busy):
            continue
        value = match.group()
        if match.lastgroup == "printf" and start and text[start - 1].isdigit() and value != "%%":
            continue  # 50%s: a per cent sign glued to a word, not a placeholder
        if match.lastgroup == "tag":
            name = _TAG_NAME.match(value)
            tag = name.group(1).lower() if name else value
            kind = "close" if value.startswith("</") else "standalone" if value.endswith("/>") else "open"
            found.append(Inline(start, end, f"<{tag}>", kind))
        else:
            found.append(Inline(start, end, _code(value), "placeholder"))
    return tuple(sorted(found, key=lambda i: i.start))


def _code(value: str) -> str:
    """Inner spaces of `{{ name }}` do not make a different placeholder."""
    return re.sub(r"\s+", "", value) if value.startswith("{{") else value
