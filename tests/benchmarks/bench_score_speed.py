"""Throughput of `tqcheck score` on a real table, cold and cached.

Scores N rows of a real MLQE-PE dev table (../shared/realdata/meaning, read at run time, never
copied) with the default model, as a user would: `python -m tqcheck score rows.tsv --format
json` in a fresh process. Cold: an empty embedding cache (the config's `cache-dir` points at a
new folder; word tables and the unpacked model weights, built once per installation, stay in
tqcheck's cache folder, as on any machine that ran tqcheck before). `--fully-cold` moves the
whole cache folder too. tqcheck's own modules are byte-compiled first, as `pip install` does
(a source checkout run with PYTHONDONTWRITEBYTECODE=1 would otherwise compile ~200 modules on
every run, about 0.5 s); `--no-compile` skips that. The second run must embed nothing: it is
repeated in-process and the embedder's count of encoded texts printed.

    python tests/benchmarks/bench_score_speed.py [--rows 1000] [--model use] [--table da_ruen]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality_data import tables


def run(folder: Path, table: Path, model: str, env: dict[str, str]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of the process and its workers, segments)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "tqcheck", "score", str(table), "--format", "json", "--model", model],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if done.returncode not in (0, 1):
        sys.exit(done.stderr[-800:])
    return seconds, cpu, len(json.loads(done.stdout)["segments"])


def embedded_again(folder: Path, table: Path, model: str, env: dict[str, str]) -> int:
    """Texts the second run had to embed (sentences and words), counted in-process."""
    os.environ.update(env)
    os.chdir(folder)
    from tqcheck.core.config import load_file
    from tqcheck.meaning.comparison import compare
    from tqcheck.meaning.document_analysis import embedder_for
    from tqcheck.meaning.score_inputs import from_table
    from tqcheck.meaning.settings import DriftConfig

    settings = DriftConfig.from_config(load_file(folder / "tqcheck.toml"))
    settings = DriftConfig(model, settings.device, settings.batch_size, settings.cache_dir, None)
    embedder = embedder_for(settings)
    data = from_table(table, None, None)
    compare(data.source, data.other, embedder, mode=data.mode, links=data.links)
    return embedder.encoded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--model", default="use")
    parser.add_argument("--table", default="da_ruen")
    parser.add_argument("--fully-cold", action="store_true")
    parser.add_argument("--no-compile", action="store_true", help="do not byte-compile tqcheck first")
    args = parser.parse_args()
    if not args.no_compile:
        package = Path(__file__).resolve().parents[2] / "tqcheck"
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)
    chosen = next(t for t in tables("dev") if t.name == args.table)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        table = folder / "rows.tsv"
        rows = [f"{a}\t{b}" for a, b in zip(chosen.left, chosen.right, strict=True)][: args.rows]
        lines = ["source\ttarget", *rows]
        table.write_text("\n".join(lines) + "\n", encoding="utf-8")
        (folder / "tqcheck.toml").write_text(f'cache-dir = "{folder / "embeddings"}"\n', encoding="utf-8")
        env = dict(os.environ)
        env.pop("TQCHECK_CACHE_DIR", None) if not args.fully_cold else env.update(TQCHECK_CACHE_DIR=str(folder / "all"))
        cold, cold_cpu, n = run(folder, table, args.model, env)
        warm, warm_cpu, _ = run(folder, table, args.model, env)
        print(
            f"{args.model}, {n} rows of {args.table}: cold {cold:.1f} s wall = {n / cold:.0f} segments/s "
            f"({cold_cpu:.1f} CPU s = {n / cold_cpu:.0f} segments per CPU second); cached re-run {warm:.1f} s "
            f"= {n / warm:.0f} segments/s ({warm_cpu:.1f} CPU s); load average {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        print(f"texts embedded by a cached re-run: {embedded_again(folder, table, args.model, env)}")


if __name__ == "__main__":
    main()
