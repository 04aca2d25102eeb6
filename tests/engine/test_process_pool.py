"""`--jobs N`: the per-document pass over a process pool gives byte-identical output for every
N, whether the files or (for one large file) the rules are split between workers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import invoke, run_python

from tqcheck.core.config import Config
from tqcheck.engine import pool
from tqcheck.engine.run import load_rules, run

# many files: each worker reads and checks some of them; TL003 then compares files read in
# different workers (their summaries travel back)
MANY_FILES = {
    f"d{i}.txt": text
    for i, text in enumerate(
        [
            "The rnodern port reopened, said Alexander Grushko.\n\nSource link\n",
            "Le texte a été adopté par l'Assemblee nationale mardi soir.\n",
            "Die Regierung will die Strae im Zentrum sperren, sagte er.\n",
            "Talks in Geneva with Alexander Grouchko resumed on Monday.\n",
        ]
        * 2
    )
}
# one large file: each worker runs a group of the rules on it
ONE_FILE = {
    "large.md": "\n\n".join(
        [
            "The rnodern port reopened after talks with Alexander Grushko in Geneva.",
            "Officials said Alexander Grouchko would return. The deployment. mass of troops went on.",
            "Source link",
            "Prices rose by 3.5 percent , officials said on Monday.",
        ]
        * 3
    )
    + "\n"
}


@pytest.mark.parametrize(
    ("files", "rules"),
    [
        (MANY_FILES, {"GW001", "GW003", "BP001", "TL003"}),
        (ONE_FILE, {"GW003", "PN001", "BP001", "PN003", "TL001"}),
    ],
    ids=["files", "rules"],
)
def test_every_job_count_gives_the_same_result(  # type: ignore[no-untyped-def]
    tmp_path: Path, monkeypatch, files: dict[str, str], rules: set[str]
) -> None:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(pool, "MIN_BYTES", 1)
    single = run([str(tmp_path)], Config(), jobs=1)
    assert rules <= {f.rule for f in single.findings}
    for jobs in (2, 3):
        split = run([str(tmp_path)], Config(), jobs=jobs)
        assert split.findings == single.findings
        assert [d.path for d in split.documents] == [d.path for d in single.documents]
        assert [d.language for d in split.documents] == [d.language for d in single.documents]


def test_cli_output_is_byte_identical_for_every_job_count(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(pool, "MIN_BYTES", 1)
    for i in range(12):
        name = "Grouchko" if i % 4 == 0 else "Grushko"
        body = (
            f"Talks in Geneva with Alexander {name} resumed on Monday, officials said.\n\n"
            f"The rnodern port reopened on the {i}th day, and the ministers said they would meet again.\n"
        )
        (tmp_path / f"a{i:02d}.md").write_text(body, encoding="utf-8")
    outputs = [invoke("check", "-f", "json", "--jobs", str(jobs), str(tmp_path)).stdout for jobs in (1, 2, 4)]
    assert outputs[0] == outputs[1] == outputs[2]
    assert '"TL003"' in outputs[0] and '"GW003"' in outputs[0]


def test_chunks_are_contiguous_and_balanced(tmp_path: Path) -> None:
    files = []
    for i, size in enumerate([100, 5000, 100, 100, 4000, 100, 100, 100]):
        path = tmp_path / f"{i}.md"
        path.write_text("x" * size, encoding="utf-8")
        files.append(path)
    parts = pool.chunks(files, 3)
    assert [f for part in parts for f in part] == files  # input order kept
    assert 2 <= len(parts) <= 3 and all(parts)


def test_rule_groups_keep_shared_work_together() -> None:
    rules = load_rules(Config())
    groups = pool.rule_groups(rules, 2)
    assert sorted(i for group in groups for i in group) == list(range(len(rules)))
    side = {rules[i].spec.id: n for n, group in enumerate(groups) for i in group}
    assert side["TL001"] == side["TL002"] == side["TL003"]  # one name analysis per document
    assert side["GW001"] == side["GW003"]
    cost = [sum(rules[i].COST for i in group) for group in groups]
    assert min(cost) / max(cost) > 0.6


def test_default_jobs_are_the_usable_cores(monkeypatch) -> None:  # type: ignore[no-untyped-def]

    monkeypatch.delenv("TQCHECK_JOBS", raising=False)
    assert pool.default_jobs() == len(os.sched_getaffinity(0))
    monkeypatch.setenv("TQCHECK_JOBS", "3")
    assert pool.default_jobs() == 3


def test_small_runs_stay_in_one_process(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Short.\n", encoding="utf-8")
    assert pool.workers_for([tmp_path / "a.md"], 8) == 1
    assert pool.workers_for([], 8) == 1


def test_spawn_workers_give_the_same_result_where_there_is_no_forkserver(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import multiprocessing

    for name, text in MANY_FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(pool, "MIN_BYTES", 1)
    single = run([str(tmp_path)], Config(), jobs=1)
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert not pool.can_fork()
    assert pool._context(fork=False).get_start_method() == "spawn"
    spawned = run([str(tmp_path)], Config(), jobs=2)
    assert spawned.findings == single.findings


def test_forked_workers_give_the_same_result(tmp_path: Path) -> None:
    """No torch and no other thread: workers are forked. Run in a fresh interpreter, since this
    test process may have loaded torch for other tests (and then never forks)."""
    for name, text in MANY_FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    probe = (
        "import multiprocessing, sys\n"
        "from tqcheck.core.config import Config\n"
        "from tqcheck.engine import pool\n"
        "from tqcheck.engine.run import run\n"
        "pool.MIN_BYTES = 1\n"
        "used = []\n"
        "real = pool._context\n"
        "pool._context = lambda fork: used.append(fork) or real(fork)\n"
        f"single = run([{str(tmp_path)!r}], Config(), jobs=1)\n"
        f"forked = run([{str(tmp_path)!r}], Config(), jobs=2)\n"
        "print('FORKED', used == [True], 'SAME', forked.findings == single.findings, len(single.findings) > 0)\n"
    )
    done = run_python(probe)
    assert "FORKED True SAME True True" in done.stdout, done.stdout + done.stderr


def test_a_forked_worker_keeps_the_rules_it_inherited(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    config, other = Config(), Config(select=("GW",))
    loaded: list[Config] = []
    monkeypatch.setattr(pool, "load_rules", lambda c: loaded.append(c) or ["rules of " + repr(c.select)])
    monkeypatch.setattr(pool, "_CONFIG", config)
    monkeypatch.setattr(pool, "_RULES", ["inherited"])
    pool._start_worker(config)
    assert loaded == [] and pool._RULES == ["inherited"]
    pool._start_worker(other)  # another run's configuration: load its own
    assert loaded == [other]


def test_no_fork_while_another_thread_runs(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import threading

    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert not pool.can_fork()
