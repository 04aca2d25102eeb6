"""Two-process runs: reading and the per-document pass split in two for large runs.

Reading Markdown and running every rule is CPU-bound pure Python, so a large run (>= 4 files,
>= 512 KB) uses a forked worker for about half of the bytes (fork shares the loaded rules and
word tables; only the results travel back, pickled). Forking a process that has already
started threads (torch, tokenizers) can deadlock, so a process that has imported them stays
single-process; `run` forks before any rule has loaded a model. `TQCHECK_JOBS=1` turns the
split off. Small runs and platforms without fork stay single-process. The corpus pass always
runs in the parent.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tqcheck.model import Document, Finding, InputError

MIN_BYTES = 512 * 1024
MIN_FILES = 4
# libraries whose thread pools make a later fork unsafe
_THREADED = ("torch", "tokenizers", "sentence_transformers", "transformers")

Work = Callable[[Sequence[Path]], tuple[list[Document], list[InputError], list[Finding]]]


def worth_it(files: Sequence[Path]) -> bool:
    if os.environ.get("TQCHECK_JOBS", "") == "1" or len(files) < MIN_FILES or (os.cpu_count() or 1) < 2:
        return False
    if any(name in sys.modules for name in _THREADED):
        return False
    if "fork" not in multiprocessing.get_all_start_methods():
        return False
    total = 0
    for file in files:
        try:
            total += file.stat().st_size
        except OSError:
            continue
        if total >= MIN_BYTES:
            return True
    return False


def split(files: Sequence[Path]) -> tuple[list[int], list[int]]:
    """Indexes of two groups of about equal size in bytes, largest files placed first."""
    sizes = []
    for i, file in enumerate(files):
        try:
            sizes.append((file.stat().st_size, i))
        except OSError:
            sizes.append((0, i))
    groups: tuple[list[int], list[int]] = ([], [])
    totals = [0, 0]
    for size, i in sorted(sizes, reverse=True):
        target = 0 if totals[0] <= totals[1] else 1
        groups[target].append(i)
        totals[target] += size
    return sorted(groups[0]), sorted(groups[1])


def run_split(files: Sequence[Path], work: Work) -> tuple[list[Document], list[InputError], list[Finding]]:
    """Run `work` on half of the files in a forked child and on the other half here."""
    mine, theirs = split(files)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def child() -> None:
        try:
            sender.send(("ok", work([files[i] for i in theirs])))
        except BaseException as exc:  # report, the parent redoes the work
            sender.send(("error", repr(exc)))
        finally:
            sender.close()

    process = context.Process(target=child, daemon=True)
    # keep the collector away from the shared word tables: a GC pass in the child would write
    # to every object header and copy the whole heap page by page (copy-on-write)
    gc.freeze()
    try:
        process.start()
        sender.close()
        docs, errors, findings = work([files[i] for i in mine])
        try:
            status, payload = receiver.recv()
        except EOFError:
            status, payload = "error", "worker died"
    finally:
        process.join()
        gc.unfreeze()
    if status != "ok":
        other: Any = work([files[i] for i in theirs])
    else:
        other = payload
    order = {str(file): i for i, file in enumerate(files)}
    all_docs = sorted([*docs, *other[0]], key=lambda d: order.get(d.path, 0))
    return all_docs, [*errors, *other[1]], [*findings, *other[2]]
