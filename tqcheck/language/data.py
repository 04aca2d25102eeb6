"""Per-language knowledge, read from one YAML file per language in `language/data/<code>.yaml`.

Abbreviations, quotation and spacing conventions, negation words, name particles and titles,
transliteration habits, the letters a language uses... are data, not code: adding a language
means adding one file (see README "Adding a language"). Each file is read once per process and
validated against `schema.SCHEMA`; a language without a file gets `FALLBACK`, which knows
nothing particular (no abbreviations, no negation words, every accented letter).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from tqcheck.core.cache import disk_cached
from tqcheck.core.yaml_load import safe_load
from tqcheck.language.schema import LanguageDataError, validate

DATA_DIR = Path(__file__).parent / "data"
# The letters whose loss GW001 repairs (insertion or plain -> accented replacement); a
# language without a data file tries them all.
LOST_LETTERS = "éèêëàâäáãåçôöóòõøüûúùïîíìñœæß"
T = TypeVar("T")


@dataclass(frozen=True)
class Abbreviations:
    words: frozenset[str]  # a full stop after them does not end the sentence (PN001, lowercase)
    exact_case: tuple[str, ...]  # so written, never a sentence end when splitting: "M. Dupont", "p. 12"


@dataclass(frozen=True)
class FunctionWords:
    detect: bool  # a candidate of language detection (by its most frequent words in wordfreq)
    conjunctions: frozenset[str]  # continue a suspended compound after "- ": "Ein- und Ausfuhr"
    one_letter: frozenset[str]  # one-letter words a run-together word may be split around
    sentence_openers: frozenset[str]  # subject pronouns: after a stop, the capital is missing


@dataclass(frozen=True)
class Quotes:
    low_opening: bool  # „…“ or „…”
    reversed_guillemets: bool  # »…«


@dataclass(frozen=True)
class Spacing:
    before_marks: str  # the space before ; : ! ?: "none" or "no-break" (French)


@dataclass(frozen=True)
class Negation:
    words: tuple[str, ...]  # whole words, any case
    patterns: tuple[str, ...]  # regular expressions for what words cannot say (n't, ne ... pas)

    def regex(self) -> str | None:
        """One pattern for all of them; None when the language has no negation markers."""
        parts = [r"\b(?:" + "|".join(self.words) + r")\b"] if self.words else []
        parts += list(self.patterns)
        return "|".join(parts) or None


@dataclass(frozen=True)
class Letters:
    accented: str  # the accented and special letters the language uses
    names: bool  # its accented words restore names in other languages' copy (GW001)
    unaccented_capitals: bool  # its typography lets capitals drop their accents (Etat, Ecole)
    optional: str = ""  # letters it may write or leave plain (Russian ё)


@dataclass(frozen=True)
class LanguageData:
    """Everything the rules know about one language (a frozen record, shared by all rules)."""

    code: str
    name: str
    abbreviations: Abbreviations
    function_words: FunctionWords
    quotes: Quotes
    spacing: Spacing
    negation: Negation
    particles: frozenset[str]  # lowercase words inside names: de Gaulle, van Gogh
    titles: frozenset[str]  # words before a surname that are not given names (casefolded: ß = ss, ς = σ)
    compounding: bool  # compounds are written as one word: never split a run-together word
    transliteration: tuple[tuple[str, int], ...]  # (regex on a casefolded name, weight)
    number_stop_ordinals: bool  # "am 12. Januar": a stop after a number marks an ordinal
    letters: Letters
    ocr_confusions: tuple[tuple[str, str], ...]  # (what OCR produced, what was printed)
    confusables: tuple[frozenset[str], ...]  # look- or sound-alike words of unrelated meaning
    inflections: tuple[str, ...]  # suffixes a crude stemmer strips (same-language comparison)
    number_words: tuple[tuple[int, tuple[str, ...]], ...] = ()  # (3, ("three", "third")): XL001
    ocr_merged: tuple[tuple[str, str], ...] = ()  # letters old type makes alike throughout (long s, f)
    ocr_hyphens: tuple[str, ...] = ("-",)  # marks that end a line inside a broken word (⸗ and = in Fraktur)
    capitalised_nouns: bool = False  # nouns are capitalised: a capitalised word is not presumed a name
    genitive_s: bool = False  # names take a genitive -s with no apostrophe (Putins): not a second spelling
    elisions: frozenset[str] = frozenset()  # words written elided before an apostrophe (l', d', qu')
    relative_times: tuple[str, ...] = ()  # "5 hours ago" as regular expressions (BP006's ticker teasers)
    # class -> regular expressions of lines web pages leave in scraped copy (BP001)
    scraping_leftovers: tuple[tuple[str, tuple[str, ...]], ...] = ()
    shipped: bool = True  # False for the fallback


FALLBACK = LanguageData(
    code="",
    name="",
    abbreviations=Abbreviations(frozenset(), ()),
    function_words=FunctionWords(False, frozenset(), frozenset(), frozenset()),
    quotes=Quotes(low_opening=False, reversed_guillemets=False),
    spacing=Spacing("none"),
    negation=Negation((), ()),
    particles=frozenset(),
    titles=frozenset(),
    compounding=False,
    transliteration=(),
    number_stop_ordinals=False,
    letters=Letters(LOST_LETTERS, names=False, unaccented_capitals=False),
    ocr_confusions=(),
    confusables=(),
    inflections=(),
    shipped=False,
)


def shipped_languages() -> tuple[str, ...]:
    """The codes that have a data file, sorted."""
    return tuple(_table())


def language_data(code: str | None) -> LanguageData:
    """The data of a base language code (`fr`); FALLBACK for None or a language without a file."""
    return _table().get(code or "", FALLBACK)


@cache
def _table() -> dict[str, LanguageData]:
    """Every file, parsed and validated once per process. Parsing thirty YAML files costs a tenth
    of a small file's budget, so the records are also pickled in the cache folder, keyed by a
    digest of the files' text and of this reading code (an edited file is read again)."""
    texts = {path.stem: path.read_text(encoding="utf-8") for path in sorted(DATA_DIR.glob("*.yaml"))}
    digest = hashlib.sha256()
    for source in (Path(__file__), Path(__file__).with_name("schema.py")):  # how the files are read
        digest.update(source.read_bytes())
    for code, text in texts.items():
        digest.update(f"\0{code}\0{text}".encode())
    key = digest.hexdigest()

    def build() -> tuple[str, dict[str, dict[str, Any]]]:
        return key, {code: _validated(code, text) for code, text in texts.items()}

    def valid(value: object) -> bool:
        return isinstance(value, tuple) and len(value) == 2 and value[0] == key

    # plain dicts and tuples are pickled, never the record class, which may change
    sections: dict[str, dict[str, Any]] = disk_cached("language-data", build, valid)[1]
    return {code: _record(code, found) for code, found in sections.items()}


def _validated(code: str, text: str) -> dict[str, Any]:
    try:
        return validate(safe_load(text))
    except LanguageDataError as exc:
        raise LanguageDataError(f"{DATA_DIR / code}.yaml: {exc}") from None


def _record(code: str, s: dict[str, Any]) -> LanguageData:
    fw, letters = s["function_words"], s["letters"]
    return LanguageData(
        code=code,
        name=s["name"],
        abbreviations=Abbreviations(_lower(s["abbreviations"]["words"]), s["abbreviations"]["exact_case"]),
        function_words=FunctionWords(
            fw["detect"], _lower(fw["conjunctions"]), _lower(fw["one_letter"]), _lower(fw["sentence_openers"])
        ),
        quotes=Quotes(**s["quotes"]),
        spacing=Spacing(**s["spacing"]),
        negation=Negation(**s["negation"]),
        particles=frozenset(s["particles"]),
        titles=frozenset(title.casefold() for title in s["titles"]),  # compared with casefolded words
        compounding=s["compounding"]["one_word"],
        transliteration=s["transliteration"],
        number_stop_ordinals=s["ordinals"]["number_stop"],
        letters=Letters(letters["accented"], letters["names"], letters["unaccented_capitals"], letters["optional"]),
        ocr_confusions=s["ocr_confusions"],
        confusables=tuple(frozenset(word.lower() for word in group) for group in s["confusables"]),
        inflections=s["inflections"],
        number_words=s["number_words"],
        ocr_merged=s["ocr_merged"],
        ocr_hyphens=s["ocr_hyphens"],
        capitalised_nouns=s["capitalised_nouns"],
        genitive_s=s["genitive_s"],
        elisions=_lower(s["elisions"]),
        relative_times=s["relative_times"],
        scraping_leftovers=tuple(s["scraping_leftovers"].items()),
    )


def _lower(items: Iterable[str]) -> frozenset[str]:
    return frozenset(item.lower() for item in items)


def all_language_data() -> tuple[LanguageData, ...]:
    """Every shipped language's data, in code order."""
    return tuple(_table().values())


def languages_where(test: Callable[[LanguageData], bool]) -> tuple[str, ...]:
    """The shipped codes whose data passes `test` (`lambda d: d.function_words.detect`)."""
    return tuple(data.code for data in all_language_data() if test(data))


def union(section: Callable[[LanguageData], Iterable[T]]) -> frozenset[T]:
    """One section over every shipped language: for text whose names and words come from anywhere
    (name particles and titles, conjunctions of suspended compounds, often-confused words)."""
    found: set[T] = set()
    for data in all_language_data():
        found.update(section(data))
    return frozenset(found)
