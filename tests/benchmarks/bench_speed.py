"""Throughput of `tqcheck check` with all default rules, and the cold start of a small file.

Measured as a user sees it: wall time of `python -m tqcheck check PATH --format json` in a new
process (interpreter start, imports, rule loading, reading, every default rule, the corpus pass,
output), best of three, after one untimed run that builds the word-table cache ("once warm").

Corpora are generated from our own prose in tests/benchmarks/corpus/ (paragraphs shuffled into
news-sized Markdown articles with headings, lists and links), in three shapes:
  many-en     English articles of ~5 KB
  many-mixed  articles in the eight languages of the corpus, one language per article
  one-en      a single large English Markdown file
  ocr-mixed   articles of the eight languages with realistic OCR damage, 3-8% of the letters
              (ocr_damage.py): many unknown words, most of them distinct, the word rules'
              worst case
The shuffled paragraphs repeat the corpus's vocabulary; real copy has more distinct words, so
the word rules' per-run memory helps a little less there.

With --yardsticks, `hunspell -l` (en_US) and proselint run on the same English and OCR files
(when installed: apt-get install hunspell hunspell-en-us; proselint in a throwaway venv named
by PROSELINT=/path/to/proselint): tools that read every word, for scale.

Run: python tests/benchmarks/bench_speed.py [--mb 4] [--yardsticks]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ocr_damage import damage_ocr

CORPUS = Path(__file__).parent / "corpus"
ARTICLE_BYTES = 5_000


def _paragraphs_by_language() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(CORPUS.glob("*.txt")):
        paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        found.setdefault(path.stem.split("-")[0], []).extend(paragraphs)
    return found


def _article(paragraphs: list[str], rng: random.Random, size: int) -> str:
    parts = ["---", "title: Briefing", "---", "", "# Briefing", ""]
    length = 0
    i = 0
    while length < size:
        paragraph = rng.choice(paragraphs)
        if i % 6 == 5:
            parts += ["## Background", ""]
        if i % 5 == 4:
            paragraph = "- " + paragraph
        if i % 3 == 0:
            paragraph += " See [the report](https://example.org/report) for details."
        parts += [paragraph, ""]
        length += len(paragraph.encode("utf-8"))
        i += 1
    return "\n".join(parts)


def build(root: Path, total: int) -> dict[str, Path]:
    rng = random.Random(11)
    by_language = list(_paragraphs_by_language().values())
    english = _paragraphs_by_language()["en"]
    shapes = {
        "many-en": root / "many-en",
        "many-mixed": root / "many-mixed",
        "one-en": root / "one-en.md",
        "ocr-mixed": root / "ocr-mixed",
    }
    languages = list(_paragraphs_by_language())
    folder = shapes["ocr-mixed"]
    folder.mkdir()
    written = n = 0
    while written < total:
        language = languages[n % len(languages)]
        text = damage_ocr(
            _article(by_language[n % len(by_language)], rng, ARTICLE_BYTES), language, rng, rng.uniform(0.03, 0.08)
        )
        (folder / f"article-{n:04d}.md").write_text(f"---\nlang: {language}\n---\n\n" + text, encoding="utf-8")
        written += len(text.encode("utf-8"))
        n += 1
    for name in ("many-en", "many-mixed"):
        folder = shapes[name]
        folder.mkdir()
        written = 0
        n = 0
        while written < total:
            source = english if name == "many-en" else by_language[n % len(by_language)]
            text = _article(source, rng, ARTICLE_BYTES)
            (folder / f"article-{n:04d}.md").write_text(text, encoding="utf-8")
            written += len(text.encode("utf-8"))
            n += 1
    shapes["one-en"].write_text(_article(english, rng, total), encoding="utf-8")
    return shapes


def size_of(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*.md")) if path.is_dir() else path.stat().st_size


def timed(command: list[str], env: dict[str, str], repeat: int = 3, report: bool = False) -> float:
    """Best wall time of `command`; with `report`, only a run that printed a JSON report counts."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, env=env, check=False)
        elapsed = time.perf_counter() - started
        if done.returncode not in (0, 1) or (report and not _is_report(done.stdout)):
            # 1 means findings, but a crash exits 1 too: only a JSON report counts as a run
            raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr.decode()}")
        best = min(best, elapsed)
    return best


def _is_report(output: bytes) -> bool:
    try:
        return isinstance(json.loads(output), dict)
    except ValueError:
        return False


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=4.0, help="size of each corpus in MB")
    parser.add_argument("--yardsticks", action="store_true", help="also time hunspell -l and proselint")
    parser.add_argument("--only", default="", help="comma-separated corpus names to time")
    args = parser.parse_args()
    check = [sys.executable, "-m", "tqcheck", "check", "--format", "json"]
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as folder:
        shapes = build(Path(folder), int(args.mb * 1_000_000))
        for path in shapes.values():
            subprocess.run([*check, str(path)], capture_output=True, env=env, check=False)  # builds caches
        print(f"tqcheck check, all default rules, warm word-table cache, {os.cpu_count()} cores")
        print(f"{'corpus':12} {'files':>6} {'MB':>6}  {'jobs':>9} {'wall s':>7} {'MB/s':>6}")
        for name, path in shapes.items():
            if args.only and name not in args.only.split(","):
                continue
            megabytes = size_of(path) / 1_000_000
            files = len(list(path.rglob("*.md"))) if path.is_dir() else 1
            for jobs in ("auto", "1"):
                seconds = timed([*check, str(path)], {**env, "TQCHECK_JOBS": jobs}, report=True)
                print(f"{name:12} {files:6d} {megabytes:6.2f}  {jobs:>9} {seconds:7.2f} {megabytes / seconds:6.2f}")
        if args.yardsticks:
            _yardsticks(shapes, env)
        small = Path(folder) / "small.md"
        small.write_text("# Talks\n\nThe minister said on Monday that the talks would resume in Geneva.\n")
        seconds = timed([sys.executable, "-m", "tqcheck", "check", str(small)], env, repeat=5)
        print(f"\ncold small file: {seconds:.3f} s wall (new process, best of 5)")


def _yardsticks(shapes: dict[str, Path], env: dict[str, str]) -> None:
    """hunspell -l and proselint on the same files, one process each as they are run."""
    hunspell = shutil.which("hunspell")
    proselint = os.environ.get("PROSELINT") or shutil.which("proselint")
    for name in ("many-en", "ocr-mixed"):
        files = sorted(str(p) for p in shapes[name].rglob("*.md"))
        megabytes = size_of(shapes[name]) / 1_000_000
        if hunspell:
            seconds = timed([hunspell, "-d", "en_US", "-l", *files], env)
            print(f"hunspell -l  {name:12} {megabytes:6.2f} MB {seconds:7.2f} s {megabytes / seconds:6.2f} MB/s")
        if proselint:
            started = time.perf_counter()
            subprocess.run([proselint, "check", *files], capture_output=True, env=env, check=False)
            seconds = time.perf_counter() - started
            print(f"proselint    {name:12} {megabytes:6.2f} MB {seconds:7.2f} s {megabytes / seconds:6.2f} MB/s")


if __name__ == "__main__":
    main()
