"""Encode a long list of texts in two processes when this process has two cores to itself.

The numpy encoders run one BLAS thread each (their matrix products are too small to share
well, and oversubscribed BLAS pools are what made encoding slow on busy machines), so the way
to use a second core is a second process: a fork shares the loaded, memory-mapped model, encodes
half of the texts and sends the vectors back. A fork is skipped when the engine already split
the run (each process then has one core), when a threaded library (torch) is loaded, for short
lists, or where fork does not exist; a failed worker's half is encoded here.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from tqcheck.core import cpus

if TYPE_CHECKING:
    import numpy as np

MIN_TEXTS = 256  # below this a fork (~20 ms) is not worth it
_THREADED = ("torch", "tokenizers", "sentence_transformers", "transformers")


def parallel() -> bool:
    return (
        cpus.threads() >= 2
        and "fork" in multiprocessing.get_all_start_methods()
        and not any(name in sys.modules for name in _THREADED)
    )


def split_work(encode: Callable[[list[str]], np.ndarray], texts: list[str], dim: int) -> np.ndarray:
    """`encode(texts)`, the second half done in a forked process when worth it."""
    import numpy as np

    if len(texts) < MIN_TEXTS or not parallel():
        return encode(texts)
    half = len(texts) // 2
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def child() -> None:
        try:
            vectors = np.ascontiguousarray(encode(texts[half:]), dtype=np.float32)
            sender.send_bytes(vectors.tobytes())
        except BaseException:  # the parent encodes this half itself
            sender.send_bytes(b"")
        finally:
            sender.close()

    process = context.Process(target=child, daemon=True)
    before = cpus.processes()
    cpus.set_processes(before * 2)
    try:
        process.start()
        sender.close()
        first = encode(texts[:half])
        try:
            payload = receiver.recv_bytes()
        except EOFError:
            payload = b""
    finally:
        process.join()
        cpus.set_processes(before)
    expected = (len(texts) - half) * dim * 4
    second = (
        np.frombuffer(payload, dtype=np.float32).reshape(-1, dim) if len(payload) == expected else encode(texts[half:])
    )
    return np.vstack([first, second])
