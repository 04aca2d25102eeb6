"""Suppression comments: disable/enable regions and ignore-next-line, per line.

Markdown, XLIFF and TMX use XML comments (`<!-- tqcheck: disable=PN002,ST -->`); plain text and
PO files use a line
of its own starting with `#`, `//` or `--` followed by the same directive
(`# tqcheck: ignore-next-line`). IDs may be prefixes; no IDs means every rule.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from tqcheck.core.directives import MARKDOWN_DIRECTIVE, TEXT_DIRECTIVE
from tqcheck.core.positions import line_starts


@dataclass
class Suppressions:
    """Answers "is rule X silenced on line N?" for one document."""

    line_starts: list[int]
    # (line, ids or None for all) pairs for single lines
    ignored_lines: dict[int, list[tuple[str, ...] | None]] = field(default_factory=dict)
    # (first_line, last_line, ids or None)
    regions: list[tuple[int, int, tuple[str, ...] | None]] = field(default_factory=list)

    def is_suppressed(self, rule_id: str, offset: int) -> bool:
        line = bisect_right(self.line_starts, offset)
        for ids in self.ignored_lines.get(line, []):
            if _matches(rule_id, ids):
                return True
        return any(first <= line <= last and _matches(rule_id, ids) for first, last, ids in self.regions)


def _matches(rule_id: str, ids: tuple[str, ...] | None) -> bool:
    return ids is None or any(rule_id.startswith(prefix) for prefix in ids)


def _parse_ids(raw: str | None) -> tuple[str, ...] | None:
    if not raw or not raw.strip():
        return None
    return tuple(part.strip().upper() for part in raw.split(",") if part.strip())


# formats whose comments are `<!-- … -->`: Markdown (HTML comments), XLIFF and TMX (XML)
_COMMENT_FORMATS = ("md", "xliff", "tmx")


def parse(text: str, fmt: str, starts: list[int] | None = None) -> Suppressions:
    starts = starts if starts is not None else line_starts(text)
    pattern = MARKDOWN_DIRECTIVE if fmt in _COMMENT_FORMATS else TEXT_DIRECTIVE
    result = Suppressions(line_starts=starts)
    open_regions: list[tuple[int, tuple[str, ...] | None]] = []
    last_line = len(starts)
    for match in pattern.finditer(text):
        line = bisect_right(starts, match.start())
        ids = _parse_ids(match.group("ids"))
        verb = match.group("verb")
        if verb in ("ignore-next-line", "ignore"):
            result.ignored_lines.setdefault(line + 1, []).append(ids)
        elif verb == "disable":
            open_regions.append((line, ids))
        else:  # enable closes matching regions (or all of them when no ids are given)
            still_open: list[tuple[int, tuple[str, ...] | None]] = []
            for first, region_ids in open_regions:
                if ids is None or region_ids is None or set(region_ids) & set(ids):
                    result.regions.append((first, line, region_ids))
                else:
                    still_open.append((first, region_ids))
            open_regions = still_open
    result.regions.extend((first, last_line, ids) for first, ids in open_regions)
    return result
