"""The house names glossary: canonical names, known variants, the form to use per language.

```yaml
language: en          # the language of the canonical forms (English unless set)
names:
  - canonical: Volodymyr Zelensky
    variants: [Zelenskiy, Zelenskyy, Zelenski]
    languages: {de: Wolodymyr Selenskyj, fr: Volodymyr Zelensky}
```
A mention matches an entry when its spelling is listed (any form, any language) or when it is a
transliteration variant of a listed surname (normalise.keys); it should read as the entry's form
for the document's language. An entry is authoritative only for the language of its canonical
form (the file's `language`, English unless set) and the languages it lists: other languages'
documents keep their own forms. Only glossaries the user configures are read: the names pack
ships an example (rules/names/data/example-glossary.yaml), never a default. A glossary may also
be a table, and a large one is read through the cache folder (glossary_files.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from tqcheck.core.errors import PackError
from tqcheck.names.normalise import fold, keys
from tqcheck.names.variants import same_name


class GlossaryError(PackError):
    """A glossary file that cannot be used; the message names the file and the entry."""


DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class Entry:
    canonical: str
    variants: tuple[str, ...] = ()
    languages: tuple[tuple[str, str], ...] = ()
    home: str = DEFAULT_LANGUAGE  # the language of the canonical form (the glossary's `language`)

    def target(self, language: str | None) -> str | None:
        """The form to write in a document of this language, or None: an entry speaks only for
        its canonical form's language and the languages it lists (a Spanish text keeps its own
        form of a name that the glossary gives for English, French and German)."""
        language = language or DEFAULT_LANGUAGE
        listed = dict(self.languages).get(language)
        return listed if listed is not None else self.canonical if language == self.home else None

    def spellings(self) -> list[str]:
        return [self.canonical, *self.variants, *(form for _, form in self.languages)]


# normalised surname -> the entries (by position) that have a spelling with it
Index = dict[str, tuple[int, ...]]


def build_index(entries: Sequence[Entry]) -> tuple[Index, Index]:
    """The two lookups of a glossary: by folded surname (exact) and by transliteration key
    (fuzzy). The costly part of a large glossary (keys() per spelling), hence cached on disk."""
    by_fold: dict[str, list[int]] = defaultdict(list)
    by_key: dict[str, list[int]] = defaultdict(list)
    for index, entry in enumerate(entries):
        for spelling in entry.spellings():
            surname = spelling.split()[-1]
            _add(by_fold[fold(surname)], index)
            for key in keys(surname):
                _add(by_key[key], index)
    return {k: tuple(v) for k, v in by_fold.items()}, {k: tuple(v) for k, v in by_key.items()}


def _add(found: list[int], index: int) -> None:
    if not found or found[-1] != index:  # entries come in order: a repeat is the last one
        found.append(index)


@dataclass
class Glossary:
    entries: list[Entry] = field(default_factory=list)
    index: tuple[Index, Index] | None = None

    def __post_init__(self) -> None:
        self._by_fold, self._by_key = self.index if self.index is not None else build_index(self.entries)
        self._found: dict[str, Entry | None] = {}

    def __bool__(self) -> bool:
        return bool(self.entries)

    def find(self, surname: str) -> Entry | None:
        """The entry a surname-position spelling belongs to, if exactly one matches (memoised)."""
        if surname not in self._found:
            self._found[surname] = self._find(surname)
        return self._found[surname]

    def _find(self, surname: str) -> Entry | None:
        listed = self._by_fold.get(fold(surname), ())
        if len(listed) == 1:
            return self.entries[listed[0]]
        if listed:
            return None
        fuzzy = {i for key in keys(surname) for i in self._by_key.get(key, ())}
        fuzzy = {i for i in fuzzy if any(same_name(surname, s.split()[-1]) for s in self.entries[i].spellings())}
        return self.entries[next(iter(fuzzy))] if len(fuzzy) == 1 else None


def merged(glossaries: Sequence[Glossary]) -> Glossary:
    """Several glossaries as one, in order; their indexes shifted, not rebuilt."""
    if len(glossaries) == 1:
        return glossaries[0]
    entries: list[Entry] = []
    by_fold: dict[str, list[int]] = defaultdict(list)
    by_key: dict[str, list[int]] = defaultdict(list)
    for one in glossaries:
        offset = len(entries)
        entries.extend(one.entries)
        for target, source in ((by_fold, one._by_fold), (by_key, one._by_key)):
            for name, found in source.items():
                target[name].extend(offset + i for i in found)
    return Glossary(entries, ({k: tuple(v) for k, v in by_fold.items()}, {k: tuple(v) for k, v in by_key.items()}))


def parse(data: Any, where: str) -> Glossary:
    return Glossary(entries_of(data, where))


def entries_of(data: Any, where: str) -> list[Entry]:
    """The entries of a parsed YAML glossary; GlossaryError names the entry at fault."""
    if not isinstance(data, dict) or not isinstance(data.get("names"), list):
        raise GlossaryError(f"{where}: expected a mapping with a list 'names'")
    unknown_keys = set(data) - {"names", "language"}
    if unknown_keys:
        raise GlossaryError(f"{where}: unknown key '{sorted(unknown_keys)[0]}' (allowed: language, names)")
    home = data.get("language", DEFAULT_LANGUAGE)
    if not isinstance(home, str) or not home.strip():
        raise GlossaryError(f"{where}: 'language' must be a language code (the canonical forms' language)")
    entries = []
    for number, item in enumerate(data["names"], 1):
        here = f"{where}: names[{number}]"
        if not isinstance(item, dict) or not isinstance(item.get("canonical"), str) or not item["canonical"].strip():
            raise GlossaryError(f"{here}: 'canonical' is required and must be a string")
        variants = item.get("variants") or []
        languages = item.get("languages") or {}
        if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
            raise GlossaryError(f"{here}: 'variants' must be a list of strings")
        if not isinstance(languages, dict) or not all(isinstance(v, str) for v in languages.values()):
            raise GlossaryError(f"{here}: 'languages' must map language codes to spellings")
        unknown = set(item) - {"canonical", "variants", "languages", "files", "count"}
        if unknown:
            raise GlossaryError(f"{here}: unknown key '{sorted(unknown)[0]}'")
        entries.append(
            Entry(
                canonical=item["canonical"].strip(),
                variants=tuple(v.strip() for v in variants if v.strip()),
                languages=tuple(sorted((str(k).lower(), v.strip()) for k, v in languages.items())),
                home=home.strip().lower(),
            )
        )
    return entries


def dump(entries: Sequence[dict[str, Any]], language: str = DEFAULT_LANGUAGE) -> str:
    header = (
        "# tqcheck names glossary: canonical spelling (in `language`), known variants, per-language forms;\n"
        "# an entry speaks only for its canonical form's language and the languages it lists\n"
    )
    body = {"language": language, "names": list(entries)}
    return header + yaml.safe_dump(body, allow_unicode=True, sort_keys=False)
