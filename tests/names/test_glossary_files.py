"""Glossary files: a TSV/CSV table reads as the YAML form does, every row or an error naming the
line; a large glossary is parsed and indexed once, then read from the cache folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import FIXTURES

from tqcheck.core.errors import PackError
from tqcheck.core.yaml_load import safe_load
from tqcheck.names import glossary, glossary_files
from tqcheck.names.glossary import Entry

YAML_GLOSSARY = FIXTURES / "names" / "glossary.yaml"


def _as_table(entries: list[Entry], delimiter: str) -> str:
    """The YAML fixture written as a table: canonical, variants, one column per language."""
    languages = sorted({code for entry in entries for code, _ in entry.languages})
    lines = [delimiter.join(["canonical", "variants", *languages])]
    for entry in entries:
        forms = dict(entry.languages)
        cells = [entry.canonical, "|".join(entry.variants), *(forms.get(code, "") for code in languages)]
        lines.append(delimiter.join(cells))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(("suffix", "delimiter"), [(".tsv", "\t"), (".csv", ",")])
def test_a_table_glossary_reads_as_the_yaml_one(tmp_path: Path, suffix: str, delimiter: str) -> None:
    expected = glossary.entries_of(safe_load(YAML_GLOSSARY.read_text(encoding="utf-8")), "x")
    path = tmp_path / f"names{suffix}"
    path.write_text(_as_table(expected, delimiter), encoding="utf-8")
    assert glossary_files.load_file(path).entries == expected


def test_tl002_takes_a_tsv_glossary(tmp_path: Path) -> None:
    from tqcheck import check_paths
    from tqcheck.core.config import resolve

    path = tmp_path / "names.tsv"
    path.write_text("canonical\tvariants\tfr\nMuammar Gaddafi\tMoammar Gadhafi\tMouammar Kadhafi\n", encoding="utf-8")
    (tmp_path / "tqcheck.toml").write_text('names-glossary = ["names.tsv"]\n', encoding="utf-8")
    doc = tmp_path / "story.txt"
    doc.write_text("Moammar Gadhafi ruled Libya. Rebels fought Gaddafi, and Gadhafi fled.\n", encoding="utf-8")
    findings = check_paths([doc], config=resolve(None, doc))
    assert ("Gadhafi", "Gaddafi") in [(f.match, f.suggestion) for f in findings if f.rule == "TL002"]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("a.tsv", "canonical\tvariants\nA Bee\tA Be\nC Dee\n", "line 3: 1 cells where the header has 2"),
        ("a.tsv", 'canonical\tvariants\nA "Bee\tx\nC Dee\tC Dea\textra\n', "line 3: 3 cells where the header has 2"),
        ("a.tsv", "variants\tfr\nA\tB\n", "line 1: the header must name a 'canonical' column"),
        ("a.tsv", "canonical\tspelling\nA\tB\n", "line 1: unknown column 'spelling'"),
        ("a.tsv", "canonical\tfr\nA\tB\n\t C\n", "line 3: 'canonical' is empty"),
        ("a.csv", 'canonical,variants\n"A Bee,x\n', "line 2: a quoted cell is never closed"),
        ("a.csv", "canonical,variants\nA,B,C\n", "line 2: 3 cells where the header has 2"),
        ("a.csv", 'canonical,variants\n"A\nBee",x\nC,D,E\n', "line 4: 3 cells where the header has 2"),
        ("a.tsv", "", "empty glossary table"),
    ],
)
def test_a_bad_table_is_an_error_naming_file_and_line(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PackError) as caught:
        glossary_files.load_file(path)
    assert str(caught.value).startswith(f"{path}: ") and message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_stray_quotes_in_a_tsv_glossary_never_merge_rows(tmp_path: Path) -> None:
    path = tmp_path / "a.tsv"
    text = 'canonical\tvariants\nAnna "Nina\tAna Nina\nBoris Oleg"\t\nCyril Dan\tKiril Dan\n'
    path.write_text(text, encoding="utf-8")
    assert [e.canonical for e in glossary_files.load_file(path).entries] == ['Anna "Nina', 'Boris Oleg"', "Cyril Dan"]


def _big_glossary(path: Path, count: int, first: str = "Pavel") -> None:
    letters = "bkmrstvndl"
    surnames = ("".join(letters[int(d)] + "a" for d in f"{i:04d}").capitalize() for i in range(count))
    rows = "".join(f"{first} {surname}ov\n" for surname in surnames)
    path.write_text("canonical\n" + rows, encoding="utf-8")


def test_a_large_glossary_is_indexed_once_then_read_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "names.tsv"
    _big_glossary(path, 6000)
    assert path.stat().st_size > glossary_files.CACHE_FROM_BYTES
    first = glossary_files.load_file(path)
    assert list((tmp_path / "cache").glob("*names-glossary-*.pickle"))

    def refuse(*args: object) -> None:
        raise AssertionError("indexed again although the file did not change")

    monkeypatch.setattr(glossary_files, "build_index", refuse)
    again = glossary_files.load_file(path)
    assert again.entries == first.entries
    assert again.find("Kabamabaov") == first.find("Kabamabaov") is not None
    assert again.find("Kabamabaoff") == first.find("Kabamabaoff") is not None  # the fuzzy index too

    _big_glossary(path, 6000, first="Ivan")  # an edited glossary is read again
    assert path.stat().st_size > glossary_files.CACHE_FROM_BYTES
    with pytest.raises(AssertionError, match="indexed again"):
        glossary_files.load_file(path)


def test_glossaries_merged_answer_as_one(tmp_path: Path) -> None:
    one, two = tmp_path / "one.tsv", tmp_path / "two.yaml"
    one.write_text("canonical\tvariants\nAlexei Navalny\tAlexey Navalny\n", encoding="utf-8")
    two.write_text("names:\n  - canonical: Dmitry Peskov\n    variants: [Dmitri Peskow]\n", encoding="utf-8")
    both = glossary_files.load((one, two))
    assert [e.canonical for e in both.entries] == ["Alexei Navalny", "Dmitry Peskov"]
    assert both.find("Peskow").canonical == "Dmitry Peskov"  # type: ignore[union-attr]
    assert both.find("Navalni").canonical == "Alexei Navalny"  # type: ignore[union-attr]


def test_a_table_names_the_language_of_its_canonical_forms(tmp_path: Path) -> None:
    path = tmp_path / "noms.tsv"
    path.write_text("canonical (fr)\tvariants\nMikhaïl Khodorkovski\tKhodorkovsky\n", encoding="utf-8")
    (entry,) = glossary_files.load_file(path).entries
    assert entry.home == "fr" and entry.target("fr") == "Mikhaïl Khodorkovski" and entry.target("es") is None
    plain = tmp_path / "names.tsv"
    plain.write_text("canonical\nAlexei Navalny\n", encoding="utf-8")
    assert glossary_files.load_file(plain).entries[0].home == "en"
