"""Readers turn a path (or stdin text) into a `Document` with exact offsets; one module per
format, plus side-car discovery (a translation's source and back-translation next to it).

Markup, code and URLs are blanked to spaces, never deleted, so every offset indexes the
original file. May import `tqcheck.language` and `tqcheck.core`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tqcheck.core.model import Document, InputError
from tqcheck.readers.decoding import DecodeError, decode
from tqcheck.readers.files import DEFAULT_MAX_FILE_SIZE, FileReadError, read_file_bytes
from tqcheck.readers.markdown import read_markdown
from tqcheck.readers.txt import read_txt

Reader = Callable[[str, str], Document]

READERS: dict[str, Reader] = {
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".txt": read_txt,
    ".text": read_txt,
}

FORMAT_READERS: dict[str, Reader] = {"md": read_markdown, "txt": read_txt}


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in READERS


def reader_for(path: str) -> Reader:
    return READERS.get(Path(path).suffix.lower(), read_txt)


def read_text(text: str, path: str = "<text>", fmt: str | None = None) -> Document:
    """Parse already-decoded text; `fmt` ("md"/"txt") wins over the path's extension."""
    reader = FORMAT_READERS[fmt] if fmt else reader_for(path)
    return reader(text, path)


def read_bytes(data: bytes, path: str, fmt: str | None = None) -> Document | InputError:
    try:
        decoded = decode(data)
    except DecodeError as exc:
        return InputError(path, str(exc))
    doc = read_text(decoded.text, path, fmt)
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
