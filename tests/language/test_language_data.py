"""The per-language data files: every shipped file is complete and typed, each language is read
once per run, a language without a file gets the defined fallback, and a broken file is an error
naming the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from tqcheck.core import yaml_load
from tqcheck.language import data as language_data_module
from tqcheck.language.data import (
    DATA_DIR,
    FALLBACK,
    LOST_LETTERS,
    LanguageData,
    all_language_data,
    language_data,
    shipped_languages,
)
from tqcheck.language.schema import SCHEMA, LanguageDataError, validate

# every language some rule had a hard-coded table for before the data files existed
MENTIONED = [
    "ar",
    "bg",
    "ca",
    "cs",
    "da",
    "de",
    "en",
    "es",
    "et",
    "fi",
    "fr",
    "hr",
    "hu",
    "is",
    "it",
    "lt",
    "lv",
    "nb",
    "nl",
    "no",
    "pl",
    "pt",
    "ro",
    "ru",
    "sh",
    "sk",
    "sl",
    "sv",
    "tr",
    "uk",
]
FILES = sorted(DATA_DIR.glob("*.yaml"))


def test_the_languages_of_the_former_tables_are_shipped() -> None:
    assert set(MENTIONED) <= set(shipped_languages())
    assert [path.stem for path in FILES] == list(shipped_languages())


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_every_file_has_every_section_with_the_right_types(path: Path) -> None:
    raw = yaml_load.safe_load(path.read_text(encoding="utf-8"))
    assert list(raw) == list(SCHEMA), "sections missing, extra or out of the documented order"
    for section, check in SCHEMA.items():
        if isinstance(check, dict):
            assert list(raw[section]) == list(check), f"{section}: keys missing, extra or out of order"
    typed = validate(raw)
    assert isinstance(typed["name"], str) and typed["name"]
    record = language_data(path.stem)
    assert isinstance(record, LanguageData) and record.shipped and record.code == path.stem
    for words in (
        record.abbreviations.words,
        record.function_words.conjunctions,
        record.function_words.sentence_openers,
        record.particles,
        record.titles,
    ):
        assert isinstance(words, frozenset) and all(isinstance(w, str) and w == w.lower() for w in words)
    assert all(isinstance(w, str) for w in record.abbreviations.exact_case)
    assert isinstance(record.compounding, bool) and isinstance(record.number_stop_ordinals, bool)
    assert isinstance(record.quotes.low_opening, bool) and isinstance(record.quotes.reversed_guillemets, bool)
    assert record.spacing.before_marks in ("none", "no-break")
    assert all(isinstance(p, str) and isinstance(w, int) for p, w in record.transliteration)
    assert all(len(pair) == 2 for pair in record.ocr_confusions)
    assert all(len(group) >= 2 for group in record.confusables)
    assert all(not letter.isascii() for letter in record.letters.accented)
    assert all(len(w) == 1 for w in record.function_words.one_letter)


def test_a_language_without_a_file_gets_the_fallback() -> None:
    for code in (None, "", "xx", "zh"):
        assert language_data(code) is FALLBACK
    assert not FALLBACK.shipped
    assert FALLBACK.letters.accented == LOST_LETTERS  # every letter GW001 knows is tried
    assert FALLBACK.negation.regex() is None  # no markers: negation is not compared
    assert not FALLBACK.abbreviations.words and FALLBACK.spacing.before_marks == "none"


def test_loading_is_cached_per_run_and_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path))
    parsed: list[str] = []
    real = yaml_load.safe_load

    def counting(text: str) -> object:
        parsed.append(text)
        return real(text)

    monkeypatch.setattr(language_data_module, "safe_load", counting)
    language_data_module._table.cache_clear()
    try:
        first = language_data("fr")
        assert len(parsed) == len(FILES)  # every file read once...
        assert language_data("fr") is first and language_data("de") is language_data("de")
        all_language_data()
        assert len(parsed) == len(FILES)  # ...and never again in this run
        language_data_module._table.cache_clear()  # a new run: the validated files come from the cache folder
        assert language_data("fr") == first
        assert len(parsed) == len(FILES)
    finally:
        language_data_module._table.cache_clear()


def test_an_edited_file_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    text = (DATA_DIR / "fr.yaml").read_text(encoding="utf-8")
    (folder / "fr.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(language_data_module, "DATA_DIR", folder)
    language_data_module._table.cache_clear()
    try:
        assert language_data("fr").spacing.before_marks == "no-break"
        (folder / "fr.yaml").write_text(text.replace("before_marks: no-break", "before_marks: none"), encoding="utf-8")
        language_data_module._table.cache_clear()
        assert language_data("fr").spacing.before_marks == "none"
    finally:
        language_data_module._table.cache_clear()


@pytest.mark.parametrize(
    ("edit", "key"),
    [
        (("  number_stop: false\n", "  number_stop: maybe\n"), "ordinals.number_stop"),
        (("particles: [de, du, des, la, le]\n", ""), "particles"),
        (("  one_word: false\n", "  one_word: false\n  extra: true\n"), "compounding.extra"),
        (("  sentence_openers: [je,", "  sentence_openers: [no, je,"), "function_words.sentence_openers"),
        (("  - ['i$', 1]\n", "  - ['i$', one]\n"), "transliteration"),
        (("  - ['i$', 1]\n", "  - ['(i$', 1]\n"), "transliteration"),
    ],
)
def test_a_broken_file_names_file_and_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: tuple[str, str], key: str
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    text = (DATA_DIR / "fr.yaml").read_text(encoding="utf-8")
    assert edit[0] in text
    (folder / "fr.yaml").write_text(text.replace(edit[0], edit[1]), encoding="utf-8")
    monkeypatch.setenv("TQCHECK_CACHE_DIR", "off")
    monkeypatch.setattr(language_data_module, "DATA_DIR", folder)
    language_data_module._table.cache_clear()
    try:
        with pytest.raises(LanguageDataError) as error:
            language_data("fr")
        assert "fr.yaml" in str(error.value) and f"'{key}'" in str(error.value)
    finally:
        language_data_module._table.cache_clear()


def test_titles_are_compared_casefolded() -> None:
    from tqcheck.names.mentions import NameCuts, extract

    cuts = NameCuts(rare_zipf=3.0, function_word_zipf=5.8, given_name_zipf=5.5, floor_zipf=2.5)
    runs = extract("Gestern sagte Außenminister Kerstenhof in Bonn, es gebe keine Eile.", lambda word: 0.0, cuts)
    run = next(run for run in runs if run.last.form == "Kerstenhof")
    assert len(run.tokens) == 2 and run.given is None  # a title (ß casefolds to ss), not a given name
    assert "πρόεδροσ" in language_data("el").titles  # final sigma: "Πρόεδρος".casefold()
