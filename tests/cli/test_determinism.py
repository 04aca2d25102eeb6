"""Byte-identical output whatever the run: --jobs, hash seed, locale, repeated runs.

A gate whose output flickers gets switched off: the same files must give the same bytes. The
corpus is large enough (about 440 KB over six files) for --jobs 2 to use worker processes.
Locales: C and C.UTF-8 always; tr_TR.UTF-8 (dotted/dotless i) and fr_FR.UTF-8 when the machine
has them (`locale -a`), else the run says which were missing.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from helpers import run_module

PARAGRAPHS = [
    "The the port of Istanbul reopened on Monday , officials said.",
    "İzmir and Iğdır voted ; the IRIS team said it was «fine».",
    "Le texte a été adopté par l'Assemblee nationale mardi soir .",
    "Talks with Alexander Grushko resumed; Alexander Grouchko later left.",
    "Die Regierung will die Strae im Zentrum sperren, sagte er.",
    "Source link",
    "Prices rose by 3.5 percent , the ministry said on Tuesday.",
]


def _available_locales() -> set[str]:
    try:
        listed = subprocess.run(["locale", "-a"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return set()
    return {name.strip().lower().replace("utf8", "utf-8") for name in listed.splitlines()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("determinism")
    (root / "tqcheck.toml").write_text('packs = ["en-news"]\n', encoding="utf-8")
    for i in range(6):
        rotated = PARAGRAPHS[i:] + PARAGRAPHS[:i]
        body = "\n\n".join(f"{p} ({n})" for n in range(300) for p in rotated[:4]) + "\n"
        (root / f"story{i}.md").write_text(f"# Story {i}\n\n{body}", encoding="utf-8")
    from tqcheck.engine.pool import MIN_BYTES

    assert sum(f.stat().st_size for f in root.glob("*.md")) > MIN_BYTES  # --jobs 2 really uses workers
    return root


def test_output_is_byte_identical_across_jobs_seeds_and_locales(corpus: Path) -> None:
    available = _available_locales()
    locales = ["C", "C.UTF-8"] + [
        name for name in ("tr_TR.UTF-8", "fr_FR.UTF-8") if name.lower().replace("utf8", "utf-8") in available
    ]
    runs = [
        ("1", "0", "C"),
        ("2", "1", "C.UTF-8"),
        ("2", "12345", locales[2] if len(locales) > 2 else "C"),
        ("1", "987", locales[3] if len(locales) > 3 else "C.UTF-8"),
    ]
    outputs = {}
    for jobs, seed, locale in runs:
        env = {"PYTHONHASHSEED": seed, "LC_ALL": locale, "LANG": locale}
        done = run_module("check", "--format", "json", "--jobs", jobs, ".", cwd=corpus, env=env)
        assert done.returncode == 1, done.stderr
        outputs[(jobs, seed, locale)] = done.stdout
    first = next(iter(outputs.values()))
    assert '"findings"' in first and first.count('"rule"') > 100
    for key, output in outputs.items():
        assert output == first, f"output differs for jobs/seed/locale {key}"


def test_text_and_sarif_are_byte_identical_across_jobs(corpus: Path) -> None:
    for output_format in ("text", "sarif"):
        one = run_module(
            "check", "--format", output_format, "--jobs", "1", ".", cwd=corpus, env={"PYTHONHASHSEED": "3"}
        )
        two = run_module(
            "check", "--format", output_format, "--jobs", "2", ".", cwd=corpus, env={"PYTHONHASHSEED": "4"}
        )
        assert one.returncode == two.returncode == 1
        assert one.stdout == two.stdout
