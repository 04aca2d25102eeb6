"""Meaning-drift benchmark: both backends on a generated 2,000-row TSV (fr source / fr back-translation).

For each backend, in its own process (so peak memory is that backend's):
- model load time;
- raw encode throughput (segments/s) of the bare encoder;
- a full `tqcheck score pairs.tsv --format json` pass in-process (fresh cache): wall time,
  time spent inside the model, and tqcheck's own overhead (reading, scoring, word evidence,
  JSON) as % of that model time (target < 15%);
- a fully cached re-run (new process state, same on-disk cache): speed-up (target >= 20x);
- the same two runs as real CLI subprocesses, interpreter start-up included;
- peak RSS (getrusage) and peak Python/numpy allocations (tracemalloc).

Run: PYTHONPATH=. python tests/benchmarks/bench_drift.py [--rows 2000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PLACES = ["Valmer", "Sarn", "Lorient", "Brest", "Toulon", "Caen", "Rouen", "Nantes", "Dijon", "Arles"]
BODIES = [
    "le conseil municipal",
    "la préfecture",
    "le syndicat des dockers",
    "la direction du port",
    "le ministère des Transports",
    "la chambre de commerce",
    "la compagnie de ferries",
    "l'hôpital",
]
VERBS = [
    ("a annoncé", "a fait savoir"),
    ("a confirmé", "a assuré"),
    ("a démenti", "a nié"),
    ("a proposé", "a suggéré"),
    ("a refusé", "a rejeté"),
]
OBJECTS = [
    ("la fermeture de {n} guichets", "la fermeture de {n} guichets"),
    ("une hausse de {n} % des tarifs", "une augmentation de {n} % des prix"),
    ("l'embauche de {n} agents", "le recrutement de {n} employés"),
    ("un plan d'aide de {n} millions d'euros", "un programme de soutien de {n} millions d'euros"),
    ("la reprise des liaisons vers {place}", "le rétablissement des liaisons avec {place}"),
]
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def make_table(path: Path, rows: int, seed: int = 7) -> None:
    """Distinct, news-like French pairs with paraphrased back-translations.

    Planted drift (the `planted` column): a changed number (one row in ten) or, in the ferry
    template, a different destination.
    """
    rng = random.Random(seed)
    lines = ["source\tback_translation\tplanted"]  # the extra column is ignored by tqcheck
    for i in range(rows):
        body, place, day = rng.choice(BODIES), rng.choice(PLACES), rng.choice(DAYS)
        verb, verb_bt = rng.choice(VERBS)
        obj, obj_bt = rng.choice(OBJECTS)
        n = rng.randint(2, 900)
        other_place = rng.choice(PLACES)
        what = obj.format(n=n, place=other_place)
        source = f"À {place}, {body} {verb} {day} {what}, selon un communiqué n° {i}."
        bt_n = n if rng.random() > 0.1 else n + rng.randint(1, 9)
        what_bt = obj_bt.format(n=bt_n, place=place)
        bt = f"{body[0].upper()}{body[1:]} de {place} {verb_bt} {day} {what_bt}, d'après le communiqué n° {i}."
        planted = ("{n}" in obj and bt_n != n) or ("{place}" in obj and other_place != place)
        lines.append(f"{source}\t{bt}\t{int(planted)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def measure(backend: str, table: Path, cache: Path) -> dict[str, object]:
    """One backend, measured inside this process."""
    os.environ["TQCHECK_CACHE_DIR"] = str(cache)
    # word tables are built once per machine, like the model download a hub would need:
    # build them in a throwaway process so that neither the timings nor the peak memory
    # below count that one-off cost
    warm = "from tqcheck.language.lexicon import lexicon; from tqcheck.language.detection import stop_words; "
    warm += "[lexicon(x) for x in ('fr', 'en')]; stop_words()"
    subprocess.run([sys.executable, "-c", warm], check=True, env=os.environ.copy())
    from tqcheck.meaning import encoders as embeddings
    from tqcheck.meaning.comparison import DriftSettings, compare
    from tqcheck.meaning.score_inputs import from_table
    from tqcheck.meaning.score_output import to_json
    from tqcheck.meaning.vector_store import open_cache

    started = time.perf_counter()
    encoder = embeddings.load_encoder(backend)
    load = time.perf_counter() - started

    data = from_table(table, "fr", "fr")
    texts = [s.text for s in data.source.sentences] + [s.text for s in data.other.sentences]
    sample = [t + " ." for t in texts[:500]]  # not the texts themselves: keep the cache cold
    started = time.perf_counter()
    encoder.encode(sample)
    raw_rate = len(sample) / (time.perf_counter() - started)

    def run(folder: Path) -> tuple[float, embeddings.Embedder, list[bool], dict[str, float]]:
        phases: dict[str, float] = {}
        began = time.perf_counter()
        table_data = from_table(table, "fr", "fr")
        phases["read_s"] = time.perf_counter() - began
        embedder = embeddings.Embedder(backend, cache=open_cache(str(folder)))
        mark = time.perf_counter()
        report = compare(
            table_data.source, table_data.other, embedder, DriftSettings(), mode=table_data.mode, links=table_data.links
        )
        phases["score_s"] = time.perf_counter() - mark
        mark = time.perf_counter()
        to_json(report, table_data)
        phases["json_s"] = time.perf_counter() - mark
        hits = [p.flagged for p in report.pairs]
        return time.perf_counter() - began, embedder, hits, phases

    first, embedder, flagged, phases = run(cache)
    planted = [line.rsplit("\t", 1)[1] == "1" for line in table.read_text(encoding="utf-8").splitlines()[1:]]
    model_seconds = embedder.encode_seconds
    embeddings._LOADED.clear()  # a re-run starts without a loaded model, as a new process would
    second, again, _, cached_phases = run(cache)
    tracemalloc.start()  # a third, untimed cold run only for the allocation peak (tracemalloc is slow)
    run(cache.with_name(cache.name + "-traced"))
    _, peak_alloc = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "backend": backend,
        "model_load_s": round(load, 2),
        "raw_segments_per_s": round(raw_rate, 1),
        "rows": len(data.links or []),
        "texts_embedded_first_run": embedder.encoded,
        "first_run_s": round(first, 2),
        "model_time_s": round(model_seconds, 2),
        "tqcheck_overhead_s": round(first - model_seconds, 2),
        "overhead_pct_of_model_time": round(100 * (first - model_seconds) / model_seconds, 1),
        "first_run_phases": {k: round(v, 2) for k, v in phases.items()},
        "pipeline_segments_per_s": round(len(texts) / first, 1),
        "cached_rerun_s": round(second, 3),
        "cached_rerun_phases": {k: round(v, 3) for k, v in cached_phases.items()},
        "cached_rerun_embedded": again.encoded,
        "cached_rerun_loaded_model": again._encoder is not None,
        "cached_speedup_x": round((first + load) / second, 1),
        "flagged_rows": sum(flagged),
        "planted_rows": sum(planted),
        "precision": round(sum(f and p for f, p in zip(flagged, planted, strict=False)) / max(1, sum(flagged)), 3),
        "recall": round(sum(f and p for f, p in zip(flagged, planted, strict=False)) / max(1, sum(planted)), 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "peak_traced_alloc_mb": round(peak_alloc / 2**20, 1),
    }


def cli_runs(backend: str, table: Path, cache: Path) -> dict[str, float]:
    """The real command twice (cold cache, then warm), interpreter start-up included."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TQCHECK_CACHE_DIR": str(cache)}
    command = [
        sys.executable,
        "-m",
        "tqcheck",
        "score",
        str(table),
        "--model",
        backend,
        "--source-language",
        "fr",
        "--format",
        "json",
    ]
    times = []
    for _ in range(2):
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        times.append(time.perf_counter() - started)
        if done.returncode not in (0, 1):
            raise SystemExit(done.stderr)
        json.loads(done.stdout)
    return {
        "cli_cold_s": round(times[0], 2),
        "cli_cached_s": round(times[1], 2),
        "cli_cached_speedup_x": round(times[0] / times[1], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--backends", default="use,minilm")
    parser.add_argument("--backend", help=argparse.SUPPRESS)
    parser.add_argument("--table", help=argparse.SUPPRESS)
    parser.add_argument("--cache", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.backend:  # child: one backend
        print(json.dumps(measure(args.backend, Path(args.table), Path(args.cache))))
        return
    with tempfile.TemporaryDirectory() as tmp:
        table = Path(tmp) / "pairs.tsv"
        make_table(table, args.rows)
        print(f"{args.rows}-row TSV, {os.cpu_count()} CPU(s)")
        for backend in args.backends.split(","):
            cache = Path(tmp) / f"cache-{backend}"
            child = subprocess.run(
                [sys.executable, __file__, "--backend", backend, "--table", str(table), "--cache", str(cache)],
                capture_output=True,
                text=True,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
                check=True,
            )
            figures = json.loads(child.stdout.strip().splitlines()[-1])
            figures.update(cli_runs(backend, table, Path(tmp) / f"cli-cache-{backend}"))
            print(f"\n[{backend}]")
            for key, value in figures.items():
                print(f"  {key:30} {value}")


if __name__ == "__main__":
    main()
