"""A time budget per rule and document: a rule stuck in a catastrophically backtracking pattern
(a user pack's `(a+)+$`) is stopped, reported, and the run moves on to the next rule.

Python's regex engine checks for signals while it matches, so a SIGALRM timer interrupts it.
The timer exists only in a main thread on POSIX; elsewhere (threads, Windows) rules run
without a budget, as before.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")

_MEGABYTE = 1000 * 1000


class RuleTimeout(Exception):
    """A rule used up its time budget on one document."""


def seconds_for(text_length: int, per_megabyte: float) -> float:
    """The budget for one document: `rule-time-budget` per started megabyte of text."""
    return per_megabyte * max(1, -(-text_length // _MEGABYTE))


def _can_time() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise RuleTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def within(seconds: float, work: Callable[..., T], *args: Any) -> T:
    """`work(*args)`, or RuleTimeout once `seconds` have passed (when a timer is available)."""
    if not _can_time():
        return work(*args)
    with _alarm(seconds):
        return work(*args)
