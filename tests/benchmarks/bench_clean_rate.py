"""False garbled-word (GW) findings per 10,000 words on a folder of clean real text.

The folder holds one sub-folder per language, named by its code (`en/`, `fr/`, `de/`...), of
plain-text files: real published copy (news), not our own prose, kept outside the repository.
Every GW finding is printed so that a reader can judge it; real copy has real slips
(`ministo`, `territoral`), and a finding on one is right, not a false alarm. Judgements go in
a TSV file (`path<TAB>match<TAB>true|false`, path relative to the folder); a finding not
judged counts as false, so without judgements the figure is an upper bound.

Run: PYTHONPATH=. python tests/benchmarks/bench_clean_rate.py /work/cleancorpus [--judged judged.tsv]
(tqcheck runs as a command, one process per language, as an editor would run it.)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path


def run(folder: Path, language: str) -> list[dict[str, object]]:
    command = [sys.executable, "-m", "tqcheck", "check", "--format", "json", "--fail-on", "never"]
    command += ["--select", "GW", "--language", language, str(folder)]
    done = subprocess.run(command, capture_output=True, text=True, env=os.environ, check=False)
    try:
        findings: list[dict[str, object]] = json.loads(done.stdout)["findings"]
    except (ValueError, KeyError):
        sys.exit(f"tqcheck failed on {folder} (exit {done.returncode}): {done.stderr[-400:]}")
    return findings


def judgements(path: Path | None) -> dict[tuple[str, str], bool]:
    if path is None:
        return {}
    judged = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            where, match, verdict = line.split("\t")[:3]
            judged[(where, match)] = verdict.strip() == "true"
    return judged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--judged", type=Path, default=None, help="TSV of path, match, true|false")
    args = parser.parse_args()
    judged = judgements(args.judged)
    total_words = total_false = total_true = 0
    for sub in sorted(p for p in args.folder.iterdir() if p.is_dir()):
        words = sum(len(f.read_text(encoding="utf-8").split()) for f in sub.rglob("*.txt"))
        false = true = 0
        for finding in run(sub, sub.name):
            where = str(Path(str(finding["path"])).resolve().relative_to(args.folder.resolve()))
            match = str(finding.get("match", ""))
            right = judged.get((where, match), False)
            true += right
            false += not right
            verdict = "true" if right else "FALSE" if (where, match) in judged else "unjudged"
            place = f"{where}:{finding.get('line')}"
            print(f"  {verdict:8} {finding['rule']} {place} {match!r} -> {finding.get('suggestion')!r}")
        rate = 10000 * false / max(1, words)
        print(f"{sub.name}: {words} words, {true} right findings, {false} false ({rate:.2f} per 10,000 words)")
        total_words += words
        total_false += false
        total_true += true
    rate = 10000 * total_false / max(1, total_words)
    print(f"all: {total_words} words, {total_true} right findings, {total_false} false ({rate:.2f} per 10,000 words)")


if __name__ == "__main__":
    main()
