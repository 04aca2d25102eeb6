"""The real human judgements behind the quality head (MLQE-PE, CC0) and their embeddings.

Reads `../shared/realdata/meaning` (see its README), picks a stratified subsample of each
file's `train` rows (embedding all 7,000 rows of twelve files takes hours on a shared 2-core
machine) and every `dev` row, and embeds each text once per model into a cache of .npy files
(default /tmp/meaning-cache, never the repository). Texts are embedded exactly as `tqcheck
score` embeds a table cell (whitespace collapsed), through tqcheck's own encoders.

    python tests/benchmarks/quality_data.py embed [--model use] [--train-rows 1500]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("TQCHECK_REALDATA", ROOT.parent / "shared" / "realdata")) / "meaning"
CACHE = Path(os.environ.get("MEANING_CACHE", "/tmp/meaning-cache"))
PAIRS = ("ende", "enzh", "eten", "neen", "roen", "ruen", "sien")
POSTEDIT = ("ende", "ruen", "roen", "eten")
_SPACE = re.compile(r"\s+")


@dataclass
class Table:
    """One file's selected rows of one split: the two texts compared, and the labels."""

    name: str  # da_ende, ced_ende, pe_ruen
    mode: str  # target (cross-lingual) | back_translation (same language)
    split: str
    left: list[str]  # source, or the post-edit (the reference a back-translation is held to)
    right: list[str]  # translation (MT)
    label: np.ndarray  # da_z_mean | 1.0 for a critical error | hter
    extra: list[dict[str, str]]  # the raw rows (word tags, source...)


def cell(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as handle:
        head = handle.readline().rstrip("\n").split("\t")
        return [dict(zip(head, line.rstrip("\n").split("\t"), strict=True)) for line in handle]


def stratified(items: list[dict[str, str]], value: str, n: int, seed: int = 7) -> list[dict[str, str]]:
    """n rows spread evenly over the deciles of `value` (a label: all rows of each class, as far as n allows)."""
    if len(items) <= n:
        return items
    rnd = random.Random(seed)
    try:
        keys = [float(r[value]) for r in items]
        order = sorted(range(len(items)), key=keys.__getitem__)
        bins = [order[i * len(order) // 10 : (i + 1) * len(order) // 10] for i in range(10)]
    except ValueError:
        classes = sorted({r[value] for r in items})
        bins = [[i for i, r in enumerate(items) if r[value] == c] for c in classes]
    chosen: list[int] = []
    for k, members in enumerate(bins):
        share = n * len(members) // len(items) if k < len(bins) - 1 else n - len(chosen)
        chosen += rnd.sample(members, min(len(members), share))
    return [items[i] for i in sorted(chosen)]


def tables(split: str, train_rows: int = 1500, dev_rows: int = 1000) -> list[Table]:
    """Every file's rows of a split: a stratified subsample of `train`, the first `dev_rows` of `dev`."""
    out = []

    def pick(items: list[dict[str, str]], value: str) -> list[dict[str, str]]:
        items = [r for r in items if r["split"] == split]
        return stratified(items, value, train_rows) if split == "train" else items[:dev_rows]

    for pair in PAIRS:
        chosen = pick(rows(DATA / f"mlqepe_da_{pair}_train_dev.tsv"), "da_z_mean")
        out.append(
            Table(
                f"da_{pair}",
                "target",
                split,
                [cell(r["source"]) for r in chosen],
                [cell(r["translation"]) for r in chosen],
                np.array([float(r["da_z_mean"]) for r in chosen]),
                chosen,
            )
        )
    chosen = pick(rows(DATA / "mlqepe_critical_errors_ende_train_dev.tsv"), "label")
    out.append(
        Table(
            "ced_ende",
            "target",
            split,
            [cell(r["source_en"]) for r in chosen],
            [cell(r["translation_de"]) for r in chosen],
            np.array([float(r["label"] == "ERR") for r in chosen]),
            chosen,
        )
    )
    for pair in POSTEDIT:
        chosen = pick(rows(DATA / f"mlqepe_postedit_{pair}_train_dev.tsv"), "hter")
        out.append(
            Table(
                f"pe_{pair}",
                "back_translation",
                split,
                [cell(r["post_edit"]) for r in chosen],
                [cell(r["translation"]) for r in chosen],
                np.array([float(r["hter"]) for r in chosen]),
                chosen,
            )
        )
    return out


def _path(model: str, texts: list[str]) -> Path:
    digest = hashlib.sha256("\x00".join(texts).encode()).hexdigest()[:16]
    return CACHE / model.replace("+", "_") / f"{digest}.npy"


def embed(model: str, texts: list[str]) -> np.ndarray:
    """The vectors of `texts` (cached as one .npy per list of texts and model)."""
    if "+" in model:
        parts = [embed(m, texts) for m in model.split("+")]
        return (np.hstack(parts) / np.sqrt(len(parts))).astype(np.float32)
    path = _path(model, texts)
    if path.exists():
        return np.load(path)
    from tqcheck.meaning.encoders import load_encoder

    vectors = load_encoder(model).encode(texts)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors)
    return vectors


def table_vectors(model: str, table: Table) -> tuple[np.ndarray, np.ndarray]:
    return embed(model, table.left), embed(model, table.right)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["embed"])
    parser.add_argument("--model", default="use")
    parser.add_argument("--train-rows", type=int, default=1500)
    parser.add_argument("--only", default="", help="comma-separated table names (default: all)")
    parser.add_argument("--splits", default="dev,train")
    parser.add_argument("--dev-rows", type=int, default=1000)
    args = parser.parse_args()
    wanted = set(filter(None, args.only.split(",")))
    for split in args.splits.split(","):
        for table in tables(split, args.train_rows, args.dev_rows):
            if wanted and table.name not in wanted:
                continue
            started = time.perf_counter()
            table_vectors(args.model, table)
            seconds = time.perf_counter() - started
            print(f"{args.model} {split} {table.name}: {len(table.left)} rows, {seconds:.1f} s", flush=True)
    print(json.dumps({"cache": str(CACHE)}), file=sys.stderr)


if __name__ == "__main__":
    main()
