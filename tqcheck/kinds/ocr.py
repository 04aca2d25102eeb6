"""`ocr-confusion` (GW003): OCR misreadings, split words and words run together.

Only words unknown to the document's language are candidates, and a repair is proposed only
when it is a clearly frequent word (Zipf threshold and gap) that no other neighbour rivals:
`rnodern` -> `modern`, `Gefellfchaft` -> `Gesellschaft`, `gov ernment` -> `government`,
`inter- national` -> `international`, `Verfamm⸗ lung` -> `Versammlung`, `oftheir` -> `of their`.
The look-alike letters are per-language data (`ocr_confusions`, `ocr_merged`, `ocr_hyphens`),
found through the neighbour index (language/neighbours.py). A split into two words needs them
to be plausible side by side: never two tiny words (`nowe` is not `no we`).
A capitalised word that a word list knows is left alone (a name); one that no list knows is
repaired only by a pure misreading into a known word or name (`Bordeanx` -> `Bordeaux`), and
run-together splitting is off for languages that write compounds as one word (German, Dutch,
Scandinavian...).
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator, Mapping
from itertools import pairwise
from typing import ClassVar

from tqcheck.core.model import Document, Finding, RuleSpec
from tqcheck.kinds.base import Option, match_case
from tqcheck.kinds.ocr_options import OCR_OPTIONS
from tqcheck.kinds.ocr_words import (
    MARKED,
    after_name,
    beside,
    changes,
    elided_tokens,
    foreign,
    hyphen_patterns,
    is_compound,
    mark_repair,
    name_like,
    plausible_case,
    recased,
)
from tqcheck.kinds.repairs import clear_repair
from tqcheck.kinds.words import WordKind
from tqcheck.language.accents import accent_index, strip_accents
from tqcheck.language.confusions import capitalised_nouns, line_break_hyphens, undo_once
from tqcheck.language.data import language_data, union
from tqcheck.language.lexicon import Lexicon, normalise
from tqcheck.language.neighbours import neighbours
from tqcheck.language.tokens import WORD, distinct_tokens, occurrences

_JOINED = re.compile(r"[-'’]")
# a token glued after an asterisk is the rest of a masked word (`B*tch`), not a word of its own
_TOKEN = re.compile(r"(?<![\w@/.\\'’*-])[^\W_]+(?![\w@/\\'’]|[.,]\w|-\w)")
_WORD_BEFORE = re.compile(r"(?<![\w-])([^\W\d_]+) $")
_WORD_AFTER = re.compile(r" ([^\W\d_]+)(?![\w-])")


class OcrConfusion(WordKind):
    OPTIONS: ClassVar[Mapping[str, Option]] = OCR_OPTIONS

    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        self._cache: dict[tuple[str, str, bool], str | None] = {}
        self._settled: dict[str, set[str]] = {}  # per language: tokens never candidates, this run
        self._nearby: dict[tuple[str, str], str | None] = {}  # (language, word): its repair beside others

    def check_words(self, doc: Document, language: str, lex: Lexicon) -> Iterator[Finding]:
        nearby: list[tuple[str, int]] = []  # words that may be misread real words: only beside others
        found = list(self._findings(doc, language, lex, nearby))
        yield from found
        if not nearby or not found:
            return  # clean copy: no neighbour lookups for its rare words
        kept = beside([start for _, start in nearby], [f.start for f in found], doc.checkable)
        for word, start in nearby:
            if start not in kept:
                continue
            if (lex.language, word) not in self._nearby:
                self._nearby[lex.language, word] = self._nearby_repair(word, lex)
            if (repair := self._nearby[lex.language, word]) is not None:
                yield self.spec.finding(doc, start, start + len(word), suggestion=repair)

    def _findings(self, doc: Document, language: str, lex: Lexicon, nearby: list[tuple[str, int]]) -> Iterator[Finding]:
        value = lex.value
        text = doc.checkable
        claimed: set[int] = set()
        maybe_broken, _ = hyphen_patterns(line_break_hyphens(language))
        if maybe_broken.search(text):
            yield from self._hyphen_breaks(doc, lex, claimed)
        # one dict lookup per distinct token of the run (most recur from file to file),
        # positions only for the few unknown ones
        floor = round(
            max(self.options["unknown-below"], self.options["rare-part-zipf"], self.options["nearby-listed-below"])
            * 100
        )
        settled = self._settled.setdefault(language, set())
        nouns_by_case = capitalised_nouns(language)
        nouns = nouns_by_case or self.options["capitalised"]
        unknown = set()
        hyphenated = set()
        for t in distinct_tokens(text) - settled:
            if value(normalise(t)) >= floor or t.isdigit():
                settled.add(t)
            elif not _JOINED.search(t):
                if (t[:1].islower() or t[:1] in "I0125" or nouns) and plausible_case(t, language):
                    unknown.add(t)
                else:
                    settled.add(t)
            elif "-" in t and "'" not in t and "’" not in t and self.options["hyphenated"]:
                hyphenated.add(t)
            else:
                settled.add(t)
        if hyphenated:
            yield from self._hyphenated(doc, lex, hyphenated, claimed)
        if "~" in text or "!" in text:
            yield from self._marked(doc, lex)
        elided = elided_tokens(text, language, value, floor)
        if not unknown and not elided:
            return
        for match in occurrences(text, unknown, _TOKEN):
            if match.start() in claimed:
                continue
            if not nouns_by_case and match.group(0)[:1].isupper() and after_name(text, match.start(), language):
                continue  # a capitalised word after another is a name's part (`Anna Vvong`), not a misreading
            joined = self._split_word(doc, lex, match, claimed)
            if joined is not None:
                yield joined
                continue
            yield from self._repaired(doc, lex, match.group(0), match.start(), split=True, nearby=nearby)
        for token, at in elided.items():
            # the word after an elided article is one word: never split (`j'oubliai`)
            for match in occurrences(text, {token}):
                yield from self._repaired(doc, lex, token[at:], match.start() + at, split=False)

    def _marked(self, doc: Document, lex: Lexicon) -> Iterator[Finding]:
        """A letter read as a mark inside a word (`my~elf` -> `myself`)."""
        letters = string.ascii_lowercase + language_data(lex.language).letters.accented
        for match in MARKED.finditer(doc.checkable):
            word = match.group(0)
            repair = mark_repair(word, lex, letters, self.options["min-zipf"], self.options["rival-gap"])
            if repair is not None:
                yield self.spec.finding(doc, match.start(), match.end(), suggestion=repair)

    def _repaired(
        self,
        doc: Document,
        lex: Lexicon,
        word: str,
        start: int,
        split: bool,
        nearby: list[tuple[str, int]] | None = None,
    ) -> Iterator[Finding]:
        if len(word) < 3:
            return
        repaired = self._cached(word, lex, split)
        if repaired is not None:
            yield self.spec.finding(doc, start, start + len(word), suggestion=repaired)
        elif nearby is not None:
            nearby.append((word, start))  # repaired later, and only beside another misreading

    def _nearby_repair(self, word: str, lex: Lexicon) -> str | None:
        """A misreading that makes a real word (`bas` for `has`, `waa` for `was`) or a short
        capitalised one that could be a name (`Frenoh` for `French`): in clean copy each is most
        likely what it is, so the caller shows it only where the paragraph has other misreadings
        and scanning damage makes it the likelier reading. One pure misreading, no rival."""
        zipf = lex.zipf(word)
        if word[:1].isupper() and word[1:].isalpha() and word[1:].islower() and not word.startswith("I"):
            short = self.options["capitalised-short-length"] <= len(word) < self.options["capitalised-min-length"]
            if zipf > 0 or not short or not (self.options["capitalised"] or capitalised_nouns(lex.language)):
                return None
            least = self.options["capitalised-short-min-zipf"]
        elif word.isalpha() and word.islower() and 0 < zipf < self.options["nearby-listed-below"]:
            least = max(self.options["min-zipf"], zipf + self.options["nearby-listed-gap"])
        else:
            return None
        repair = clear_repair(word, lex.language, least, self.options["rival-gap"])
        if repair is None or repair.form not in undo_once(word.lower(), lex.language):
            return None  # one misreading only: two make real words of real words too (`rions` -> `nous`)
        if foreign(word.lower(), lex.language, self.options["foreign-zipf"], True):
            return None
        return match_case(word, repair.form)

    def _hyphenated(self, doc: Document, lex: Lexicon, tokens: set[str], claimed: set[int]) -> Iterator[Finding]:
        """A hyphenated word with a misread part (`long-Ioved`), or a word that a kept line-break
        hyphen cuts in two and a misreading spoils (`impriaon-ment`): only parts that no list knows,
        and only by the repairs a whole word would get."""
        for match in occurrences(doc.checkable, tokens, WORD):
            token, start = match.group(0), match.start()
            parts = token.split("-")
            if start in claimed or any(lex.zipf((a + b).lower()) > 0 for a, b in pairwise(parts)):
                continue  # a line-break hyphen kept in a word (`vic-toires`): not a misreading
            known = [lex.zipf(part.lower()) >= self.options["unknown-below"] for part in parts]
            repairs = [
                None if listed else self._part_repair(part, lex) for part, listed in zip(parts, known, strict=True)
            ]
            if all(listed or repair is not None for listed, repair in zip(known, repairs, strict=True)):
                at = start
                for part, repair in zip(parts, repairs, strict=True):
                    if repair is not None:
                        yield self.spec.finding(doc, at, at + len(part), suggestion=repair)
                    at += len(part) + 1
            elif len(parts) == 2 and parts[1].islower():
                joined = self._cached(parts[0] + parts[1], lex, split=False)
                if joined is not None:
                    yield self.spec.finding(
                        doc,
                        start,
                        match.end(),
                        suggestion=joined,
                        message="'{match}' looks like one word, broken by a hyphen and misread: '{suggestion}'.",
                    )

    def _part_repair(self, part: str, lex: Lexicon) -> str | None:
        """The repair of one part of a hyphenated word: a part is a word only by its context, so
        only a frequent repair is clear."""
        if len(part) < 4 or not part[1:].isalpha() or not plausible_case(part, lex.language):
            return None
        repaired = self._cached(part, lex, split=False)
        if repaired is None or lex.zipf(repaired.lower()) < self.options["min-zipf"]:
            return None
        return repaired

    def _cached(self, word: str, lex: Lexicon, split: bool) -> str | None:
        key = (lex.language, word, split)
        if key not in self._cache:
            self._cache[key] = self._repair(word, lex, lex.language, split)
        return self._cache[key]

    def _hyphen_breaks(self, doc: Document, lex: Lexicon, claimed: set[int]) -> Iterator[Finding]:
        conjunctions = union(lambda data: data.function_words.conjunctions)
        _, broken = hyphen_patterns(line_break_hyphens(lex.language))
        for match in broken.finditer(doc.checkable):
            left, right = match.group(1), match.group(2)
            if right.lower() in conjunctions or not right.islower():
                continue
            joined = left + right
            than = max(lex.zipf(left), lex.zipf(right), 0.0) - 1.0
            if not self._frequent(lex, joined.lower(), than) and lex.zipf(joined) < self.options["unknown-below"]:
                # broken and misread (`Verfamm⸗ lung`): the joined word's clear misreading repair
                least = max(self.options["min-zipf"], than)
                repair = clear_repair(joined, lex.language, least, self.options["rival-gap"])
                if repair is not None and repair.how == "ocr":
                    joined = match_case(joined, repair.form)
            if self._frequent(lex, joined.lower(), than):
                claimed.update((match.start(1), match.start(2)))
                yield self.spec.finding(
                    doc,
                    match.start(),
                    match.end(),
                    suggestion=joined,
                    message="'{match}' is one word broken by a hyphen: '{suggestion}'.",
                )

    def _split_word(self, doc: Document, lex: Lexicon, match: re.Match[str], claimed: set[int]) -> Finding | None:
        """`gov ernment`: an unknown token that makes a frequent word with its neighbour."""
        text = doc.checkable
        word = match.group(0)
        if not word.isalpha():
            return None
        before = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
        after = _WORD_AFTER.match(text, match.end())
        pairs = []
        if before and word.islower():
            pairs.append((before.start(1), before.group(1), word, match.end()))
        if after and after.group(1).islower():
            pairs.append((match.start(), word, after.group(1), after.end()))
        for start, a, b, end in pairs:
            if a[:1].isupper() and not a[1:].islower():
                continue
            joined = (a + b).lower()
            least = self.options["min-zipf"] + (1.0 if a[:1].isupper() else 0.0)
            za, zb = lex.zipf(a), lex.zipf(b)
            if min(za, zb) >= self.options["unknown-below"]:
                if max(za, zb) < self.options["rare-part-zipf"]:  # both halves rare entries: `gouver nement`
                    least = max(least, self.options["rare-parts-min-zipf"])
                elif min(za, zb) < self.options["fragment-zipf"] and min(len(a), len(b)) >= 3:  # `na ture`
                    least = max(least, self.options["fragment-min-zipf"])
                else:
                    least = 99.0  # two words in their own right: `every day`, `the rapist`
            if lex.zipf(joined) >= least:
                claimed.update((start, end - len(b)))
                return self.spec.finding(
                    doc,
                    start,
                    end,
                    suggestion=match_case(a, joined),
                    message="'{match}' looks like one word split in two: '{suggestion}'.",
                )
        return None

    def _frequent(self, lex: Lexicon, word: str, than: float) -> bool:
        zipf = lex.zipf(word)
        return zipf >= self.options["min-zipf"] and zipf >= than

    def _repair(self, word: str, lex: Lexicon, language: str, split: bool) -> str | None:
        if word.isdigit():
            return None
        # a capitalised word no list knows: a name of its own, a noun (German), or a known one
        # misread (`Bordeanx`); only a pure misreading of a word frequent enough to be known counts
        capitalised = name_like(word)
        if capitalised:
            if lex.zipf(word) > 0:
                return None  # a capitalised word that a list knows is most likely a name
            if not capitalised_nouns(language) and not self.options["capitalised"]:
                return None
            if len(word) < self.options["capitalised-min-length"]:
                return None  # short names and nouns are close to known words by chance
        compounding = language_data(language).compounding
        if compounding and is_compound(word.lower(), lex, right_zipf=0.01):
            return None  # two known words written as one (`Aufnahmekünstler`), not a misreading
        # English left in the copy (`cocked` in German) is not a misreading; only English, as
        # short misreadings are often words of some other language
        if foreign(word.lower(), language, self.options["foreign-zipf"], english_only=True):
            return None
        lower = word.lower() if not word.startswith("I") else word
        zipf = lex.zipf(lower)
        if zipf >= self.options["listed-below"]:
            return None
        # web text has the misreadings of the commonest words often enough for wordfreq to list
        # them (`tbe`, `dcs`, `icb`): for a listed word only a repair into such a word counts,
        # and it is never split (`byline`, `protestor`)
        listed = zipf >= self.options["unknown-below"]
        if listed:
            least = max(self.options["listed-repair-zipf"], zipf + self.options["listed-gap"])
        else:
            least = max(self.options["min-zipf"], zipf + self.options["gap"])
        repair = clear_repair(word, language, least, self.options["rival-gap"])
        long = len(word) >= self.options["long-length"]
        if repair is None and zipf == 0 and long:
            # a long word no list knows, misread in one place, is rarely another word by chance:
            # a rarer repair, when it is a pure misreading that no neighbour rivals (repairs.py)
            rarer = clear_repair(word, language, self.options["long-min-zipf"], self.options["rival-gap"])
            repair = rarer if rarer is not None and rarer.how == "ocr" else None
        if repair is not None and word[:1] == "I" and word[1:2].islower() and not repair.form.startswith("l"):
            return None  # a capital I is a misread l (`Iike`) or a name's initial (`Ilyasse`), nothing else
        if repair is not None and changes(word, repair.form) > max(2, len(word) * self.options["changed-share"]):
            return None  # more of the word changed than misreadings explain (`indef` is not `miles`)
        if capitalised:
            if repair is None or repair.how != "ocr" or repair.zipf < self.options["capitalised-min-zipf"]:
                return None
            return match_case(word, repair.form)
        if repair is not None and (
            repair.how == "ocr"
            or (repair.how == "ocr+edit" and not listed and repair.zipf >= least + self.options["ocr-edit-gap"])
        ):
            return recased(word, repair.form)
        if listed or repair is not None:
            return None
        if split and self.options["run-together"] and not compounding and word.isalpha() and word.islower():
            if accent_index(language).get(strip_accents(word)):
                return None  # an accent-stripped word (`deroutes`) is GW001's business
            return self._split(word, lex, language)
        return None

    def _lost_letter(self, word: str, language: str) -> bool:
        """`haban` is `habían` with a letter lost, not `ha ban`."""
        least = self.options["lost-letter-zipf"]
        return any(
            how in ("accent", "edit") and not form.isascii() and len(form) >= len(word) and zipf >= least
            for form, zipf, how in neighbours(word, language)
        )

    def _split(self, word: str, lex: Lexicon, language: str) -> str | None:
        """`oftheir` -> `of their`: only around a function word, so `worktree` stays whole."""
        if len(word) < 5:
            return None
        from tqcheck.language.detection import function_words

        one_letter = language_data(language).function_words.one_letter
        common = {w for w in function_words(language) if len(w) >= 2 or w in one_letter}
        if self._lost_letter(word, language):
            return None  # `haban` is `habían` with a lost letter, not `ha ban`
        least = self.options["split-rival-zipf"]
        if any(zipf >= least and how != "ocr+edit" for _, zipf, how in neighbours(word, language)):
            return None  # one slip from a frequent word (`acount`): that word misspelt, not `a count`
        # a word the lists know is a rare word (`insincerely`), or two function words that web
        # text runs together often enough to be listed (`oftheir`): only the latter is split
        listed = lex.zipf(word) > 0
        splits = []
        for i in range(1, len(word)):
            left, right = word[:i], word[i:]
            if listed and not (left in common and right in common):
                continue
            # a short tail is more often an ending than a word run on (`chantai` is not `chant ai`)
            other = right if left in common else left if right in common and len(right) >= 3 else ""
            # two tiny words side by side (`no we`) are rarely what was printed
            if (
                len(other) >= 3
                and lex.zipf(other) >= self.options["split-part-zipf"]
                and max(len(left), len(right)) >= 3
            ):
                splits.append(f"{left} {right}")
        if len(splits) != 1:
            return None
        return splits[0]
