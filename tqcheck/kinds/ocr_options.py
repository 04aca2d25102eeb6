"""GW003's options, with their documented defaults (`tqcheck rule GW003` lists them).

Frequencies are Zipf values as wordfreq reports them. A default fitted on real OCR was fitted on
the train half of the ICDAR 2017 books (even segment index, as tests/benchmarks/fit_ocr_confusions.py
splits them), confirmed on the dev half and checked on real clean copy, where GW003 stays silent.
"""

from __future__ import annotations

from collections.abc import Mapping

from tqcheck.kinds.base import Option

OCR_OPTIONS: Mapping[str, Option] = {
    "min-zipf": Option(float, 3.0, help="least frequency of a repaired word"),
    "gap": Option(float, 2.5, help="how much more frequent the repair must be than the damaged form"),
    "unknown-below": Option(float, 2.0, help="words at least this frequent are never treated as damaged"),
    "run-together": Option(bool, True, help="split words run together (not in compounding languages)"),
    "rare-part-zipf": Option(float, 3.0, help="both halves of a split word may be rare word-list entries below this"),
    "rare-parts-min-zipf": Option(float, 4.5, help="least frequency of a word split into two rare halves"),
    "fragment-zipf": Option(float, 2.5, help="a listed half rarer than this, next to a common word, may be a piece"),
    "fragment-min-zipf": Option(float, 4.0, help="least frequency of a word split into a piece and a common word"),
    "listed-below": Option(float, 2.6, help="a listed word rarer than this may be a misreading of a very common one"),
    "listed-repair-zipf": Option(float, 6.5, help="least frequency of the repair of a listed word (the, der, les)"),
    "listed-gap": Option(float, 4.0, help="how much more frequent the repair of a listed word must be"),
    "nearby-listed-below": Option(
        float, 3.5, help="in a paragraph with another misreading, a listed word rarer than this may be one too"
    ),
    "nearby-listed-gap": Option(float, 3.0, help="how much more frequent its repair (a pure misreading only) must be"),
    "rival-gap": Option(float, 1.0, help="two repairs closer in frequency than this: ambiguous, none proposed"),
    "split-part-zipf": Option(float, 3.5, help="least frequency of the word split off a function word (oftheir)"),
    "changed-share": Option(float, 0.6, help="most of a word's letters a repair may change (always two)"),
    "foreign-zipf": Option(
        float, 3.0, help="a word this frequent in English is English left in the copy, not a misreading"
    ),
    "split-rival-zipf": Option(
        float, 3.0, help="a word one edit or misreading from a word this frequent is never split"
    ),
    "lost-letter-zipf": Option(float, 3.0, help="a word that is this frequent with one accent back is not split"),
    "long-length": Option(int, 5, help="a word at least this long may be repaired into a rarer word"),
    "long-min-zipf": Option(float, 1.3, help="least frequency of a long word's repair by one misreading"),
    "capitalised": Option(
        bool, True, help="repair an unknown capitalised word, by a pure misreading only (`Bordeanx`)"
    ),
    "hyphenated": Option(bool, True, help="check the parts of hyphenated words (`long-Ioved`, `impriaon-ment`)"),
    "capitalised-min-length": Option(
        int, 8, help="shortest capitalised word repaired (short names are close to words by chance)"
    ),
    "capitalised-short-length": Option(
        int, 6, help="beside other misreadings, shortest capitalised word repaired (`Frenoh` -> `French`)"
    ),
    "capitalised-short-min-zipf": Option(
        float, 4.0, help="least frequency of the repair of a capitalised word shorter than capitalised-min-length"
    ),
    "capitalised-min-zipf": Option(
        float, 2.0, help="least frequency of a capitalised word's repair (rarer: a name of its own)"
    ),
    "ocr-edit-gap": Option(
        float, 2.0, help="how much more frequent a repair needing a misreading and another edit must be"
    ),
}
