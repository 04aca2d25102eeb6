"""`html-entity` (BP003): HTML character references left in plain copy (`&nbsp;`, `&#8217;`).

The suggestion is the decoded character from Python's own HTML5 table, so the fix is exact.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping
from typing import ClassVar

from tqcheck.core.model import Document, Finding
from tqcheck.kinds.base import Kind, Option

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


class HtmlEntity(Kind):
    COST = 0.3  # the pattern starts at a rare character
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "keep": Option(list, [], help="entities to leave alone, e.g. ['&shy;']"),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.checkable
        if "&" not in text:
            return
        keep = {str(k) for k in self.options["keep"]}
        for match in _ENTITY.finditer(text):
            entity = match.group(0)
            decoded = html.unescape(entity)
            if entity in keep or decoded == entity or (not decoded.isprintable() and decoded not in "\u00a0\u202f"):
                continue
            yield self.spec.finding(doc, match.start(), match.end(), suggestion=decoded)
