"""Fit tqcheck's quality heads on real human judgements and report their dev figures.

Reproduces `tqcheck/meaning/data/quality-<encoder>.npz` (and the figures in its MODEL_CARD.md)
from MLQE-PE (../shared/realdata/meaning, CC0): fitted on a stratified subsample of `train`,
every choice (features, regularisation, linear or MLP, the flag threshold) made on `dev`.

    python tests/benchmarks/quality_data.py embed --model use      # once: embeddings to /tmp/meaning-cache
    python tests/benchmarks/train_quality.py --model use [--write]

Heads (see tqcheck/meaning/quality.py):
- target: source vs translation. Ranking fitted to the direct assessments (z-scores, seven
  pairs) and to the critical-error labels; calibrated to P(adequate), adequate meaning a DA
  score of 50 or more and no critical error.
- back_translation: machine translation vs its post-edit, scored as a back-translation against
  its source would be. Ranking fitted to -HTER; calibrated to P(HTER < 0.3).
Needs numpy and scikit-learn (training only; tqcheck itself runs the heads in numpy).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality_data import Table, table_vectors, tables

from tqcheck.meaning.quality import Head, features, head_file, load_head, save_heads

BAD_HTER = 0.3
# (source side, other side) languages of each table, for the negation block
LANGUAGES = {f"da_{p}": (p[:2], p[2:]) for p in ("ende", "enzh", "eten", "neen", "roen", "ruen", "sien")}
LANGUAGES |= {"ced_ende": ("en", "de"), "pe_ende": ("de", "de")}
LANGUAGES |= {f"pe_{p}": ("en", "en") for p in ("ruen", "roen", "eten")}
ADEQUATE_DA = 50.0


@dataclass
class Choice:
    kind: str = "ridge"  # ridge | mlp
    alpha: float = 100.0
    hidden: int = 64
    parts: tuple[str, ...] = ("uv", "diff", "prod", "cos")
    ced_weight: float = 1.0  # weight of the critical-error rows in the target head's fit
    ced_value: float = -2.0  # the z-like target of a critical error (its NOT rows: da-like 0.0)


def auc(labels: np.ndarray, scores: np.ndarray) -> float:
    """P(score of a positive > score of a negative), ties half."""
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    sorted_scores = scores[order]
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2 + 1
        i = j + 1
    pos = labels.astype(bool)
    n_pos, n_neg = pos.sum(), (~pos).sum()
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / max(1, n_pos * n_neg))


def pearson(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(a, b)[0, 1])


def table_features(model: str, t: Table, parts: tuple[str, ...]) -> np.ndarray:
    u, v = table_vectors(model, t)
    return features(u, v, parts, (t.left, t.right), LANGUAGES.get(t.name, (None, None)))


def design(model: str, group: list[Table], parts: tuple[str, ...]) -> np.ndarray:
    return np.vstack([table_features(model, t, parts) for t in group])


def targets(group: list[Table], choice: Choice) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(regression target, weight, adequate 0/1) per row, in table order."""
    ys, ws, good = [], [], []
    for t in group:
        if t.name.startswith("da_"):
            ys.append(t.label)
            ws.append(np.ones(len(t.label)))
            raw = np.array([float(r["da_mean_0_100"]) for r in t.extra])
            good.append(raw >= ADEQUATE_DA)
        elif t.name.startswith("ced_"):
            ys.append(np.where(t.label > 0, choice.ced_value, 0.0))
            ws.append(np.full(len(t.label), choice.ced_weight))
            good.append(t.label == 0)
        else:  # post-edits: the ranking target is -HTER
            ys.append(-t.label)
            ws.append(np.ones(len(t.label)))
            good.append(t.label < BAD_HTER)
    return np.concatenate(ys), np.concatenate(ws), np.concatenate(good).astype(float)


def fit_ranker(x: np.ndarray, y: np.ndarray, w: np.ndarray, choice: Choice) -> Head:
    """Standardise, then ridge (closed form) or a one-hidden-layer MLP; calibration comes later."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0) + 1e-6
    z = (x - mean) / scale
    if choice.kind == "ridge":
        sw = np.sqrt(w)[:, None]
        zc = np.hstack([z, np.ones((len(z), 1))]) * sw
        reg = choice.alpha * np.eye(zc.shape[1])
        reg[-1, -1] = 0.0
        coef = np.linalg.solve(zc.T @ zc + reg, zc.T @ (y * sw[:, 0]))
        layers = ((coef[:-1, None].astype(np.float32), coef[-1:].astype(np.float32)),)
    else:
        from sklearn.neural_network import MLPRegressor

        rows = np.repeat(np.arange(len(z)), np.maximum(1, np.round(w).astype(int)))
        net = MLPRegressor(
            hidden_layer_sizes=(choice.hidden,),
            alpha=choice.alpha,
            early_stopping=True,
            random_state=0,
            max_iter=300,
        )
        net.fit(z[rows], y[rows])
        layers = tuple(
            (c.astype(np.float32), b.astype(np.float32)) for c, b in zip(net.coefs_, net.intercepts_, strict=True)
        )
    return Head(mean.astype(np.float32), scale.astype(np.float32), layers, (1.0, 0.0), 0.0, 0.0, choice.parts)


def calibrate(head: Head, scores: np.ndarray, good: np.ndarray) -> Head:
    """quality = sigmoid(a * score + b), a and b by logistic regression on the train rows."""
    from sklearn.linear_model import LogisticRegression

    fit = LogisticRegression(C=1e4).fit(scores[:, None], good.astype(int))
    return Head(
        head.mean,
        head.scale,
        head.layers,
        (float(fit.coef_[0, 0]), float(fit.intercept_[0])),
        0.0,
        0.0,
        head.parts,
    )


def threshold_for(quality: np.ndarray, bad: np.ndarray, precision: float) -> tuple[float, float, float]:
    """The highest threshold whose flag (quality < t) keeps `precision` on these rows:
    (threshold, precision reached, recall)."""
    order = np.argsort(quality)
    hits = np.cumsum(bad[order])
    k = np.arange(1, len(order) + 1)
    ok = np.nonzero(hits / k >= precision)[0]
    ok = ok[ok >= 9]  # at least ten flagged rows, or the precision is noise
    if not len(ok):
        return 0.0, float("nan"), 0.0
    last = int(ok[-1])
    cut = float((quality[order[last]] + quality[order[min(last + 1, len(order) - 1)]]) / 2)
    return cut, float(hits[last] / (last + 1)), float(hits[last] / max(1, bad.sum()))


def with_threshold(head: Head, threshold: float, precision: float) -> Head:
    return Head(head.mean, head.scale, head.layers, head.calibration, threshold, precision, head.parts)


def chrf(hypothesis: str, reference: str, n: int = 6, beta: float = 2.0) -> float:
    """Character n-gram F-score (chrF, Popović 2015), spaces removed."""
    from collections import Counter

    h, r = hypothesis.replace(" ", ""), reference.replace(" ", "")
    precisions, recalls = [], []
    for k in range(1, n + 1):
        hc = Counter(h[i : i + k] for i in range(len(h) - k + 1))
        rc = Counter(r[i : i + k] for i in range(len(r) - k + 1))
        if not hc or not rc:
            continue
        common = sum((hc & rc).values())
        precisions.append(common / sum(hc.values()))
        recalls.append(common / sum(rc.values()))
    if not precisions:
        return 0.0
    p, rr = float(np.mean(precisions)), float(np.mean(recalls))
    return 0.0 if p + rr == 0 else (1 + beta**2) * p * rr / (beta**2 * p + rr)


def edit_similarity(a: str, b: str) -> float:
    from rapidfuzz.distance import Levenshtein

    return float(Levenshtein.normalized_similarity(a, b))


def fit_mode(model: str, mode: str, choice: Choice, train_rows: int) -> Head:
    group = [t for t in tables("train", train_rows) if t.mode == mode]
    x = design(model, group, choice.parts)
    y, w, good = targets(group, choice)
    head = fit_ranker(x, y, w, choice)
    return calibrate(head, head.score(x), good)


def evaluate(model: str, heads: dict[str, Head], baselines: bool = False) -> dict[str, float]:
    """Dev figures of the heads as written (float16 weights included)."""
    out: dict[str, float] = {}
    pe_labels, pe_scores = [], []
    for t in tables("dev"):
        head = heads[t.mode]
        u, v = table_vectors(model, t)
        q = head.quality(table_features(model, t, head.parts))
        cos = np.sum(u * v, axis=1)
        if t.name.startswith("da_"):
            out[f"{t.name} pearson"] = pearson(q, t.label)
            out[f"{t.name} pearson cosine"] = pearson(cos, t.label)
        elif t.name.startswith("ced_"):
            out[f"{t.name} auc"] = auc(t.label > 0, -q)
            out[f"{t.name} auc cosine"] = auc(t.label > 0, -cos)
        else:
            bad = t.label >= BAD_HTER
            out[f"{t.name} auc"] = auc(bad, -q)
            out[f"{t.name} auc cosine"] = auc(bad, -cos)
            if baselines:
                out[f"{t.name} auc chrf"] = auc(
                    bad, -np.array([chrf(a, b) for b, a in zip(t.left, t.right, strict=True)])
                )
                out[f"{t.name} auc edit"] = auc(
                    bad, -np.array([edit_similarity(a, b) for a, b in zip(t.left, t.right, strict=True)])
                )
            pe_labels.append(bad)
            pe_scores.append(q)
    if pe_labels:
        out["pe_all auc"] = auc(np.concatenate(pe_labels), -np.concatenate(pe_scores))
    return out


def flag_thresholds(model: str, heads: dict[str, Head], precision: dict[str, float]) -> dict[str, Head]:
    """Each head's flag threshold, chosen on dev: critical errors (target), HTER >= 0.3 (back-translation)."""
    chosen = {}
    for mode, head in heads.items():
        qs, bads = [], []
        for t in tables("dev"):
            if t.mode != mode or t.name.startswith("da_"):
                continue
            qs.append(head.quality(table_features(model, t, head.parts)))
            bads.append((t.label > 0) if t.name.startswith("ced_") else (t.label >= BAD_HTER))
        cut, reached, recall = threshold_for(np.concatenate(qs), np.concatenate(bads).astype(float), precision[mode])
        print(f"{mode}: flag quality < {cut:.3f}: dev precision {reached:.3f}, recall {recall:.3f}", flush=True)
        chosen[mode] = with_threshold(head, cut, reached)
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="use")
    parser.add_argument("--kind", default="ridge", choices=["ridge", "mlp"])
    parser.add_argument("--alpha", type=float, default=None, help="one alpha for both heads (default: per head)")
    parser.add_argument("--parts-target", default="uv,diff,prod,cos,num,neg,lex")
    parser.add_argument("--parts-bt", default="diff,prod,cos")
    parser.add_argument("--ced-weight", type=float, default=1.0)
    parser.add_argument("--ced-value", type=float, default=-2.0)
    parser.add_argument("--train-rows", type=int, default=3000, help="train rows per file, target head")
    parser.add_argument("--train-rows-bt", type=int, default=1500, help="train rows per file, back-translation head")
    parser.add_argument("--precision-target", type=float, default=0.6, help="dev precision of target-mode flags")
    parser.add_argument("--precision-bt", type=float, default=0.85, help="dev precision of back-translation flags")
    parser.add_argument("--baselines", action="store_true", help="also chrF and edit distance on the post-edits")
    parser.add_argument("--write", action="store_true", help="write the heads into tqcheck/meaning/data/")
    args = parser.parse_args()
    alphas = (
        {"target": 30000.0, "back_translation": 3000.0}
        if args.kind == "ridge"
        else {"target": 1.0, "back_translation": 1.0}
    )
    if args.alpha is not None:
        alphas = dict.fromkeys(alphas, args.alpha)
    heads = {}
    for mode in ("target", "back_translation"):
        parts = args.parts_target if mode == "target" else args.parts_bt
        choice = Choice(args.kind, alphas[mode], 64, tuple(parts.split(",")), args.ced_weight, args.ced_value)
        rows = args.train_rows if mode == "target" else args.train_rows_bt
        heads[mode] = fit_mode(args.model, mode, choice, rows)
    heads = flag_thresholds(args.model, heads, {"target": args.precision_target, "back_translation": args.precision_bt})
    if args.write:
        save_heads(head_file(args.model), heads)
        load_head.cache_clear()
        heads = {mode: load_head(args.model, mode) for mode in heads}  # type: ignore[misc]
    figures = evaluate(args.model, heads, args.baselines)
    for name, value in figures.items():
        print(f"{name}: {value:.3f}")
    print(json.dumps({"model": args.model, "kind": args.kind, "alphas": alphas, "figures": figures}))


if __name__ == "__main__":
    main()
