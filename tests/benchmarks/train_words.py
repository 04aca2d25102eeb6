"""Fit the divergent-word model (tqcheck/meaning/data/words-use.npz) on real word labels.

MLQE-PE post-edits tag each word of a machine translation OK or BAD (`translation_word_tags`:
2n+1 tags for n words, gaps interleaved, so word k's tag is at 2k+1). Held against its
post-edit as a back-translation is held against its source, a BAD word is one the editor
changed. Fitted on `train` (a subsample per file), the cut on P(BAD) chosen on `dev` for a
stated precision; prints word-level precision and recall on dev, and the same for the
rule it replaces (any word without an exact, inflected or alike-spelled counterpart).

    python tests/benchmarks/train_words.py [--rows 800] [--precision 0.6] [--write]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality_data import table_vectors, tables

from tqcheck.meaning.encoders import Embedder
from tqcheck.meaning.signals import Word, words
from tqcheck.meaning.vector_store import open_cache
from tqcheck.meaning.word_model import NAMES, WordModel, features, load_word_model, save_word_model

LANGUAGE = {"pe_ende": "de", "pe_ruen": "en", "pe_roen": "en", "pe_eten": "en"}


def labelled_words(text: str, tags: list[str]) -> list[tuple[Word, bool]]:
    """tqcheck's words of a tokenised translation, each with the tag of the whitespace token it
    lies in (BAD: the editor changed it)."""
    token_of: list[int] = []
    for k, token in enumerate(text.split(" ")):
        token_of += [k] * (len(token) + 1)
    return [(w, tags[2 * token_of[w.start] + 1] == "BAD") for w in words(text)]


def build(split: str, rows: int, embedder: Embedder) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for table in tables(split, rows):
        if table.name not in LANGUAGE:
            continue
        language = LANGUAGE[table.name]
        u, v = table_vectors("use", table)
        cosines = np.sum(u * v, axis=1)
        prepared = []
        vocabulary: set[str] = set()
        for reference, mt, raw, cosine in zip(table.left, table.right, table.extra, cosines, strict=True):
            tags = raw["translation_word_tags"].split()
            if len(tags) != 2 * len(mt.split(" ")) + 1:
                continue
            pairs = labelled_words(mt, tags)
            theirs = words(reference)
            if not pairs:
                continue
            mine = [w for w, _ in pairs]
            labels = [bad for _, bad in pairs]
            prepared.append((mine, theirs, labels, float(cosine)))
            vocabulary.update(w.text.lower() for w in mine + theirs)
        ordered = sorted(vocabulary)
        vectors = embedder.embed(ordered)
        index = {w: i for i, w in enumerate(ordered)}
        for mine, theirs, labels, cosine in prepared:
            a = vectors[[index[w.text.lower()] for w in mine]]
            b = vectors[[index[w.text.lower()] for w in theirs]] if theirs else np.zeros((1, a.shape[1]))
            best = (a @ b.T).max(axis=1)
            xs.append(features(mine, theirs, best, language, cosine))
            ys.append(np.array(labels))
        print(f"{split} {table.name}: {sum(len(y) for y in ys)} words so far", flush=True)
    return np.vstack(xs), np.concatenate(ys).astype(float)


def precision_recall(predicted: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    hits = float((predicted & (labels > 0)).sum())
    return hits / max(1, predicted.sum()), hits / max(1, (labels > 0).sum())


def main() -> None:
    from sklearn.linear_model import LogisticRegression

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=800, help="train rows per file")
    parser.add_argument("--precision", type=float, default=0.6)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    embedder = Embedder("use", cache=open_cache())
    x_train, y_train = build("train", args.rows, embedder)
    x_dev, y_dev = build("dev", args.rows, embedder)
    mean, scale = x_train.mean(axis=0), x_train.std(axis=0) + 1e-6
    fit = LogisticRegression(C=1.0, max_iter=1000).fit((x_train - mean) / scale, y_train)
    model = WordModel(mean, scale, fit.coef_[0].astype(np.float32), float(fit.intercept_[0]), 0.5, 0.0)
    p = model.probability(x_dev)
    order = np.argsort(-p)
    hits = np.cumsum(y_dev[order])
    reach = np.nonzero(hits / np.arange(1, len(p) + 1) >= args.precision)[0]
    last = int(reach[-1]) if len(reach) else 0
    cut = float(p[order[last]])
    chosen = p >= cut
    precision, recall = precision_recall(chosen, y_dev)
    model = WordModel(mean, scale, model.weights, model.bias, cut, precision)
    print(f"dev words: {len(y_dev)}, BAD base rate {y_dev.mean():.3f}")
    print(f"learned: P(BAD) >= {cut:.3f}: precision {precision:.3f}, recall {recall:.3f}")
    rule = x_dev[:, NAMES.index("alike")] == 0
    rp, rr = precision_recall(rule, y_dev)
    print(f"rule (no exact/inflected/alike counterpart): precision {rp:.3f}, recall {rr:.3f}")
    content = rule & (x_dev[:, NAMES.index("function")] == 0)
    cp, cr = precision_recall(content, y_dev)
    print(f"rule, content words only: precision {cp:.3f}, recall {cr:.3f}")
    for name, weight in zip(NAMES, model.weights, strict=True):
        print(f"  weight {name}: {weight:+.3f}")
    if args.write:
        save_word_model(model)
        load_word_model.cache_clear()
        print("written", flush=True)


if __name__ == "__main__":
    main()
