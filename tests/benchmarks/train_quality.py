"""Fit tqcheck's quality heads on real human judgements and report their dev figures.

Reproduces `tqcheck/meaning/data/quality-<encoder>.npz` (and the figures in its MODEL_CARD.md)
from MLQE-PE (../shared/realdata/meaning, CC0): fitted on every `train` row, every choice
(features, regularisation, pair heads, the boost's knees, the flag thresholds) made on `dev`.

    export MEANING_CACHE=/work/meaning-cache   # embeddings live outside the repository
    python tests/benchmarks/quality_data.py embed --model use --train-rows 100000   # once, ~20 min
    python tests/benchmarks/train_quality.py --model use [--write] [--baselines]

Heads (see tqcheck/meaning/quality.py):
- target: source vs translation. Ranking fitted to the direct assessments (z-scores, seven
  pairs) and to the critical-error labels; calibrated to P(adequate), adequate meaning a DA
  score of 70 or more ("closely preserves the semantics") and no critical error.
- target.<src>-<tgt> (`--pair-heads`): a language pair's own head, used for that pair: the
  general head plus a ridge fit of what it leaves unexplained on that pair's judgements (for
  en-de: its DA and its critical errors), merged into one linear head.
- back_translation: machine translation vs its post-edit, scored as a back-translation against
  its source would be. Ranking fitted to -HTER on the embeddings; calibrated to P(HTER < 0.3);
  then a one-sided surface boost (non-negative weights on max(0, overlap - knee), knees chosen
  on dev) fitted on train with the calibrated logit as offset: repeating the source's words
  raises the quality, paraphrasing never lowers it.
Needs numpy and scikit-learn (training only; tqcheck itself runs the heads in numpy).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality_data import PAIRS, Table, table_vectors, tables

from tqcheck.meaning.quality import (
    Head,
    clear_cache,
    features,
    head_file,
    load_head,
    pair_mode,
    save_heads,
    surface_rows,
)

BAD_HTER = 0.3
# (source side, other side) languages of each table, for the negation block
LANGUAGES = {f"da_{p}": (p[:2], p[2:]) for p in ("ende", "enzh", "eten", "neen", "roen", "ruen", "sien")}
LANGUAGES |= {"ced_ende": ("en", "de"), "pe_ende": ("de", "de")}
LANGUAGES |= {f"pe_{p}": ("en", "en") for p in ("ruen", "roen", "eten")}
# DA >= 70: "closely preserves the semantics of the source" in the MLQE-PE annotation guideline
# (51-69 conveys the overall meaning with errors); 98.6% of en-de rows score 50 or more, so a
# cut at 50 left nothing to calibrate there.
ADEQUATE_DA = 70.0


@dataclass
class Choice:
    kind: str = "ridge"  # ridge | mlp
    alpha: float = 100.0
    hidden: int = 64
    parts: tuple[str, ...] = ("uv", "diff", "prod", "cos")
    ced_weight: float = 1.0  # weight of the critical-error rows in the target head's fit
    ced_value: float = -2.0  # the z-like target of a critical error (its NOT rows: da-like 0.0)
    knees: tuple[float, ...] = ()  # back-translation head: knees of the surface boost (none: no boost)
    boost_columns: tuple[int, ...] = (1,)  # which lexical_overlap values the boost reads


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
    return replace(head, calibration=(float(fit.coef_[0, 0]), float(fit.intercept_[0])))


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
    return replace(head, threshold=threshold, precision=precision)


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


def fit_mode(
    model: str, mode: str, choice: Choice, train_rows: int, only: tuple[str, ...] = (), start: Head | None = None
) -> Head:
    """A head on the train rows of a mode (or of the tables named in `only`), calibrated on them.

    With `start` (a linear head), the fit starts from it: the new rows fit what `start` leaves
    unexplained (ridge on the residual, i.e. shrunk towards `start` rather than towards zero),
    and the two are merged into one linear head."""
    group = [t for t in tables("train", train_rows) if t.mode == mode and (not only or t.name in only)]
    x = design(model, group, choice.parts)
    y, w, good = targets(group, choice)
    head = fit_ranker(x, y if start is None else y - start.score(x), w, choice)
    if start is not None:
        head = merged(start, head)
    head = calibrate(head, head.score(x), good)
    if mode == "back_translation" and choice.knees:
        head = fit_boost(head, x, group, good, choice.knees, choice.boost_columns)
    return head


def merged(base: Head, residual: Head) -> Head:
    """One linear head scoring base.score(x) + residual.score(x), in the residual's standardisation."""
    (wb, bb), (wr, br) = base.layers[0], residual.layers[0]
    ratio = (residual.scale / base.scale)[:, None]
    weights = wr + wb * ratio
    bias = br + bb + ((residual.mean - base.mean) / base.scale) @ wb
    return replace(residual, layers=((weights.astype(np.float32), bias.astype(np.float32)),))


def surface(t: Table) -> np.ndarray:
    return surface_rows((t.left, t.right))


def fit_boost(
    head: Head, x: np.ndarray, group: list[Table], good: np.ndarray, knees: tuple[float, ...], columns: tuple[int, ...]
) -> Head:
    """Non-negative weights of max(0, overlap - knee) on top of the head's calibrated logit
    (logistic likelihood on the train rows, bounded below by 0: the boost can only raise)."""
    from scipy.optimize import minimize

    a, b = head.calibration
    offset = a * head.score(x) + b
    rows = np.vstack([surface(t) for t in group])
    spec = np.array([(c, k) for c in columns for k in knees], dtype=np.float64)
    hinge = np.maximum(rows[:, spec[:, 0].astype(int)] - spec[:, 1], 0.0)

    def loss(weights: np.ndarray) -> tuple[float, np.ndarray]:
        z = offset + hinge @ weights
        p = 1.0 / (1.0 + np.exp(-z))
        return float(np.sum(np.logaddexp(0.0, z) - good * z)), hinge.T @ (p - good)

    fit = minimize(loss, np.ones(len(spec)), jac=True, bounds=[(0.0, None)] * len(spec), method="L-BFGS-B")
    boost = np.hstack([spec, fit.x[:, None]])
    return replace(head, boost=boost[boost[:, 2] > 1e-6])


def head_of(heads: dict[str, Head], t: Table) -> Head:
    """The head tqcheck would use for a table: the language pair's own, else the mode's."""
    if t.mode == "target":
        own = heads.get(pair_mode(*LANGUAGES[t.name]))
        if own is not None:
            return own
    return heads[t.mode]


def head_quality(model: str, head: Head, t: Table) -> np.ndarray:
    return head.quality(table_features(model, t, head.parts), surface(t) if head.boost is not None else None)


def evaluate(model: str, heads: dict[str, Head], baselines: bool = False) -> dict[str, float]:
    """Dev figures of the heads as written (float16 weights included)."""
    out: dict[str, float] = {}
    pe_labels, pe_scores = [], []
    for t in tables("dev"):
        head = head_of(heads, t)
        u, v = table_vectors(model, t)
        q = head_quality(model, head, t)
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
            if head.boost is not None:
                out[f"{t.name} auc without boost"] = auc(bad, -head.score(table_features(model, t, head.parts)))
            if baselines:
                out[f"{t.name} auc chrf"] = auc(
                    bad, -np.array([chrf(a, b) for b, a in zip(t.left, t.right, strict=True)])
                )
                out[f"{t.name} auc edit"] = auc(
                    bad, -np.array([edit_similarity(a, b) for a, b in zip(t.left, t.right, strict=True)])
                )
                out[f"{t.name} auc word edit"] = auc(bad, -surface(t)[:, 1])
            pe_labels.append(bad)
            pe_scores.append(q)
    if pe_labels:
        out["pe_all auc"] = auc(np.concatenate(pe_labels), -np.concatenate(pe_scores))
    return out


def flag_thresholds(model: str, heads: dict[str, Head], precision: dict[str, float]) -> dict[str, Head]:
    """Each head's flag threshold, chosen on dev for a precision: critical errors (target heads
    whose pair has them), HTER >= 0.3 (back-translation). A pair head without critical-error
    data takes the general target head's threshold (both are calibrated to P(adequate)).

    The back-translation threshold is chosen on the quality without its surface boost: chosen
    on the boosted quality, it would learn that every pair with little word overlap is bad,
    true of post-edits but not of back-translations, which always paraphrase (it rose to 0.80
    and flagged faithful back-translations). Since the boost only raises the quality, the
    flags are a subset of the embeddings-only head's."""
    chosen: dict[str, Head] = {}
    for mode, head in heads.items():
        qs, plain, bads = [], [], []
        for t in tables("dev"):
            scored_by = heads[t.mode] if mode == t.mode else head_of(heads, t)  # the general head: every pair
            if t.name.startswith("da_") or scored_by is not head:
                continue
            qs.append(head_quality(model, head, t))
            plain.append(head.quality(table_features(model, t, head.parts), np.zeros((len(t.left), 3))))
            bads.append((t.label > 0) if t.name.startswith("ced_") else (t.label >= BAD_HTER))
        if not qs:
            continue
        wanted = precision[mode.split(".")[0]]
        bad = np.concatenate(bads).astype(float)
        cut, reached, recall = threshold_for(np.concatenate(plain), bad, wanted)
        flagged = np.concatenate(qs) < cut
        reached = float(bad[flagged].mean()) if flagged.any() else float("nan")
        recall = float(bad[flagged].sum() / max(1.0, bad.sum()))
        print(f"{mode}: flag quality < {cut:.3f}: dev precision {reached:.3f}, recall {recall:.3f}", flush=True)
        chosen[mode] = with_threshold(head, cut, reached)
    for mode, head in heads.items():
        if mode not in chosen:
            general = chosen["target"]
            print(f"{mode}: flag quality < {general.threshold:.3f} (the general target head's)", flush=True)
            chosen[mode] = with_threshold(head, general.threshold, general.precision)
    return chosen


def main() -> None:
    global ADEQUATE_DA
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="use")
    parser.add_argument("--kind", default="ridge", choices=["ridge", "mlp"])
    parser.add_argument("--alpha-target", type=float, default=30000.0)
    parser.add_argument("--alpha-pair", type=float, default=30000.0, help="ridge strength of the pair heads")
    parser.add_argument("--alpha-bt", type=float, default=30000.0)
    parser.add_argument("--pair-heads", default=",".join(PAIRS), help="pairs with their own target head (comma list)")
    parser.add_argument("--parts-target", default="uv,diff,prod,cos,num,neg,lex")
    parser.add_argument("--parts-bt", default="diff,prod,cos")
    parser.add_argument("--knees", default="0.55,0.65,0.75", help="knees of the back-translation surface boost")
    parser.add_argument("--boost-columns", default="1", help="lexical_overlap values boosted (0 char, 1 word, 2 set)")
    parser.add_argument("--ced-weight", type=float, default=0.3, help="weight of a critical-error row")
    parser.add_argument(
        "--pair-from-general",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="pair heads fit the general head's residual (shrunk towards it, not towards zero)",
    )
    parser.add_argument("--adequate-da", type=float, default=ADEQUATE_DA, help="DA score counted as adequate")
    parser.add_argument("--ced-weight-pair", type=float, default=0.3, help="critical-error weight, en-de head")
    parser.add_argument("--ced-value", type=float, default=-2.0)
    parser.add_argument("--train-rows", type=int, default=100000, help="train rows per file (default: all)")
    parser.add_argument("--precision-target", type=float, default=0.6, help="dev precision of target-mode flags")
    parser.add_argument(
        "--precision-bt",
        type=float,
        default=0.95,
        help="dev precision of back-translation flags (0.85 and 0.90 flag faithful paraphrasing "
        "back-translations in fixtures/drift/calibration-en.tsv: post-edits are no paraphrases)",
    )
    parser.add_argument("--baselines", action="store_true", help="also chrF and edit distances on the post-edits")
    parser.add_argument("--write", action="store_true", help="write the heads into tqcheck/meaning/data/")
    args = parser.parse_args()
    ADEQUATE_DA = args.adequate_da
    target_parts = tuple(args.parts_target.split(","))
    knees = tuple(float(k) for k in args.knees.split(",") if k)
    columns = tuple(int(c) for c in args.boost_columns.split(",") if c)
    kind = args.kind
    heads = {
        "target": fit_mode(
            args.model,
            "target",
            Choice(kind, args.alpha_target, 64, target_parts, args.ced_weight, args.ced_value),
            args.train_rows,
        ),
    }
    for pair in filter(None, args.pair_heads.split(",")):
        only = (f"da_{pair}", f"ced_{pair}")
        choice = Choice(kind, args.alpha_pair, 64, target_parts, args.ced_weight_pair, args.ced_value)
        start = heads["target"] if args.pair_from_general else None
        heads[pair_mode(pair[:2], pair[2:])] = fit_mode(args.model, "target", choice, args.train_rows, only, start)
    bt = Choice(kind, args.alpha_bt, 64, tuple(args.parts_bt.split(",")), knees=knees, boost_columns=columns)
    heads["back_translation"] = fit_mode(args.model, "back_translation", bt, args.train_rows)
    heads = flag_thresholds(args.model, heads, {"target": args.precision_target, "back_translation": args.precision_bt})
    if args.write:
        save_heads(head_file(args.model), heads)
        clear_cache()
        heads = {mode: load_head(args.model, mode) for mode in heads}  # type: ignore[misc]
    figures = evaluate(args.model, heads, args.baselines)
    for name, value in figures.items():
        print(f"{name}: {value:.3f}")
    boost = heads["back_translation"].boost
    print(
        json.dumps(
            {
                "model": args.model,
                "args": vars(args),
                "boost": None if boost is None else boost.tolist(),
                "figures": figures,
            }
        )
    )


if __name__ == "__main__":
    main()
