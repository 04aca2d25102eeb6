"""Glossary files: YAML (`names:` entries) or a table, read once and kept in the cache folder.

A table (`.tsv`, split on tabs only, or `.csv`, RFC 4180 quoting) has a header naming its
columns: `canonical` (required; `canonical (fr)` names the canonical forms' language, as a YAML
glossary's `language` does, English unless set), `variants` (spellings separated by `|`), and
one column per language code (`de`, `fr`, `pt-br`) giving the entry's form in that language:

    canonical<TAB>variants<TAB>de
    Volodymyr Zelensky<TAB>Zelenskiy|Zelenskyy<TAB>Wolodymyr Selenskyj

Every row is read or the file is refused naming the line (a row with another number of cells
than the header, an empty `canonical`): never a silent merge or a dropped row.

A 100,000-entry glossary costs most of its load time in parsing YAML and computing the
transliteration keys of every spelling; both are done once, and the entries with their index
are pickled in the cache folder, keyed by a digest of the file's bytes and of this code.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

from tqcheck.core.cache import disk_cached
from tqcheck.core.version import __version__
from tqcheck.core.yaml_load import describe_error, safe_load
from tqcheck.names.glossary import (
    DEFAULT_LANGUAGE,
    Entry,
    Glossary,
    GlossaryError,
    build_index,
    entries_of,
    merged,
)

# below this size a glossary is read directly: a cache file would cost more than it saves
CACHE_FROM_BYTES = 64 * 1024
_LANGUAGE = r"[a-z]{2,3}(?:[-_][a-z0-9]{2,8})?"
_LANGUAGE_COLUMN = re.compile(f"^{_LANGUAGE}$")
_CANONICAL_COLUMN = re.compile(rf"^canonical(?:[\s_:(-]+({_LANGUAGE})\)?)?$")
_IGNORED_COLUMNS = {"files", "count", "note", "notes"}


@lru_cache(maxsize=8)
def load(paths: tuple[Path, ...]) -> Glossary:
    """Several glossaries merged, in order (a pack's, then the config's); built once per run
    and shared by TL001-TL003, lookup cache included."""
    return merged([load_file(path.resolve()) for path in paths])


def load_file(path: Path) -> Glossary:
    """One glossary file, from the cache folder when it was read before unchanged."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GlossaryError(f"{path}: cannot read names glossary: {exc.strerror or exc}") from None
    if len(data) < CACHE_FROM_BYTES:
        return Glossary(read_entries(path, data))
    digest = hashlib.sha256(_code_digest().encode() + b"\0" + data).hexdigest()

    def build() -> tuple[str, list[tuple[Any, ...]], Any, Any]:
        entries = read_entries(path, data)
        by_fold, by_key = build_index(entries)
        return digest, [(e.canonical, e.variants, e.languages, e.home) for e in entries], by_fold, by_key

    def valid(value: object) -> bool:
        return isinstance(value, tuple) and len(value) == 4 and value[0] == digest

    # one cache file per glossary path, replaced when the file changes; plain tuples are
    # pickled, never the Entry class, which may change
    slot = hashlib.sha256(str(path).encode()).hexdigest()[:16]
    _, raw, by_fold, by_key = disk_cached(f"names-glossary-{slot}", build, valid)
    return Glossary([Entry(*fields) for fields in raw], (by_fold, by_key))


@cache
def _code_digest() -> str:
    """What reading and indexing depend on: this package's code and tqcheck's version."""
    digest = hashlib.sha256(__version__.encode())
    folder = Path(__file__).parent
    for name in ("glossary.py", "glossary_files.py", "normalise.py"):
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()


def read_entries(path: Path, data: bytes) -> list[Entry]:
    """The entries of a YAML or table glossary; GlossaryError names the file and the line or entry."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise GlossaryError(f"{path}: names glossary is not valid UTF-8") from None
    suffix = path.suffix.lower()
    if suffix in (".tsv", ".tab", ".csv"):
        return _table_entries(path, text, csv_format=suffix == ".csv")
    try:
        parsed = safe_load(text)
    except yaml.YAMLError as exc:
        raise GlossaryError(f"{path}: {describe_error(exc)}") from None
    return entries_of(parsed, str(path))


def _rows(text: str, csv_format: bool, path: Path) -> list[tuple[int, list[str]]]:
    """(line number, cells) of every non-blank row."""
    if not csv_format:
        lines = text.split("\n")
        return [(n, line.removesuffix("\r").split("\t")) for n, line in enumerate(lines, 1) if line.strip()]
    rows = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1  # the line a row starts on (a quoted cell may hold line breaks)
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        what = "a quoted cell is never closed" if "end of data" in str(exc) else f"malformed CSV ({exc})"
        raise GlossaryError(f"{path}: line {start}: {what}") from None
    return rows


def _table_entries(path: Path, text: str, *, csv_format: bool) -> list[Entry]:
    rows = _rows(text, csv_format, path)
    if not rows:
        raise GlossaryError(f"{path}: empty glossary table: a header with a 'canonical' column is needed")
    header_line, header = rows[0]
    names = [cell.strip().lower() for cell in header]
    home = DEFAULT_LANGUAGE
    for position, name in enumerate(names):
        canonical = _CANONICAL_COLUMN.match(name)
        if canonical:
            names[position], home = "canonical", (canonical.group(1) or home).replace("_", "-")
    if "canonical" not in names:
        raise GlossaryError(f"{path}: line {header_line}: the header must name a 'canonical' column")
    for name in names:
        if name not in ("canonical", "variants", *_IGNORED_COLUMNS) and not _LANGUAGE_COLUMN.match(name):
            raise GlossaryError(
                f"{path}: line {header_line}: unknown column {name!r} (canonical, variants, or a language code)"
            )
    entries = []
    for line, cells in rows[1:]:
        if len(cells) != len(names):
            raise GlossaryError(f"{path}: line {line}: {len(cells)} cells where the header has {len(names)}")
        row = dict(zip(names, (cell.strip() for cell in cells), strict=True))
        if not row["canonical"]:
            raise GlossaryError(f"{path}: line {line}: 'canonical' is empty")
        variants = tuple(v.strip() for v in row.get("variants", "").split("|") if v.strip())
        languages = tuple(
            sorted(
                (name.replace("_", "-"), form)
                for name, form in row.items()
                if form and name not in ("canonical", "variants", *_IGNORED_COLUMNS)
            )
        )
        entries.append(Entry(row["canonical"], variants, languages, home))
    return entries
