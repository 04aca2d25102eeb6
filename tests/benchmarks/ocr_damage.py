"""Realistic OCR damage for benchmarks: our own prose with a character error rate of 3-8%.

Most damage is a look-alike misreading from the language's `ocr_confusions` (the same data
GW003 uses, so the benchmark damages text the way scanners do), the rest plain substitutions,
dropped and added letters, and lost or added spaces, as in real OCR output.
"""

from __future__ import annotations

import random
import string

from tqcheck.language.data import language_data


def damage_ocr(text: str, language: str, rng: random.Random, cer: float) -> str:
    """`text` with about `cer` of its letters damaged."""
    pairs = [(read, meant) for read, meant in language_data(language).ocr_confusions if meant.isalpha()]
    by_printed: dict[str, list[str]] = {}
    for read, meant in pairs:
        by_printed.setdefault(meant, []).append(read)
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if not char.isalpha() or rng.random() >= cer:
            out.append(char)
            i += 1
            continue
        roll = rng.random()
        two = text[i : i + 2]
        if roll < 0.6 and (two in by_printed or char in by_printed):
            printed = two if two in by_printed else char
            out.append(rng.choice(by_printed[printed]))
            i += len(printed)
            continue
        if roll < 0.75:
            out.append(rng.choice(string.ascii_lowercase))
        elif roll < 0.85:
            pass  # a dropped letter
        elif roll < 0.95:
            out.append(char + rng.choice(string.ascii_lowercase))
        else:
            out.append(char + " ")  # a space where none was
        i += 1
    return "".join(out)
