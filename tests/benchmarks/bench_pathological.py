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
# an input's command-line arguments and the environment it needs on top of ours
Run = tuple[list[str], dict[str, str]]


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


def _surname(i: int) -> str:
    return "".join(_SYLLABLES[int(d)] for d in f"{i:05d}").capitalize()


def _glossary_story(folder: Path, glossary_name: str) -> list[str]:
    (folder / "tqcheck.toml").write_text(f'names-glossary = ["{glossary_name}"]\n', encoding="utf-8")
    text = folder / "story.md"
    text.write_text(f"Talks with Pavel {_surname(43210)}off resumed. Pavel {_surname(43210)}off spoke.\n", "utf-8")
    return ["--config", str(folder / "tqcheck.toml"), str(text)]


def glossary(folder: Path) -> Run:
    """100,000 YAML entries, read for the first time (an empty cache folder)."""
    lines = ["names:"]
    for i in range(100_000):
        lines.append(f"  - canonical: Pavel {_surname(i)}ov\n    variants: [Pavel {_surname(i)}off]")
    (folder / "names.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return _glossary_story(folder, "names.yaml"), {"TQCHECK_CACHE_DIR": str(folder / "cache")}


def glossary_tsv(folder: Path) -> Run:
    """The same 100,000 entries as a TSV glossary, read for the first time."""
    rows = "".join(f"Pavel {_surname(i)}ov\tPavel {_surname(i)}off\n" for i in range(100_000))
    (folder / "names.tsv").write_text("canonical\tvariants\n" + rows, encoding="utf-8")
    return _glossary_story(folder, "names.tsv"), {"TQCHECK_CACHE_DIR": str(folder / "cache")}


def glossary_cached(folder: Path) -> Run:
    """The YAML glossary again, unchanged: parsed entries and index come from the cache folder."""
    args, env = glossary(folder)
    measure(args, folder, env)  # the first run fills the cache folder
    return args, env


_BOMB = (
    '<?xml version="1.0"?>\n<!DOCTYPE xliff [\n<!ENTITY a "aaaaaaaaaa">\n'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">\n' for i in range(8))
    + ']>\n<xliff version="1.2"><file source-language="en" target-language="fr"><body>\n'
    '<trans-unit id="1"><source>x</source><target>&i;</target></trans-unit>\n</body></file></xliff>\n'
)


def entity_bomb(folder: Path) -> list[str]:
    """A billion laughs (10^9 characters if expanded) in an XLIFF target."""
    (folder / "bomb.xlf").write_text(_BOMB, encoding="utf-8")
    return [str(folder / "bomb.xlf")]


def external_entity(folder: Path) -> list[str]:
    """A TMX whose segment pulls in /etc/passwd through an external entity."""
    data = (
        '<?xml version="1.0"?>\n<!DOCTYPE tmx [\n<!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n<tmx version="1.4">'
        '<header srclang="en"/><body><tu><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="de"><seg>&x;</seg>'
        "</tuv></tu></body></tmx>\n"
    )
    (folder / "external.tmx").write_text(data, encoding="utf-8")
    return [str(folder / "external.tmx")]


def _rows(count: int, extra: str = "") -> str:
    return "".join(f'r{i}\tThe "quay" {i} opens.\tLe "quai" {i} ouvre.{extra}\n' for i in range(count))


def tsv_stray_quotes(folder: Path) -> list[str]:
    """5,000 rows full of unbalanced quotes: every row is read (no quote processing in TSV). All
    rules run; the BT rules score every pair with the multilingual model, which dominates."""
    (folder / "quotes.tsv").write_text("id\tsource\ttarget\n" + _rows(5_000), encoding="utf-8")
    return [str(folder / "quotes.tsv")]


def tsv_stray_quotes_reader(folder: Path) -> list[str]:
    """100,000 such rows with one cheap rule (PN002): the reader's own cost at scale."""
    (folder / "quotes.tsv").write_text("id\tsource\ttarget\n" + _rows(100_000), encoding="utf-8")
    return ["--select", "PN002", str(folder / "quotes.tsv")]


def tsv_embedded_tab(folder: Path) -> list[str]:
    """A tab inside a target on row 50,001 of 100,000: an error naming the line, no merge."""
    rows = _rows(50_000) + "r\tOne.\tUn\tdeux.\n" + _rows(50_000)
    (folder / "tabs.tsv").write_text("id\tsource\ttarget\n" + rows, encoding="utf-8")
    return [str(folder / "tabs.tsv")]


def tsv_ragged(folder: Path) -> list[str]:
    """Rows missing their last cell among 100,000: an error naming the first one."""
    rows = _rows(70_000) + "r\tOnly a source.\n" + _rows(30_000)
    (folder / "ragged.tsv").write_text("id\tsource\ttarget\n" + rows, encoding="utf-8")
    return [str(folder / "ragged.tsv")]


def csv_quoted(folder: Path) -> list[str]:
    """100,000 CSV rows with quoted cells, doubled quotes and line breaks inside cells (PN002 only)."""
    rows = "".join(f'r{i},"The ""quay"", {i}","Le\n""quai"" {i}"\n' for i in range(100_000))
    (folder / "quoted.csv").write_text("id,source,target\n" + rows, encoding="utf-8")
    return ["--select", "PN002", str(folder / "quoted.csv")]


def large_xliff(folder: Path) -> list[str]:
    """An XLIFF 1.2 file with 100,000 units (about 14 MB), PN002 only: the reader at scale."""
    units = "".join(
        f'<trans-unit id="{i}"><source>The quay {i} opens at <x id="1"/> on Monday.</source>'
        f'<target>Le quai {i} ouvre à <x id="1"/> lundi.</target></trans-unit>\n'
        for i in range(100_000)
    )
    data = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"><file source-language="en" '
        f'target-language="fr"><body>\n{units}</body></file></xliff>\n'
    )
    (folder / "large.xlf").write_text(data, encoding="utf-8")
    return ["--select", "PN002", str(folder / "large.xlf")]


def large_po(folder: Path) -> list[str]:
    """A PO catalogue with 50,000 entries, PN002 only: the reader at scale."""
    entries = "".join(
        f'#: app.py:{i}\nmsgid "The quay {i} opens."\nmsgstr "Le quai {i} ouvre."\n\n' for i in range(50_000)
    )
    header = 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    (folder / "large.po").write_text(header + entries, encoding="utf-8")
    return ["--select", "PN002", str(folder / "large.po")]


INPUTS: dict[str, Callable[[Path], list[str] | Run]] = {
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
    "glossary 100,000 entries, 2nd run (cached)": glossary_cached,
    "glossary 100,000 entries as TSV": glossary_tsv,
    "XLIFF entity bomb (billion laughs)": entity_bomb,
    "TMX external entity (file:///etc/passwd)": external_entity,
    "TSV 5,000 rows with stray quotes (all rules)": tsv_stray_quotes,
    "TSV 100,000 rows with stray quotes (PN002)": tsv_stray_quotes_reader,
    "TSV with an embedded tab (row 50,001)": tsv_embedded_tab,
    "TSV with a ragged row (row 70,001)": tsv_ragged,
    "CSV 100,000 rows, quotes, breaks (PN002)": csv_quoted,
    "XLIFF 100,000 units, 14 MB (PN002)": large_xliff,
    "PO 50,000 entries (PN002)": large_po,
}


def measure(args: list[str], cwd: Path, extra_env: dict[str, str] | None = None) -> tuple[int, float, int, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(extra_env or {})}
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
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}; cores: {os.cpu_count()}", flush=True)
    print(f"{'input':42} {'exit':>4} {'time s':>8} {'peak MB':>8}  outcome")
    for name, make in INPUTS.items():
        if args.only and not any(part in name for part in args.only):
            continue
        with tempfile.TemporaryDirectory() as raw:
            folder = Path(raw)
            made = make(folder)
            cli_args, env = made if isinstance(made, tuple) else (made, {})
            code, elapsed, peak_kb, outcome = measure(cli_args, folder, env)
        print(f"{name:42} {code:>4} {elapsed:8.1f} {peak_kb / 1024:8.0f}  {outcome}", flush=True)
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
