"""Configuration: `tqcheck.toml` or `[tool.tqcheck]` in pyproject.toml, merged with CLI flags.

Precedence is CLI > config file > defaults. Unknown keys stop the run, naming file and key,
because a misspelt `ignroe` that silently does nothing is how checks rot.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tqcheck.core.errors import ConfigError
from tqcheck.core.model import Severity

CONFIG_FILES = ("tqcheck.toml", ".tqcheck.toml", "pyproject.toml")

# Peak memory is a few times the largest file's size (its text, checkable copy, parse tokens;
# 20 MB of text peaked at 111 MB): files over 50 MB are refused with a one-line error unless
# `max-file-size` is raised.
DEFAULT_MAX_FILE_SIZE = 50 * 1000 * 1000
# Seconds a rule with `regex: true` may spend on one document, per started megabyte of it: a pattern that
# backtracks catastrophically is stopped and reported, and the run moves on.
DEFAULT_RULE_TIME_BUDGET = 20.0


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    packs: tuple[str, ...] = ()
    language: str | None = None
    # the gate's default: a warning means "an editor should look"; info never fails
    fail_on: Severity | None = Severity.WARNING  # None means never fail
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    root: Path = field(default_factory=Path.cwd)
    source: Path | None = None
    # Options owned by individual capabilities (names glossary, models, side-car patterns);
    # declared in EXTRA_KEYS so unknown keys are still rejected.
    extra: Mapping[str, Any] = field(default_factory=dict)
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    rule_time_budget: float = DEFAULT_RULE_TIME_BUDGET
    # values given on the command line, by config key ("select" -> ("PN02",)), so that an
    # error names the flag rather than the file
    flags: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def where(self, key: str, value: str | None = None) -> str:
        """Where a setting came from, for error messages: the flag, or the file and key."""
        if key in self.flags and (value is None or value in self.flags[key]):
            return f"--{key}"
        return f"{self.source or 'config'}: key '{key}'"

    def with_overrides(self, **changes: Any) -> Config:
        """CLI flags win: only values that were actually given replace the file's."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _str_list(value: Any, key: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        example = '["' + value + '"]' if isinstance(value, str) else '["..."]'
        raise ConfigError(f"{where}: key '{key}': expected a list of strings, e.g. {example}")
    return tuple(value)


def _paths(value: Any, key: str, where: str) -> tuple[str, ...]:
    """One file or a list of files."""
    return (value,) if isinstance(value, str) else _str_list(value, key, where)


def _rule_codes(value: Any, key: str, where: str) -> tuple[str, ...]:
    return tuple(code.strip().upper() for code in _str_list(value, key, where))


def parse_fail_on(value: Any, key: str, where: str) -> Severity | None:
    if not isinstance(value, str):
        raise ConfigError(f"{where}: key '{key}': expected a string")
    if value.lower() == "never":
        return None
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise ConfigError(f"{where}: key '{key}': {exc} or 'never'") from None


def _per_file(value: Any, key: str, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: key '{key}': expected a table of glob = [codes]")
    return {str(glob): _rule_codes(codes, f"{key}.{glob}", where) for glob, codes in value.items()}


def _rules(value: Any, key: str, where: str) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise ConfigError(f"{where}: key '{key}': expected tables like [{key}.ST001]")
    return {str(k).upper(): dict(v) for k, v in value.items()}


def _bool(value: Any, key: str, where: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{where}: key '{key}': expected true or false")
    return value


def _language(value: Any, key: str, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: key '{key}': expected a language code such as 'en'")
    return value.strip().lower()


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$", re.IGNORECASE)
_UNITS = {"b": 1, "kb": 1000, "mb": 1000 * 1000, "gb": 1000 * 1000 * 1000}


def _size(value: Any, key: str, where: str) -> int:
    """Bytes as an integer, or a string with a unit: "50MB", "200 KB", "1GB"."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    match = _SIZE.match(value) if isinstance(value, str) else None
    size = int(float(match[1]) * _UNITS[(match[2] or "b").lower()]) if match else 0
    if size < 1:
        raise ConfigError(f"{where}: key '{key}': expected a size such as 50000000 or \"50MB\"")
    return size


def _seconds(value: Any, key: str, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise ConfigError(f"{where}: key '{key}': expected a positive number of seconds")
    return float(value)


Parser = Callable[[Any, str, str], Any]

_KEYS: dict[str, tuple[str, Parser]] = {
    "select": ("select", _rule_codes),
    "extend-select": ("extend_select", _rule_codes),
    "ignore": ("ignore", _rule_codes),
    "per-file-ignores": ("per_file_ignores", _per_file),
    "exclude": ("exclude", _str_list),
    "respect-gitignore": ("respect_gitignore", _bool),
    "packs": ("packs", _str_list),
    "language": ("language", _language),
    "fail-on": ("fail_on", parse_fail_on),
    "rules": ("rules", _rules),
    "max-file-size": ("max_file_size", _size),
    "rule-time-budget": ("rule_time_budget", _seconds),
}


def _text(value: Any, key: str, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: key '{key}': expected a non-empty string")
    return value.strip()


def _positive_int(value: Any, key: str, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"{where}: key '{key}': expected a positive integer")
    return value


def _similarity(value: Any, key: str, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not -1.0 <= value <= 1.0:
        raise ConfigError(f"{where}: key '{key}': expected a number between -1 and 1")
    return float(value)


def _file_pattern(value: Any, key: str, where: str) -> str:
    """Side-car file name pattern: placeholders {stem}, {lang}, {src}, {ext}; same folder."""
    if not isinstance(value, str) or "/" in value or "\\" in value or "{stem}" not in value:
        example = "{stem}.bt.{src}{ext}"
        raise ConfigError(f"{where}: key '{key}': expected a file name pattern with {{stem}}, e.g. '{example}'")
    try:
        value.format(stem="x", lang="en", src="fr", ext=".md")
    except (KeyError, IndexError, ValueError) as exc:
        raise ConfigError(f"{where}: key '{key}': unknown placeholder {exc} (known: stem, lang, src, ext)") from None
    return value


# Keys belonging to one capability, stored in Config.extra under the same name.
EXTRA_KEYS: dict[str, Parser] = {
    # meaning drift (BT rules, `tqcheck score`): models, cache and side-car files
    "model": _text,
    "device": _text,
    "batch-size": _positive_int,
    "cache-dir": _text,
    "drift-threshold": _similarity,
    "source-language": _language,
    "source-pattern": _file_pattern,
    "back-translation-pattern": _file_pattern,
    # names glossary YAML file(s) for TL001-TL003, relative to the config file's folder
    "names-glossary": _paths,
    # termbase file(s) (CSV/TSV with source/target columns, or TBX) for XL004, same
    "termbase": _paths,
}


def parse_table(table: Mapping[str, Any], where: str, root: Path, source: Path | None) -> Config:
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, raw in table.items():
        if key in _KEYS:
            name, parser = _KEYS[key]
            values[name] = parser(raw, key, where)
        elif key in EXTRA_KEYS:
            extra[key] = EXTRA_KEYS[key](raw, key, where)
        else:
            known = ", ".join(sorted([*_KEYS, *EXTRA_KEYS]))
            raise ConfigError(f"{where}: unknown key '{key}' (known keys: {known})")
    return Config(root=root, source=source, extra=extra, **values)


def load_file(path: Path) -> Config:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("tqcheck", {})
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: key 'tool.tqcheck': expected a table")
    return parse_table(data, str(path), path.resolve().parent, path)


def discover(start: Path) -> Path | None:
    """The nearest config file from `start` upward (pyproject.toml only with [tool.tqcheck])."""
    here = Path(os.path.realpath(start))  # never raises, even on a symlink loop
    if here.is_file() or not here.exists():
        here = here.parent
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml" or _has_tool_table(candidate):
                return candidate
    return None


def _has_tool_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return False
    return isinstance(data.get("tool", {}).get("tqcheck"), dict)


def resolve(explicit: Path | None, start: Path | None) -> Config:
    """An explicit --config file, else the discovered one, else the defaults."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: config file not found")
        return load_file(explicit)
    found = discover(start or Path.cwd())
    return load_file(found) if found else Config()
