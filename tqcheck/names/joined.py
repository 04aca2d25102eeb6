"""Names written with the same letters but split or cased differently: Kim Jong Un / Kim Jong-un /
Kim Jong-Un, Ri Sol Ju / Ri Sol-ju, Hossein Amirabdollahian / Hossein Amir-Abdollahian.

The transliteration keys (variants, people) compare one word with one word, so a given name written
as one hyphenated word in one place and as two words in another never meets itself there. Here a
name is read as a chain of words from one of the document's name words (the anchor: the family name
of Kim Jong Un, the given name of Hossein Amir-Abdollahian) through the capitalised words and
hyphenated pieces that follow it. Two chains are one name written two ways when the anchor is the
same word as written and what follows it has the same letters once spaces, hyphens and letter case
are set aside. Nothing else is ever joined: Kim Tok Hun / Kim Tok-song or Li Qiang / Li Keqiang
differ in their letters, and Kim Jon Gun / Kim Jong Un split one letter string in different places.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from tqcheck.names.mentions import Run, is_title_line

ZipfLookup = Callable[[str], float]
Key = tuple[str, str]  # (the anchor word as written, the letters after it, casefolded)
Span = tuple[int, int]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_JOINT = re.compile(r"[ \u00a0]|[‑-]")
_POSSESSIVE = re.compile(r"['’][sS]$")
_CUT = re.compile(r"[ \u00a0‑-]")
MAX_WORDS = 4  # words after the anchor: a given name has one to three


def _fold(surface: str) -> str:
    return _CUT.sub("", surface).casefold().replace("’", "'")


def _shown(surface: str) -> str:
    """How a surface reads: a no-break space is a space, a no-break hyphen a hyphen."""
    return surface.replace("\u00a0", " ").replace("‑", "-")


def _chain(text: str, start: int) -> list[tuple[int, int, str]]:
    """The words of the chain that starts at `start`: (start, end, the joint before it: '' for
    the anchor, ' ' or '-'). After a space a word must be capitalised; after a hyphen any word."""
    first = _WORD.match(text, start)
    if first is None:
        return []
    words = [(first.start(), first.end(), "")]
    position = first.end()
    spaces = 0
    while True:
        joint = _JOINT.match(text, position)
        if joint is None:
            break
        word = _WORD.match(text, joint.end())
        if word is None:
            break
        glue = "-" if joint.group() in "‑-" else " "
        if glue == " ":
            if not word.group()[0].isupper() or spaces == MAX_WORDS:
                break
            spaces += 1
        words.append((word.start(), word.end(), glue))
        position = word.end()
    if text[position : position + 1].isalnum() or text[position : position + 1] in "‑-":
        return []  # a piece of a longer token (a number, a line-end hyphen): not a name
    last_start, last_end, glue = words[-1]
    possessive = _POSSESSIVE.search(text, last_start, last_end)
    if possessive is not None:
        words[-1] = (last_start, possessive.start(), glue)
    return words


def _shouted(surface: str) -> bool:
    return any(len(piece) > 1 and piece.isupper() for piece in _CUT.split(surface))


def collect(text: str, runs: Iterable[Run]) -> dict[Key, list[Span]]:
    """Every chain of the document under each of its keys: anchor, then one to four words after
    it (ending where a word ends, never inside a hyphenated one); the spans are of the words after
    the anchor. Headlines in Title Case are left out (they capitalise after a hyphen by style)."""
    found: dict[Key, list[Span]] = defaultdict(list)
    starts = sorted({token.start for run in runs for token in run.tokens})
    titles: dict[int, bool] = {}
    for start in starts:
        words = _chain(text, start)
        if len(words) < 2 or words[1][2] != " ":
            continue
        line = text.rfind("\n", 0, start) + 1
        if line not in titles:
            titles[line] = is_title_line(text, line)
        if titles[line]:
            continue
        anchor = text[words[0][0] : words[0][1]]
        begin = words[1][0]
        for index in range(1, len(words)):
            if index + 1 < len(words) and words[index + 1][2] == "-":
                continue  # inside a hyphenated word
            surface = text[begin : words[index][1]]
            if not _shouted(surface):
                found[(anchor, _fold(surface))].append((begin, words[index][1]))
    return found


def _joints(surface: str) -> frozenset[int]:
    """Where a surface is split, as positions in its folded letters."""
    cuts, letters = set(), 0
    for char in surface:
        if _CUT.match(char):
            cuts.add(letters)
        else:
            letters += 1
    return frozenset(cuts)


def ordinary_piece(forms: Iterable[str], zipf: ZipfLookup, cut: float) -> bool:
    """Whether a piece of a hyphenated or spaced form is an ordinary word (at least `cut`):
    then the form joined up is a compound noun (Ukraine-Krieg / Ukrainekrieg), not a name."""
    return any(zipf(piece) >= cut for form in forms for piece in _CUT.split(form) if piece != form)


def why_same(a: str, b: str, zipf: ZipfLookup, common_word: float) -> str | None:
    """Why two surfaces with the same folded letters are one name written two ways, or None.
    A word joined in one and split in the other (Amirabdollahian / Amir-Abdollahian) only counts
    when no piece is an ordinary word (Ukraine-Krieg / Ukrainekrieg is a noun written two ways)."""
    a, b = _shown(a), _shown(b)
    if a == b:
        return None
    cuts_a, cuts_b = _joints(a), _joints(b)
    if cuts_a == cuts_b:
        if a.casefold() == b.casefold():
            return "letter case only"
        return "hyphen or space only" if a.casefold().replace("-", " ") == b.casefold().replace("-", " ") else None
    if not (cuts_a <= cuts_b or cuts_b <= cuts_a):
        return None  # the same letters split in different places: Jong Un / Jon Gun
    if ordinary_piece((a, b), zipf, common_word):
        return None
    return "written as one word and split"


@dataclass(frozen=True)
class Variant:
    """One mention to change: its span in the document, the form to write, why, and how often the
    winning form is written (TL001: mentions; TL003: files)."""

    start: int
    end: int
    form: str
    winner: str
    count: int
    reason: str


def _region(form: str, winner: str) -> tuple[int, int, int]:
    """The words of `form` that differ from `winner`: (start, end in form, end in winner)."""
    prefix = 0
    while prefix < min(len(form), len(winner)) and form[prefix] == winner[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(form), len(winner)) - prefix and form[-1 - suffix] == winner[-1 - suffix]:
        suffix += 1
    start = form.rfind(" ", 0, prefix) + 1
    tail = form[len(form) - suffix :]
    drop = len(tail) - tail.find(" ") if " " in tail else 0  # whole words of the common ending
    return start, len(form) - drop, len(winner) - drop


def _clusters(
    keyed: dict[Key, dict[str, int]], zipf: ZipfLookup, common_word: float
) -> Iterator[tuple[Key, dict[str, int], dict[str, str]]]:
    """Keys whose surfaces are one name written two or more ways: (key, weight by surface, reason
    by surface compared with the heaviest), the most mentioned keys first."""
    order = sorted(keyed, key=lambda key: (-sum(keyed[key].values()), key))
    for key in order:
        weights = keyed[key]
        if len({_shown(surface) for surface in weights}) < 2:
            continue
        top = max(weights, key=lambda surface: weights[surface])
        reasons = {s: why for s in weights if s != top and (why := why_same(s, top, zipf, common_word))}
        kept = {s: w for s, w in weights.items() if s == top or s in reasons}
        if len(kept) > 1:
            yield key, kept, reasons


def variants(
    text: str,
    keyed: dict[Key, list[Span]],
    zipf: ZipfLookup,
    common_word: float,
    choose: Callable[[dict[str, int], dict[str, int]], str],
) -> Iterator[Variant]:
    """TL001: every mention written otherwise than the winner (`choose`, given the counts and the
    first position of each surface), each span once."""
    counts: dict[Key, dict[str, int]] = {}
    first: dict[Key, dict[str, int]] = {}
    for key, spans in keyed.items():
        counts[key], first[key] = {}, {}
        for start, end in spans:
            surface = _shown(text[start:end])
            counts[key][surface] = counts[key].get(surface, 0) + 1
            first[key].setdefault(surface, start)
    taken: list[Span] = []
    for key, kept, _ in _clusters(counts, zipf, common_word):
        winner = choose(kept, first[key])
        for start, end in keyed[key]:
            form = _shown(text[start:end])
            if form == winner or form not in kept:
                continue
            why = why_same(form, winner, zipf, common_word)
            if why is None:
                continue
            begin, stop, stop_winner = _region(form, winner)
            if begin:
                continue  # the word before differs too: another anchor's (Kim, not Machthaber)
            span = (start + begin, start + stop)
            if any(span[0] < b and a < span[1] for a, b in taken):
                continue
            taken.append(span)
            yield Variant(*span, winner[begin:stop_winner], winner, kept[winner], why)


# TL003's per-document summary: key -> surface -> (mentions, start and end of the first)
Summary = dict[Key, dict[str, tuple[int, int, int]]]


def summarise(text: str, keyed: dict[Key, list[Span]]) -> Summary:
    """What TL003 needs of a document: its surfaces under each key (plain, picklable)."""
    out: Summary = {}
    for key, spans in keyed.items():
        surfaces: dict[str, tuple[int, int, int]] = {}
        for start, end in spans:
            surface = _shown(text[start:end])
            count, first_start, first_end = surfaces.get(surface, (0, start, end))
            surfaces[surface] = (count + 1, first_start, first_end)
        out[key] = surfaces
    return out


def across(
    summaries: list[Summary],
    zipf: ZipfLookup,
    common_word: float,
    choose: Callable[[dict[str, int]], str],
) -> Iterator[tuple[int, Variant, int]]:
    """TL003: (document index, its first mention written otherwise than most files, index of a
    file with the winning form). A file that writes a name two ways is TL001's."""
    files: dict[Key, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    totals: dict[Key, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for index, summary in enumerate(summaries):
        for key, surfaces in summary.items():
            for surface, (count, _, _) in surfaces.items():
                files[key][surface].append(index)
                totals[key][surface] += count
    weights = {key: {s: len(docs) * 1_000_000 + totals[key][s] for s, docs in by.items()} for key, by in files.items()}
    taken: dict[int, list[Span]] = defaultdict(list)
    for key, kept, _ in _clusters(weights, zipf, common_word):
        winner = choose(kept)
        spread: dict[int, int] = defaultdict(int)
        for surface in kept:
            for index in files[key][surface]:
                spread[index] += 1
        for form in kept:
            why = why_same(form, winner, zipf, common_word) if form != winner else None
            if why is None:
                continue
            begin, stop, stop_winner = _region(form, winner)
            if begin:
                continue  # the anchor is not the word before the difference: another key's
            for index in files[key][form]:
                _, start, _ = summaries[index][key][form]
                span = (start + begin, start + stop)
                if spread[index] > 1 or any(span[0] < b and a < span[1] for a, b in taken[index]):
                    continue
                taken[index].append(span)
                winners = files[key][winner]
                yield index, Variant(*span, winner[begin:stop_winner], winner, len(winners), why), winners[0]
