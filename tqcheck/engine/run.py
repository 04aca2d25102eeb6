"""One run: paths -> documents -> both passes -> a RunResult (see passes.py and pool.py)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from tqcheck.core.config import Config
from tqcheck.core.progress import Progress
from tqcheck.core.result import RunResult
from tqcheck.engine.changes import Changes
from tqcheck.engine.inputs import read_named
from tqcheck.engine.passes import (
    Part,
    Summaries,
    check_corpus,
    check_documents,
    check_each,
    load_rules,
    map_files,
    reduce_parts,
)
from tqcheck.engine.pool import default_jobs, map_in_pool, workers_for

__all__ = ["Summaries", "check_corpus", "check_documents", "check_each", "load_rules", "run"]


def run(
    paths: Sequence[str],
    config: Config,
    stdin_name: str = "<stdin>",
    *,
    jobs: int | None = None,
    changes: Changes | None = None,
    whole_files: bool = False,
    progress: Progress | None = None,
) -> RunResult:
    """Check `paths` (files, folders, - for standard input) with `jobs` processes (default:
    TQCHECK_JOBS or the usable cores; small runs stay in this process). The result is the
    same for every `jobs`. With `changes`, only changed files are read and only findings on
    changed lines are kept (all of a changed file's with `whole_files`). `progress` hears how
    many documents are checked (and texts embedded, for side-car files)."""
    rules = load_rules(config)
    docs, errors, files = read_named(paths, config, stdin_name)
    if changes is not None:
        files = [file for file in files if changes.covers(file)]
    counter = _Counter(progress, len(files) + len(docs))
    found, summaries = check_each(docs, rules, config, counter.tick)  # standard input, if any
    named = Part(docs, errors, found, summaries)
    workers = workers_for(files, default_jobs() if jobs is None else jobs)
    if workers > 1:
        from concurrent.futures.process import BrokenProcessPool

        try:
            rest = map_in_pool(files, config, rules, workers, counter.add)
        except BrokenProcessPool:  # a worker died (out of memory, killed): do it here
            counter.done = len(docs)
            rest = map_files(files, config, rules, tick=counter.tick)
    else:
        rest = map_files(files, config, rules, tick=counter.tick)
    result = reduce_parts([named, rest], config, rules)
    result.root = str(project_root(paths, config))
    if changes is not None and not whole_files:
        result = replace(result, findings=[f for f in result.findings if changes.keeps(f)])
    return result


class _Counter:
    """Documents checked so far, told to the progress reporter (if any)."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress = progress
        self.total = total
        self.done = 0
        if progress is not None:
            from tqcheck.meaning.settings import on_embedded

            on_embedded(progress.segments)  # side-car documents checked in this process

    def add(self, count: int) -> None:
        self.done += count
        if self.progress is not None:
            self.progress.files(self.done, self.total)

    def tick(self) -> None:
        self.add(1)


def project_root(paths: Sequence[str], config: Config) -> Path:
    """The git work tree holding the first path (a `.git` folder or file upward), else the
    config's folder: report paths are made relative to it (SARIF, baselines)."""
    first = next((Path(p) for p in paths if p != "-"), Path.cwd())
    here = Path(os.path.realpath(first))  # never raises, even on a symlink loop
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return config.root.resolve()
