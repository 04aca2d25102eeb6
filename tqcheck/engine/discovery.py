"""Which files a `tqcheck check PATH...` run reads: recursion, exclude globs, .gitignore."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import pathspec

from tqcheck.core.config import Config
from tqcheck.readers import is_supported

_ALWAYS_SKIPPED = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"}


@lru_cache(maxsize=256)
def _compiled(patterns: tuple[str, ...]) -> pathspec.PathSpec:
    return pathspec.GitIgnoreSpec.from_lines(patterns)


def compile_globs(patterns: Iterable[str]) -> pathspec.PathSpec:
    return _compiled(tuple(patterns))


def relative_to_root(path: str | Path, config: Config) -> str:
    absolute = Path(os.path.realpath(path))  # never raises, even on a symlink loop
    try:
        root = _resolved(config.root) if config.root.is_absolute() else Path(os.path.realpath(config.root))
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return Path(path).as_posix()


@lru_cache(maxsize=16)
def _resolved(root: Path) -> Path:
    """An absolute project root, resolved once per run rather than once per file."""
    return Path(os.path.realpath(root))


def _gitignore(folder: Path) -> pathspec.PathSpec | None:
    ignore_file = folder / ".gitignore"
    if not ignore_file.is_file():
        return None
    try:
        return compile_globs(ignore_file.read_text(encoding="utf-8", errors="replace").splitlines())
    except (OSError, ValueError):
        return None


def iter_files(paths: Iterable[Path], config: Config) -> Iterator[Path]:
    """Yield files to check, in a stable order; explicitly named files are never excluded."""
    exclude = compile_globs(config.exclude)
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        ignores: list[tuple[Path, pathspec.PathSpec]] = []
        for folder, dirnames, filenames in os.walk(path):
            here = Path(folder)
            if config.respect_gitignore:
                spec = _gitignore(here)
                if spec is not None:
                    ignores.append((here, spec))
            dirnames[:] = sorted(
                d
                for d in dirnames
                if d not in _ALWAYS_SKIPPED and not _excluded(here / d, exclude, ignores, config, is_dir=True)
            )
            for name in sorted(filenames):
                candidate = here / name
                if is_supported(candidate) and not _excluded(candidate, exclude, ignores, config, is_dir=False):
                    yield candidate


def _excluded(
    path: Path,
    exclude: pathspec.PathSpec,
    ignores: list[tuple[Path, pathspec.PathSpec]],
    config: Config,
    *,
    is_dir: bool,
) -> bool:
    suffix = "/" if is_dir else ""
    if exclude.match_file(relative_to_root(path, config) + suffix):
        return True
    for folder, spec in ignores:
        try:
            relative = path.relative_to(folder).as_posix()
        except ValueError:
            continue
        if spec.match_file(relative + suffix):
            return True
    return False
