"""tqcheck: translation-quality and consistency checks for editorial text.

The public API is this module only: `check_text`, `check_paths`, `Finding`, `Severity`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from tqcheck.core.model import Finding, InputError, Severity

if TYPE_CHECKING:
    from tqcheck.core.config import Config

from tqcheck.core.version import __version__

__all__ = ["Finding", "InputError", "Severity", "__version__", "check_paths", "check_text"]


def check_text(
    text: str, *, path: str = "<text>", config: Config | None = None, format: str | None = None
) -> list[Finding]:
    """Check one text; `path` picks the reader by extension ("notes.md") unless `format` is given."""
    from tqcheck.core.config import Config
    from tqcheck.engine.inputs import prepare
    from tqcheck.engine.run import check_documents, load_rules
    from tqcheck.readers import read_text

    cfg = config or Config()
    doc = prepare(read_text(text, path, format), cfg)
    return check_documents([doc], load_rules(cfg), cfg)


def check_paths(paths: Iterable[str | Path], *, config: Config | None = None) -> list[Finding]:
    """Check files and folders; unreadable files are skipped here (the CLI reports them)."""
    from tqcheck.core.config import Config
    from tqcheck.engine.run import run

    return run([str(p) for p in paths], config or Config()).findings
