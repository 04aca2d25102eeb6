"""The one place where character offsets become 1-based line/column positions."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from tqcheck.core.model import Finding


def line_starts(text: str) -> list[int]:
    """The offset at which each line begins (the first is 0)."""
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


class Locator:
    """Maps offsets of one text to (line, column); columns count Unicode code points."""

    def __init__(self, text: str, starts: list[int] | None = None) -> None:
        self.starts = starts if starts is not None else line_starts(text)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def place(self, finding: Finding) -> Finding:
        """Fill line/column; the end position is exclusive, as in SARIF and LSP."""
        line, column = self.position(finding.start)
        end_line, end_column = self.position(finding.end)
        return replace(finding, line=line, column=column, end_line=end_line, end_column=end_column)
