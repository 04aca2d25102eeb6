"""Name and transliteration consistency kinds (TL): in one document, against a glossary, across files."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from tqcheck.core.model import Document, Finding, RuleSpec
from tqcheck.kinds.base import Kind, Option

if TYPE_CHECKING:
    from tqcheck.core.config import Config
    from tqcheck.names.mentions import NameCuts
    from tqcheck.names.people import Limits


def name_cuts(options: Mapping[str, Any]) -> NameCuts:
    """What a name word is, from a TL rule's options."""
    from tqcheck.names.mentions import NameCuts

    return NameCuts(
        rare_zipf=options["rare-zipf"],
        function_word_zipf=options["function-word-zipf"],
        given_name_zipf=options["given-name-zipf"],
        floor_zipf=options["floor-zipf"],
    )


def name_limits(options: Mapping[str, Any]) -> Limits:
    """How far one word of a name may be when the rest vouches for the person, from TL001's options."""
    from tqcheck.names.people import Limits

    return Limits(
        given=float(options["max-given-distance"]),
        surname=float(options["max-surname-distance"]),
        both=float(options["max-both-distance"]),
        common=float(options["evidence-zipf"]),
        shortest=int(options["evidence-letters"]),
        weak=float(options["max-common-evidence-distance"]),
    )


# which shared word vouches for one person (TL001 inside a document, TL003's given-name pass)
EVIDENCE_OPTIONS: Mapping[str, Option] = {
    "evidence-zipf": Option(
        float, 4.0, help="a shared given name or surname this frequent (Kim, Ali, Smith) is no evidence"
    ),
    "evidence-letters": Option(
        int, 3, help="a shared given name or surname shorter than this (Ri, Li) is no evidence of one person"
    ),
}

# TL001 when the user's glossary prefers a spelling the document uses less often
GLOSSARY_OVER_MAJORITY = "'{match}': the names glossary spells this name '{other}', as this document does {count}x."


class _NamesBase(Kind):
    """Shared: the glossary (pack option `glossary` plus config key `names-glossary`); the built-in
    pack sets none, so only a glossary the user configured is ever applied."""

    COST = 5.0  # name extraction: about as much as the two word kinds together in news copy
    SHARES = "names"  # the document's name analysis (analysis.analyse)

    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "glossary": Option((str, list), None, help="glossary YAML file(s), relative to the rule's pack folder"),
        "common-word-zipf": Option(
            float,
            4.0,
            help="two spellings both at least this frequent are ordinary words (Defense / Defence); a piece "
            "this frequent makes a word joined and hyphenated a noun (Ukraine-Krieg / Ukrainekrieg)",
        ),
        "noun-word-zipf": Option(
            float,
            3.0,
            help="where nouns are capitalised, two spellings both this frequent are nouns (Ministerin / Ministerien)",
        ),
        "common-name-zipf": Option(
            float, 4.5, help="`tqcheck names` leaves out single spellings this frequent (Monday, Europe)"
        ),
        "rare-zipf": Option(float, 3.0, help="a capitalised word rarer than this is a name wherever it stands"),
        "function-word-zipf": Option(
            float, 5.8, help="capitalised words at least this frequent (The, Der) are never name words"
        ),
        "given-name-zipf": Option(
            float, 5.5, help="a sentence opener rarer than this, right before a name, is a given name"
        ),
        "floor-zipf": Option(float, 2.5, help="rarer words count as unknown (0) in every frequency test"),
    }

    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        self.glossary_paths: list[Path] = []
        listed = self.options["glossary"]
        for item in [listed] if isinstance(listed, str) else list(listed or []):
            self.glossary_paths.append(spec.source.parent / str(item))
        self._glossary: Any = None
        self.cuts = name_cuts(self.options)

    def configure(self, config: Config) -> None:
        """Adds the config's `names-glossary` paths (relative to the config file's folder)."""
        root = config.root
        for item in config.extra.get("names-glossary", ()):
            path = Path(item).expanduser()
            self.glossary_paths.append(path if path.is_absolute() else root / path)
        if self.glossary_paths:
            self.glossary()  # a broken glossary stops the run before any file is checked

    def _common_word(self, language: str) -> float:
        """The frequency from which two spellings are ordinary words, not a name spelled twice:
        lower where every noun is capitalised, as German's are."""
        from tqcheck.language.confusions import capitalised_nouns

        common = float(self.options["common-word-zipf"])
        return min(common, float(self.options["noun-word-zipf"])) if capitalised_nouns(language) else common

    def glossary(self) -> Any:
        if self._glossary is None:
            from tqcheck.names.glossary_files import load

            self._glossary = load(tuple(self.glossary_paths))
        return self._glossary


class NameVariants(_NamesBase):
    """TL001: one name spelled two ways in one document (Grushko / Grouchko).

    In a bilingual file, spellings that XL005 reports as renderings of one source name are
    XL005's: the source is the stronger evidence, and a defect is reported once."""

    _pair_names: Any = None

    def see_rules(self, rules: Sequence[Kind]) -> None:
        self._pair_names = next((rule for rule in rules if hasattr(rule, "owned_spellings")), None)

    def _owned(self, doc: Document) -> list[frozenset[str]]:
        if self._pair_names is None or not any(segment.pair is not None for segment in doc.segments):
            return []
        return cast("list[frozenset[str]]", self._pair_names.owned_spellings(doc))

    OPTIONS: ClassVar[Mapping[str, Option]] = {
        **_NamesBase.OPTIONS,
        # defaults chosen on the train half of real name lists (tests/benchmarks/eval_names_split.py
        # --split train --every): the most variants with at most 2% of different people joined
        "max-given-distance": Option(
            float,
            2.4,
            help="given names before one rare surname at most this far apart (fitted edit distance, "
            "bits per letter: names/data/edit_costs.json) are one name (Dzmitry / Dmitri)",
        ),
        "max-surname-distance": Option(
            float, 2.4, help="surnames after one rare given name at most this far apart are one name (Mesa / Meza)"
        ),
        "max-both-distance": Option(
            float, 2.0, help="when both words of two names differ, each at most this far apart: one person"
        ),
        **EVIDENCE_OPTIONS,
        # off by default: on the real name lists it finds 2 points more variants but joins one
        # more pair of different people than the 2% the rule allows (and Jean Castex / Castel)
        "max-common-evidence-distance": Option(
            float,
            0.0,
            help="a shared given name or surname too common to be evidence (Ali, Kim) still makes "
            "spellings of the other word this close one person (Ahmad / Ahmed Ali); 0 (the "
            "default) turns it off",
        ),
    }

    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        self.limits = name_limits(self.options)

    def _limits(self, language: str) -> Any:
        """The fitted limits, with a given name's -s read as a genitive where names take one."""
        from dataclasses import replace

        from tqcheck.language.data import language_data

        genitive = language_data(language).genitive_s
        return replace(self.limits, nominative_s=False) if genitive else self.limits

    def check(self, doc: Document) -> Iterator[Finding]:
        from tqcheck.kinds.name_chains import headline_case, in_document, owned_by

        owned = self._owned(doc)
        found = [finding for finding in self._variants(doc) if not headline_case(doc, finding)]
        # a name split or cased two ways (Kim Jong Un / Kim Jong-un), where no finding above covers it
        found += in_document(self.spec, doc, self.cuts, float(self.options["common-word-zipf"]), found)
        return (finding for finding in found if not owned_by(finding, owned))

    def _variants(self, doc: Document) -> Iterator[Finding]:
        from tqcheck.names.analysis import analyse, language_of, zipf_lookup
        from tqcheck.names.grouping import group, group_given
        from tqcheck.names.normalise import split_article

        names = analyse(doc, self.cuts)
        if len(names.surnames) < 2 and not names.given_tokens:
            return
        language = language_of(doc)
        zipf = zipf_lookup(language, self.cuts)
        glossary = self.glossary()
        clustered: dict[str, list[str]] = {}
        common_word = self._common_word(language)
        limits = self._limits(language)
        reasons: dict[tuple[str, str], str] = {}
        givens = names.givens
        for cluster in group(names.surnames, zipf, givens, common_word=common_word, limits=limits, reasons=reasons):
            counts = {form: len(names.surnames[form]) for form in cluster}
            for form in cluster:
                clustered[form] = cluster
            preferred = self._preferred(glossary, cluster, language)
            yield from self._flag(doc, counts, names.surnames, language, preferred, reasons, "")
        # given names of one person: Sergei / Sergey Lavrov (never across different surnames);
        # a surname with and without its article (Al-Amhaz, Amhaz) is one surname here
        kin: dict[str, list[str]] = defaultdict(list)
        for form in names.surnames:
            kin[split_article(form)[1]].append(form)
        seen: set[str] = set()
        for surname in names.given_tokens:
            if surname in seen:
                continue
            members = clustered.get(surname) or kin[split_article(surname)[1]]
            seen.update(members)
            tokens: dict[str, list[Any]] = defaultdict(list)
            for member in members:
                for given, found in names.given_tokens.get(member, {}).items():
                    tokens[given].extend(found)
            if len(tokens) < 2:
                continue
            given_reasons: dict[tuple[str, str], str] = {}
            shared = f"; same surname {surname}" if len(members) == 1 else f"; surnames {' / '.join(members)}"
            evidence = all(limits.evidence(member, zipf) for member in members)
            # given names stand before a surname, never alone as a noun would: the noun cut
            # (Ministerin / Ministerien) is for surnames only (Vladimir / Wladimir Putin)
            given_common = float(self.options["common-word-zipf"])
            for cluster in group_given(tokens, zipf, limits, evidence, given_reasons, common_word=given_common):
                counts = {form: len(tokens[form]) for form in cluster}
                yield from self._flag(doc, counts, tokens, language, None, given_reasons, shared)

    def _preferred(self, glossary: Any, cluster: list[str], language: str) -> str | None:
        """The user's glossary form for this language, when the glossary speaks for it."""
        if not glossary:
            return None
        for form in cluster:
            entry = glossary.find(form)
            if entry is not None:
                target = entry.target(language)
                return str(target.split()[-1]) if target else None
        return None

    def _flag(
        self,
        doc: Document,
        counts: dict[str, int],
        tokens: Any,
        language: str,
        preferred: str | None,
        reasons: dict[tuple[str, str], str],
        evidence: str,
    ) -> Iterator[Finding]:
        """Every spelling but the winner: the glossary's form when the document uses it, else the
        majority, else the form established in the language. The majority is never flagged as if
        it were the minority, and the suggestion is always a form of the document or the glossary."""
        from tqcheck.names.analysis import tie_zipf
        from tqcheck.names.canonical import choose
        from tqcheck.names.grouping import reason_for

        first = {form: min(t.start for t in tokens[form]) for form in counts}
        if preferred is not None and preferred not in counts:
            preferred = None  # the glossary's own form is TL002's suggestion, not a spelling of this text
        winner = choose(counts, tie_zipf(language), language, preferred, first)
        top = max(counts.values())
        for form in counts:
            if form == winner:
                continue
            message = None
            if counts[form] == top and counts[winner] < top:
                message = GLOSSARY_OVER_MAJORITY
            reason = reason_for(form, winner, list(counts), reasons) + evidence
            for token in tokens[form]:
                yield self.spec.finding(
                    doc,
                    token.start,
                    token.end,
                    suggestion=winner,
                    message=message,
                    reason=reason,
                    other=winner,
                    count=counts[winner],
                )


class NameGlossary(_NamesBase):
    """TL002: a name that the house glossary spells differently (for the document's language)."""

    COST = 0.5  # reads TL001's analysis

    def check(self, doc: Document) -> Iterator[Finding]:
        glossary = self.glossary()
        if not glossary:
            return
        from tqcheck.names.analysis import analyse, language_of

        language = language_of(doc)
        for run in analyse(doc, self.cuts).runs:
            entry = glossary.find(run.last.form)
            form = entry.target(language) if entry is not None else None
            if entry is None or form is None:
                continue  # not listed, or listed for other languages only
            target = form.split()
            if run.last.form != target[-1]:
                yield self.spec.finding(
                    doc, run.last.start, run.last.end, suggestion=target[-1], canonical=" ".join(target)
                )
            given = run.given
            if given is not None and len(target) > 1 and given.form != target[-2]:
                from tqcheck.names.variants import same_name

                listed = {s.split()[-2] for s in entry.spellings() if len(s.split()) > 1}
                if given.form in listed or same_name(given.form, target[-2]):
                    yield self.spec.finding(
                        doc, given.start, given.end, suggestion=target[-2], canonical=" ".join(target)
                    )
