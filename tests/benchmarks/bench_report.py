"""Time of `tqcheck report` beyond the check itself, on 200 generated news articles.

200 English Markdown articles of ~5 KB built from our own corpus paragraphs (as bench_speed.py
does), each with a few slips a reader would catch (a doubled word, a space before a comma, a
scraped "Read more" line, a stray page number), so the report has findings in every document.
Measured in one process: the run (reading and checking), then what only the report adds
(sentences around findings, the page, the atomic write); best of three, CPU and wall seconds.

Run: PYTHONPATH=.:tests/benchmarks python tests/benchmarks/bench_report.py [--articles 200]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_speed import _article, _paragraphs_by_language

from tqcheck.core.config import Config
from tqcheck.core.result import RunResult
from tqcheck.engine.annotate import annotate
from tqcheck.engine.run import run
from tqcheck.engine.writing import write_new_file
from tqcheck.reporters import FORMATS

SLIPS = [
    lambda t: t.replace(" the ", " the the ", 1),
    lambda t: t.replace(", ", " , ", 2),
    lambda t: t + "\nRead more\n",
    lambda t: t.replace(".\n", ". -12-\n", 1),
]


def build(folder: Path, articles: int) -> None:
    rng = random.Random(7)
    english = _paragraphs_by_language()["en"]
    for n in range(articles):
        text = _article(english, rng, 5_000)
        for slip in SLIPS:
            text = slip(text)
        (folder / f"article-{n:04d}.md").write_text(text, encoding="utf-8")


def report(result: RunResult, config: Config, out: Path) -> int:
    """What `tqcheck report` adds to a check: sentences, scores, the page, the write."""
    annotate(result, config)
    page = FORMATS["html"].render(result)
    write_new_file(out, page)
    return len(page)


def timed(action):  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), time.process_time()
    value = action()
    return value, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    config = Config()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "news"
        folder.mkdir()
        build(folder, args.articles)
        run([str(folder)], config)  # warm the word tables
        best: dict[str, tuple[float, float]] = {}
        for _ in range(3):
            result, wall, cpu = timed(lambda: run([str(folder)], config))
            best["check"] = min(best.get("check", (1e9, 1e9)), (wall, cpu))

            size, wall, cpu = timed(lambda checked=result: report(checked, config, Path(tmp) / "report.html"))
            best["report"] = min(best.get("report", (1e9, 1e9)), (wall, cpu))
        print(f"{args.articles} articles, {len(result.findings)} findings, page {size / 1e6:.1f} MB")
        for name, (wall, cpu) in best.items():
            label = "check (read + rules)" if name == "check" else "report beyond the check"
            print(f"{label:26} {wall:6.2f} s wall {cpu:6.2f} s CPU (best of 3)")


if __name__ == "__main__":
    main()
