"""USE, e5 and their fusion on the same real rows: dev figures and CPU cost per sentence.

multilingual-e5-small costs about 20x the CPU of USE on this project's machine, so the
comparison uses a small common subsample (heads fitted on `--train-rows` rows per file,
scored on the first `--dev-rows` dev rows of the three acceptance files), the same rows for
every encoder. Run `quality_data.py embed --model e5 --train-rows N --dev-rows M` first.

    python tests/benchmarks/compare_encoders.py [--train-rows 100] [--dev-rows 400]
"""

from __future__ import annotations

import argparse
import resource
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality_data import tables
from train_quality import Choice, auc, fit_ranker, pearson, table_features, targets

DEV = ("da_ende", "da_ruen", "ced_ende")
PARTS = ("uv", "diff", "prod", "cos", "num", "neg", "lex")


def cpu_seconds_per_100(model: str) -> float:
    from tqcheck.meaning.encoders import load_encoder

    texts = [t for table in tables("dev", dev_rows=50) if table.name == "da_ruen" for t in table.right][:50]
    encoder = load_encoder(model)
    encoder.encode(["warm up"])
    usage = resource.getrusage(resource.RUSAGE_SELF)
    before = usage.ru_utime + usage.ru_stime
    encoder.encode(texts)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return (usage.ru_utime + usage.ru_stime - before) * 100 / len(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train-rows", type=int, default=100)
    parser.add_argument("--dev-rows", type=int, default=400)
    parser.add_argument("--alpha", type=float, default=30000.0)
    args = parser.parse_args()
    train = [t for t in tables("train", args.train_rows) if t.mode == "target"]
    dev = [t for t in tables("dev", dev_rows=args.dev_rows) if t.name in DEV]
    for model in ("use", "e5", "use+e5"):
        choice = Choice("ridge", args.alpha, 64, PARTS)
        x = np.vstack([table_features(model, t, PARTS) for t in train])
        y, w, _ = targets(train, choice)
        head = fit_ranker(x, y, w, choice)
        out = []
        for t in dev:
            s = head.score(table_features(model, t, PARTS))
            u = table_features(model, t, ("cos",))[:, 0]
            if t.name.startswith("da_"):
                out.append(f"{t.name} pearson {pearson(s, t.label):.3f} (cosine {pearson(u, t.label):.3f})")
            else:
                out.append(f"{t.name} auc {auc(t.label > 0, -s):.3f} (cosine {auc(t.label > 0, -u):.3f})")
        print(f"{model}: " + "; ".join(out), flush=True)
    for model in ("use", "e5"):
        print(f"{model}: {cpu_seconds_per_100(model):.2f} CPU s per 100 sentences", flush=True)


if __name__ == "__main__":
    main()
