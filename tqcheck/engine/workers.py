"""Two-process runs: the per-document pass split in two for large runs.

Reading Markdown and running every rule is CPU-bound pure Python, so a large run (>= 512 KB)
uses a forked worker. Many files: the worker reads and checks about half of the bytes. One
file that dominates the run (or fewer than four files): the parent reads everything, and the
worker runs about half of the rules (by their declared cost) on the same documents, shared by
fork. Only results (findings, corpus-rule summaries, and the worker's documents when it read
them) travel back, pickled. The word tables are memory-mapped, so both processes share them.

Forking a process that has already started threads (torch, tokenizers) can deadlock, so a
process that has imported them stays single-process; `run` forks before any rule has loaded a
model. `TQCHECK_JOBS=1` turns the split off. Small runs and platforms without fork stay
single-process. The corpus pass always runs in the parent.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal, TypeVar

from tqcheck.kinds.base import Kind

T = TypeVar("T")

MIN_BYTES = 512 * 1024
MIN_FILES = 4
# libraries whose thread pools make a later fork unsafe
_THREADED = ("torch", "tokenizers", "sentence_transformers", "transformers")

Plan = Literal["files", "rules"]


def plan(files: Sequence[Path]) -> Plan | None:
    """How to split this run between two processes, or None to stay single-process."""
    if os.environ.get("TQCHECK_JOBS", "") == "1" or (os.cpu_count() or 1) < 2:
        return None
    if any(name in sys.modules for name in _THREADED):
        return None
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    sizes = _sizes(files)
    total = sum(sizes)
    if total < MIN_BYTES:
        return None
    if len(files) >= MIN_FILES and max(sizes) * 2 < total:
        return "files"
    return "rules"


def _sizes(files: Sequence[Path]) -> list[int]:
    sizes = []
    for file in files:
        try:
            sizes.append(file.stat().st_size)
        except OSError:
            sizes.append(0)
    return sizes


def split_files(files: Sequence[Path]) -> tuple[list[Path], list[Path]]:
    """Two groups of about equal size in bytes (largest files placed first), in input order."""
    groups: tuple[list[int], list[int]] = ([], [])
    totals = [0, 0]
    for size, i in sorted(zip(_sizes(files), range(len(files)), strict=True), reverse=True):
        target = 0 if totals[0] <= totals[1] else 1
        groups[target].append(i)
        totals[target] += size
    return [files[i] for i in sorted(groups[0])], [files[i] for i in sorted(groups[1])]


def split_rules(rules: Sequence[Kind]) -> tuple[list[Kind], list[Kind]]:
    """(the parent's rules, the worker's rules) of about equal declared cost (Kind.COST);
    kinds that reuse each other's per-document work (Kind.SHARES) stay in one process."""
    groups: dict[str, list[Kind]] = {}
    for rule in rules:
        groups.setdefault(rule.SHARES or rule.spec.id, []).append(rule)
    sides: tuple[list[Kind], list[Kind]] = ([], [])
    costs = [0.0, 0.0]

    def cost(group: list[Kind]) -> float:
        return sum(rule.COST for rule in group)

    for group in sorted(groups.values(), key=cost, reverse=True):
        side = 0 if costs[0] <= costs[1] else 1
        sides[side].extend(group)
        costs[side] += cost(group)
    order = {id(rule): i for i, rule in enumerate(rules)}
    return sorted(sides[0], key=lambda r: order[id(r)]), sorted(sides[1], key=lambda r: order[id(r)])


def in_two(mine: Callable[[], T], theirs: Callable[[], T]) -> tuple[T, T]:
    """Run `theirs` in a forked worker and `mine` here; if the worker fails, redo its part here."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def child() -> None:
        try:
            sender.send(("ok", theirs()))
        except BaseException as exc:  # report, the parent redoes the work
            sender.send(("error", repr(exc)))
        finally:
            sender.close()

    process = context.Process(target=child, daemon=True)
    # keep the collector away from the shared objects: a GC pass in the child would write to
    # every object header and copy the whole heap page by page (copy-on-write)
    gc.freeze()
    try:
        process.start()
        sender.close()
        own = mine()
        try:
            status, payload = receiver.recv()
        except EOFError:
            status, payload = "error", "worker died"
    finally:
        process.join()
        gc.unfreeze()
    return own, payload if status == "ok" else theirs()
