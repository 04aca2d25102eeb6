"""Byte-identical output whatever the run: --jobs, hash seed, locale, repeated runs.

A gate whose output flickers gets switched off: the same files must give the same bytes. The
corpus is large enough (about 440 KB over six files) for --jobs 2 to use worker processes.
Locales: C, C.UTF-8, tr_TR.UTF-8 (dotted/dotless i) and fr_FR.UTF-8 (decimal comma). A locale
the machine lacks is a skip that names it (never a silent pass); under CI (`CI` set), where
.ci/run generates them, a missing locale fails.
"""

from __future__ import annotations

import os
import subprocess
import sys
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


def _usable(locale: str) -> bool:
    """Whether the C library can switch to `locale` (listed by `locale -a` is not proof enough)."""
    probe = "import locale; locale.setlocale(locale.LC_ALL, '')"
    env = {**os.environ, "LC_ALL": locale, "LANG": locale}
    try:
        done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


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


def _json(corpus: Path, jobs: str, seed: str, locale: str) -> str:
    env = {"PYTHONHASHSEED": seed, "LC_ALL": locale, "LANG": locale}
    done = run_module("check", "--format", "json", "--jobs", jobs, ".", cwd=corpus, env=env)
    assert done.returncode == 1, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def reference(corpus: Path) -> str:
    output = _json(corpus, "1", "0", "C")
    assert '"findings"' in output and output.count('"rule"') > 100
    return output


# (locale, --jobs, hash seed): every run but the reference changes all three at once
RUNS = [("C", "2", "7"), ("C.UTF-8", "2", "1"), ("tr_TR.UTF-8", "2", "12345"), ("fr_FR.UTF-8", "1", "987")]


@pytest.mark.parametrize(("locale", "jobs", "seed"), RUNS)
def test_output_is_byte_identical_across_jobs_seeds_and_locales(
    corpus: Path, reference: str, locale: str, jobs: str, seed: str
) -> None:
    if not _usable(locale):
        message = f"locale {locale} is not installed here, so determinism under it was NOT checked"
        if os.environ.get("CI"):  # .ci/run generates it: missing there is a broken CI set-up
            pytest.fail(message + " (.ci/run should have generated it)")
        pytest.skip(message + " (generate it with locale-gen or localedef; .ci/run does)")
    assert _json(corpus, jobs, seed, locale) == reference, f"output differs for locale/jobs/seed {locale}/{jobs}/{seed}"


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
