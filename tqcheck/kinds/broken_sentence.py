"""`broken-sentence` (PN001): a full stop inside a sentence that goes on in lowercase.

Machine translation and scraping leave stray full stops (`the deployment. mass of`). A stop
followed by a lowercase word is flagged unless the word before it is an abbreviation (the
language's, from its data file, plus the rule's house list, or another language's when it is no
word of the document's: `Hrsg.` in English copy), an initial, a number (German ordinals), part of
a dotted abbreviation or domain (`U.S.`, `e.g.`, `example.com`), or an ellipsis, and never after
the final stop of a heading or block (what follows is another block).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import ClassVar

from tqcheck.core.model import Document, Finding, RuleSpec
from tqcheck.kinds.base import Kind, Option
from tqcheck.language.data import all_language_data, language_data, union

# the stop, same-line space or one line break, a lowercase word (not iPhone/eBay); the word
# before the stop is read backwards from it, as scanning every word for a stop is 25x slower
_STOP = re.compile(r"\.(?!\.)([ \t]+|[ \t]*\r?\n[ \t]*)([^\W\d_A-Z]\w*)")
_NAME_AFTER_PARTICLE = re.compile(r"[- ](?:[a-z]+ )?[A-Z]")


class BrokenSentence(Kind):
    COST = 0.3  # the pattern starts at a rare character
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "abbreviations": Option(
            (list, dict),
            [],
            help="house abbreviations (without the stop) for every language; or language -> list, '*' for all",
        ),
        "min-length": Option(int, 3, help="the word before the stop has at least this many letters"),
        "sentence-openers": Option(dict, {}, help="language -> house pronouns after which the capital is missing"),
        "word-zipf": Option(
            float, 3.0, help="another language's abbreviation this frequent as a word of the document's is a word"
        ),
    }

    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        # the languages' own abbreviations and sentence openers are in their data files; the
        # options add house ones
        table = self.options["abbreviations"]
        if isinstance(table, list):
            table = {"*": table}
        for option, value in (("abbreviations", table), ("sentence-openers", self.options["sentence-openers"])):
            for words in value.values():
                if not isinstance(words, list) or any(isinstance(word, bool) for word in words):
                    raise ValueError(f"{option}: quote no/on/off/yes, which YAML reads as true/false ('no')")
        house = {str(k): {str(a).lower().rstrip(".") for a in v} for k, v in table.items()}
        self._shared = frozenset(house.pop("*", set()))
        self._house = house
        # a document without a language: every list
        self._any = self._shared.union(*house.values(), *(d.abbreviations.words for d in all_language_data()))
        self._house_openers = {
            str(k): frozenset(str(w).lower() for w in v) for k, v in self.options["sentence-openers"].items()
        }
        self._particles = union(lambda data: data.particles)  # a sentence may open with one: al-Sisi
        self._per_language: dict[str, frozenset[str]] = {}

    def _known(self, language: str) -> frozenset[str]:
        found = self._per_language.get(language)
        if found is None:
            own = language_data(language).abbreviations.words
            found = self._per_language[language] = own | self._shared | self._house.get(language, set())
        return found

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.checkable
        if ". " not in text and ".\n" not in text:
            return
        language = doc.language
        known = self._known(language) if language else self._any
        data = language_data(language)
        ordinals = data.number_stop_ordinals or language is None
        openers = data.function_words.sentence_openers | self._house_openers.get(language or "", frozenset())
        ends = _block_ends(doc)
        for start, match in _stops(text):
            before, after = text[start : match.start()], match.group(2)
            if before.lower() in known or len(before) < self.options["min-length"]:
                continue
            if before.lower() in self._any and _not_a_word(before, language, self.options["word-zipf"]):
                continue  # another language's abbreviation (`Bd.`, `Hrsg.` in English copy)
            if match.start() in ends:
                continue  # the final stop of a heading or block: what follows is another block
            if before.isdigit() and ordinals:
                continue
            if not before.isalpha() and not before.isdigit():
                continue
            if not after[0].islower() or any(c.isupper() for c in after[1:]) or not after.isalpha():
                continue
            if before.isupper() and len(before) <= 5:
                continue  # acronyms written with a closing stop: NATO. gov, CORP. etc.
            if _NAME_AFTER_PARTICLE.match(text, match.end(2)) and (
                after in self._particles or text.startswith("-", match.end(2))
            ):
                continue  # a sentence may open with a name: "al-Sisi said", "van der Berg said"
            end = match.end(2)
            if after in openers:  # `rapide. on se méfiera`: a new sentence that lost its capital
                capital = text[start : match.start(2)] + after[:1].upper() + after[1:]
                message = "'{match}': the new sentence after the full stop starts in lowercase."
                yield self.spec.finding(doc, start, end, suggestion=capital, message=message)
            else:
                yield self.spec.finding(doc, start, end, suggestion=f"{before} {after}")


def _block_ends(doc: Document) -> set[int]:
    """Positions of the last character of each segment, and of each heading."""
    ends = set()
    for segment in doc.segments:
        body = doc.checkable[segment.start : segment.end].rstrip()
        ends.add(segment.start + len(body) - 1)
        if segment.kind == "heading":
            ends.update(range(segment.start, segment.end))
    return ends


def _not_a_word(word: str, language: str | None, least: float) -> bool:
    """Not a frequent word of the document's language (so an abbreviation where it stands)."""
    if not language:
        return True
    from tqcheck.language.lexicon import available, lexicon

    return not available(language) or lexicon(language).zipf(word) < least


def _stops(text: str) -> Iterator[tuple[int, re.Match[str]]]:
    """(start of the word before the stop, the match from the stop on) for every stop that
    ends a word (letters or digits, not preceded by another stop or an underscore)."""
    last_end = 0
    for match in _STOP.finditer(text):
        stop = start = match.start()
        while start > 0 and text[start - 1].isalnum():
            start -= 1
        if start == stop or start < last_end or (start > 0 and text[start - 1] in "._"):
            continue
        last_end = match.end()
        yield start, match
