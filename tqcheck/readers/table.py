"""TSV and CSV tables with a header naming the columns: `source`, `target` (or `translation`),
`back_translation`, `id`, `note`; other columns are ignored. A column name may carry its
language: `source_en`, `target (de)`, `target:fr`.

TSV is split on tabs and line breaks only, with no quote processing, so a stray `"` in a
cell never merges rows. CSV follows RFC 4180 (quoted cells, `""` for a quote, line breaks
inside quotes), with `,` or `;` as the delimiter, whichever the header uses. A row with a
different number of cells than the header is an error naming its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tqcheck.core.model import Document
from tqcheck.language.detection import base_language
from tqcheck.readers.bilingual import ReadError, TextBuilder, Unit, build_document, line_of

_COLUMN = re.compile(
    r"^(?P<role>source|target|translation|back_translation|backtranslation|bt|id|note|notes|comment)"
    r"(?:[\s_:(-]+(?P<lang>[a-z]{2,3}(?:[-_][a-z0-9]{2,8})?)\)?)?$"
)
_ROLES = {"translation": "target", "backtranslation": "back_translation", "bt": "back_translation"}
_ROLES |= {"notes": "note", "comment": "note"}


@dataclass(frozen=True)
class Cell:
    start: int  # offset of the cell's content in the file (inside quotes when quoted)
    raw: str  # the content as written (quotes doubled in a quoted CSV cell)
    quoted: bool = False

    @property
    def value(self) -> str:
        return self.raw.replace('""', '"') if self.quoted else self.raw


@dataclass(frozen=True)
class Row:
    line: int
    cells: list[Cell]


@dataclass(frozen=True)
class Header:
    columns: dict[str, int]  # role -> column index
    languages: dict[str, str]  # role -> language named in the header


def header_of(names: list[str]) -> Header:
    columns: dict[str, int] = {}
    languages: dict[str, str] = {}
    for index, name in enumerate(names):
        match = _COLUMN.match(name.strip().lower().replace(" ", "_").replace("-", "_"))
        if match is None:
            match = _COLUMN.match(name.strip().lower())
        if match is None:
            continue
        role = _ROLES.get(match.group("role"), match.group("role"))
        columns.setdefault(role, index)
        if match.group("lang"):
            languages.setdefault(role, match.group("lang"))
    return Header(columns, languages)


def is_bilingual_header(first_line: str, delimiter: str) -> bool:
    header = header_of(first_line.rstrip("\r\n").split(delimiter))
    return "source" in header.columns and "target" in header.columns


def split_tsv(text: str) -> list[Row]:
    """Every non-blank line split on tabs, with the offset of each cell."""
    rows: list[Row] = []
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        start = offset
        offset += len(line) + 1
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        cells: list[Cell] = []
        position = start
        for raw in line.split("\t"):
            cells.append(Cell(position, raw))
            position += len(raw) + 1
        rows.append(Row(number, cells))
    return rows


def split_csv(text: str, delimiter: str) -> list[Row]:
    """RFC 4180 rows with offsets; a quote opened and never closed is an error."""
    rows: list[Row] = []
    position, size = 0, len(text)
    while position < size:
        line_start = position
        cells: list[Cell] = []
        while True:
            if text.startswith('"', position):
                close = _closing_quote(text, position + 1)
                if close < 0:
                    raise ReadError("a quoted cell is never closed", line_of(text, position))
                cells.append(Cell(position + 1, text[position + 1 : close], quoted=True))
                position = close + 1
            else:
                end = position
                while end < size and text[end] not in (delimiter, "\n", "\r"):
                    end += 1
                cells.append(Cell(position, text[position:end]))
                position = end
            if position < size and text[position] == delimiter:
                position += 1
                continue
            if position < size and text[position] not in "\r\n":
                raise ReadError("text after a closing quote", line_of(text, position))
            break
        while position < size and text[position] in "\r\n":
            if text[position] == "\n":
                position += 1
                break
            position += 1
        if any(cell.raw.strip() for cell in cells):
            rows.append(Row(line_of(text, line_start), cells))
    return rows


def _closing_quote(text: str, position: int) -> int:
    while True:
        found = text.find('"', position)
        if found < 0 or not text.startswith('""', found):
            return found
        position = found + 2


def csv_delimiter(first_line: str) -> str:
    return ";" if first_line.count(";") > first_line.count(",") else ","


def table_format(path: str) -> str:
    return "csv" if path.lower().endswith(".csv") else "tsv"


def rows_of(text: str, fmt: str) -> list[Row]:
    """The table's rows (header first), every row as wide as the header."""
    rows = split_tsv(text) if fmt == "tsv" else split_csv(text, csv_delimiter(text.split("\n", 1)[0]))
    if not rows:
        raise ReadError("empty table: a header naming 'source' and 'target' columns is needed", 1)
    width = len(rows[0].cells)
    for row in rows[1:]:
        if len(row.cells) != width:
            raise ReadError(f"{len(row.cells)} cells where the header has {width}", row.line)
    return rows


def read_table(text: str, path: str, fmt: str | None = None) -> Document:
    fmt = fmt or table_format(path)
    rows = rows_of(text, fmt)
    header = header_of([cell.value for cell in rows[0].cells])
    columns = header.columns
    if "source" not in columns or "target" not in columns:
        found = ", ".join(cell.value for cell in rows[0].cells)
        raise ReadError(f"the header must name a 'source' and a 'target' column (found: {found})", rows[0].line)
    units: list[Unit] = []
    for row in rows[1:]:
        source, target = row.cells[columns["source"]], row.cells[columns["target"]]
        back = row.cells[columns["back_translation"]] if "back_translation" in columns else None
        ident = row.cells[columns["id"]].value if "id" in columns else None
        note = row.cells[columns["note"]].value if "note" in columns else None
        units.append(
            Unit(
                _side(source),
                _side(target),
                target.start,
                target.start + len(target.raw),
                back_translation=_side(back) if back is not None and back.raw.strip() else None,
                id=ident or str(row.line),
                note=note or None,
            )
        )
    return build_document(
        path,
        text,
        units,
        fmt,
        source_language=base_language(header.languages.get("source")),
        target_language=base_language(header.languages.get("target")),
        tags=True,
    )


def _side(cell: Cell) -> TextBuilder:
    builder = TextBuilder()
    if not cell.quoted or '""' not in cell.raw:
        builder.verbatim(cell.raw, cell.start)
        return builder
    position = 0
    for match in re.finditer('""', cell.raw):
        builder.verbatim(cell.raw[position : match.start()], cell.start + position)
        builder.decoded('"', cell.start + match.start(), 2)
        position = match.end()
    builder.verbatim(cell.raw[position:], cell.start + position)
    return builder
