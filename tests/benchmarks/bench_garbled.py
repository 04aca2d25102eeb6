"""Benchmark of the GW/PN/BP rules: precision and recall per class of damage, false alarms
(speed is measured by bench_speed.py).

The clean prose in tests/benchmarks/corpus/ is our own writing. Each language's text is
damaged at random, one class of damage per copy: a lost accented letter or accent and an
accent changed or added (GW001), mojibake through cp1252 and MacRoman (GW002), an OCR
misreading, a split word, two words run together (GW003), a typing slip (GW004), a scraping
leftover line (BP001) and a space inside quotation marks (PN008). A finding of the class's
rule is a true positive when it overlaps a damage of the copy; per class, precision is over
that rule's findings in the class's copies, recall over the damages injected.

Run: PYTHONPATH=. python tests/benchmarks/bench_garbled.py
"""

from __future__ import annotations

import os
import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tqcheck.core.config import Config
from tqcheck.engine.inputs import prepare
from tqcheck.engine.run import check_documents, load_rules
from tqcheck.language.accents import strip_accents
from tqcheck.readers import read_text

CORPUS = Path(__file__).parent / "corpus"
RULES = ("GW001", "GW002", "GW003", "GW004", "BP001", "PN008")
OCR = (
    ("m", "rn"),
    ("d", "cl"),
    ("h", "li"),
    ("w", "vv"),
    ("l", "1"),
    ("u", "ii"),
    ("s", "5"),
    ("o", "0"),
    ("h", "b"),
    ("e", "c"),
)
FUNCTION_WORDS = {
    "en": ["of", "the", "and", "to", "in", "for", "with", "that", "their", "was"],
    "fr": ["les", "des", "pour", "dans", "avec", "une", "sur", "par", "que"],
    "de": [],
}


@dataclass
class Damage:
    rule: str
    start: int
    end: int
    original: str


CLASSES = {
    "accent": "GW001",
    "changed": "GW001",
    "mojibake": "GW002",
    "macroman": "GW002",
    "ocr": "GW003",
    "split": "GW003",
    "join": "GW003",
    "misspelling": "GW004",
    "leftover": "BP001",
    "quote-space": "PN008",
}
KINDS = tuple(CLASSES)
# leftover lines of our own, by language (English widgets turn up in every language's pages)
LEFTOVERS = {
    "en": [
        "Share this article",
        "Advertisement",
        "Leave a comment",
        "Select Language",
        "Source link -12-",
        "© 2026 Harbour Times. All rights reserved.",
        "**Read more:** {headline}",
        "Follow us on Instagram",
    ],
    "fr": [
        "Partager sur Facebook",
        "Publicité",
        "Laisser un commentaire",
        "Lire aussi : {headline}",
        "Tous droits réservés",
    ],
    "de": [
        "Artikel teilen",
        "Anzeige",
        "Kommentar hinterlassen",
        "Mehr zum Thema",
        "Quelle -7-",
        "Alle Rechte vorbehalten",
    ],
}
_CHANGED = {
    "é": "è",
    "è": "é",
    "à": "â",
    "â": "à",
    "ü": "û",
    "ö": "ô",
    "ä": "â",
    "ó": "ò",
    "í": "ì",
    "ê": "ë",
    "e": "é",
    "a": "à",
}


def damage(text: str, language: str, kind: str, rng: random.Random, every: int = 6) -> tuple[str, list[Damage]]:
    """Damage about one in `every` eligible words with one kind of damage, never neighbours."""
    if kind == "leftover":
        return _leftovers(text, language, rng)
    words = list(re.finditer(r"[^\W\d_]+", text))
    out: list[str] = []
    damages: list[Damage] = []
    pos = 0
    shift = 0
    last = -3
    for i in range(len(words) - 1):
        match, following = words[i], words[i + 1]
        if i - last < 3 or rng.randrange(every):
            continue
        made = _damage_word(
            match.group(0), following.group(0), text[match.end() : following.start()], language, kind, rng
        )
        if made is None:
            continue
        last = i
        rule, new, joined = made
        end = following.end() if joined else match.end()
        out.append(text[pos : match.start()])
        start = match.start() + shift
        out.append(new)
        damages.append(Damage(rule, start, start + len(new), text[match.start() : end]))
        shift += len(new) - (end - match.start())
        pos = end
    out.append(text[pos:])
    return "".join(out), damages


def _damage_word(
    word: str, nxt: str, gap: str, language: str, kind: str, rng: random.Random
) -> tuple[str, str, bool] | None:
    accented = [i for i, c in enumerate(word) if strip_accents(c) != c]  # é, ß, й (not every Cyrillic letter)
    if kind == "accent" and accented and word.isalpha() and len(word) >= 3:
        if rng.random() < 0.5:
            return "GW001", strip_accents(word), False
        return "GW001", word[: accented[0]] + word[accented[0] + 1 :], False
    if kind == "changed" and word.islower() and len(word) >= 4:
        places = [i for i, c in enumerate(word) if c in _CHANGED and (not c.isascii() or language == "en")]
        if places and (language == "en" or accented):
            i = places[0] if accented else rng.choice(places)
            return "GW001", word[:i] + _CHANGED[word[i]] + word[i + 1 :], False
    if kind == "mojibake" and not word.isascii():
        return "GW002", word.encode("utf-8").decode("cp1252", errors="replace"), False
    if kind == "macroman" and not word.isascii():
        return "GW002", word.encode("utf-8").decode("mac_roman", errors="replace"), False
    if kind == "misspelling" and word.islower() and word.isalpha() and len(word) >= 7:
        i = rng.randrange(2, len(word) - 2)
        if rng.random() < 0.5 and word[i] != word[i + 1]:
            return "GW004", word[:i] + word[i + 1] + word[i] + word[i + 2 :], False
        return "GW004", word[:i] + word[i + 1 :], False
    if kind == "quote-space" and word.islower() and word.isalpha() and gap == " " and nxt.islower():
        opening, closing = ("„", "“") if language == "de" else ("“", "”")
        return "PN008", f"{opening} {word} {nxt}{closing}", True
    if kind == "ocr" and word.islower() and len(word) >= 5:
        options = [(a, b) for a, b in OCR if a in word]
        if options:
            a, b = rng.choice(options)
            return "GW003", word.replace(a, b, 1), False
    if kind == "split" and word.islower() and len(word) >= 9:
        cut = rng.randrange(3, len(word) - 3)
        return "GW003", word[:cut] + " " + word[cut:], False
    if kind == "join" and gap == " " and word in FUNCTION_WORDS.get(language, []) and nxt.islower():
        return "GW003", word + nxt, True
    return None


def _leftovers(text: str, language: str, rng: random.Random) -> tuple[str, list[Damage]]:
    """A leftover line after about one paragraph in three (never the last)."""
    paragraphs = text.split("\n\n")
    out: list[str] = []
    damages: list[Damage] = []
    at = 0
    for i, paragraph in enumerate(paragraphs):
        out.append(paragraph)
        at += len(paragraph) + 2
        if i + 1 < len(paragraphs) and paragraph.strip() and rng.randrange(3) == 0:
            headline = " ".join(paragraphs[i + 1].split()[:5])
            line = rng.choice(LEFTOVERS.get(language, []) + LEFTOVERS["en"]).format(headline=headline)
            out.append(line)
            damages.append(Damage("BP001", at, at + len(line), ""))
            at += len(line) + 2
    return "\n\n".join(out), damages


def evaluate(language: str, text: str, rules: list, config: Config) -> tuple[Counter[str], Counter[str], Counter[str]]:
    rng = random.Random(f"tqcheck-{language}")
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    injected: Counter[str] = Counter()
    for kind in KINDS:
        for round_ in range(3):
            damaged, damages = damage(text, language, kind, rng)
            found_damages: set[int] = set()
            doc = prepare(read_text(damaged, f"{language}-{kind}-{round_}.txt"), config)
            for finding in check_documents([doc], rules, config):
                if finding.rule not in RULES:
                    continue
                hit = [d for d in damages if d.start < finding.end and finding.start < d.end and d.rule == finding.rule]
                if hit:
                    tp[finding.rule] += 1
                    found_damages.add(hit[0].start)
                else:
                    fp[finding.rule] += 1
                    print(f"  FP {language} {finding.rule} {finding.match!r} -> {finding.suggestion!r}")
                if finding.rule == CLASSES[kind]:
                    tp[f"class-{kind}"] += bool(hit)
                    fp[f"class-{kind}"] += not hit
            for d in damages:
                if d.start not in found_damages and os.environ.get("BENCH_VERBOSE"):
                    print(f"  missed {language} {d.rule} {damaged[d.start : d.end]!r} (was {d.original!r})")
                injected[d.rule] += 1
                injected[f"{d.rule}-{kind}"] += 1
                if d.start in found_damages:
                    injected[d.rule + "-found"] += 1
                    injected[f"{d.rule}-{kind}-found"] += 1
    return tp, fp, injected


def clean_false_alarms(config: Config, rules: list) -> tuple[int, int]:
    words = 0
    findings = 0
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        words += len(text.split())
        doc = prepare(read_text(text, path.name), config)
        for finding in check_documents([doc], rules, config):
            if finding.rule[:2] in ("GW", "PN", "BP"):
                findings += 1
                print(f"  clean FP {path.name}:{finding.line} {finding.rule} {finding.match!r}")
    return findings, words


def main() -> None:
    config = Config()
    rules = load_rules(config)
    totals_tp: Counter[str] = Counter()
    totals_fp: Counter[str] = Counter()
    totals_injected: Counter[str] = Counter()
    for path in sorted(CORPUS.glob("*.txt")):
        language = path.stem.split("-")[0]
        tp, fp, injected = evaluate(language, path.read_text(encoding="utf-8"), rules, config)
        totals_tp += tp
        totals_fp += fp
        totals_injected += injected
        for rule in RULES:
            if injected[rule] or fp[rule]:
                print(
                    f"{language} {rule}: injected {injected[rule]}, found {injected[rule + '-found']}, "
                    f"tp {tp[rule]}, fp {fp[rule]}"
                )
    print("\nclass        rule   precision  recall   (tp/fp, damages found/injected)")
    for kind, rule in CLASSES.items():
        n, found = totals_injected[f"{rule}-{kind}"], totals_injected[f"{rule}-{kind}-found"]
        tp, fp = totals_tp[f"class-{kind}"], totals_fp[f"class-{kind}"]
        precision = tp / (tp + fp) if tp + fp else float("nan")
        recall = found / n if n else float("nan")
        print(f"{kind:12} {rule}  {precision:9.3f}  {recall:6.3f}   ({tp}/{fp}, {found}/{n})")
    print("\nrule   precision  recall   (tp/fp, damages found/injected)")
    for rule in RULES:
        tp, fp = totals_tp[rule], totals_fp[rule]
        n, found = totals_injected[rule], totals_injected[rule + "-found"]
        precision = tp / (tp + fp) if tp + fp else float("nan")
        recall = found / n if n else float("nan")
        print(f"{rule}  {precision:9.3f}  {recall:6.3f}   ({tp}/{fp}, {found}/{n})")
    findings, words = clean_false_alarms(config, rules)
    rate = findings / words * 10000
    print(f"\nclean prose: {findings} GW/PN/BP findings in {words} words = {rate:.2f} per 10,000 words")
    print("speed: see bench_speed.py")


if __name__ == "__main__":
    main()
