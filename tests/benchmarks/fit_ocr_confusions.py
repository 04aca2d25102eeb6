"""Count the letter misreadings of a real OCR corpus with ground truth, to review the
`ocr_confusions` of the language data.

Run: python tests/benchmarks/fit_ocr_confusions.py [--data ../shared/realdata/ocr] [--language en]
        [--half train|dev|all] [--min-count 3] [--file OTHER.tsv]

`--file` reads any TSV of the same shape (doc, seg_index, ocr_text, ground_truth) instead, such as
a local extract of another competition's OCR in another language (never committed).

The data are the ICDAR 2017 post-OCR monographs of ../shared/realdata (raw OCR and its ground
truth, see its README). Segments are split in two halves by the parity of their index in their
book, so a book's typeface shows in both; only the `train` half is counted by default. OCR words
are aligned with the true words (difflib over the words, then over the letters of each pair), and
every place where one to two letters were read as one to two others is counted as (read, meant),
both as printed, since capitals have look-alikes of their own (`U` for `ll`). Accent-only
differences (GW001's) and letters lost or added outright are not misreadings of a shape and are
left out. The pairs printed, with their count and the share of the meant letters they stand for,
are what a reviewer copies into the language data: only letter pairs, never a word.
"""

from __future__ import annotations

import argparse
import difflib
import re
import unicodedata
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parents[3] / "shared" / "realdata" / "ocr"
MAX_PLACES = 2  # a word misread in more places than this is debris, not a misreading


def _segments(path: Path) -> list[dict[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=False)) for line in lines[1:]]


def _bare(word: str) -> str:
    return re.sub(r"[\W_]", "", word)


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def word_pairs(read: str, truth: str) -> list[tuple[str, str]]:
    """(OCR word, true word) for the words replaced one for one."""
    ocr, true = [_bare(w) for w in read.split()], [_bare(w) for w in truth.split()]
    pairs = []
    matcher = difflib.SequenceMatcher(None, ocr, true, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1:
            pairs.extend((a, b) for a, b in zip(ocr[i1:i2], true[j1:j2], strict=True) if a and b)
    return pairs


def misreadings(read: str, meant: str) -> list[tuple[str, str]]:
    """The (read, meant) letter groups of one word pair, or none when it is not a misreading."""
    places = [op for op in difflib.SequenceMatcher(None, read, meant, autojunk=False).get_opcodes() if op[0] != "equal"]
    if len(places) > MAX_PLACES:
        return []
    found = []
    for tag, i1, i2, j1, j2 in places:
        a, b = read[i1:i2], meant[j1:j2]
        if tag != "replace" or len(a) > 2 or len(b) > 2 or _plain(a).lower() == _plain(b).lower():
            continue
        found.append((a, b))
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--language", default="en")
    parser.add_argument("--half", choices=("train", "dev", "all"), default="train")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--file", type=Path, default=None, help="a TSV of the same shape to read instead")
    args = parser.parse_args()
    counts: Counter[tuple[str, str]] = Counter()
    meant_letters: Counter[str] = Counter()
    path = args.file or args.data / f"icdar2017_monograph_{args.language}.tsv"
    for segment in _segments(path):
        parity = int(segment["seg_index"]) % 2
        if args.half != "all" and parity != (0 if args.half == "train" else 1):
            continue
        truth = segment["ground_truth"]
        meant_letters.update(c for c in truth if c.isalnum())
        for read, meant in word_pairs(segment["ocr_text"], truth):
            counts.update(misreadings(read, meant))
    print(f"# {args.language} {args.half}: misreadings seen at least {args.min_count} times (read, meant)")
    for (read, meant), n in counts.most_common():
        if n < args.min_count:
            break
        share = n / max(1, sum(meant_letters[c] for c in meant[:1]))
        print(f'  - ["{read}", "{meant}"]  # {n} times, {share:.2e} of the "{meant[:1]}" printed')


if __name__ == "__main__":
    main()
