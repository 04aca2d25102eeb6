"""TL001 on the real name lists, per half of the split that fit_name_costs.py fits on.

Run: PYTHONPATH=. python tests/benchmarks/eval_names_split.py [--split train|test|all] [--every]
     [--option max-given-distance=2.4 ...]

The documents are those of ../shared/realdata/measure.py (names): two spellings of a name in a
short news paragraph, one file per pair; the same random sample (seed 3) of 400 sanctions-list
variants, 300 Wikidata given-name pairs with a shared surname and 300 different people. `--every`
uses every pair instead of the sample (the train half then has ~4,800 documents: that is what the
TL001 defaults were chosen on). Options of TL001 can be set to compare settings; the test half
and `all` report what the defaults give. The check runs in process (tqcheck.check_text), so the
figures equal measure.py's for `--split all` without `--every`.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fit_name_costs import DATA, half, ofac_people, rows, two_words

from tqcheck import check_text
from tqcheck.core.config import Config

STORY = (
    "{a} arrived in Madrid on Monday for a round of talks with the government, a spokesman said.\n\n"
    "The talks went on into the night. On Tuesday morning {b} said both sides wanted another meeting "
    "before the end of the month.\n"
)
SURNAMES = ["Kuznetsov", "Popov", "Sokolov", "Lebedev", "Kozlov", "Novikov"]  # measure.py's, not data
Pair = tuple[str, str, str]  # spelling a, spelling b, half


def pairs(every: bool) -> dict[str, list[Pair]]:
    """The measure's three sets of pairs, each pair with the half of the split it belongs to."""
    rnd = random.Random(3)
    table = rows(DATA / "ofac_name_pairs_dev.tsv")
    people = ofac_people(table)

    def spellings(kind: str) -> list[Pair]:
        return [
            (two_words(r["name_a"]), two_words(r["name_b"]), half(people[r["name_a"]]))
            for r in table
            if r["pair_type"] == kind
        ]

    variants = [
        (a, b, h) for a, b, h in spellings("spelling_variant") if a != b and len(a.split()) == len(b.split()) == 2
    ]
    sampled = variants if every else rnd.sample(variants, min(400, len(variants)))
    negatives = spellings("hard_negative")
    sampled_negatives = negatives if every else rnd.sample(negatives, min(300, len(negatives)))
    tokens = []
    for r in rows(DATA / "wikidata_ru_latin_token_variants_dev.tsv"):
        found = [v.rsplit(":", 1) for v in r["latin_variants_with_counts"].split("|") if ":" in v]
        kept = [v for v, c in found if int(c) >= 3 and re.fullmatch(r"[a-zà-ÿ'-]+", v)]
        if len(kept) >= 2:
            tokens.append((kept[0].title(), kept[1].title(), half(r["cyrillic_token"])))
    chosen = tokens if every else rnd.sample(tokens, min(300, len(tokens)))
    wikidata = []
    for a, b, h in chosen:
        surname = rnd.choice(SURNAMES)
        wikidata.append((f"{a} {surname}", f"{b} {surname}", h))
    return {"variants": sampled, "wikidata": wikidata, "negatives": sampled_negatives}


def flagged(a: str, b: str, config: Config) -> bool:
    return bool(check_text(STORY.format(a=a, b=b), path="pair.md", config=config))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=("train", "test", "all"), default="test")
    parser.add_argument("--every", action="store_true", help="every pair, not the measure's sample")
    parser.add_argument("--option", action="append", default=[], help="TL001 option NAME=VALUE")
    parser.add_argument("--show", type=int, default=0, help="list this many misses and false flags")
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"{DATA}: the real name lists are not here (see ../shared/realdata/README.md)")
    options = {}
    for item in args.option:
        name, value = item.split("=", 1)
        options[name] = float(value) if "." in value else int(value)
    config = Config(select=("TL001",), language="en", fail_on=None, rules={"TL001": options} if options else {})
    labels = {
        "variants": "OFAC spelling variants found",
        "wikidata": "Wikidata Russian-name transliterations found",
        "negatives": "OFAC different people with similar names flagged",
    }
    for kind, found in pairs(args.every).items():
        chosen = [(a, b) for a, b, h in found if args.split in ("all", h)]
        wrong = []
        hits = 0
        for a, b in chosen:
            hit = flagged(a, b, config)
            hits += hit
            if hit == (kind == "negatives"):
                wrong.append(f"{a} / {b}")
        print(f"{labels[kind]} ({args.split}, n={len(chosen)}): {hits / max(1, len(chosen)):.3f}", flush=True)
        for line in wrong[: args.show]:
            print(f"    {line}")


if __name__ == "__main__":
    main()
