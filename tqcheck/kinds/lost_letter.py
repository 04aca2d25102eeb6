"""`lost-letter` (GW001): a word that lost an accented or special letter in transit.

Encoding round trips and ASCII-only pipelines drop letters such as é or ß (`Jean-Stphane`,
`Hnault`) or their accents (`Assemblee`). An unknown word is repaired when restoring one
such letter gives a known word of the document's language, or, for capitalised words, a
name known in a neighbouring language. A known word is only flagged when its accented
form is far more frequent and the plain form is rare (never `a`/`à`, `ou`/`où`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import ClassVar

from tqcheck.core.model import Document, Finding, RuleSpec
from tqcheck.kinds.base import Option, match_case
from tqcheck.kinds.words import WordKind
from tqcheck.language.accents import (
    LOST_LETTERS,
    accent_index,
    letters_of,
    name_index,
    restore_index,
    restored,
    strip_accents,
    unpack,
)
from tqcheck.language.data import language_data
from tqcheck.language.lexicon import Lexicon, lexicon, normalise
from tqcheck.language.neighbours import neighbours
from tqcheck.language.tokens import (
    PART,
    bounded,
    distinct_tokens,
    is_acronym,
    is_capitalised,
    occurrences,
)

Candidate = tuple[str, float, str]  # (known form, zipf, language)


class LostLetter(WordKind):
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "min-zipf": Option(float, 2.0, help="least frequency of a repaired word in the document's language"),
        "capital-min-zipf": Option(
            float, 3.0, help="least frequency of a capitalised word's repair in the document's language"
        ),
        "name-min-zipf": Option(float, 1.5, help="least frequency of a repaired name in a neighbouring language"),
        "stripped-gap": Option(float, 1.5, help="how much more frequent an accented form must be"),
        "stripped-max-zipf": Option(float, 3.0, help="plain forms at least this frequent are words in their own right"),
        "min-length": Option(int, 3, help="shortest word part considered"),
        "common-zipf": Option(float, 4.5, help="plain forms at least this frequent are never second-guessed"),
        "rare-zipf": Option(
            float, 2.0, help="below this a word-list entry is as likely a typo or OCR debris as a word"
        ),
        "split-zipf": Option(
            float, 3.0, help="a word that makes one at least this frequent with its neighbour is half a split word"
        ),
        "swapped-gap": Option(
            float, 2.5, help="a listed word is damaged if one with accents swapped in place is this much more frequent"
        ),
        "changed-gap": Option(
            float, 4.0, help="a listed accented word is damaged only if a variant is this much more frequent"
        ),
        "misread-gap": Option(
            float, 1.0, help="a word one OCR misreading from a word this much more frequent is GW003's, not GW001's"
        ),
    }

    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        self._cache: dict[tuple[str, str], list[Candidate] | None] = {}
        self._clean: dict[str, set[str]] = {}  # per language: tokens already found fine this run
        self._common = round(self.options["common-zipf"] * 100)  # word tables store zipf * 100
        self._rare = round(self.options["rare-zipf"] * 100)

    def check_words(self, doc: Document, language: str, lex: Lexicon) -> Iterator[Finding]:
        value = lex.value
        text = doc.checkable
        # most tokens are common words: one dict lookup per distinct token, positions later
        suspects: dict[str, list[tuple[str, int, list[Candidate]]]] = {}
        clean = self._clean.setdefault(language, set())
        listed = round(self.options["stripped-max-zipf"] * 100)
        for token in distinct_tokens(text) - clean:
            if token[-1] in "ÃÂ":
                continue  # `prioritÃ` + no-break space is mojibake of `à`: GW002 repairs it
            zipf = value(normalise(token))
            if (
                zipf >= self._common
                or (zipf >= listed and not token.isascii() and not self._swapped(token, zipf, language))
                or _has_digit(token)
                or ("-" in token and _broken(token, value, self._rare))
            ):
                clean.add(token)
                continue
            for piece in PART.finditer(token):
                word = piece.group(0)
                too_short = len(word) < self.options["min-length"] and word.isascii()
                if value(normalise(word)) >= self._common or too_short or is_acronym(word):
                    continue
                key = (language, word)
                if key not in self._cache:
                    self._cache[key] = self._candidates(word, lex, language)
                found = self._cache[key]
                if found:
                    suspects.setdefault(token, []).append((word, piece.start(), found))
            if token not in suspects:
                clean.add(token)
        if not suspects:
            return
        for match in occurrences(text, set(suspects)):
            if not bounded(text, match.start(), match.end()) or _split_half(
                text, match, lex, self.options["split-zipf"]
            ):
                continue
            token = match.group(0)
            for part, offset, found in suspects[token]:
                yield self._finding(doc, match.start(), token, part, offset, found, lex)

    def _swapped(self, token: str, value: int, language: str) -> bool:
        """Whether a listed accented word has a variant with its accents changed in place that
        is `swapped-gap` more frequent (`â` for `à`, `nâo` for `não`): one index lookup."""
        lower = token.lower()
        least = value / 100 + self.options["swapped-gap"]
        return any(
            zipf >= least and len(form) == len(lower) and _same_places(lower, form)
            for form, zipf, _ in unpack(accent_index(language).get(strip_accents(lower)))
        )

    def _finding(
        self, doc: Document, start: int, token: str, part: str, offset: int, found: list[Candidate], lex: Lexicon
    ) -> Finding:
        best: dict[str, float] = {}
        for form, zipf, _ in found:
            best[form] = max(zipf, best.get(form, 0.0))
        forms = sorted(best, key=lambda f: -best[f])
        if found[0][2] == lex.language:
            # other restorations that are words too, even below the reporting gap: `a leve` may
            # need `levé` or `levée`, not the more frequent `lève`
            rivals = self._restored(part.lower(), lex, self.options["stripped-max-zipf"])
            forms = list(dict.fromkeys(forms + [form for form, _, _ in sorted(rivals, key=lambda c: -c[1])]))
        # report the hyphenated run around the part (`Jean-Stphane`), not an elided article
        left = max(token.rfind("'", 0, offset), token.rfind("’", 0, offset)) + 1
        right = min((i for i in (token.find("'", offset), token.find("’", offset)) if i >= 0), default=len(token))
        repaired = token[left:offset] + match_case(part, forms[0]) + token[offset + len(part) : right]
        if len(forms) == 1:
            # an accented word the lists know (`tète`, `thé`) may be meant: its accents changed
            # is a repair for the editor, not a safe fix (a plain `Assemblee` lost them)
            listed = not part.isascii() and lex.zipf(part.lower()) >= self.options["rare-zipf"]
            return self.spec.finding(doc, start + left, start + right, suggestion=repaired, part=part, safe=not listed)
        # several words fit: a suggestion for the editor, never an automatic fix
        others = ", ".join(f"'{match_case(part, form)}'" for form in forms[1:4])
        message = "'{match}' looks like a word that lost an accented letter: '{suggestion}' or " + others + "?"
        return self.spec.finding(
            doc, start + left, start + right, suggestion=repaired, part=part, safe=False, message=message
        )

    def _restored(self, lower: str, lex: Lexicon, least: float) -> list[Candidate]:
        """Forms of the language at least `least` frequent with one lost letter put back or
        accents changed (one lookup in the restore index)."""
        letters = letters_of(lex.language)
        stripped = strip_accents(lower)
        found = restored(lower, restore_index(lex.language).get(stripped), letters)
        if stripped != lower and (plain := lex.zipf(stripped)) > 0:
            found.append((stripped, plain, lex.language))  # accents added by damage (`thé`, `hâve`)
        return [c for c in found if c[1] >= least]

    def _changed(self, part: str, lower: str, zipf: float, lex: Lexicon) -> list[Candidate] | None:
        """`thé` for `the`, `hâve` for `have`, `â` for `à`: accents changed or added rather than
        lost. A listed accented word needs a far more frequent variant (a loanword such as
        `rosé` keeps its accent), a capitalised one a very common one as well (names keep theirs)."""
        if zipf < self.options["rare-zipf"]:
            least = same = max(self.options["min-zipf"], zipf + self.options["stripped-gap"])
        else:
            least, same = zipf + self.options["changed-gap"], zipf + self.options["swapped-gap"]
        if is_capitalised(part):
            if zipf > 0 and len(part) < self.options["min-length"]:
                return None  # `d'Ét` is a word cut short, not `Et`
            # a listed one is most likely a name (`José`) unless its variant is a very common word
            # far more frequent than it (`Thé` opening a sentence)
            least = same = max(zipf + self.options["changed-gap"] if zipf > 0 else least, self.options["common-zipf"])
        found = self._restored(lower, lex, min(least, same))
        # damage more often swaps an accent for a look-alike (`pùt` for `pût`) than adds one
        # where none was: a variant with its accents in the same places comes first
        kept = [c for c in found if c[1] >= same and _same_places(lower, c[0])]
        return kept or [c for c in found if c[1] >= least] or None

    def _candidates(self, part: str, lex: Lexicon, language: str) -> list[Candidate] | None:
        lower = part.lower()
        zipf = lex.zipf(lower)
        optional = language_data(language).letters.optional
        if zipf == 0 and optional and any(c in optional for c in lower):
            plain = "".join(strip_accents(c) if c in optional else c for c in lower)
            if lex.zipf(plain) > 0:
                return None  # `облачённые`: a word lists keep only as `облаченные`, both right
        if not lower.isascii():
            return self._changed(part, lower, zipf, lex)
        # rare lowercase entries (`citt`, `ideen`) are mostly web debris: repair them too, with a
        # wider gap; capitalised ones may be names and only qualify when really rare
        rare = self.options["rare-zipf"]
        rare_limit = rare if part[:1].isupper() else self.options["stripped-max-zipf"]
        if zipf < rare_limit:
            gap = self.options["stripped-gap"] + (0.5 if zipf >= rare else 0.0)
            least = max(self.options["min-zipf"], zipf + gap)
            if part[:1].isupper():
                least = max(least, self.options["capital-min-zipf"])  # `Andis` is a name, not `andáis`
            own = self._restored(lower, lex, least)
            if own:
                # a word that one misread letter makes from a far more frequent word is a
                # misreading (`vter` for `vier`), GW003's, not a lost letter (`väter`)
                gap = self.options["misread-gap"]
                return None if _misread(lower, language, max(c[1] for c in own) + gap) else own
            if zipf == 0 and is_capitalised(part):
                return self._names(lower, language)
            if zipf < rare:
                return None
        if (
            not lower.isascii()
            or zipf >= self.options["common-zipf"]
            or (zipf >= self.options["stripped-max-zipf"] and part[:1].isupper())
        ):
            return None
        # a plain form that is a word of its own (a/à, ou/où, cote/côte) needs a wider gap
        gap = self.options["stripped-gap"] + (0.5 if zipf >= self.options["stripped-max-zipf"] else 0.0)
        threshold = max(zipf + gap, self.options["stripped-max-zipf"])
        found = [c for c in self._stripped(lower, language) if c[1] >= threshold]
        if found and language_data(language).letters.unaccented_capitals and is_capitalised(part):
            # French typography allows unaccented capitals (Etat, Ecole): only inner letters count
            found = [c for c in found if c[0][1:] != lower[1:]]
        return found or None

    def _stripped(self, lower: str, language: str) -> list[Candidate]:
        key = strip_accents(lower)
        return [c for c in unpack(accent_index(language).get(key)) if c[0] != lower]

    def _names(self, lower: str, language: str) -> list[Candidate] | None:
        """A capitalised unknown word that is a lost-letter form of a name of a neighbour."""
        found = [
            (form, zipf, other)
            for form, zipf, other in restored(lower, name_index().get(strip_accents(lower)), LOST_LETTERS)
            if other != language and zipf >= self.options["name-min-zipf"] and _one_change(lower, form)
        ]
        # a word that is itself known in the neighbour's language is a name there, not damage
        found = [c for c in found if lexicon(c[2]).zipf(lower) == 0]
        return found or None


def _misread(lower: str, language: str, than: float) -> bool:
    """Whether a pure OCR misreading of `lower` gives a word at least `than` frequent."""
    return any(how == "ocr" and zipf >= than for _, zipf, how in neighbours(lower, language))


def _same_places(lower: str, form: str) -> bool:
    """The same letters with accents in the same places (`pùt`, `pût`), only their kind changed."""
    return len(lower) == len(form) and all(a.isascii() == b.isascii() for a, b in zip(lower, form, strict=True))


def _one_change(lower: str, form: str) -> bool:
    """One letter lost or one letter's accent lost (a name's spelling is not second-guessed further)."""
    if len(form) == len(lower) + 1:
        return True  # `restored` checked the rest exactly
    return sum(a != b for a, b in zip(lower, form, strict=False)) == 1


_BEFORE = re.compile(r"([^\W\d_]+) $")
_AFTER = re.compile(r" ([^\W\d_]+)(?![\w'’])")  # not an elided article: `leve l'alerte`


_DIGIT = re.compile(r"\d")


def _has_digit(token: str) -> bool:
    return _DIGIT.search(token) is not None


def _split_half(text: str, match: re.Match[str], lex: Lexicon, least: float) -> bool:
    """`perturb ation`: half of a word split by a space is GW003's business, not a lost letter."""
    word = match.group(0)
    before = _BEFORE.search(text, max(0, match.start() - 40), match.start())
    after = _AFTER.match(text, match.end())
    joined = [before.group(1) + word] if before else []
    joined += [word + after.group(1)] if after and after.group(1).islower() else []
    return any(lex.zipf(j) >= least for j in joined)


def _broken(token: str, value: Callable[[str], int], rare: int) -> bool:
    """Whether a hyphenated token is one word broken at a line end, not parts to restore one by
    one: its halves make a known word (`opéra-tions`, `l'é-poque`), or two of its parts are no
    words (`inju-riés`); `Jean-Stphane` and `e-commercé` have a known part."""
    word = re.split(r"['’]", token)[-1]  # the word after an elided article
    if value(normalise(word.replace("-", ""))) >= rare:
        return True
    return sum(value(normalise(part)) < rare for part in word.split("-") if part) >= 2
