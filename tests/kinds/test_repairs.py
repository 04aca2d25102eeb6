"""clear_repair: the most plausible kind of neighbour wins unless a less plausible one is more
frequent by the lead per tier between them."""

from __future__ import annotations

import pytest

from tqcheck.kinds import repairs
from tqcheck.kinds.repairs import clear_repair


def _with(monkeypatch: pytest.MonkeyPatch, found: tuple[tuple[str, float, str], ...]) -> None:
    monkeypatch.setattr(repairs, "neighbours", lambda word, language: found)


def test_a_misreading_beats_a_more_frequent_word_two_tiers_less_plausible(monkeypatch: pytest.MonkeyPatch) -> None:
    _with(monkeypatch, (("gamma", 5.2, "ocr+edit"), ("delta", 4.1, "ocr")))
    repair = clear_repair("xxxxx", "en", 3.0, 1.0)
    assert repair is not None and repair.form == "delta"


def test_a_far_more_frequent_word_two_tiers_down_still_rivals(monkeypatch: pytest.MonkeyPatch) -> None:
    _with(monkeypatch, (("gamma", 6.2, "ocr+edit"), ("delta", 4.1, "ocr")))
    assert clear_repair("xxxxx", "en", 3.0, 1.0) is None


def test_one_tier_down_needs_only_the_lead(monkeypatch: pytest.MonkeyPatch) -> None:
    _with(monkeypatch, (("gamma", 5.2, "edit"), ("delta", 4.1, "ocr")))
    assert clear_repair("xxxxx", "en", 3.0, 1.0) is None
