"""`misspelling` (GW004): a plain misspelling, one edit from a frequent word (`goverment`).

Precision first. A word is a candidate only when it is lowercase (capitalised words are most
likely names), has no hyphen or apostrophe and is not a compound of two known words (German,
Dutch...) nor a word of a neighbouring language (`nicht` in English copy), and has exactly one
clearly more frequent neighbour one edit away (neighbours.py, a SymSpell index over wordfreq).
The edit must look like a slip: never the first letter (writers get it right), never an added
final e (old and foreign spellings: `againe`). wordfreq lists the commonest slips from web text
(`goverment`, `recieve`), and rare real words too (`musty`, `staves`), so a listed word counts
only with a typing slip's edit: two neighbours swapped, a doubled letter, or a letter dropped
inside a long word. A word the document uses more than once while never writing the repair is
the writer's choice (a term, a spelling of its own), not a slip. Misreadings of look-alike
letters are GW003's, lost or changed accents GW001's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import ClassVar

from tqcheck.core.model import Document, Finding, RuleSpec
from tqcheck.kinds.base import Option
from tqcheck.kinds.ocr_words import foreign, is_compound
from tqcheck.kinds.repairs import clear_repair
from tqcheck.kinds.words import WordKind
from tqcheck.language.accents import letters_of
from tqcheck.language.data import language_data
from tqcheck.language.lexicon import Lexicon, normalise
from tqcheck.language.neighbours import MIN_QUERY, fold
from tqcheck.language.tokens import WORD, distinct_tokens, occurrences

LONG = 8  # a letter dropped inside a word this long is a typing slip (`goverment`)


@dataclass(frozen=True)
class Edit:
    op: str  # 'insert' (the word has a letter too many), 'delete', 'substitute' or 'swap'
    at: int  # where, in the word as written
    doubled: bool  # the letter added or dropped doubles its neighbour

    def slip(self, length: int) -> bool:
        """A typing slip's edit: neighbours swapped, a doubled letter, a letter dropped inside a
        long word."""
        return self.op == "swap" or self.doubled or (self.op == "delete" and length + 1 >= LONG)


def _edit(word: str, form: str) -> Edit | None:
    """The one edit that turns `word` into `form` (both folded), or None."""
    i = 0
    while i < min(len(word), len(form)) and word[i] == form[i]:
        i += 1
    if len(word) == len(form):
        if word[i + 1 :] == form[i + 1 :]:
            return Edit("substitute", i, False)
        if word[i + 2 :] == form[i + 2 :] and word[i : i + 2] == form[i : i + 2][::-1]:
            return Edit("swap", i, False)
        return None
    if len(word) == len(form) + 1 and word[i + 1 :] == form[i:]:
        doubled = (i > 0 and word[i - 1] == word[i]) or (i + 1 < len(word) and word[i + 1] == word[i])
        return Edit("insert", i, doubled)
    if len(form) == len(word) + 1 and form[i + 1 :] == word[i:]:
        doubled = (i > 0 and form[i - 1] == form[i]) or (i + 1 < len(form) and form[i + 1] == form[i])
        return Edit("delete", i, doubled)
    return None


class Misspelling(WordKind):
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "min-zipf": Option(float, 3.5, help="least frequency of the corrected word"),
        "gap": Option(float, 2.5, help="how much more frequent the correction must be than the word as written"),
        "rare-below": Option(float, 3.0, help="words at least this frequent are never second-guessed"),
        "min-length": Option(int, 5, help="shortest word checked (short words have many neighbours)"),
        "listed-from": Option(float, 1.0, help="words at least this frequent count only with a typing slip's edit"),
        "foreign-zipf": Option(
            float, 3.0, help="a word this frequent in a neighbouring language is foreign, not a slip"
        ),
        "rival-gap": Option(float, 1.0, help="two corrections closer in frequency than this: ambiguous, none proposed"),
    }

    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        self._cache: dict[tuple[str, str], str | None] = {}
        self._clean: dict[str, set[str]] = {}  # per language: tokens never suspects, this run

    def check_words(self, doc: Document, language: str, lex: Lexicon) -> Iterator[Finding]:
        value = lex.value
        floor = round(self.options["rare-below"] * 100)
        shortest = max(self.options["min-length"], MIN_QUERY)
        suspects: dict[str, tuple[int, str]] = {}  # token -> (where its word starts, the repair)
        own = letters_of(language)
        elisions = language_data(language).elisions
        # whether a token is a suspect depends on the token and the language only: most tokens
        # recur from file to file and are judged once a run
        clean = self._clean.setdefault(language, set())
        for whole in distinct_tokens(doc.checkable) - clean:
            token, at = _after_elision(whole, elisions)
            if (
                len(token) < shortest
                or not token.isalpha()
                or not token.islower()
                # letters the language does not use (`dráhy` in German copy): a foreign word
                or (not token.isascii() and any(not c.isascii() and c not in own for c in token))
                or value(normalise(token)) >= floor
            ):
                clean.add(whole)
                continue
            key = (language, token)
            if key not in self._cache:
                self._cache[key] = self._repair(token, lex, language)
            repair = self._cache[key]
            if repair is not None:
                suspects[whole] = (at, repair)
            else:
                clean.add(whole)
        if not suspects:
            return
        matches = list(occurrences(doc.checkable, set(suspects), WORD))
        counts = Counter(m.group(0)[suspects[m.group(0)][0] :] for m in matches)
        for match in matches:
            at, repair = suspects[match.group(0)]
            word = match.group(0)[at:]
            if counts[word] > 1 and not _uses(doc.checkable, repair):
                continue  # written the same way every time, the repair never: deliberate
            yield self.spec.finding(doc, match.start() + at, match.end(), suggestion=repair)

    def _repair(self, word: str, lex: Lexicon, language: str) -> str | None:
        zipf = lex.zipf(word)
        least = max(self.options["min-zipf"], zipf + self.options["gap"])
        repair = clear_repair(word, language, least, self.options["rival-gap"])
        if repair is None or repair.how != "edit":
            return None
        edit = _edit(fold(word), fold(repair.form))
        if edit is None or edit.at == 0 or (edit.op == "insert" and edit.at == len(word) - 1 and word[-1] == "e"):
            return None
        if edit.op == "delete" and not repair.form.isascii() and len(repair.form) == len(word) + 1:
            return None  # the letter lost is an accented one (`angefhrt`): GW001's business
        if zipf >= self.options["listed-from"] and not edit.slip(len(word)):
            return None
        if language_data(language).compounding and is_compound(word, lex):  # a compound, not a slip
            return None
        if foreign(word, language, self.options["foreign-zipf"]):
            return None
        return repair.form


def _after_elision(token: str, elisions: frozenset[str]) -> tuple[str, int]:
    """(the word after an elided article, where it starts): `l'insuflisance` -> (`insuflisance`, 2)."""
    if elisions:
        for mark in "'’":
            head, found, rest = token.partition(mark)
            if found and head.lower() in elisions:
                return rest, len(head) + 1
    return token, 0


def _uses(text: str, word: str) -> bool:
    at = text.find(word)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + len(word)] if at + len(word) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        at = text.find(word, at + 1)
    return False
