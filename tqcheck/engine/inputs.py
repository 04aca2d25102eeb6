"""Inputs of a run: named paths and folders to files, files to Documents with their language
settled and their side-car files attached; unreadable inputs become InputErrors."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from tqcheck.core.config import Config
from tqcheck.core.model import Document, InputError
from tqcheck.engine.discovery import iter_files
from tqcheck.language.detection import base_language, declared_language, detect
from tqcheck.readers import read_bytes, read_path
from tqcheck.readers.files import describe_size
from tqcheck.readers.sidecars import attach_companions

STDIN = "-"


def prepare(doc: Document, config: Config) -> Document:
    """Settle the document's language (front matter > config > detection), as a base code.

    A bilingual file declares its pair or the config names it (`source-language`, `language`);
    else each side is detected from its own texts. It needs no side-car files."""
    if doc.format == "tmx":
        doc = _tmx_pair(doc, config)
    doc.language = base_language(declared_language(doc) or doc.language or config.language)
    if doc.language is None:
        doc.language = detect(doc.checkable)
    if doc.pairs:
        source = doc.source_language or config.extra.get("source-language")
        doc.source_language = base_language(source) or detect(
            "\n".join(s.pair.source.plain() for s in doc.pairs if s.pair)
        )
        return doc
    attach_companions(doc, config)
    return doc


def _tmx_pair(doc: Document, config: Config) -> Document:
    """A TMX holds many languages: read it again when the run names another pair."""
    wanted_source, wanted_target = config.extra.get("source-language"), config.language
    if (wanted_source in (None, doc.source_language)) and (wanted_target in (None, doc.language)):
        return doc
    from tqcheck.readers.tmx import read_tmx_again

    return read_tmx_again(doc.text, doc.path, wanted_source, wanted_target)


def read_inputs(
    paths: Sequence[str], config: Config, stdin_name: str = "<stdin>"
) -> tuple[list[Document], list[InputError]]:
    docs, errors, files = read_named(paths, config, stdin_name)
    for file in files:
        collect(read_path(file, max_size=config.max_file_size), docs, errors, config)
    return docs, errors


def read_named(
    paths: Sequence[str], config: Config, stdin_name: str
) -> tuple[list[Document], list[InputError], list[Path]]:
    """Standard input and missing paths now; the files to read, in order, for later."""
    docs: list[Document] = []
    errors: list[InputError] = []
    targets: list[Path] = []
    for raw in paths:
        if raw == STDIN:
            data = sys.stdin.buffer.read(config.max_file_size + 1)
            if len(data) > config.max_file_size:
                limit = describe_size(config.max_file_size)
                errors.append(InputError(stdin_name, f"input is over max-file-size ({limit}); raise max-file-size"))
                continue
            collect(read_bytes(data, stdin_name), docs, errors, config)
            continue
        path = Path(raw)
        if not path.exists():
            broken = path.is_symlink()
            errors.append(InputError(raw, "broken or looping symbolic link" if broken else "no such file or directory"))
            continue
        targets.append(path)
    return docs, errors, list(iter_files(targets, config))


def collect(loaded: Document | InputError, docs: list[Document], errors: list[InputError], config: Config) -> None:
    if isinstance(loaded, InputError):
        errors.append(loaded)
    else:
        docs.append(prepare(loaded, config))
