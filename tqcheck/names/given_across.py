"""One person's given name romanised differently in different files (Sergey / Sergei Lavrov,
Sergej / Sergei Lawrow, Alexei / Alexéi Navalni): TL003's given-name pass.

The surname comparison of TL003 reads only the last word of a name; the given names a file writes
before a surname were kept as a people guard (Igor Sechin / Ivan Setchin), never compared. Here they
are, under the evidence TL001 asks for inside one document, made stricter for a corpus:

- the surname is the same word in every file and rare enough to vouch for one person
  (people.Limits.evidence: not Kim, Li or Smith);
- the two given names are spellings of ONE name on their own, by the transliteration keys, the
  accents or the vowels (people.why_same_given with no edit allowance): Ramzan / Akhmat Kadyrov,
  Yulia / Lyudmila Navalnaya or Hazem / Amir Haniyeh are different names and never meet;
- two given names that may name two people stay apart even when their keys meet: a French
  feminine (Louis / Louise, René / Renée, Frédéric / Frédérique) and two different Chinese or
  Korean syllables (Jong / Yong, Sung / Song); a surname that is one such
  syllable (Kim Yo Jong, Choe Son Hui) is part of a given name, no evidence;
- one spelling is in more files than any other (a tie, one file against one, says nothing) unless
  the house glossary names the spelling;
- a file that writes two spellings before the surname is TL001's, and stays out of the count.
Only the word right before the surname is read (Run.given: a title is no given name).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from tqcheck.names.grouping import group_given, reason_for
from tqcheck.names.mentions import Run
from tqcheck.names.normalise import fold, one_syllable
from tqcheck.names.people import Limits
from tqcheck.names.variants import ZipfLookup

# surname -> given name right before it -> (mentions, start and end of the first mention)
Summary = dict[str, dict[str, tuple[int, int, int]]]
# the house glossary's given name for a surname, among the spellings offered (or None)
Preferred = Callable[[str, Sequence[str]], str | None]


def summarise(runs: Iterable[Run]) -> Summary:
    """The given names each surname is written with in one document, with their first mention."""
    found: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for run in runs:
        given = run.given
        if given is None:
            continue
        seen = found[run.last.form].get(given.form)
        if seen is None:
            found[run.last.form][given.form] = [1, given.start, given.end]
        else:
            seen[0] += 1
    return {surname: {g: (c, s, e) for g, (c, s, e) in given.items()} for surname, given in found.items()}


@dataclass(frozen=True)
class Flag:
    """A file's given name written otherwise than in most files: where, what to write, why."""

    index: int  # the file, in the order given
    start: int
    end: int
    form: str
    winner: str
    reason: str
    files: int  # files that write the winner
    example: int  # one of them


def across(
    summaries: Sequence[Summary], zipf: ZipfLookup, limits: Limits, preferred: Preferred | None = None
) -> Iterator[Flag]:
    """Every file's first mention of a given name that most files with the same surname spell
    otherwise (`limits`: which surnames are evidence, whether a given name's -s is nominative)."""
    strict = Limits(
        given=0.0,
        surname=0.0,
        both=0.0,
        common=limits.common,
        shortest=limits.shortest,
        nominative_s=limits.nominative_s,
    )
    by_surname: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for index, summary in enumerate(summaries):
        for surname, given in summary.items():
            for form in given:
                by_surname[surname][form].append(index)
    for surname in sorted(by_surname):
        files = by_surname[surname]
        if len(files) < 2 or not strict.evidence(surname, zipf) or one_syllable(surname):
            continue
        reasons: dict[tuple[str, str], str] = {}
        clusters = group_given(
            sorted(files), zipf, strict, True, reasons, common_word=strict.common, two_people=two_names
        )
        for cluster in clusters:
            yield from _flags(surname, cluster, files, summaries, reasons, preferred)


def two_names(a: str, b: str) -> bool:
    """Given names whose keys meet but that may name two people of one family, which a shared
    surname in another file cannot rule out: a French feminine (Denis / Denise, Simon / Simone,
    René / Renée, Michel / Michèle, Frédéric / Frédérique; not Emil / Émile or Anatol / Anatole,
    an -e after -il or -ol), or two different one-syllable names (Jong / Yong, Sung / Song)."""
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return False  # accents, case or hyphens only
    short, long = sorted((fa, fb), key=len)
    if long == short + "e" and (short[-1] in "nste" or short[-2:] in ("el", "al")):
        return True
    if short.endswith("c") and long == short[:-1] + "que":
        return True
    return one_syllable(a) and one_syllable(b)


def _flags(
    surname: str,
    cluster: list[str],
    files: dict[str, list[int]],
    summaries: Sequence[Summary],
    reasons: dict[tuple[str, str], str],
    preferred: Preferred | None,
) -> Iterator[Flag]:
    """The findings of one cluster of given names: files with one spelling, outvoted."""
    spellings_in: dict[int, int] = defaultdict(int)
    for form in cluster:
        for index in files[form]:
            spellings_in[index] += 1
    alone = {form: [i for i in files[form] if spellings_in[i] == 1] for form in cluster}
    spread = {form: len(found) for form, found in alone.items() if found}
    if len(spread) < 2:
        return
    winner = preferred(surname, list(spread)) if preferred is not None else None
    if winner not in spread:
        top = max(spread.values())
        leaders = [form for form, count in spread.items() if count == top]
        if len(leaders) > 1:
            return  # a tie says nothing about the house spelling
        winner = leaders[0]
    for form in cluster:
        if form == winner:
            continue
        for index in alone[form]:
            _, start, end = summaries[index][surname][form]
            reason = f"{reason_for(form, winner, cluster, reasons)}; same surname {surname}"
            yield Flag(index, start, end, form, winner, reason, spread[winner], alone[winner][0])
