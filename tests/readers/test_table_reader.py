"""TSV without quote processing, CSV by RFC 4180; header names the columns."""

from __future__ import annotations

from pathlib import Path

from tqcheck.core.model import Document, InputError
from tqcheck.readers import is_supported, read_bytes


def _read(text: str, name: str) -> Document:
    doc = read_bytes(text.encode("utf-8"), name)
    assert isinstance(doc, Document), doc
    return doc


def test_tsv_stray_quote_never_merges_rows() -> None:
    text = 'id\tsource\ttarget\tback_translation\n1\tHe said "yes\tIl a dit « oui\tHe said "yes\n2\tNo\tNon\t\n'
    doc = _read(text, "t.tsv")
    pairs = [s.pair for s in doc.segments if s.pair]
    assert [(p.id, p.source.text, p.target.text) for p in pairs] == [
        ("1", 'He said "yes', "Il a dit « oui"),
        ("2", "No", "Non"),
    ]
    assert pairs[0].back_translation is not None and pairs[1].back_translation is None
    second = doc.segments[1]
    assert doc.text[second.start : second.end] == "Non"


def test_header_languages_and_aliases() -> None:
    doc = _read("source_en\ttranslation (de)\nHello\tHallo\n", "t.tsv")
    assert (doc.source_language, doc.language) == ("en", "de")


def test_csv_quotes_and_line_breaks() -> None:
    text = 'source,target\n"Say ""hi""","Dis ""salut"""\n"two\nlines",deux\n'
    doc = _read(text, "t.csv")
    pairs = [s.pair for s in doc.segments if s.pair]
    assert [(p.source.text, p.target.text) for p in pairs] == [('Say "hi"', 'Dis "salut"'), ("two\nlines", "deux")]
    first = doc.segments[0]
    assert doc.text[first.start : first.end] == 'Dis ""salut""'
    assert doc.checkable[first.start : first.end] == 'Dis " salut" '


def test_csv_semicolon_header() -> None:
    doc = _read("source;target\nOui;Yes\n", "t.csv")
    assert [s.pair.target.text for s in doc.segments if s.pair] == ["Yes"]


def test_ragged_row_is_an_error_naming_the_line() -> None:
    found = read_bytes(b"source\ttarget\na\tb\nc\n", "t.tsv")
    assert isinstance(found, InputError)
    assert found.message == "line 3: 1 cells where the header has 2"


def test_header_without_target_is_an_error() -> None:
    found = read_bytes(b"source,back_translation\na,b\n", "t.csv")
    assert isinstance(found, InputError) and "'source' and a 'target'" in found.message


def test_folder_walks_take_tables_with_a_bilingual_header_only(tmp_path: Path) -> None:
    (tmp_path / "pairs.tsv").write_text("source\ttarget\n", encoding="utf-8")
    (tmp_path / "data.csv").write_text("city,population\n", encoding="utf-8")
    (tmp_path / "memory.tmx").write_text("<tmx/>", encoding="utf-8")
    assert is_supported(tmp_path / "pairs.tsv")
    assert not is_supported(tmp_path / "data.csv")
    assert is_supported(tmp_path / "memory.tmx")
