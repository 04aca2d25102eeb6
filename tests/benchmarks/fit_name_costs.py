"""Fit the edit costs of tqcheck/names/data/edit_costs.json on the training half of real name lists.

Run: PYTHONPATH=. python tests/benchmarks/fit_name_costs.py [--data ../shared/realdata/names] [--check]

The data are the development name lists of ../shared/realdata (see its README): Latin spellings
that Wikidata gives one Russian name token, and spellings of one person from the US sanctions list.
Each list is split in two halves by a hash (a Wikidata token, or a sanctions-list person: the
connected group of spellings that rows link) and only the `train` half is fitted; `split_rows`
is shared with the evaluation (tests/benchmarks/eval_names_split.py), which reports on `test`.

Method: hard EM. Align every pair of skeletons (names.normalise.skeletons) with the current costs,
count the edits, and set each edit's cost to -log2 of its relative frequency (a substitution
against keeping the letter, an insertion against the positions where it could happen), then
align again; a handful of rounds converge. Only the table is shipped, never a name.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tqcheck.names.edits import FINAL, FREE_FIRST, INITIAL, MEDIAL, Costs, align  # noqa: E402
from tqcheck.names.normalise import skeletons  # noqa: E402

DATA = ROOT.parent / "shared" / "realdata" / "names"
OUT = ROOT / "tqcheck" / "names" / "data" / "edit_costs.json"
LETTERS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
ROUNDS = 6
SMOOTHING = 0.5
MIN_COUNT = 2  # edits shown by fewer sources (tokens, people) in training get the unseen price
MIN_FIRST = 3  # a first consonant changed in fewer sources than this never changes
# skeleton letters (names.normalise) that may be added or dropped at the start of a name: vowels,
# h / kh (H), and the glides y / i (I), j, v / w; every other first letter is fixed
INITIAL_FREE = FREE_FIRST
INITIAL_FIXED = set("bcdfgklmnpqrstxzSJZ")


def rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        return [dict(zip(head, line.rstrip("\n").split("\t"), strict=False)) for line in f]


def half(key: str) -> str:
    return "train" if hashlib.md5(key.encode()).digest()[0] % 2 == 0 else "test"


def two_words(name: str) -> str:
    parts = name.split()
    return f"{parts[0]} {parts[-1]}" if len(parts) > 2 else name


def ofac_people(table: list[dict[str, str]]) -> dict[str, str]:
    """Each full spelling -> a person key: spellings linked by any row are one person."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for row in table:
        if row["pair_type"] == "spelling_variant":
            parent[find(row["name_a"])] = find(row["name_b"])
        else:
            find(row["name_a"]), find(row["name_b"])
    return {name: find(name) for name in list(parent)}


def split_rows(data: Path = DATA) -> dict[str, dict[str, list]]:
    """{'train'|'test': {'wikidata': [[spelling, count]...] per token, 'ofac': [(a, b, type)]}}."""
    out: dict[str, dict[str, list]] = {s: {"wikidata": [], "ofac": []} for s in ("train", "test")}
    for row in rows(data / "wikidata_ru_latin_token_variants_dev.tsv"):
        variants = []
        for item in row["latin_variants_with_counts"].split("|"):
            if ":" in item:
                spelling, count = item.rsplit(":", 1)
                variants.append((spelling, int(count)))
        out[half(row["cyrillic_token"])]["wikidata"].append(variants)
    table = rows(data / "ofac_name_pairs_dev.tsv")
    people = ofac_people(table)
    for row in table:
        person = people[row["name_a"]]
        out[half(person)]["ofac"].append((row["name_a"], row["name_b"], row["pair_type"], person))
    return out


def similar(a: str, b: str) -> bool:
    """At most half the skeleton letters differ: the sanctions list's aliases of one person
    (Castillo / Guillen) are other names, not spellings, and must not teach the costs."""
    from rapidfuzz.distance import Levenshtein

    return any(Levenshtein.normalized_distance(x, y) <= 0.5 for x in skeletons(a) for y in skeletons(b))


def token_pairs(part: dict[str, list]) -> Iterator[tuple[str, str, str]]:
    """Pairs of spellings of one name token, with their source (a Wikidata token, a sanctions-
    list person): Wikidata variants seen at least twice, and the differing words of sanctions-list
    spelling variants of two words each (similar ones)."""
    for variants in part["wikidata"]:
        common = [s for s, c in variants if c >= 2 and LETTERS.fullmatch(s)][:8]
        for i, a in enumerate(common):
            for b in common[i + 1 :]:
                yield a.title(), b.title(), f"w:{variants[0][0]}"
    for a, b, kind, person in part["ofac"]:
        if kind != "spelling_variant":
            continue
        wa, wb = two_words(a).split(), two_words(b).split()
        if len(wa) != len(wb):
            continue
        for x, y in zip(wa, wb, strict=True):
            if x != y and LETTERS.fullmatch(x) and LETTERS.fullmatch(y) and similar(x, y):
                yield x, y, f"o:{person}"


def initial_costs() -> Costs:
    return Costs(substitute={}, indel={}, unseen_substitute=1.0, unseen_indel=1.0, first={})


def fit(pairs: list[tuple[str, str, str]], rounds: int = ROUNDS) -> Costs:
    """Hard EM over (spelling, spelling, source) triples. An edit counts as seen only when at
    least MIN_COUNT sources show it (MIN_FIRST for a changed first consonant): one person's
    noisy aliases in a list must not teach a transliteration."""
    skeleton_pairs = [(skeletons(a), skeletons(b), source) for a, b, source in pairs]
    costs = initial_costs()
    for number in range(rounds):
        subs: Counter[tuple[str, str]] = Counter()
        kept: Counter[str] = Counter()
        gaps: Counter[str] = Counter()
        slots: Counter[str] = Counter()
        sources: dict[object, set[str]] = defaultdict(set)
        total = 0.0
        for alternatives_a, alternatives_b, source in skeleton_pairs:
            best = min(
                ((align(x, y, costs), x, y) for x in alternatives_a for y in alternatives_b), key=lambda f: f[0][0]
            )
            (cost, edits), a, b = best
            total += cost
            for word in (a, b):
                for index, letter in enumerate(word):
                    kept[letter] += 1
                    slots[_slot(index, len(word))] += 1
            changed: Counter[str] = Counter()
            if a[:1] != b[:1] and edits and edits[0][0] == a[:1] and edits[0][1] == b[:1]:
                sources[("first", *sorted((a[0], b[0])))].add(source)  # both first letters changed
            for x, y, where in edits:
                if x and y:
                    subs[(x, y)] += 1
                    subs[(y, x)] += 1
                    changed[x] += 1
                    changed[y] += 1
                    sources[tuple(sorted((x, y)))].add(source)
                else:
                    key = (INITIAL + (x or y)) if where == INITIAL else (x or y) + where
                    gaps[key] += 1
                    sources[key].add(source)
                    sources[x or y].add(source)
            kept.subtract(changed)
        seen = {key for key, found in sources.items() if len(found) >= MIN_COUNT}
        costs = _costs(subs, kept, gaps, slots, seen)
        first = {}
        for key, found in sources.items():
            if isinstance(key, tuple) and key[0] == "first" and len(found) >= MIN_FIRST:
                x, y = key[1], key[2]
                if costs.sub(x, y) < costs.unseen_substitute:
                    first[(x, y)] = first[(y, x)] = costs.sub(x, y)
        costs = Costs(
            substitute=costs.substitute,
            indel=costs.indel,
            unseen_substitute=costs.unseen_substitute,
            unseen_indel=costs.unseen_indel,
            first=first,
        )
        print(f"round {number + 1}: mean alignment cost {total / max(1, len(pairs)):.3f} bits", file=sys.stderr)
    return costs


def _slot(index: int, length: int) -> str:
    return INITIAL if index == 0 else FINAL if index == length - 1 else MEDIAL


def _costs(
    subs: Counter[tuple[str, str]], kept: Counter[str], gaps: Counter[str], slots: Counter[str], seen: set[object]
) -> Costs:
    substitute: dict[tuple[str, str], float] = {}
    for (x, y), count in subs.items():
        if (x, y) not in seen or x > y:
            continue
        # -log2 P(y | x) + log2 P(x | x), averaged over both directions
        here = [math.log2((kept[s] + SMOOTHING) / (count + SMOOTHING)) for s in (x, y)]
        substitute[(x, y)] = substitute[(y, x)] = max(0.05, sum(here) / 2)
    all_slots = sum(slots.values())
    indel: dict[str, float] = {}
    by_letter: Counter[str] = Counter()
    for key, count in gaps.items():
        letter = key.strip(INITIAL + FINAL)
        by_letter[letter] += count
        if key in seen:
            where = INITIAL if key.startswith(INITIAL) else FINAL if key.endswith(FINAL) else MEDIAL
            indel[key] = max(0.05, math.log2((slots[where] + SMOOTHING) / (count + SMOOTHING)))
    for letter, count in by_letter.items():
        if letter in seen:
            indel[letter] = max(0.05, math.log2((all_slots + SMOOTHING) / (count + SMOOTHING)))
    # while fitting, an unseen edit is dear but possible (so alignments stay finite)
    worst = max([*substitute.values(), *indel.values(), 1.0])
    return Costs(substitute=substitute, indel=indel, unseen_substitute=worst + 1, unseen_indel=worst + 1)


def shipped(costs: Costs) -> Costs:
    """The table as shipped: an edit seen fewer than MIN_COUNT times between spellings of one
    name is no transliteration (infinite), and a name's first consonant does not come and go,
    except h and the glides (Idajet / Hidajet, Egor / Yegor): a list's noise must not teach it."""
    indel = dict(costs.indel)
    for letter in {key.strip(INITIAL + FINAL) for key in indel} | INITIAL_FIXED:
        if letter not in INITIAL_FREE:
            indel[INITIAL + letter] = math.inf
    return Costs(
        substitute=dict(costs.substitute),
        indel=indel,
        unseen_substitute=math.inf,
        unseen_indel=math.inf,
        first=dict(costs.first),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if not args.data.is_dir():
        sys.exit(f"{args.data}: the real name lists are not here (see ../shared/realdata/README.md)")
    train = split_rows(args.data)["train"]
    pairs = list(dict.fromkeys(token_pairs(train)))
    print(f"{len(pairs)} training pairs of spellings", file=sys.stderr)
    costs = shipped(fit(pairs))
    payload = {
        "about": "Edit costs in bits between name skeletons (names.normalise.skeletons), fitted by "
        "tests/benchmarks/fit_name_costs.py on the train half of real name lists; no names.",
        "pairs": len(pairs),
        **costs.as_json(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(costs.substitute) // 2} substitutions, {len(costs.indel)} gaps", file=sys.stderr)


if __name__ == "__main__":
    main()
