"""tqcheck: translation-quality and consistency checks for editorial text.

The public API is this module only: `check_text`, `check_paths`, `Finding`, `Severity`,
`RuleTimeoutWarning`, and the
two passes of a run for engines of your own (a Dask bag, a cluster): `map_files` (the
per-document pass over some files, returning a picklable `Part`) and `reduce_parts` (the
corpus pass over all parts, returning the `RunResult` every reporter renders).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from tqcheck.core.model import Finding, InputError, Severity

if TYPE_CHECKING:
    from tqcheck.core.config import Config
    from tqcheck.core.result import RunResult
    from tqcheck.engine.passes import Part

from tqcheck.core.version import __version__

__all__ = [
    "Finding",
    "InputError",
    "RuleTimeoutWarning",
    "Severity",
    "__version__",
    "check_paths",
    "check_text",
    "map_files",
    "reduce_parts",
]


def check_text(
    text: str, *, path: str = "<text>", config: Config | None = None, format: str | None = None
) -> list[Finding]:
    """Check one text; `path` picks the reader by extension ("notes.md") unless `format` is given.
    A rule stopped by its time budget (`rule-time-budget`) gives a RuleTimeoutWarning naming the
    rule: its findings are missing from the list."""
    from tqcheck.core.config import Config
    from tqcheck.engine.inputs import prepare
    from tqcheck.engine.run import check_documents, load_rules
    from tqcheck.readers import read_text

    cfg = config or Config()
    doc = prepare(read_text(text, path, format), cfg)
    errors: list[InputError] = []
    findings = check_documents([doc], load_rules(cfg), cfg, errors)
    _warn_timeouts(errors)
    return findings


def check_paths(paths: Iterable[str | Path], *, config: Config | None = None, jobs: int | None = None) -> list[Finding]:
    """Check files and folders; unreadable files are skipped here (the CLI reports them); a rule
    stopped by its time budget gives a RuleTimeoutWarning, as in `check_text`.
    `jobs`: worker processes, as `--jobs` (default: the usable cores; small runs use one)."""
    from tqcheck.core.config import Config
    from tqcheck.engine.run import run

    result = run([str(p) for p in paths], config or Config(), jobs=jobs)
    _warn_timeouts(result.errors)
    return result.findings


class RuleTimeoutWarning(UserWarning):
    """A rule was stopped by its time budget (`rule-time-budget`) on a text: its findings
    there are missing. `warnings.simplefilter("error", RuleTimeoutWarning)` makes it raise."""


def _warn_timeouts(errors: list[InputError]) -> None:
    """The API returns findings only: a rule that ran out of time must still be heard of."""
    import warnings

    for error in errors:
        if error.kind == "timeout":
            warnings.warn(f"{error.path}: {error.message}", RuleTimeoutWarning, stacklevel=3)


def map_files(files: Iterable[str | Path], config: Config | None = None) -> Part:
    """The map: read `files` and run the per-document rules; the `Part` pickles, so it can be
    computed anywhere (a worker, a Dask task) and sent back."""
    from tqcheck.core.config import Config
    from tqcheck.engine.passes import map_files as _map

    return _map(files, config or Config())


def reduce_parts(parts: Iterable[Part], config: Config | None = None) -> RunResult:
    """The reduce: the corpus rules (names across files, TL003) over every part; findings
    sorted as a run sorts them, so the result does not depend on how the files were split."""
    from tqcheck.core.config import Config
    from tqcheck.engine.passes import reduce_parts as _reduce

    return _reduce(parts, config or Config())
