"""`--fix`: apply safe suggestions, never half-writing a file.

Only findings whose rule marks its fix safe are applied; overlapping fixes are skipped (the
next run applies them). Each file is written to a temporary file in the same folder and
renamed over the original, keeping its BOM, line endings and permission bits.
"""

from __future__ import annotations

import codecs
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from tqcheck.core.model import Finding


def apply_fixes(text: str, findings: Iterable[Finding]) -> tuple[str, int]:
    """Return the fixed text and the number of fixes applied (non-overlapping, in order)."""
    chosen: list[Finding] = []
    last_end = -1
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        if not finding.fix_safe or finding.suggestion is None:
            continue
        if finding.start < last_end or text[finding.start : finding.end] != finding.match:
            continue
        chosen.append(finding)
        last_end = max(finding.end, finding.start + 1)
    pieces = []
    pos = 0
    for finding in chosen:
        pieces.append(text[pos : finding.start])
        pieces.append(finding.suggestion or "")
        pos = finding.end
    pieces.append(text[pos:])
    return "".join(pieces), len(chosen)


def _replace(path: Path, data: bytes, mode: int) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path`."""
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tqcheck")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, path)
    except BaseException:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
        raise


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with UTF-8 `text`, re-adding a BOM the original had and keeping its mode."""
    original = path.read_bytes()
    bom = codecs.BOM_UTF8 if original.startswith(codecs.BOM_UTF8) else b""
    _replace(path, bom + text.encode("utf-8"), stat.S_IMODE(path.stat().st_mode))


def fix_file(path: Path, text: str, findings: Iterable[Finding]) -> int:
    fixed, count = apply_fixes(text, findings)
    if count:
        write_atomically(path, fixed)
    return count


def write_new_file(path: Path, text: str) -> None:
    """Write a report or glossary so that readers never see a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        mode = stat.S_IMODE(path.stat().st_mode)
    else:  # what open() would have given: mkstemp's private 0600 is wrong for a report
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    _replace(path, text.encode("utf-8"), mode)
