"""Pausing the cyclic garbage collector around work that allocates many small objects and no
reference cycles (reading a large file, running rules).

With word tables and a large document in memory every full collection walks millions of
objects for nothing: reading a 20,000-unit XLIFF file took 2.6 s with the collector on and
1.1 s with it paused. Reference counting still frees everything; cycles made meanwhile are
collected once the collector runs again.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
