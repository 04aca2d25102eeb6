"""Readers turn a path (or stdin text) into a `Document` with exact offsets; one module per
format, plus side-car discovery (a translation's source and back-translation next to it).
Bilingual files (XLIFF, PO/POT, TMX, TSV/CSV with a source/target header) give one segment per
target with its source (`Segment.pair`); a malformed one is an InputError naming its line.

Markup, code and URLs are blanked to spaces, never deleted, so every offset indexes the
original file. May import `tqcheck.language` and `tqcheck.core`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tqcheck.core.gcpause import cyclic_gc_paused
from tqcheck.core.model import Document, InputError
from tqcheck.readers.bilingual import ReadError
from tqcheck.readers.decoding import DecodeError, decode
from tqcheck.readers.files import DEFAULT_MAX_FILE_SIZE, FileReadError, read_file_bytes
from tqcheck.readers.markdown import read_markdown
from tqcheck.readers.po import read_po
from tqcheck.readers.table import is_bilingual_header, read_table
from tqcheck.readers.tmx import read_tmx_bytes
from tqcheck.readers.txt import read_txt
from tqcheck.readers.xliff import read_xliff_bytes

Reader = Callable[[str, str], Document]
BytesReader = Callable[[bytes, str], Document]

READERS: dict[str, Reader] = {
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".txt": read_txt,
    ".text": read_txt,
    ".po": read_po,
    ".pot": read_po,
    ".tsv": read_table,
    ".tab": read_table,
    ".csv": read_table,
}
# XML formats decode themselves (BOM, encoding declaration) and parse the bytes safely
BYTES_READERS: dict[str, BytesReader] = {
    ".xlf": read_xliff_bytes,
    ".xliff": read_xliff_bytes,
    ".sdlxliff": read_xliff_bytes,
    ".mqxliff": read_xliff_bytes,
    ".tmx": read_tmx_bytes,
}
_TABLES = (".tsv", ".tab", ".csv")

FORMAT_READERS: dict[str, Reader] = {
    "md": read_markdown,
    "txt": read_txt,
    "po": read_po,
    "tsv": lambda text, path: read_table(text, path, "tsv"),
    "csv": lambda text, path: read_table(text, path, "csv"),
}
FORMAT_BYTES_READERS: dict[str, BytesReader] = {"xliff": read_xliff_bytes, "tmx": read_tmx_bytes}


def is_supported(path: Path) -> bool:
    """Whether a folder walk checks this file: a table only when its header names a source and
    a target column (data tables in a repository are not translations)."""
    suffix = path.suffix.lower()
    if suffix in _TABLES:
        try:
            with path.open(encoding="utf-8-sig", errors="replace") as handle:
                first = handle.readline()
        except OSError:
            return False
        return is_bilingual_header(
            first, "\t" if suffix != ".csv" else ("," if first.count(",") >= first.count(";") else ";")
        )
    return suffix in READERS or suffix in BYTES_READERS


def reader_for(path: str) -> Reader:
    return READERS.get(Path(path).suffix.lower(), read_txt)


def read_text(text: str, path: str = "<text>", fmt: str | None = None) -> Document:
    """Parse already-decoded text; `fmt` ("md", "txt", "po", "tsv", "xliff", "tmx") wins over the
    path's extension. A malformed bilingual file raises ReadError."""
    if fmt in FORMAT_BYTES_READERS:
        return FORMAT_BYTES_READERS[fmt](text.encode("utf-8"), path)
    if fmt is None and Path(path).suffix.lower() in BYTES_READERS:
        return BYTES_READERS[Path(path).suffix.lower()](text.encode("utf-8"), path)
    reader = FORMAT_READERS[fmt] if fmt else reader_for(path)
    return reader(text, path)


def read_bytes(data: bytes, path: str, fmt: str | None = None) -> Document | InputError:
    with cyclic_gc_paused():  # a large file is many small objects and no cycles
        return _read_bytes(data, path, fmt)


def _read_bytes(data: bytes, path: str, fmt: str | None) -> Document | InputError:
    try:
        bytes_reader = FORMAT_BYTES_READERS.get(fmt or "") or BYTES_READERS.get(Path(path).suffix.lower())
        if bytes_reader is not None and fmt in (None, *FORMAT_BYTES_READERS):
            return bytes_reader(data, path)
        decoded = decode(data)
        doc = read_text(decoded.text, path, fmt)
    except (DecodeError, ReadError) as exc:
        return InputError(path, str(exc))
    doc.bom = decoded.bom
    return doc


def read_path(
    path: Path, display: str | None = None, max_size: int | None = DEFAULT_MAX_FILE_SIZE
) -> Document | InputError:
    """A file as a Document, or an InputError with a one-line reason (see readers/files.py)."""
    shown = display or str(path)
    try:
        data = read_file_bytes(path, max_size)
    except FileReadError as exc:
        return InputError(shown, str(exc))
    return read_bytes(data, shown)
