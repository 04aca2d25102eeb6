"""Pathological inputs at full size: each one's outcome, wall time and peak memory.

    python tests/benchmarks/bench_pathological.py [--only NAME ...] [--keep DIR]

Each input is checked by `python -m tqcheck check -f json` under `/usr/bin/time -v` (peak
resident memory of the process, its children included as their own peak), one at a time. The
machine's load average is printed first: on a shared machine times scale with it. Inputs are
generated in a temporary folder (the 100 MB file too), never committed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SENTENCE = "The port reopened on Monday after talks in Geneva, officials said.\n"
_SYLLABLES = ["ba", "ko", "mi", "ru", "se", "ta", "vo", "ne", "di", "la"]


def big_text(folder: Path) -> list[str]:
    path = folder / "big.txt"
    paragraph = SENTENCE * 5 + "\n"
    with path.open("w", encoding="utf-8") as handle:
        for _ in range(100_000_000 // len(paragraph) + 1):
            handle.write(paragraph)
    return [str(path)]


def big_text_allowed(folder: Path) -> list[str]:
    """The same 100 MB file with max-file-size raised: what checking it costs."""
    paths = big_text(folder)
    (folder / "tqcheck.toml").write_text('max-file-size = "200MB"\n', encoding="utf-8")
    return ["--config", str(folder / "tqcheck.toml"), *paths]


def text_20mb(folder: Path) -> list[str]:
    path = folder / "mid.txt"
    paragraph = SENTENCE * 5 + "\n"
    path.write_text(paragraph * (20_000_000 // len(paragraph)), encoding="utf-8")
    return [str(path)]


def one_line(folder: Path) -> list[str]:
    path = folder / "line.md"
    path.write_text("alpha beta gamma delta " * (5_000_000 // 23) + "the the end.", encoding="utf-8")
    return [str(path)]


def nested(opener: str, name: str) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        path = folder / name
        path.write_text(opener * 10_000 + "Deep text here.\n", encoding="utf-8")
        return [str(path)]

    return make


def indented_list(folder: Path) -> list[str]:
    """2,000 list levels by indentation: 4 MB (the case that took 61 s before)."""
    path = folder / "indented.md"
    path.write_text("".join("  " * i + f"- item {i} has words\n" for i in range(2_000)), encoding="utf-8")
    return [str(path)]


def symlink_loop(folder: Path) -> list[str]:
    (folder / "a.md").symlink_to(folder / "b.md")
    (folder / "b.md").symlink_to(folder / "a.md")
    return [str(folder)]


def fifo(folder: Path) -> list[str]:
    os.mkfifo(folder / "pipe.md")
    return [str(folder)]


def directory_named_md(folder: Path) -> list[str]:
    (folder / "x.md").mkdir()
    return [str(folder / "x.md")]


def backtracking_pack(folder: Path) -> list[str]:
    pack = folder / "pack"
    pack.mkdir()
    for rule_id, token in (("XX001", r"(\w+\s?)+$"), ("XX002", "(a+)+b")):
        (pack / f"{rule_id}.yaml").write_text(
            f"id: {rule_id}\nname: slow\nkind: existence\nmessage: m\noptions:\n  regex: true\n"
            f"  tokens: ['{token}']\nexamples:\n  fail: ['⟦x⟧']\n  pass: ['y']\n",
            encoding="utf-8",
        )
    text = folder / "text.txt"
    text.write_text("a" * 60 + "!\n" + "a" * 100_000 + "c\n", encoding="utf-8")
    (folder / "tqcheck.toml").write_text("rule-time-budget = 5\n", encoding="utf-8")
    return ["--config", str(folder / "tqcheck.toml"), "--packs", str(pack), str(text)]


def malformed_pack(folder: Path) -> list[str]:
    pack = folder / "pack"
    pack.mkdir()
    (pack / "XX003.yaml").write_text("id: XX003\nname: [open\n  kind: : x\n", encoding="utf-8")
    (folder / "a.md").write_text(SENTENCE, encoding="utf-8")
    return ["--packs", str(pack), str(folder / "a.md")]


def glossary(folder: Path) -> list[str]:
    def surname(i: int) -> str:
        return "".join(_SYLLABLES[int(d)] for d in f"{i:05d}").capitalize()

    lines = ["names:"]
    for i in range(100_000):
        lines.append(f"  - canonical: Pavel {surname(i)}ov\n    variants: [Pavel {surname(i)}off]")
    (folder / "names.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "tqcheck.toml").write_text('names-glossary = ["names.yaml"]\n', encoding="utf-8")
    text = folder / "story.md"
    text.write_text(f"Talks with Pavel {surname(43210)}off resumed. Pavel {surname(43210)}off spoke.\n", "utf-8")
    return ["--config", str(folder / "tqcheck.toml"), str(text)]


INPUTS: dict[str, Callable[[Path], list[str]]] = {
    "100 MB text file (default cap)": big_text,
    "100 MB text file (cap raised to 200 MB)": big_text_allowed,
    "20 MB text file": text_20mb,
    "single 5 MB line": one_line,
    "blockquote nested 10,000 levels": nested("> ", "quote.md"),
    "list nested 10,000 levels": nested("- ", "list.md"),
    "list indented 2,000 levels (4 MB)": indented_list,
    "symlink loop": symlink_loop,
    "FIFO named pipe.md": fifo,
    "directory named x.md": directory_named_md,
    "pack with backtracking regexes": backtracking_pack,
    "malformed YAML pack": malformed_pack,
    "glossary with 100,000 entries": glossary,
}


def measure(args: list[str], cwd: Path) -> tuple[int, float, int, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = ["/usr/bin/time", "-v", sys.executable, "-m", "tqcheck", "check", "-f", "json", *args]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=env, timeout=3600)
    elapsed = time.perf_counter() - started
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    lines = [ln for ln in done.stderr.splitlines() if not ln.startswith(("\t", "Command exited"))]
    return done.returncode, elapsed, int(peak[1]) if peak else -1, _outcome(done.stdout, lines)


def _outcome(stdout: str, stderr_lines: list[str]) -> str:
    try:
        report = json.loads(stdout)
    except json.JSONDecodeError:
        return (stderr_lines[0] if stderr_lines else "no output")[:150]
    errors = [e["message"][:90] for e in report.get("errors", [])]
    return f"{len(report.get('findings', []))} findings" + (f"; errors: {' | '.join(errors)}" if errors else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="substrings of the input names to run")
    args = parser.parse_args()
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}; cores: {os.cpu_count()}")
    print(f"{'input':42} {'exit':>4} {'time s':>8} {'peak MB':>8}  outcome")
    for name, make in INPUTS.items():
        if args.only and not any(part in name for part in args.only):
            continue
        with tempfile.TemporaryDirectory() as raw:
            folder = Path(raw)
            cli_args = make(folder)
            code, elapsed, peak_kb, outcome = measure(cli_args, folder)
        print(f"{name:42} {code:>4} {elapsed:8.1f} {peak_kb / 1024:8.0f}  {outcome}", flush=True)
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
