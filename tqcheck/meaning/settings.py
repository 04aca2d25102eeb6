"""The meaning-drift settings of one run: which model, where its vectors are cached, the threshold.

Read from the config's keys (`model`, `device`, `batch-size`, `cache-dir`, `drift-threshold`)
with CLI flags on top; hashable, so one embedder and one analysis serve every rule that asks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tqcheck.core.config import Config


@dataclass(frozen=True)
class DriftConfig:
    """The model and scoring settings of one run (config keys, CLI flags on top)."""

    model: str | None = None
    device: str = "cpu"
    batch_size: int = 64
    cache_dir: str | None = None
    threshold: float | None = None

    @classmethod
    def from_config(cls, config: Config) -> DriftConfig:
        extra = config.extra
        return cls(
            model=extra.get("model"),
            device=extra.get("device", "cpu"),
            batch_size=extra.get("batch-size", 64),
            cache_dir=extra.get("cache-dir"),
            threshold=extra.get("drift-threshold"),
        )


# the CLI's progress bar while one is drawn: told how many texts each model call embedded
EMBEDDING_PROGRESS: list[Callable[[int], None]] = []


def on_embedded(callback: Callable[[int], None] | None) -> None:
    """Tell `callback` how many texts each model call embeds (None stops). Kept here, a module
    that imports nothing heavy, so that registering costs nothing when no model is used."""
    EMBEDDING_PROGRESS[:] = [callback] if callback is not None else []
    import sys

    loaded = sys.modules.get("tqcheck.meaning.document_analysis")
    if loaded is not None:
        loaded.follow_progress()
