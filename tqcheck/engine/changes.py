"""`--changed-since REF`: which files, and which of their lines, changed against a git ref.

Compared with the merge base of REF and HEAD (what a pull request changes; REF itself when it
is an ancestor, as HEAD~1 is), working tree included; files git does not track yet count as
wholly changed. Lines are those of the file as it is now, from `git diff --unified=0` hunks.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from tqcheck.core.errors import ConfigError
from tqcheck.core.model import Finding

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_SHALLOW_HINT = (
    "this is a shallow clone: fetch the history it needs (actions/checkout with fetch-depth: 0, "
    "GIT_DEPTH: 0 in GitLab CI, or `git fetch --deepen=100`)"
)


@dataclass(frozen=True)
class Changes:
    """Changed files (resolved paths) -> the changed line numbers; None: the whole file."""

    ref: str
    files: dict[Path, frozenset[int] | None] = field(default_factory=dict)

    def covers(self, path: Path) -> bool:
        return Path(os.path.realpath(path)) in self.files  # never raises on a symlink loop

    def keeps(self, finding: Finding) -> bool:
        """A finding on a changed line (standard input is never in git: always kept)."""
        path = Path(finding.path)
        if finding.path == "<stdin>" or not path.exists():
            return True
        lines = self.files.get(Path(os.path.realpath(path)), frozenset())
        if lines is None:
            return True
        return any(n in lines for n in range(finding.line, max(finding.line, finding.end_line) + 1))


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            check=False,
        )
    except OSError as exc:
        raise ConfigError(f"--changed-since: cannot run git: {exc.strerror or exc}") from None


def changes_since(ref: str, start: Path) -> Changes:
    """The changes of the repository holding `start` against `ref`; ConfigError (exit 2) when
    there is no repository or `ref` is not a commit in it."""
    folder = start if start.is_dir() else start.parent
    top = _git(["rev-parse", "--show-toplevel"], folder.resolve())
    if top.returncode != 0:
        raise ConfigError(f"--changed-since: {start} is not in a git repository")
    root = Path(top.stdout.strip())
    if _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root).returncode != 0:
        shallow = _git(["rev-parse", "--is-shallow-repository"], root).stdout.strip() == "true"
        hint = f"; {_SHALLOW_HINT}" if shallow else ""
        raise ConfigError(f"--changed-since: {ref!r} is not a commit in this repository{hint}")
    base = _git(["merge-base", ref, "HEAD"], root)
    since = base.stdout.strip() if base.returncode == 0 and base.stdout.strip() else ref
    diff = _git(["diff", "--no-color", "--no-ext-diff", "--unified=0", "-M", "--diff-filter=ACMR", since, "--"], root)
    if diff.returncode != 0:
        raise ConfigError(f"--changed-since: git diff failed: {diff.stderr.strip()}")
    files = _parse_diff(diff.stdout, root)
    untracked = _git(["ls-files", "-z", "--others", "--exclude-standard"], root)
    for name in untracked.stdout.split("\0"):
        if name:
            files[(root / name).resolve()] = None
    return Changes(ref, files)


def _parse_diff(patch: str, root: Path) -> dict[Path, frozenset[int] | None]:
    files: dict[Path, frozenset[int] | None] = {}
    current: Path | None = None
    lines: set[int] = set()
    for line in patch.splitlines():
        if line.startswith("+++ "):
            if current is not None:
                files[current] = frozenset(lines)
            name = _unquote(line[4:])
            current = (root / name[2:]).resolve() if name.startswith("b/") else None
            lines = set()
        elif line.startswith("diff --git "):
            if current is not None:
                files[current] = frozenset(lines)
            current = None
        elif current is not None and (hunk := _HUNK.match(line)):
            first, count = int(hunk.group(1)), int(hunk.group(2) or 1)
            lines.update(range(first, first + count))
            if count == 0:  # lines deleted after `first`: the lines around the gap changed
                lines.update((first, first + 1))
    if current is not None:
        files[current] = frozenset(lines)
    return files


def _unquote(name: str) -> str:
    """git's C-style quoting of unusual file names ("b/a\\tb.md")."""
    name = name.rstrip("\t")
    if not (name.startswith('"') and name.endswith('"')):
        return name
    raw = name[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
    return raw.encode("latin-1").decode("utf-8", "surrogateescape")
