"""Precision of each explicit drift detector on real dev data, against its base rate.

A detector may flag a segment on its own (comparison.FLAGGING) only where its precision is well
above the share of bad segments it is drawn from; otherwise it is a reason shown beside a
flagged segment. Runs tqcheck's own comparison (all detectors on, the quality threshold off)
over the MLQE-PE dev splits:

- cross-lingual: critical errors en->de (bad = ERR); direct assessments (bad = DA < 50);
- same language: machine translation vs post-edit, as a back-translation (bad = HTER >= 0.3).

    python tests/benchmarks/bench_detectors.py [--rows 1000]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality_data import tables

from tqcheck.meaning.comparison import compare
from tqcheck.meaning.encoders import Embedder
from tqcheck.meaning.pairs import DriftSettings
from tqcheck.meaning.score_inputs import _table_input
from tqcheck.meaning.vector_store import open_cache

ALL = frozenset({"numbers", "negation", "untranslated", "name", "confusable", "rare", "unmatched-name"})
LANGUAGES = {"ced_ende": ("en", "de"), "pe_ende": ("de", "de"), "pe_ruen": ("en", "en"), "pe_roen": ("en", "en")}
LANGUAGES |= {"pe_eten": ("en", "en"), "da_ende": ("en", "de"), "da_ruen": ("ru", "en"), "da_roen": ("ro", "en")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--model", default="use")
    args = parser.parse_args()
    embedder = Embedder(args.model, cache=open_cache())
    settings = DriftSettings(threshold=-1.0, flagging=ALL)
    for table in tables("dev"):
        if table.name not in LANGUAGES:
            continue
        n = min(args.rows, len(table.left))
        if table.name.startswith("da_"):
            bad = [float(r["da_mean_0_100"]) < 50 for r in table.extra[:n]]
        elif table.name.startswith("ced_"):
            bad = [bool(x) for x in table.label[:n]]
        else:
            bad = [x >= 0.3 for x in table.label[:n]]
        # post-edits: the post-edit plays the source, the machine translation the back-translation
        rows = list(zip(table.left[:n], table.right[:n], strict=True))
        mode = table.mode
        data = _table_input(rows, mode, *LANGUAGES[table.name])
        report = compare(data.source, data.other, embedder, settings, mode=mode, links=data.links)
        fired: Counter[str] = Counter()
        right: Counter[str] = Counter()
        for pair, is_bad in zip(report.pairs, bad, strict=True):
            for signal in set(pair.signals):
                fired[signal] += 1
                right[signal] += is_bad
        base = sum(bad) / n
        print(f"{table.name} (n={n}, base rate {base:.3f}):", flush=True)
        for signal in sorted(ALL):
            if fired[signal]:
                print(f"  {signal}: fires {fired[signal]}, precision {right[signal] / fired[signal]:.3f}", flush=True)
            else:
                print(f"  {signal}: never fires", flush=True)


if __name__ == "__main__":
    main()
