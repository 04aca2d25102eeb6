"""Benchmark of the TL name rules: recall on planted variant pairs, false flags on hard negatives,
the corpus pass, and the time the name checks add to `tqcheck check` on 1,000 generated articles.

Run: PYTHONPATH=. python tests/benchmarks/bench_names.py [--seed N] [--articles 1000]
Documents are generated from news-like template sentences written for this benchmark and the
real name variant groups in names_data.py (public knowledge). Nothing is downloaded.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from names_data import HARD_NEGATIVES, VARIANT_GROUPS

from tqcheck import check_paths
from tqcheck.core.config import Config

PERSON = {
    "en": [
        "{name} said on Monday that the talks would continue.",
        "In a statement, {name} rejected the accusations as baseless.",
        "Officials close to {name} declined to comment on the report.",
        "Speaking to reporters in Geneva, {name} called for calm.",
        "The meeting with {name} lasted more than two hours, according to aides.",
        "Critics accused {name} of ignoring repeated warnings.",
        "A spokesman for {name} said the visit had been postponed.",
        "Asked about the sanctions, {name} said the country would not yield.",
    ],
    "fr": [
        "{name} a déclaré lundi que les discussions allaient se poursuivre.",
        "Dans un communiqué, {name} a rejeté ces accusations.",
        "L'entourage de {name} n'a pas souhaité commenter.",
        "Devant la presse à Genève, {name} a appelé au calme.",
        "Selon ses conseillers, la rencontre avec {name} a duré plus de deux heures.",
    ],
    "de": [
        "{name} sagte am Montag, die Gespräche würden fortgesetzt.",
        "In einer Erklärung wies {name} die Vorwürfe zurück.",
        "Das Umfeld von {name} wollte sich nicht äußern.",
        "Vor Journalisten in Genf rief {name} zur Ruhe auf.",
        "Nach Angaben von Beratern dauerte das Treffen mit {name} mehr als zwei Stunden.",
    ],
}
PLACE = {
    "en": [
        "Officials in {name} said the border would stay open.",
        "The {name} delegation arrived in Vienna on Tuesday.",
        "Talks with {name} are expected to resume next month.",
    ],
    "fr": [
        "Les autorités de {name} ont indiqué que la frontière resterait ouverte.",
        "La délégation de {name} est arrivée à Vienne.",
    ],
    "de": ["Die Behörden in {name} erklärten, die Grenze bleibe offen.", "Die Delegation aus {name} traf in Wien ein."],
}
FILLER = {
    "en": [
        "The talks come amid rising tensions in the region.",
        "Markets in London and Frankfurt closed slightly lower on Thursday.",
        "The European Union has imposed several rounds of sanctions since February.",
        "Analysts said a breakthrough was unlikely before the summer.",
        "The United Nations Security Council will discuss the issue on Friday.",
        "Prices for wheat and fertiliser rose sharply after the announcement.",
        "Diplomats in Brussels described the atmosphere as tense but businesslike.",
        "The International Monetary Fund cut its growth forecast for the region.",
        "Humanitarian groups warned that winter would worsen the situation.",
        "Turnout in the regional elections was the lowest in two decades.",
        "The government has said it will not comment on the details until the review is complete.",
        "Officials said the number of people affected could rise as rescue teams reach remote areas.",
        "The proposal would raise the retirement age gradually over the next ten years.",
        "Several opposition lawmakers said the bill had been rushed through without proper debate.",
        "Energy prices have fallen from their peak but remain well above the levels of two years ago.",
        "The company said its profit for the quarter had doubled, helped by higher sales abroad.",
        "Local residents said they had heard explosions overnight and that power was cut for hours.",
        "It was not immediately clear how many people had been detained during the protests.",
        "The ministry said the new rules would take effect at the start of next year.",
        "Both sides have accused each other of violating the ceasefire in recent weeks.",
        "Inflation slowed for a third month in a row, according to preliminary figures.",
        "The report said the agency had failed to act on warnings about the safety of the plant.",
    ],
    "fr": [
        "Ces discussions interviennent sur fond de tensions croissantes dans la région.",
        "Les marchés de Paris et de Francfort ont clôturé en légère baisse jeudi.",
        "L'Union européenne a adopté plusieurs séries de sanctions depuis février.",
        "Selon les analystes, une percée reste peu probable avant l'été.",
        "Le Conseil de sécurité des Nations unies se réunira vendredi.",
    ],
    "de": [
        "Die Gespräche finden vor dem Hintergrund wachsender Spannungen in der Region statt.",
        "Die Börsen in London und Frankfurt schlossen am Donnerstag leicht im Minus.",
        "Die Europäische Union hat seit Februar mehrere Sanktionspakete beschlossen.",
        "Analysten hielten einen Durchbruch vor dem Sommer für unwahrscheinlich.",
        "Der UN-Sicherheitsrat wird sich am Freitag mit dem Thema befassen.",
    ],
}
HEADLINES = {"en": "Talks resume as envoys meet", "fr": "Reprise des discussions", "de": "Gespräche werden fortgesetzt"}
REPORTER_GIVEN = ["Anna", "Thomas", "Claire", "Martin", "Sophie", "Daniel", "Julia", "Pierre", "Laura", "Jan"]
REPORTER_FAMILY = ["Keller", "Dubois", "Hartmann", "Moreau", "Lindqvist", "Novak", "Ferreira", "Brennan", "Okafor"]


def sentence(rng: random.Random, language: str, name: str) -> str:
    pool = PERSON[language] if " " in name or "-" in name[1:] else PLACE[language]
    return rng.choice(pool).format(name=name)


def document(rng: random.Random, language: str, mentions: list[str]) -> tuple[str, list[int]]:
    """Text with one paragraph per mention between fillers; returns offsets of each mention."""
    parts = ["---", f"language: {language}", "---", f"# {HEADLINES[language]}", ""]
    offsets: list[int] = []
    for name in mentions:
        parts.append(rng.choice(FILLER[language]))
        text = sentence(rng, language, name)
        head = "\n".join(parts) + "\n"
        offsets.append(len(head) + text.index(name))
        parts.append(text)
    parts.append(f"Reporting by {rng.choice(REPORTER_GIVEN)} {rng.choice(REPORTER_FAMILY)}.")
    return "\n".join(parts) + "\n", offsets


NO_GLOSSARY = {"TL001": {"glossary": []}}
PARTICLES = {"bin", "ben", "ibn", "al", "el", "de", "van", "von"}


def expected_spans(a: str, b: str, offset: int) -> list[tuple[int, int, str]]:
    """The words of spelling b that differ from a, aligned from the end (particles skipped)."""
    words_b, position = [], 0
    for word in b.split():
        words_b.append((offset + position, word))
        position += len(word) + 1
    ta = [w for w in a.split() if w not in PARTICLES]
    tb = [(start, w) for start, w in words_b if w not in PARTICLES]
    spans = []
    for pos in range(1, min(len(ta), len(tb)) + 1):
        start, word = tb[-pos]
        if word != ta[-pos]:
            spans.append((start, start + len(word), ta[-pos]))
    return spans


def bench_variants(rng: random.Random, root: Path, count: int) -> None:
    groups = [(family, g) for family, gs in VARIANT_GROUPS.items() for g in gs]
    cases = []
    for i in range(count):
        family, group = groups[i % len(groups)]
        a, b = rng.sample(group, 2)
        language = rng.choice(["en", "en", "fr", "de"])
        mentions = [a, a, a.split()[-1] if " " in a else a]
        mentions.insert(rng.randrange(1, 4), b)
        text, offsets = document(rng, language, mentions)
        b_offset = offsets[mentions.index(b)]
        path = root / f"variant-{i:04d}.md"
        path.write_text(text, encoding="utf-8")
        cases.append((path, family, a, b, expected_spans(a, b, b_offset)))
    # no glossary: the shipped one would rightly overrule the planted majority for Zelensky
    findings = check_paths([root], config=Config(select=("TL001",), root=root, rules=NO_GLOSSARY))
    by_path: dict[str, list[tuple[int, int, str | None]]] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append((f.start, f.end, f.suggestion))
    hits = partial = extra = total_findings = 0
    per_family: dict[str, list[int]] = {}
    misses: list[str] = []
    for path, family, a, b, spans in cases:
        got = by_path.get(str(path), [])
        total_findings += len(got)
        want = {(s, e) for s, e, _ in spans}
        found = {(s, e) for s, e, _ in got}
        extra += len(found - want)
        ok = bool(want) and want <= found
        hits += ok
        partial += bool(want & found)
        per_family.setdefault(family, [0, 0])[0] += ok
        per_family[family][1] += 1
        if not ok and len(misses) < 40:
            misses.append(f"{a} / {b}")
    n = len(cases)
    print(f"TL001 variant documents: {n}")
    print(f"  recall (every differing word of the minority spelling flagged): {hits / n:.3f}")
    print(f"  recall (at least one flagged): {partial / n:.3f}")
    print(f"  precision of findings on variant documents: {(total_findings - extra) / max(total_findings, 1):.3f}")
    for family, (ok, all_) in sorted(per_family.items()):
        print(f"  {family:6s} {ok}/{all_} = {ok / all_:.2f}")
    print("  missed pairs (sample): " + "; ".join(sorted(set(misses))[:25]))


def bench_negatives(rng: random.Random, root: Path, count: int) -> None:
    flagged: list[str] = []
    for i in range(count):
        x, y = HARD_NEGATIVES[i % len(HARD_NEGATIVES)]
        language = rng.choice(["en", "en", "fr", "de"])
        mentions = [x, y, x, y]
        rng.shuffle(mentions)
        text, _ = document(rng, language, mentions)
        (root / f"negative-{i:04d}.md").write_text(text, encoding="utf-8")
    findings = check_paths([root], config=Config(select=("TL001",), root=root))
    paths = {f.path for f in findings}
    for i in range(count):
        if str(root / f"negative-{i:04d}.md") in paths:
            flagged.append("{} / {}".format(*HARD_NEGATIVES[i % len(HARD_NEGATIVES)]))
    print(f"TL001 hard-negative documents: {count}; flagged: {len(paths)} = {len(paths) / count:.3f}")
    if flagged:
        print("  flagged pairs: " + "; ".join(sorted(set(flagged))))


def bench_corpus(rng: random.Random, root: Path) -> None:
    """TL003: three files use one spelling, one file another; hard negatives across files."""
    hits = total = false_flags = negatives = 0
    for i, (_, group) in enumerate((f, g) for f, gs in VARIANT_GROUPS.items() for g in gs):
        folder = root / f"group-{i:03d}"
        folder.mkdir()
        a, b = rng.sample(group, 2)
        for j, name in enumerate([a, a, a, b]):
            text, _ = document(rng, "en", [name, name.split()[-1]])
            (folder / f"{j}.md").write_text(text, encoding="utf-8")
        found = check_paths([folder], config=Config(select=("TL003",), root=folder))
        total += 1
        hits += any(f.path.endswith("3.md") for f in found)
    for i, (x, y) in enumerate(HARD_NEGATIVES):
        folder = root / f"negative-{i:03d}"
        folder.mkdir()
        for j, name in enumerate([x, x, y]):
            text, _ = document(rng, "en", [name, name])
            (folder / f"{j}.md").write_text(text, encoding="utf-8")
        negatives += 1
        false_flags += bool(check_paths([folder], config=Config(select=("TL003",), root=folder)))
    print(
        f"TL003 corpus pass: recall {hits}/{total} = {hits / total:.3f}; "
        f"hard-negative corpora flagged {false_flags}/{negatives} = {false_flags / negatives:.3f}"
    )


def article(rng: random.Random, people: list[str]) -> str:
    lines = ["---", "language: en", "---", f"# {HEADLINES['en']}", ""]
    for index in range(14):
        paragraph = [rng.choice(FILLER["en"]) for _ in range(3)]
        if index % 2 == 0:
            person = rng.choice(people)
            paragraph.insert(1, sentence(rng, "en", person if index < 4 else person.split()[-1]))
        lines.append(" ".join(paragraph))
    lines.append(f"Reporting by {rng.choice(REPORTER_GIVEN)} {rng.choice(REPORTER_FAMILY)}.")
    return "\n\n".join(lines) + "\n"


def bench_speed(rng: random.Random, root: Path, articles: int) -> None:
    people = [g[0] for gs in VARIANT_GROUPS.values() for g in gs]
    for i in range(articles):
        (root / f"article-{i:04d}.md").write_text(article(rng, rng.sample(people, 4)), encoding="utf-8")
    texts = [p.read_text(encoding="utf-8").split() for p in root.glob("*.md")]
    words = sum(len(t) for t in texts)
    capitalised = sum(1 for t in texts for w in t if w[:1].isupper())

    def timed(*extra: str) -> tuple[float, str]:
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "tqcheck", "check", str(root), "--fail-on", "never", *extra],
            capture_output=True,
            text=True,
            check=False,
        )
        return time.perf_counter() - start, done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""

    timed()  # warm the lexicon cache
    with_tl, without_tl = [], []
    summary = ""
    for _ in range(5):
        seconds, summary = timed()
        with_tl.append(seconds)
        without_tl.append(timed("--ignore", "TL")[0])
    best_with, best_without = min(with_tl), min(without_tl)
    print(f"speed: {articles} articles, {words} words, {100 * capitalised / words:.1f}% capitalised")
    print(
        f"  tqcheck check with TL: {best_with:.2f} s; with --ignore TL: {best_without:.2f} s; "
        f"TL adds {best_with - best_without:.2f} s = {100 * (best_with - best_without) / best_without:.1f}%"
    )
    print(f"  result with TL on the consistent corpus: {summary}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--documents", type=int, default=500, help="variant documents (and as many negatives)")
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    groups = sum(len(g) for g in VARIANT_GROUPS.values())
    print(f"{groups} variant groups, {len(HARD_NEGATIVES)} hard-negative pairs")
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as temp:
        base = Path(temp)
        for name in ("variants", "negatives", "corpus", "speed"):
            (base / name).mkdir()
        bench_variants(rng, base / "variants", args.documents)
        bench_negatives(rng, base / "negatives", args.documents)
        bench_corpus(rng, base / "corpus")
        bench_speed(rng, base / "speed", args.articles)


if __name__ == "__main__":
    main()
