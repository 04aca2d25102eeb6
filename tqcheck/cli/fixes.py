"""`check --fix` and `check --diff`: apply the fixes to files (or standard input), or show them.

`--fix` writes each changed file once, after fixing it in memory until nothing changes, and
never overwrites a file that changed since it was read. With `-`, the fixed text goes to
standard output and the report to standard error. `--diff` writes nothing: it prints a unified
diff that `patch -p0` applies, byte for byte.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from rich.console import Console

from tqcheck.core.config import Config
from tqcheck.core.model import InputError
from tqcheck.core.result import RunResult

STDIN = "-"


@dataclass
class Fixed:
    """What `--fix` did: the report of what is left, and how many findings were fixed."""

    result: RunResult
    count: int


def _outcomes(result: RunResult, config: Config, unsafe: bool):  # type: ignore[no-untyped-def]
    from tqcheck.engine.fixing import fix_documents
    from tqcheck.engine.run import load_rules

    return fix_documents(result.documents, result.findings, load_rules(config), config, unsafe=unsafe)


def show_diff(result: RunResult, config: Config, unsafe: bool, output: Path | None) -> int:
    """Print (or write to `output`) the diff of every fix; return the number of files that
    would change. Files that could not be read are listed on standard error."""
    from tqcheck.engine.diffs import unified_diff
    from tqcheck.engine.writing import write_new_file

    changed = 0
    fixes = 0
    parts = []
    for outcome in _outcomes(result, config, unsafe):
        if not outcome.changed:
            continue
        changed += 1
        fixes += outcome.applied
        parts.append(unified_diff(outcome.doc.path, outcome.doc.text, outcome.fixed, bom=outcome.doc.bom))
    if output is not None:
        write_new_file(output, "".join(parts))
    else:
        sys.stdout.buffer.write("".join(parts).encode("utf-8"))
        sys.stdout.buffer.flush()
    console = Console(stderr=True, highlight=False)
    for error in result.errors:
        console.print(f"{error.path}: error: {error.message}", soft_wrap=True, markup=False)
    note = f"Would fix {fixes} finding(s) in {changed} file(s)." if changed else "Nothing to fix."
    console.print(note, soft_wrap=True)
    return changed


def apply_fixes(
    result: RunResult,
    targets: list[str],
    config: Config,
    unsafe: bool,
    stdin_name: str,
    rerun: Callable[[list[str]], RunResult],
) -> Fixed:
    """Fix every document; write files (and standard input's text to standard output); `rerun`
    checks the written files again for the report of what is left."""
    from tqcheck.engine.fixing import StaleFile, write_fixed
    from tqcheck.engine.writing import WriteError, reason

    outcomes = _outcomes(result, config, unsafe)
    reading_stdin = STDIN in targets
    errors = list(result.errors)
    count = 0
    written = False
    stdin_outcome = None
    for outcome in outcomes:
        if reading_stdin and stdin_outcome is None and outcome.doc.path == stdin_name:
            stdin_outcome = outcome  # standard input is read first, so its document comes first
            count += outcome.applied
            continue
        if not outcome.changed:
            continue
        try:
            write_fixed(Path(outcome.doc.path), outcome)
        except StaleFile as exc:
            errors.append(InputError(outcome.doc.path, str(exc), kind="write"))
            continue
        except OSError as exc:  # WriteError says why in words; anything else by its errno
            why = str(exc) if isinstance(exc, WriteError) else reason(exc)
            message = f"cannot write the fixes: {why}; the file is left as it was"
            errors.append(InputError(outcome.doc.path, message, kind="write"))
            continue
        count += outcome.applied
        written = True
    if stdin_outcome is not None:
        text = ("\ufeff" if stdin_outcome.doc.bom else "") + stdin_outcome.fixed
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
    files = [t for t in targets if t != STDIN]
    if written:
        final = rerun(files)
        stale = {e.path for e in errors}
        final.errors = errors + [e for e in final.errors if e.path not in stale]
    else:
        final = replace(result, errors=errors)
        if stdin_outcome is not None:
            final.findings = [f for f in final.findings if f.path != stdin_name]
            final.documents = [d for d in final.documents if d.path != stdin_name]
    if stdin_outcome is not None:
        from tqcheck.engine.fixing import reread

        final.documents = [reread(stdin_outcome.doc, stdin_outcome.fixed), *final.documents]
        final.findings = sorted([*stdin_outcome.remaining, *final.findings], key=lambda f: f.sort_key())
    return Fixed(final, count)
