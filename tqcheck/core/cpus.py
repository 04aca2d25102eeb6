"""How many cores this process may use: the thread-pool size of the numeric code.

`os.cpu_count()` counts the machine's cores, not the ones a process gets: a CPU affinity mask
(taskset, a container's cpuset) or a cgroup quota (`cpu.max`, docker --cpus) leaves fewer, and a
BLAS pool sized to the machine then fights itself (measured: on a busy 2-core machine, 2 BLAS
threads encode 3-7x slower than 1). When a run splits into processes (engine.workers), each
gets its share, 1 for a two-process split on two cores. `TQCHECK_THREADS` overrides it all.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

THREADS_ENV = "TQCHECK_THREADS"
_CGROUP_FILES = (Path("/sys/fs/cgroup/cpu.max"), Path("/sys/fs/cgroup/cpu/cpu.cfs_quota_us"))
_processes = 1  # processes sharing the cores right now (set by the engine around a split)


def available_cores() -> int:
    """Cores this process may run on: the affinity mask, capped by a cgroup CPU quota."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    quota = _cgroup_quota()
    if quota is not None:
        cores = min(cores, max(1, math.floor(quota)))
    return max(1, cores)


def _cgroup_quota() -> float | None:
    """`cpu.max` (v2: "max 100000" or "150000 100000") or cfs quota/period (v1), in cores."""
    try:
        text = _CGROUP_FILES[0].read_text().split()
        if len(text) == 2 and text[0] != "max":
            return int(text[0]) / int(text[1])
        return None
    except (OSError, ValueError):
        pass
    try:
        quota = int(_CGROUP_FILES[1].read_text())
        period = int(_CGROUP_FILES[1].with_name("cpu.cfs_period_us").read_text())
    except (OSError, ValueError):
        return None
    return quota / period if quota > 0 and period > 0 else None


def processes() -> int:
    """How many processes share the available cores right now."""
    return _processes


def set_processes(count: int) -> None:
    """Called around a split of the work across `count` processes (restored when it rejoins)."""
    global _processes
    _processes = max(1, count)


def threads() -> int:
    """Thread-pool size for numeric work in this process: its share of the available cores."""
    configured = os.environ.get(THREADS_ENV, "").strip()
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    return max(1, available_cores() // _processes)
