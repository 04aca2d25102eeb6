"""`--changed-since` on a repository of 200 Markdown articles with one edited article, and
`--jobs 1/2/4` on 1,000 articles.

Measured as a user sees it: wall time of `python -m tqcheck check ... --format json` in a new
process, best of three, after one untimed run that builds the word-table cache (and the
bytecode an installed package has). Run it on a quiet machine: it times wall clock. Articles are
generated from our own prose in tests/benchmarks/corpus/ (see bench_speed.py); the edit adds
two sentences with a doubled word and a stray full stop to one paragraph of one article.

Checks, besides the times: the changed-since run reports findings on the edited lines only
(and all of them), and the --jobs outputs are byte-identical.

Run: python tests/benchmarks/bench_changed.py [--articles 200] [--article-bytes 5000 20000]
     [--jobs-articles 1000] [--skip-jobs | --skip-changed]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_speed import ARTICLE_BYTES, _article, _paragraphs_by_language

GIT = {
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.org",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
}
EDIT = "The minister said the the talks would resume. mass protests followed in the capital."


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, **GIT, "GIT_CONFIG_GLOBAL": str(repo.parent / "gitconfig")}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def articles(folder: Path, count: int, seed: int, size: int = ARTICLE_BYTES) -> list[Path]:
    rng = random.Random(seed)
    english = _paragraphs_by_language()["en"]
    folder.mkdir(parents=True)
    paths = []
    for n in range(count):
        path = folder / f"article-{n:04d}.md"
        path.write_text(_article(english, rng, size), encoding="utf-8")
        paths.append(path)
    return paths


# As an installed tqcheck runs: pip compiles the package's bytecode when it installs it, so a
# checkout must be allowed to write its own (some shells set PYTHONDONTWRITEBYTECODE, which
# would make every run compile ~150 modules again and time that instead of tqcheck).
RUN_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str], cwd: Path, repeat: int = 3) -> tuple[float, bytes]:
    best, output = float("inf"), b""
    for _ in range(repeat):
        started = time.perf_counter()
        done = subprocess.run(command, cwd=cwd, capture_output=True, check=False, env=RUN_ENV)
        elapsed = time.perf_counter() - started
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr.decode()}")
        best, output = min(best, elapsed), done.stdout
    return best, output


def bench_changed(root: Path, count: int, size: int) -> None:
    repo = root / f"desk-{size}"
    repo.mkdir()
    (root / "gitconfig").write_text("", encoding="utf-8")
    paths = articles(repo / "news", count, seed=7, size=size)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "archive")
    edited = paths[count // 2]
    lines = edited.read_text(encoding="utf-8").split("\n")
    target = next(i for i, line in enumerate(lines) if len(line) > 200 and i > len(lines) // 2)
    lines[target] = lines[target] + " " + EDIT
    edited.write_text("\n".join(lines), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "edit one article")
    check = [sys.executable, "-m", "tqcheck", "check", "--format", "json", "news"]
    subprocess.run(check, cwd=repo, capture_output=True, check=False, env=RUN_ENV)  # warm the caches
    full_s, full_out = timed(check, repo)
    changed_s, changed_out = timed([*check, "--changed-since", "HEAD~1"], repo)
    full = json.loads(full_out)["findings"]
    changed = json.loads(changed_out)["findings"]
    on_edit = [f for f in full if f["path"] == f"news/{edited.name}" and f["line"] == target + 1]
    assert changed and all(f["path"] == f"news/{edited.name}" and f["line"] == target + 1 for f in changed)
    assert changed == on_edit, "the changed-since run must report every finding of the edited line"
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    print(f"--changed-since: {count} articles ({megabytes:.1f} MB), 1 edited (line {target + 1})")
    print(f"  full run          {full_s:6.2f} s  {len(full):4d} findings in {len({f['path'] for f in full})} files")
    print(f"  --changed-since   {changed_s:6.2f} s  {len(changed):4d} findings, all on the edited line")
    print(f"  speed-up          {full_s / changed_s:6.1f}x")


def bench_jobs(root: Path, count: int) -> None:
    folder = root / "many"
    paths = articles(folder, count, seed=11)
    size = sum(p.stat().st_size for p in paths) / 1e6
    check = [sys.executable, "-m", "tqcheck", "check", "--format", "json", str(folder)]
    subprocess.run(check, capture_output=True, check=False, env=RUN_ENV)  # warm the caches
    results = {}
    for jobs in (1, 2, 4):
        results[jobs] = timed([*check, "--jobs", str(jobs)], root)
    assert results[1][1] == results[2][1] == results[4][1], "--jobs must not change the output"
    print(f"--jobs: {count} articles ({size:.1f} MB), {os.cpu_count()} cores; outputs byte-identical")
    for jobs, (seconds, _) in results.items():
        print(f"  --jobs {jobs}   {seconds:6.2f} s   {results[1][0] / seconds:4.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--jobs-articles", type=int, default=1000)
    parser.add_argument("--article-bytes", type=int, nargs="+", default=[ARTICLE_BYTES])
    parser.add_argument("--skip-jobs", action="store_true")
    parser.add_argument("--skip-changed", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for size in [] if args.skip_changed else args.article_bytes:
            bench_changed(Path(folder), args.articles, size)
        if not args.skip_jobs:
            bench_jobs(Path(folder), args.jobs_articles)


if __name__ == "__main__":
    main()
