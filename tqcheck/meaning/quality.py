"""A per-segment quality in 0-1 from a small learned head over frozen sentence embeddings.

A bare cosine cannot tell a faithful paraphrase from a one-word mistranslation; a linear or
tiny-MLP head over [u, v, |u-v|, u*v, cos] (u: the source, or the reference a back-translation
is held to; v: the translation or back-translation) learns which directions of the difference
matter. Two heads per encoder, both fitted on real human judgements (MLQE-PE, CC0; see
data/MODEL_CARD.md and tests/benchmarks/train_quality.py, which reproduces them):

- `target`: source against its translation, cross-lingual (direct assessments of seven
  language pairs, critical errors). quality = P(the translation is adequate). A language pair
  with enough judgements of its own also has its own head (`target.en-de`), used for that pair;
- `back_translation`: a text against its back-translation, same language (machine translations
  against their professional post-edits). quality = P(an editor changes < 30% of the words),
  from the embeddings, raised by a one-sided surface boost: a back-translation that repeats
  the source's words is evidence of fidelity, but one that does not is no evidence of error
  (a back-translation always paraphrases), so the boost can only raise the quality.

The weights are numpy arrays in `data/quality-<encoder>.npz` (float16, a few hundred KB); the
flag threshold of each head was chosen on the dev split for a stated precision and ships with
it. Only meaning goes in: no sentence length, no property of the source alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

DATA = Path(__file__).resolve().parent / "data"
MODES = ("target", "back_translation")


@dataclass(frozen=True)
class Head:
    """One fitted head: standardisation, layers (linear: one), calibration, flag threshold."""

    mean: np.ndarray
    scale: np.ndarray
    layers: tuple[tuple[np.ndarray, np.ndarray], ...]  # (weights, bias); ReLU between layers
    calibration: tuple[float, float]  # quality = sigmoid(a * score + b)
    threshold: float  # flag when quality < threshold
    precision: float  # the precision of that flag on the dev split
    parts: tuple[str, ...]  # feature blocks, see `features`
    boost: np.ndarray | None = None  # rows (lexical_overlap index, knee, weight >= 0)

    def score(self, x: np.ndarray) -> np.ndarray:
        import numpy as np

        h = (x - self.mean) / self.scale
        for k, (weights, bias) in enumerate(self.layers):
            h = h @ weights + bias
            if k < len(self.layers) - 1:
                h = np.maximum(h, 0.0)
        return np.asarray(h.reshape(-1), dtype=np.float64)

    def quality(self, x: np.ndarray, surface: np.ndarray | None = None) -> np.ndarray:
        """P(good) per row; `surface` (rows of `lexical_overlap`) is needed when the head has a boost."""
        import numpy as np

        a, b = self.calibration
        logit = a * self.score(x) + b
        if self.boost is not None and len(self.boost):
            if surface is None:
                raise ValueError("this head's surface boost needs the lexical overlap of each row")
            logit = logit + self.lift(surface)
        return np.asarray(1.0 / (1.0 + np.exp(-logit)))

    def lift(self, surface: np.ndarray) -> np.ndarray:
        """The boost: sum of weight * max(0, overlap - knee), never negative."""
        import numpy as np

        if self.boost is None or not len(self.boost):
            return np.zeros(len(surface))
        columns = surface[:, self.boost[:, 0].astype(int)]
        return np.asarray(np.maximum(columns - self.boost[:, 1], 0.0) @ np.maximum(self.boost[:, 2], 0.0))


def features(
    u: np.ndarray,
    v: np.ndarray,
    parts: tuple[str, ...] = ("uv", "diff", "prod", "cos"),
    texts: tuple[Sequence[str], Sequence[str]] | None = None,
    languages: tuple[str | None, str | None] = (None, None),
) -> np.ndarray:
    """The head's input for row-aligned unit vectors u (source side) and v (other side).

    Blocks: `uv` both vectors, `diff` |u-v|, `prod` u*v, `cos` the cosine; from the texts,
    `lex` their surface overlap (character and word edit similarity, shared words: meaningful
    for a same-language pair, and across languages a sign of words left untranslated), `num`
    numbers only on one side, `neg` a negation on one side only.
    """
    import numpy as np

    blocks = []
    for part in parts:
        if part == "uv":
            blocks += [u, v]
        elif part == "diff":
            blocks.append(np.abs(u - v))
        elif part == "prod":
            blocks.append(u * v)
        elif part == "cos":
            blocks.append(np.sum(u * v, axis=1, keepdims=True))
        elif part in ("lex", "num", "neg"):
            if texts is None:
                raise ValueError(f"feature block {part!r} needs the texts")
            blocks.append(_text_block(part, texts, languages))
        else:
            raise ValueError(f"unknown feature block {part!r}")
    return np.hstack(blocks).astype(np.float32)


def _text_block(
    part: str, texts: tuple[Sequence[str], Sequence[str]], languages: tuple[str | None, str | None]
) -> np.ndarray:
    import numpy as np

    from tqcheck.meaning.signals import negation_differs, numbers_differ

    rows: list[tuple[float, ...]] = []
    for a, b in zip(*texts, strict=True):
        if part == "lex":
            rows.append(lexical_overlap(a, b))
        elif part == "num":
            lost, gained = numbers_differ(a, b)
            rows.append((float(bool(lost or gained)),))
        else:
            rows.append((float(negation_differs(a, languages[0], b, languages[1])),))
    return np.array(rows, dtype=np.float32).reshape(len(rows), -1)


_TOKEN = re.compile(r"\w+")


def lexical_overlap(a: str, b: str) -> tuple[float, float, float]:
    """(character edit similarity, word edit similarity, token-set ratio), each 0-1."""
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Levenshtein

    wa, wb = _TOKEN.findall(a.lower()), _TOKEN.findall(b.lower())
    return (
        Levenshtein.normalized_similarity(a.lower(), b.lower()),
        Levenshtein.normalized_similarity(wa, wb) if wa or wb else 1.0,
        fuzz.token_set_ratio(a.lower(), b.lower()) / 100.0,
    )


def surface_rows(texts: tuple[Sequence[str], Sequence[str]]) -> np.ndarray:
    """`lexical_overlap` of each row pair, as an (n, 3) array (the boost's input)."""
    import numpy as np

    rows = [lexical_overlap(a, b) for a, b in zip(*texts, strict=True)]
    return np.array(rows, dtype=np.float64).reshape(len(rows), 3)


def head_file(encoder: str) -> Path:
    return DATA / f"quality-{encoder.replace('+', '_')}.npz"


def pair_mode(source: str | None, target: str | None) -> str:
    """The name of a language pair's own target head (`target.en-de`)."""
    return f"target.{source}-{target}"


def head_for(encoder: str, same_language: bool, languages: tuple[str | None, str | None] = (None, None)) -> Head | None:
    """The head for a comparison: the back-translation head, else the language pair's own
    target head when one ships, else the general target head."""
    if same_language:
        return load_head(encoder, "back_translation")
    if all(languages):
        own = load_head(encoder, pair_mode(*languages))
        if own is not None:
            return own
    return load_head(encoder, "target")


@lru_cache(maxsize=32)
def load_head(encoder: str, mode: str) -> Head | None:
    """The shipped head of an encoder ('use', 'e5', 'use+e5') for a mode; None when there is none
    (another sentence-transformers model: drift is then judged on the cosine alone)."""
    return _heads(encoder).get(mode)


@lru_cache(maxsize=8)
def _heads(encoder: str) -> dict[str, Head]:
    import numpy as np

    path = head_file(encoder)
    if not path.is_file():
        return {}
    with np.load(path, allow_pickle=False) as z:
        modes = [name[: -len(".mean")] for name in z.files if name.endswith(".mean")]
        return {mode: _read(z, mode) for mode in modes}


def _read(z: Any, mode: str) -> Head:
    import numpy as np

    count = int(z[f"{mode}.layers"])
    layers = tuple((z[f"{mode}.w{k}"].astype(np.float32), z[f"{mode}.b{k}"].astype(np.float32)) for k in range(count))
    a, b = (float(x) for x in z[f"{mode}.calibration"])
    return Head(
        mean=z[f"{mode}.mean"].astype(np.float32),
        scale=z[f"{mode}.scale"].astype(np.float32),
        layers=layers,
        calibration=(a, b),
        threshold=float(z[f"{mode}.threshold"]),
        precision=float(z[f"{mode}.precision"]),
        parts=tuple(str(p) for p in z[f"{mode}.parts"]),
        boost=z[f"{mode}.boost"].astype(np.float64) if f"{mode}.boost" in z.files else None,
    )


def clear_cache() -> None:
    """Forget loaded heads (after the training script rewrote the file)."""
    load_head.cache_clear()
    _heads.cache_clear()


def save_heads(path: Path, heads: dict[str, Head]) -> None:
    """Write heads as one compressed .npz of float16 weights (the training script's output)."""
    import numpy as np

    arrays: dict[str, np.ndarray] = {}
    for mode, head in heads.items():
        arrays[f"{mode}.mean"] = head.mean.astype(np.float16)
        arrays[f"{mode}.scale"] = head.scale.astype(np.float16)
        arrays[f"{mode}.layers"] = np.array(len(head.layers))
        for k, (weights, bias) in enumerate(head.layers):
            arrays[f"{mode}.w{k}"] = weights.astype(np.float16)
            arrays[f"{mode}.b{k}"] = bias.astype(np.float16)
        arrays[f"{mode}.calibration"] = np.array(head.calibration, dtype=np.float64)
        arrays[f"{mode}.threshold"] = np.array(head.threshold)
        arrays[f"{mode}.precision"] = np.array(head.precision)
        arrays[f"{mode}.parts"] = np.array(head.parts)
        if head.boost is not None and len(head.boost):
            arrays[f"{mode}.boost"] = np.asarray(head.boost, dtype=np.float64)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **arrays)  # type: ignore[arg-type]
