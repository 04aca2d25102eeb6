"""Parallel runs: the per-document pass over a standard process pool (`--jobs N`).

Reading Markdown and running every rule is CPU-bound pure Python, so a large run maps its
files over `concurrent.futures.ProcessPoolExecutor`. Workers are started by forkserver (or
spawn where there is none): a fresh process that has never loaded torch or a tokenizer's
threads, so no worker is ever forked from a process with threads running. Each worker loads
the rules once (its initializer); the word tables are memory-mapped tries (trie_store), so
every worker shares them through the page cache. Only results travel back, pickled.

When this process has loaded no torch and runs no other thread (the usual CI run), workers are
forked from it instead: they inherit the loaded rules and tables, so a worker costs milliseconds
instead of a fresh interpreter's imports, which is what lets two cores give nearly twice the speed.

Many files: contiguous, byte-balanced chunks of the file list, several per worker so that a
slow chunk does not hold the others up. Fewer files than workers (one large file): every
worker reads the files and runs one group of the rules (grouped by declared cost, kinds that
share per-document work together). Chunks and groups are merged in input order and findings
are sorted, so the output is byte-identical for every N. The corpus pass runs in the parent.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tqcheck.core import cpus
from tqcheck.core.config import Config
from tqcheck.engine.passes import Part, load_rules, map_files, merge_summaries
from tqcheck.kinds.base import Kind

JOBS_ENV = "TQCHECK_JOBS"
# below this a worker's start (about 0.3 s) costs more than it saves
MIN_BYTES = 384 * 1024
CHUNKS_PER_WORKER = 4


def usable_cores() -> int:
    """Cores this process may run on (a container's or taskset's limit, not the machine's)."""
    return cpus.available_cores()


def default_jobs() -> int:
    """`TQCHECK_JOBS` if set, else the usable cores."""
    configured = os.environ.get(JOBS_ENV, "").strip()
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    return usable_cores()


def sizes(files: Sequence[Path]) -> list[int]:
    found = []
    for file in files:
        try:
            found.append(file.stat().st_size)
        except OSError:
            found.append(0)
    return found


def workers_for(files: Sequence[Path], jobs: int) -> int:
    """How many worker processes this run is worth (1: stay in this process)."""
    if jobs <= 1 or not files or sum(sizes(files)) < MIN_BYTES:
        return 1
    return jobs


def chunks(files: Sequence[Path], count: int) -> list[list[Path]]:
    """`count` contiguous runs of the file list of about equal size in bytes."""
    weights = sizes(files)
    total = sum(weights) or 1
    groups: list[list[Path]] = [[]]
    filled = 0
    for file, weight in zip(files, weights, strict=True):
        if groups[-1] and filled >= total * len(groups) / count and len(groups) < count:
            groups.append([])
        groups[-1].append(file)
        filled += weight
    return groups


def rule_groups(rules: Sequence[Kind], count: int) -> list[list[int]]:
    """Indices of `rules` in `count` groups of about equal declared cost (Kind.COST); kinds
    that reuse each other's per-document work (Kind.SHARES) stay in one group."""
    bundles: dict[str, list[int]] = {}
    for index, rule in enumerate(rules):
        bundles.setdefault(rule.SHARES or rule.spec.id, []).append(index)
    groups: list[list[int]] = [[] for _ in range(count)]
    costs = [0.0] * count

    def cost(bundle: list[int]) -> float:
        return sum(rules[i].COST for i in bundle)

    for bundle in sorted(bundles.values(), key=lambda b: (-cost(b), b[0])):
        side = costs.index(min(costs))
        groups[side].extend(bundle)
        costs[side] += cost(bundle)
    return [sorted(group) for group in groups if group]


@dataclass(frozen=True)
class _Task:
    files: list[Path]
    rules: list[int] | None  # indices into the worker's rules; None: all of them
    keep_documents: bool


_RULES: list[Kind] = []
_CONFIG: Config | None = None


def _start_worker(config: Config, workers: int = 1) -> None:
    """Runs once in each worker: the rules load here, not once per task (a forked worker has
    them from its parent already). Each worker sizes its thread pools (BLAS, torch) to its share
    of the cores: 1 when the workers fill them."""
    global _CONFIG, _RULES
    cpus.set_processes(workers)
    if _CONFIG is config and _RULES:
        return  # forked: the parent's rules, loaded once
    _CONFIG = config
    _RULES = load_rules(config)


def _work(task: _Task) -> Part:
    assert _CONFIG is not None
    rules = _RULES if task.rules is None else [_RULES[i] for i in task.rules]
    return map_files(task.files, _CONFIG, rules, keep_documents=task.keep_documents)


def can_fork() -> bool:
    """Forking copies a process safely only when no other thread runs in it (a lock held by a
    thread stays held in the child forever) and torch, whose thread pools are such threads, is
    not loaded."""
    return (
        "fork" in multiprocessing.get_all_start_methods()
        and "torch" not in sys.modules
        and threading.active_count() == 1
    )


def _context(fork: bool) -> multiprocessing.context.BaseContext:
    if fork:
        return multiprocessing.get_context("fork")
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        # the server imports tqcheck once; each worker is forked from it (never from us)
        context.set_forkserver_preload([__name__])
        return context
    return multiprocessing.get_context("spawn")


def map_in_pool(
    files: Sequence[Path],
    config: Config,
    rules: Sequence[Kind],
    workers: int,
    done: Callable[[int], None] | None = None,
) -> Part:
    """The per-document pass over `files` in `workers` processes, merged in input order;
    `done(n)` hears of each finished chunk of n files."""
    if len(files) >= 2 * workers:
        tasks = [_Task(chunk, None, True) for chunk in chunks(files, workers * CHUNKS_PER_WORKER)]
    else:
        groups = rule_groups(rules, workers)
        tasks = [_Task(list(files), group, i == 0) for i, group in enumerate(groups)]
    count = min(workers, len(tasks))
    fork = can_fork()
    if fork:  # the workers inherit these instead of loading the rules again
        global _CONFIG, _RULES
        _CONFIG, _RULES = config, list(rules)
    with ProcessPoolExecutor(
        max_workers=count, mp_context=_context(fork), initializer=_start_worker, initargs=(config, count)
    ) as pool:
        parts = []
        for task, part in zip(tasks, pool.map(_work, tasks), strict=True):
            parts.append(part)
            if done is not None and task.rules is None:
                done(len(task.files))
    if done is not None and tasks[0].rules is not None:
        done(len(files))  # split by rules: every group reads every file
    merged = Part()
    for part in parts:
        merged.documents += part.documents
        merged.findings += part.findings
        merged.summaries = merge_summaries(merged.summaries, part.summaries)
    if tasks[0].rules is None:
        for part in parts:
            merged.errors += part.errors
    else:
        merged.errors += parts[0].errors  # every group read the same files
    return merged
