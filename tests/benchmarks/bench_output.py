"""Time to render a large result in every output format: linear in the size of the output.

One generated document (our own corpus paragraphs repeated to ~30 MB) with 50,000 findings,
the shape of the report that once took more than 15 minutes in text and 30 s in JSON: each
format is rendered at 12,500, 25,000 and 50,000 findings (the text growing with them), and the
time per 1,000 findings should stay flat. Rendering only: reading and checking are not timed.

Run: PYTHONPATH=. python tests/benchmarks/bench_output.py [--findings 50000] [--formats text,json]
(PYTHONPATH picks the checkout whose reporters are timed.)
"""

from __future__ import annotations

import argparse
import io
import time
from pathlib import Path

from rich.console import Console

from tqcheck.core.config import Config
from tqcheck.core.model import Document, Finding, Segment, Severity
from tqcheck.core.positions import Locator
from tqcheck.core.result import RunResult
from tqcheck.engine.selection import all_specs
from tqcheck.reporters import FORMATS

CORPUS = Path(__file__).parent / "corpus"
CHARS_PER_FINDING = 600  # 50,000 findings in ~30 MB, as in the report that did not finish


def result_with(findings: int) -> RunResult:
    """One document of about findings * 600 characters with a finding every 600 characters."""
    paragraphs = [
        p.strip()
        for path in sorted(CORPUS.glob("en-*.txt"))
        for p in path.read_text(encoding="utf-8").split("\n\n")
        if p.strip()
    ]
    target = findings * CHARS_PER_FINDING
    parts: list[str] = []
    size = 0
    i = 0
    while size < target:
        parts.append(paragraphs[i % len(paragraphs)])
        size += len(parts[-1]) + 2
        i += 1
    text = "\n\n".join(parts) + "\n"
    doc = Document("big.md", text, text, [Segment(0, len(text))], format="md", language="en")
    locator = Locator(text)
    severities = (Severity.WARNING, Severity.INFO, Severity.ERROR)
    found = []
    for k in range(findings):
        start = k * CHARS_PER_FINDING + 10
        while not text[start].isalpha():
            start += 1
        end = start + 4
        finding = Finding(
            rule=f"ST00{k % 4 + 1}",
            name="bench",
            severity=severities[k % 3],
            path=doc.path,
            start=start,
            end=end,
            match=text[start:end],
            message=f"Finding number {k} about '{text[start:end]}'.",
            suggestion="word" if k % 2 else None,
            fix_safe=bool(k % 4 == 1),
        )
        found.append(locator.place(finding))
    rules = all_specs(Config(packs=("en-news",)))
    return RunResult(findings=found, documents=[doc], rules=rules)


def render_seconds(name: str, result: RunResult) -> float:
    """CPU seconds of this process (wall time on a shared machine measures the neighbours)."""
    reporter = FORMATS[name]
    started = time.process_time()
    if reporter.draws:
        reporter.draw(result, Console(file=io.StringIO(), no_color=True, width=120, highlight=False))
    else:
        reporter.render(result)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=int, default=50_000)
    parser.add_argument("--formats", default=",".join(FORMATS))
    args = parser.parse_args()
    sizes = [args.findings // 4, args.findings // 2, args.findings]
    results = {n: result_with(n) for n in sizes}
    print(f"{'format':<8}" + "".join(f"{n:>14,}" for n in sizes) + "   s per 1,000 findings")
    for name in args.formats.split(","):
        times = [render_seconds(name, results[n]) for n in sizes]
        per = " / ".join(f"{t / n * 1000:.3f}" for t, n in zip(times, sizes, strict=True))
        print(f"{name:<8}" + "".join(f"{t:>13.2f}s" for t in times) + f"   {per}", flush=True)


if __name__ == "__main__":
    main()
