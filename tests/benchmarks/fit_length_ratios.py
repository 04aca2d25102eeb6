"""Fit XL006's typical target/source length ratio per language pair on real parallel data.

For each MLQE-PE pair in ../shared/realdata/meaning, the median of letters(target) /
letters(source) over the `train` rows whose source has at least `min-source` letters, counted
exactly as XL006 counts them (letters and digits; spacing and punctuation vary between
languages). The target is the professional post-edit where the set has one (a human-approved
translation), else the machine translation of rows judged better than average (`da_z_mean` > 0).
The reverse direction is the inverse ratio. The `dev` rows check the fit: the median dev ratio
beside the fitted one, and the share of dev pairs XL006 would flag with the fitted ratio.

Run: PYTHONPATH=. python tests/benchmarks/fit_length_ratios.py [--write]
(`--write` rewrites rules/bilingual/data/length_ratios.yaml)
"""

from __future__ import annotations

import argparse
from pathlib import Path
from statistics import median

from tqcheck.kinds.xl_length import letters

DATA = Path(__file__).resolve().parents[3] / "shared" / "realdata" / "meaning"
OUT = Path(__file__).resolve().parents[2] / "rules" / "bilingual" / "data" / "length_ratios.yaml"
MIN_SOURCE, SHORT, LONG = 30, 0.4, 2.5


def rows(path: Path) -> list[dict[str, str]]:
    lines = path.read_text(encoding="utf-8").split("\n")
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:] if line]


def pair_ratios(pair: str, split: str) -> list[float]:
    edited = DATA / f"mlqepe_postedit_{pair}_train_dev.tsv"
    if edited.is_file():
        chosen = [(r["source"], r["post_edit"]) for r in rows(edited) if r["split"] == split]
    else:
        scored = rows(DATA / f"mlqepe_da_{pair}_train_dev.tsv")
        chosen = [(r["source"], r["translation"]) for r in scored if r["split"] == split and float(r["da_z_mean"]) > 0]
    found = []
    for source, target in chosen:
        s, t = letters(source), letters(target)
        if s >= MIN_SOURCE and t:
            found.append(t / s)
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    pairs = sorted({p.stem.split("_")[2] for p in DATA.glob("mlqepe_*_train_dev.tsv") if "critical" not in p.stem})
    fitted: dict[str, tuple[float, int]] = {}
    print(f"{'pair':6} {'train n':>7} {'ratio':>6} {'dev n':>6} {'dev median':>10} {'dev flagged':>11}")
    for pair in pairs:
        train, dev = pair_ratios(pair, "train"), pair_ratios(pair, "dev")
        ratio = median(train)
        fitted[pair] = (ratio, len(train))
        flagged = sum(1 for r in dev if not SHORT <= r / ratio <= LONG)
        name = f"{pair[:2]}-{pair[2:]}"
        print(f"{name:6} {len(train):7} {ratio:6.3f} {len(dev):6} {median(dev):10.3f} {flagged / len(dev):11.4f}")
    if args.write:
        lines = [
            "# XL006's typical target/source length ratio (letters and digits) per language pair:",
            "# the median over real parallel data (MLQE-PE, WMT 2020, CC0; the `train` split: post-edits",
            "# where the set has them, else translations rated above average). Written by",
            "# tests/benchmarks/fit_length_ratios.py --write; the reverse pair is the inverse ratio.",
            "# Pairs not listed use the file's own median (see the rule's `ratios` option).",
        ]
        for pair, (ratio, count) in sorted(fitted.items()):
            lines.append(f"{pair[:2]}-{pair[2:]}: {ratio:.3f}  # {count} train pairs")
        OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
