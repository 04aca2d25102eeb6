"""Inputs of `tqcheck score`: two parallel files, or a TSV/CSV of pre-aligned rows.

Files are segmented into sentences and aligned later; table rows are taken as they are (one
row = one segment, never re-segmented), so a row with only a source is an omission and a row
with only a back-translation/target an addition.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tqcheck.core.model import Document
from tqcheck.language.detection import base_language, declared_language
from tqcheck.language.sentences import Sentence, document_sentences
from tqcheck.meaning.alignment import Link
from tqcheck.meaning.pairs import Side
from tqcheck.readers.sidecars import language_from_name

_SPACE = re.compile(r"\s+")


class InputProblem(ValueError):
    """An input the user must fix (exit 2)."""


@dataclass
class ScoreInput:
    source: Side
    other: Side
    mode: str  # back_translation | target
    links: list[Link] | None  # given for tables; None: align the files
    offsets: tuple[list[int], list[int]] | None = None  # per sentence: start of its table cell
    labels: list[str] | None = None  # per row: its `id` cell, when the table has that column


def read_document(path: Path, language: str | None) -> tuple[Document, str | None]:
    from tqcheck.readers import read_path

    loaded = read_path(path)
    if not isinstance(loaded, Document):
        raise InputProblem(f"{loaded.path}: {loaded.message}")
    return loaded, base_language(language) or declared_language(loaded) or language_from_name(path)


def from_files(
    source: Path, other: Path, mode: str, source_language: str | None, other_language: str | None
) -> ScoreInput:
    src_doc, src_lang = read_document(source, source_language)
    if mode == "back_translation":
        other_language = other_language or src_lang
    oth_doc, oth_lang = read_document(other, other_language)
    if mode == "back_translation" and src_lang is None:
        src_lang = oth_lang
    return ScoreInput(
        Side(src_doc.checkable, document_sentences(src_doc, src_lang), src_lang),
        Side(oth_doc.checkable, document_sentences(oth_doc, oth_lang), oth_lang),
        mode,
        None,
    )


def from_table(path: Path, source_language: str | None, other_language: str | None) -> ScoreInput:
    """A TSV/CSV with a header naming `source` and `back_translation` and/or `target`.

    The columns, their names and the way rows are split are `tqcheck check`'s (readers.table):
    `target` or `translation`, `back_translation` (or `backtranslation`, `bt`), `id`, `note`; a
    name may carry its language (`source_en`, `target (de)`). One data row is one segment,
    always. TSV (`.tsv`/`.tab`, or a tab in the header) is split on tabs and line feeds without
    quote processing, as TSV is written: a stray `"` in a sentence must not swallow the rows
    after it. A row with another number of cells than the header is an error, and so is a row
    with neither text. An `id` column labels the rows. Each column's language is, in order: the
    flag, the header, the file name (`x.fr.tsv`: the source; the back-translation shares it),
    else detected from the column's own text.
    """
    from tqcheck.readers.bilingual import ReadError
    from tqcheck.readers.table import csv_delimiter, header_of, split_csv, split_tsv

    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputProblem(f"{path}: cannot read: {exc}") from None
    first_line = raw.split("\n", 1)[0]
    tabbed = path.suffix.lower() in (".tsv", ".tab") or "\t" in first_line
    try:
        records = split_tsv(raw) if tabbed else split_csv(raw, csv_delimiter(first_line))
    except ReadError as exc:
        raise InputProblem(f"{path}:{exc.line}: {exc.args[0].split(': ', 1)[-1]}") from None
    if not records:
        raise InputProblem(f"{path}: empty file")
    header_row, body = records[0], records[1:]
    header = [cell.value for cell in header_row.cells]
    found = header_of(header)
    columns = found.columns
    if "source" not in columns or not ({"back_translation", "target"} & set(columns)):
        raise InputProblem(
            f"{path}: the header must name a 'source' column and a 'back_translation' and/or 'target' "
            f"(or 'translation') column (found: {', '.join(header)})"
        )
    mode = "back_translation" if "back_translation" in columns else "target"
    src_col, oth_col, id_col = columns["source"], columns[mode], columns.get("id")
    rows: list[tuple[str, str]] = []
    labels: list[str] = []
    for row in body:
        cells = [cell.value for cell in row.cells]
        if len(cells) != len(header):
            raise InputProblem(
                f"{path}:{row.line}: {len(cells)} cell(s) where the header has {len(header)}"
                + (" (a tab inside a cell?)" if tabbed else " (an unclosed quote?)")
            )
        source, other = _cell(cells, src_col), _cell(cells, oth_col)
        if not source and not other:
            raise InputProblem(f"{path}:{row.line}: neither a source nor a {mode.replace('_', '-')}")
        rows.append((source, other))
        labels.append(_cell(cells, id_col) if id_col is not None else "")
    source_language = (
        base_language(source_language)
        or base_language(found.languages.get("source"))
        or language_from_name(path)
        or _detected(r[0] for r in rows)
    )
    if mode == "back_translation":
        other_language = base_language(other_language) or source_language
    else:
        other_language = (
            base_language(other_language)
            or base_language(found.languages.get("target"))
            or _detected(r[1] for r in rows)
        )
    data = _table_input(rows, mode, source_language, other_language)
    data.labels = labels if id_col is not None else None
    return data


def _detected(cells: Iterable[str], sample: int = 200) -> str | None:
    """The language of a column: detection over its first cells joined (one cell is too short)."""
    from tqcheck.language.detection import detect

    text = " ".join(c for _, c in zip(range(sample), (c for c in cells if c), strict=False))
    return detect(text, sample=600) if text else None


def _cell(row: list[str], column: int) -> str:
    return _SPACE.sub(" ", row[column]).strip() if column < len(row) else ""


def _table_input(rows: list[tuple[str, str]], mode: str, src_lang: str | None, oth_lang: str | None) -> ScoreInput:
    src_text, oth_text = _Builder(), _Builder()
    links: list[Link] = []
    for source, other in rows:
        i = src_text.add(source)
        j = oth_text.add(other)
        links.append(Link(() if i is None else (i,), () if j is None else (j,)))
    return ScoreInput(
        Side(src_text.text(), src_text.sentences, src_lang),
        Side(oth_text.text(), oth_text.sentences, oth_lang),
        mode,
        links,
        (src_text.starts, oth_text.starts),
    )


class _Builder:
    """Concatenates cells so every cell is one `Sentence` with offsets into the joined text."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.sentences: list[Sentence] = []
        self.starts: list[int] = []

    def add(self, cell: str) -> int | None:
        if not cell:
            return None
        start = self.size
        self.parts.append(cell + "\n")
        self.size += len(cell) + 1
        self.sentences.append(Sentence(start, start + len(cell), cell))
        self.starts.append(start)
        return len(self.sentences) - 1

    def text(self) -> str:
        return "".join(self.parts)
