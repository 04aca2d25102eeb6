"""Which words of a back-translation are most likely wrong: a small model learned from real labels.

MLQE-PE tags every word of a machine translation OK or BAD by whether a professional
post-editor kept it; held against the post-edit, as a back-translation is held against its
source, those are exactly "the words to look at". A logistic model over a few features of each
word, fitted on the `train` split (tests/benchmarks/train_words.py) and cut on `dev` for a
stated precision, scores them:

- matched on the other side: exactly, by inflection (stem), by spelling (rapidfuzz >= 75);
- the closest word on the other side by word embedding (cosine);
- how common the word is (wordfreq Zipf), whether it is a function word, a number or capitalised;
- whether its neighbours are matched (errors come in runs), and the share of unmatched words
  and the sentence cosine of the pair (context).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from tqcheck.meaning.quality import DATA
from tqcheck.meaning.signals import Word, has_alike, stem, stopwords

if TYPE_CHECKING:
    import numpy as np

NAMES = (
    "exact",
    "stem",
    "alike",
    "similarity",
    "zipf",
    "function",
    "capital",
    "number",
    "previous",
    "next",
    "unmatched share",
    "cosine",
)


@dataclass(frozen=True)
class WordModel:
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    cut: float  # P(BAD) at or above this: a divergent word
    precision: float  # of that cut on the dev split

    def probability(self, x: np.ndarray) -> np.ndarray:
        import numpy as np

        z = ((x - self.mean) / self.scale) @ self.weights + self.bias
        return np.asarray(1.0 / (1.0 + np.exp(-z)))


def features(
    mine: list[Word], theirs: list[Word], similarity: np.ndarray, language: str | None, cosine: float
) -> np.ndarray:
    """One row per word of `mine` (the back-translation's words, in order) against `theirs`;
    `similarity[i]` is word i's best word-embedding cosine on the other side."""
    import numpy as np

    from tqcheck.language.lexicon import lexicon

    table = lexicon(language or "en")
    stop = stopwords(language)
    their_folded = [w.folded for w in theirs]
    folded_set = set(their_folded)
    stems = {stem(f) for f in their_folded} | folded_set
    exact = [w.folded in folded_set for w in mine]
    stemmed = [e or stem(w.folded) in stems for w, e in zip(mine, exact, strict=True)]
    alike = [s or has_alike(w.folded, their_folded) for w, s in zip(mine, stemmed, strict=True)]
    unmatched_share = 1.0 - (sum(alike) / len(mine) if mine else 0.0)
    rows = []
    for i, word in enumerate(mine):
        rows.append(
            (
                exact[i],
                stemmed[i],
                alike[i],
                float(similarity[i]) if alike[i] is False else 1.0,
                table.zipf(word.text) / 8.0,
                word.folded in stop,
                word.text[:1].isupper(),
                word.is_number,
                alike[i - 1] if i > 0 else True,
                alike[i + 1] if i + 1 < len(mine) else True,
                unmatched_share,
                cosine,
            )
        )
    return np.array(rows, dtype=np.float32).reshape(len(mine), len(NAMES))


def model_file() -> str:
    return str(DATA / "words-use.npz")


@lru_cache(maxsize=1)
def load_word_model() -> WordModel | None:
    """The shipped model (its word similarities come from USE word vectors)."""
    import numpy as np

    try:
        with np.load(model_file(), allow_pickle=False) as z:
            return WordModel(
                z["mean"].astype(np.float32),
                z["scale"].astype(np.float32),
                z["weights"].astype(np.float32),
                float(z["bias"]),
                float(z["cut"]),
                float(z["precision"]),
            )
    except (OSError, KeyError):
        return None


def save_word_model(model: WordModel) -> None:
    import numpy as np

    np.savez(
        model_file(),
        mean=model.mean,
        scale=model.scale,
        weights=model.weights,
        bias=np.array(model.bias),
        cut=np.array(model.cut),
        precision=np.array(model.precision),
        names=np.array(NAMES),
    )
