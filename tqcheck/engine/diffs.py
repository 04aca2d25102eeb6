"""`--diff`: the fixes as a unified diff that `patch` applies byte for byte.

Lines are split at "\\n" only (a CR stays part of its line, so CRLF files round-trip), a file
without a final newline gets the usual "\\ No newline at end of file" marker, and a BOM is part
of the first line, as it is of the file's first line on disk.
"""

from __future__ import annotations

import difflib

NO_NEWLINE = "\\ No newline at end of file\n"


def lines_of(text: str) -> list[str]:
    """The lines of `text` with their terminators; only "\\n" ends a line."""
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def unified_diff(path: str, before: str, after: str, *, bom: bool = False, context: int = 3) -> str:
    """`before` -> `after` as a unified diff of `path` ('' when they are equal)."""
    if before == after:
        return ""
    prefix = "\ufeff" if bom else ""
    out: list[str] = []
    for line in difflib.unified_diff(
        lines_of(prefix + before), lines_of(prefix + after), path, path, n=context, lineterm="\n"
    ):
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n" + NO_NEWLINE)
    return "".join(out)
