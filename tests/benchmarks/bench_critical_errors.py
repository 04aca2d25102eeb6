"""The XL and BT rules on real machine translations with critical errors (MLQE-PE, WMT 2021,
English -> German, ../shared/realdata/meaning): per rule, how many of the `dev` rows labelled ERR
it flags and how many of the rows it flags are ERR (its precision, against the base rate).

The `dev` rows are written to a TSV with `source_en` / `target_de` columns in a temporary folder
(never into the repository) and checked by `python -m tqcheck check` exactly as a user would.

Run: PYTHONPATH=. python tests/benchmarks/bench_critical_errors.py [--select XL,BT] [--split dev]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parents[3] / "shared" / "realdata" / "meaning"
FILE = DATA / "mlqepe_critical_errors_ende_train_dev.tsv"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--select", default="XL,BT")
    parser.add_argument("--split", default="dev")
    args = parser.parse_args()
    if not FILE.is_file():
        raise SystemExit(f"{FILE} is not present")
    lines = FILE.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    col = {name: header.index(name) for name in ("split", "source_en", "translation_de", "label")}
    rows = [cells for line in lines[1:] if (cells := line.split("\t"))[col["split"]] == args.split]
    folder = Path(tempfile.mkdtemp(prefix="tqcheck-critical-"))
    table = folder / "critical_dev.tsv"
    body = "".join(f"{r[col['source_en']]}\t{r[col['translation_de']]}\n" for r in rows)
    table.write_text("source_en\ttarget_de\n" + body, encoding="utf-8")
    labels = [r[col["label"]] == "ERR" for r in rows]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    result = subprocess.run(
        [sys.executable, "-m", "tqcheck", "check", "--select", args.select, "-f", "json", "--fail-on", "never",
         str(table)],
        capture_output=True, text=True, env=env, cwd=folder, check=False,
    )  # fmt: skip
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    payload = json.loads(result.stdout)
    flagged: dict[str, set[int]] = defaultdict(set)
    for finding in payload["findings"]:
        flagged[finding["rule"]].add(finding["line"] - 2)  # line 1 is the header
    errors = sum(labels)
    print(f"{len(rows)} {args.split} rows, {errors} ERR (base rate {errors / len(rows):.3f})")
    print(f"{'rule':6} {'flagged':>7} {'ERR flagged':>11} {'recall':>7} {'precision':>9}")
    every: set[int] = set()
    for rule in sorted(flagged):
        hits = flagged[rule]
        every |= hits
        true = sum(labels[i] for i in hits)
        print(f"{rule:6} {len(hits):7} {true:11} {true / errors:7.3f} {true / len(hits):9.3f}")
    if every:
        true = sum(labels[i] for i in every)
        print(f"{'any':6} {len(every):7} {true:11} {true / errors:7.3f} {true / len(every):9.3f}")


if __name__ == "__main__":
    main()
