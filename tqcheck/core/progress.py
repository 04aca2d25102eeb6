"""What a run reports while it works, for a progress bar the CLI may draw (the engine prints
nothing): documents checked out of the total, and texts embedded for the meaning checks."""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    def files(self, done: int, total: int) -> None:
        """`done` of `total` documents are checked."""

    def segments(self, embedded: int) -> None:
        """`embedded` more texts went through the embedding model."""
