"""Which language identifier XL003 (untranslated) should use on short segments: measured.

XL003 asks one question of a target segment: is it still in the source language? For each
`dev` pair of the real MLQE-PE direct-assessment sets (../shared/realdata/meaning, never copied
here) the source text is a positive (an untranslated target) and the translation a negative; both
are cut to their first N words to imitate short segments (UI strings, headings, table cells).

Methods, each asked to choose between the pair's two languages (XL003 knows both):
- vote: tqcheck's word-frequency vote (language.detection), restricted to the pair;
- py3langid: langid.py's Naive Bayes model (BSD, model in the package), restricted to the pair;
- lingua: lingua-language-detector (Apache, models in the package), built for the pair.
A method that abstains (too little evidence) counts as "not the source language".

Run: PYTHONPATH=. python tests/benchmarks/bench_language_id.py [--limit 300]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

DATA = Path(__file__).resolve().parents[3] / "shared" / "realdata" / "meaning"
PAIRS = {"ende": ("en", "de"), "ruen": ("ru", "en"), "roen": ("ro", "en"), "eten": ("et", "en")}
CUTS = (2, 3, 5, 8, 0)  # words kept; 0 = whole segment

Identifier = Callable[[str, str, str], str | None]  # (text, source lang, target lang) -> lang


def rows(name: str, limit: int) -> list[tuple[str, str]]:
    path = DATA / f"mlqepe_da_{name}_train_dev.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    split, src, tgt = header.index("split"), header.index("source"), header.index("translation")
    found = []
    for line in lines[1:]:
        cells = line.split("\t")
        if cells[split] == "dev":
            found.append((cells[src], cells[tgt]))
    return found[:limit]


def cut(text: str, words: int) -> str:
    return " ".join(text.split()[:words]) if words else text


def vote() -> Identifier:
    from tqcheck.language.identify import vote_between

    return lambda text, a, b: vote_between(text, (a, b))


def py3langid(confidence: float = 0.0) -> Identifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    models: dict[tuple[str, str], LanguageIdentifier] = {}

    def identify(text: str, a: str, b: str) -> str | None:
        if (a, b) not in models:
            model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            model.set_languages([a, b])
            models[(a, b)] = model
        language, probability = models[(a, b)].classify(text)
        return str(language) if probability >= confidence else None

    return identify


def agree() -> Identifier:
    """The vote first (cheap), py3langid to confirm: XL003's method (language.identify)."""
    from tqcheck.language.identify import in_language

    return lambda text, a, b: a if in_language(text, a, b, 0.6, 0.99) else b  # XL003's defaults


def lingua() -> Identifier:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    detectors = {}

    def identify(text: str, a: str, b: str) -> str | None:
        if (a, b) not in detectors:
            codes = [getattr(IsoCode639_1, a.upper()), getattr(IsoCode639_1, b.upper())]
            detectors[(a, b)] = LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()
        found = detectors[(a, b)].detect_language_of(text)
        return found.iso_code_639_1.name.lower() if found is not None else None

    return identify


def measure(name: str, identify: Identifier, limit: int) -> None:
    for pair, (a, b) in PAIRS.items():
        data = rows(pair, limit)
        for words in CUTS:
            started = time.perf_counter()
            caught = sum(identify(cut(src, words), a, b) == a for src, _ in data)
            false = sum(identify(cut(tgt, words), a, b) == a for _, tgt in data)
            per = (time.perf_counter() - started) / (2 * len(data)) * 1e6
            shown = f"{words} words" if words else "whole"
            print(
                f"{name:9} {a}->{b} {shown:8} untranslated caught {caught / len(data):.3f}  "
                f"translations called {a} {false / len(data):.3f}  ({per:.0f} µs/segment)",
                flush=True,
            )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--methods", default="vote,py3langid,lingua")
    args = parser.parse_args()
    if not DATA.is_dir():
        raise SystemExit(f"{DATA} is not present")
    methods = {
        "vote": vote,
        "py3langid": py3langid,
        "py3langid95": lambda: py3langid(0.95),
        "lingua": lingua,
        "agree": agree,
    }
    for name in args.methods.split(","):
        measure(name, methods[name](), args.limit)


if __name__ == "__main__":
    main()
