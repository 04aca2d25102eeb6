"""Speed of the bilingual reader and the XL rules: a generated 20,000-unit XLIFF file checked with
XL001-XL009 (no embeddings), as `tqcheck check --select XL` runs it. Goal: 5,000 units per second.

The units are built from our own sentence templates (en -> fr) with numbers, placeholders, inline
tags, entities and names, a few with injected errors (a changed number, a lost placeholder, an
untranslated target), so every rule has work to do.

Run: PYTHONPATH=. python tests/benchmarks/bench_bilingual.py [--units 20000] [--cli]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

TEMPLATES = (
    (
        "The harbour office opens at {h}:30 and closes at {h2}:00.",
        "Le bureau du port ouvre à {h} h 30 et ferme à {h2} h.",
    ),
    (
        "Boats longer than {n} metres pay {p} euros a night.",
        "Les bateaux de plus de {n} mètres paient {p} euros la nuit.",
    ),
    (
        "Welcome, %s! You have {n} new messages.",
        "Bienvenue, %s ! Vous avez {n} nouveaux messages.",
    ),
    (
        'Click <g id="1">Book now</g> to reserve berth {n}.',
        'Cliquez sur <g id="1">Réserver</g> pour l\'anneau {n}.',
    ),
    (
        "Captain {name} inspects pontoon {n} every morning.",
        "Le capitaine {name} inspecte le ponton {n} chaque matin.",
    ),
    (
        "Showers & toilets are open until {h}:00.",
        "Les douches et les toilettes sont ouvertes jusqu'à {h} h.",
    ),
    (
        "Fuel costs {p}.50 euros per litre on {d}/0{m}/2025.",
        "Le carburant coûte {p},50 euros le litre le {d}/0{m}/2025.",
    ),
    (
        "Keep the gangway clear; {n} bicycles at most.",
        "Laissez la passerelle libre ; {n} vélos au plus.",
    ),
)
NAMES = ("Sorokin", "Marchand", "Kowalczyk", "Okafor", "Lindqvist")


def unit(k: int, rng: random.Random) -> tuple[str, str]:
    source, target = TEMPLATES[k % len(TEMPLATES)]
    values = {
        "h": rng.randint(6, 11),
        "h2": rng.randint(15, 20),
        "n": rng.randint(2, 400),
        "p": rng.randint(10, 99),
        "name": NAMES[k % len(NAMES)],
        "d": rng.randint(1, 9),
        "m": rng.randint(1, 9),
    }
    source, target = source.format(**values), target.format(**values)
    roll = rng.random()
    if roll < 0.01:
        target = target.replace(str(values["n"]), str(values["n"] + 1), 1)
    elif roll < 0.02:
        target = target.replace("%s", "")
    elif roll < 0.03:
        target = source
    return source, target


def inline_xml(text: str) -> str:
    """Escape text but keep our <g>…</g> tags as XLIFF inline markup."""
    escaped = escape(text)
    return escaped.replace('&lt;g id="1"&gt;', '<g id="1">').replace("&lt;/g&gt;", "</g>")


def generate(units: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    body = []
    for k in range(units):
        source, target = unit(k, rng)
        body.append(
            f'      <trans-unit id="{k + 1}">\n        <source>{inline_xml(source)}</source>\n'
            f'        <target state="translated">{inline_xml(target)}</target>\n      </trans-unit>\n'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '  <file original="bench" source-language="en" target-language="fr" datatype="plaintext">\n    <body>\n'
        + "".join(body)
        + "    </body>\n  </file>\n</xliff>\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the best is reported")
    parser.add_argument("--cli", action="store_true", help="time `python -m tqcheck check` in a subprocess too")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="tqcheck-bench-bilingual-"))
    path = folder / "bench.xlf"
    path.write_text(generate(args.units), encoding="utf-8")
    size = path.stat().st_size / 1e6

    from tqcheck import check_paths
    from tqcheck.core.config import Config

    os.environ["TQCHECK_JOBS"] = "1"  # one process, so that CPU time is the whole cost
    config = Config(select=("XL",), root=folder)
    check_paths([path], config=config)  # warm the word tables and caches, as a second run finds them
    elapsed = cpu = float("inf")
    for _ in range(args.repeat):  # the best of a few runs: the machine is shared
        started, used = time.perf_counter(), time.process_time()
        findings = check_paths([path], config=config)
        elapsed = min(elapsed, time.perf_counter() - started)
        cpu = min(cpu, time.process_time() - used)
    by_rule: dict[str, int] = {}
    for finding in findings:
        by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
    # the machine is shared: CPU time says what the code costs, wall time what this run waited
    print(
        f"{args.units} units ({size:.1f} MB): {cpu:.2f} s CPU, {args.units / cpu:,.0f} units per CPU second; "
        f"{elapsed:.2f} s wall, {args.units / elapsed:,.0f} units/s (load average {os.getloadavg()[0]:.1f})"
    )
    print("findings:", ", ".join(f"{rule} {count}" for rule, count in sorted(by_rule.items())))
    if args.cli:  # the command as a user runs it: start-up, output, and the process pool
        env = {k: v for k, v in os.environ.items() if k != "TQCHECK_JOBS"}
        env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
        command = [sys.executable, "-m", "tqcheck", "check", "--select", "XL", "--format", "json", "-o", os.devnull]
        for label, extra in (("--jobs 1", ["--jobs", "1"]), ("default --jobs", [])):
            started, children = time.perf_counter(), os.times()
            subprocess.run([*command, *extra, str(path)], env=env, check=False)
            wall, after = time.perf_counter() - started, os.times()
            used = after.children_user + after.children_system - children.children_user - children.children_system
            print(
                f"CLI {label}: {wall:.2f} s wall, {args.units / wall:,.0f} units/s; {used:.2f} s CPU "
                f"(load average {os.getloadavg()[0]:.1f})"
            )


if __name__ == "__main__":
    main()
