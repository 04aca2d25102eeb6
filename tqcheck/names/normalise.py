"""Transliteration-aware keys: spellings of one name in English, French, German... reduce alike.

A name's *key set* holds a few skeletons (ambiguous letters such as German `ch` = English `kh`
or French `j` = English `zh` expand into alternatives); two spellings are candidates for the same
name when their key sets intersect. Keys are cheap (a few regex passes) and cached per spelling.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPECIAL = str.maketrans(
    {
        "ß": "ss",
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ı": "i",
        "’": "'",
        "ʼ": "'",
        "‘": "'",
        "`": "'",
        "ʻ": "'",
        "‐": "-",
        "‑": "-",
    }
)
# Arabic article glued with a hyphen: al-Assad, el-Sisi, ash-Sharaa
_ARTICLE = re.compile(r"^(?:al|el|ul|ad|ed|ar|er|as|es|ash|at|an|az)-(?=['\w])")
_RUSSIAN_CH = re.compile(r"schtsch|shch|chtch|tsch|tch|sch")
_GERMAN_UMLAUT_DIGRAPH = re.compile(r"(?<=[^aeiouy])(ae|oe|ue)(?=[^aeiouy]|$)")

# Ordered rewrites applied to every alternative; uppercase letters mark merged sound classes.
# S = sh/ch/sch/tch (Russian ш/ч), H = kh/h, J = dzh/dj/zh, I = i/y/ï/j-glide, Z = z/ts/tz/s
_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"(?<=[^aeiou])[ae]h$", "a"),  # Haniyeh / Haniya
        (r"(?:eau|aud|aut|ault|aux)$", "o"),  # French final o sounds: Arnaud / Arno, Renault / Reno
        (r"sh|sz|cz|ch", "S"),
        (r"dzh|dsch|dj|dzs", "J"),
        (r"kh", "H"),
        (r"ph", "f"),
        (r"th", "t"),
        (r"dh", "d"),
        (r"gh", "g"),
        (r"h", "H"),
        (r"ck|q|c(?=[^eiy]|$)", "k"),
        (r"x", "kZ"),
        (r"gu(?=[ei])", "g"),
        (r"ou(?=[ae])", "v"),  # French ou = w: Sinouar / Sinwar, Ouattara
        (r"ou|oo", "u"),
        (r"(?:ow|off|ev|ew|ov)$", "ov"),
        (r"w", "v"),
        (r"ts|tz|c(?=[eiy])|z|ss|s", "Z"),
        (r"iy|yy|ij|yj|ii|yi|ie$|y|ï|i", "I"),
        (r"(?<=[^aeiouI])e$", ""),  # French -e after Russian names: Poutine, Prigojine, Eltsine
        (r"^Ie", "e"),  # Yeltsin / Eltsine / Jelzin, Yermak / Iermak
    )
)
_DOUBLE = re.compile(r"(.)\1+")
# Letters with a caron or acute that stand for a digraph in English (Czech, Slovak, Polish, Baltic
# and scholarly transliteration): Vasiljevič = Vasilyevich, Ševčenko = Shevchenko, Žukov = Zhukov.
_DIGRAPH_LETTERS = str.maketrans({"č": "tch", "ć": "tch", "š": "sh", "ś": "sh", "ž": "zh", "ź": "zh", "ż": "zh"})
# A glued Arabic article before a consonant (Alsharekh = Al-Sharekh, Elkaddafi = El-Kaddafi)
_GLUED_ARTICLE = re.compile(r"^(?:al|el)(?=[bcdfghjklmnpqrstvwxz]{1,2}[aeiouy])")
_VOWELS = re.compile(r"[aeiouI]")
# pinyin / Wade-Giles syllables, for the cheap Mao Tse-tung = Mao Zedong key
_SYLLABLE = re.compile(
    r"^(?:(?:zh|ch|sh|ts|tz|hs|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ung|uai|iao|ian|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|ih|er|u|a|e|i|o))+$"
)
_WG_MARKER = re.compile(r"[-']|hs|ts|tz|ih|ung")
_ONE_SYLLABLE = re.compile(_SYLLABLE.pattern.replace(")+$", ")$"))
_WADE_GILES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"tzu|tsu", "zi"),
        (r"ts|tz", "z"),
        (r"hs", "x"),
        (r"ch|zh|q", "j"),
        (r"k", "g"),
        (r"t", "d"),
        (r"p", "b"),
        (r"ung", "ong"),
        (r"ih", "i"),
    )
)


@lru_cache(maxsize=65536)
def split_article(name: str) -> tuple[str, str]:
    """(Arabic article, the rest), casefolded: `Al-Kadhimi` -> ("al-", "kadhimi"), `Al-'Ashqar` ->
    ("al-", "ashqar"); no article: ""."""
    folded = name.casefold()
    article = _ARTICLE.match(folded)
    return (article.group(0), folded[article.end() :].lstrip("'’")) if article else ("", folded)


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Casefolded, accents stripped, article and punctuation removed: 'al-Qadhdhāfī' -> 'qadhdhafi'."""
    text = name.casefold().translate(_SPECIAL)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = _ARTICLE.sub("", text)
    return re.sub(r"[^a-z]", "", text)


def _expand(folded: str) -> list[str]:
    """Alternatives for letters whose value depends on the source language."""
    forms = [_RUSSIAN_CH.sub("S", folded.replace("dsch", "dj"))]
    if "ch" in forms[0]:  # German/Polish ch = kh (Chodorkowski), French ch = sh (Grouchko)
        forms = [f.replace("ch", "sh") for f in forms] + [f.replace("ch", "kh") for f in forms]
    if "zh" in folded:  # English zh = French j = German sch (Zhirinovsky / Jirinovski / Schirinowski)
        forms = [f.replace("zh", "dj") for f in forms] + [f.replace("zh", "sh") for f in forms]
    if re.search(r"j", folded):  # German/Dutch j = y (Jelzin, Sergej); English j = dzh
        # French j = German sch for Russian zh: Brejnev / Breschnew, Prigojine / Prigoschin
        forms = (
            forms
            + [re.sub(r"(?<!d)j", "y", f) for f in forms]
            + [re.sub(r"(?<!d)j", "dj", f) for f in forms]
            + [re.sub(r"(?<!d)j", "sh", f) for f in forms]
        )
    if folded.startswith("g"):  # Arabic qaf: Gaddafi / Qaddafi / Kadhafi
        forms = forms + ["k" + f[1:] for f in forms]
    if _GERMAN_UMLAUT_DIGRAPH.search(folded):
        forms = forms + [_GERMAN_UMLAUT_DIGRAPH.sub(lambda m: m.group(1)[0], f) for f in forms]
    return forms[:16]


def _skeleton(form: str) -> str:
    for pattern, replacement in _REWRITES:
        form = pattern.sub(replacement, form)
    return _DOUBLE.sub(r"\1", form)


@lru_cache(maxsize=65536)
def keys(name: str) -> frozenset[str]:
    """The skeleton keys of a spelling; equal keys = plausibly one name in two transliterations."""
    folded = fold(name)
    found = {_skeleton(form) for form in _expand(folded)}
    return frozenset(found)


@lru_cache(maxsize=65536)
def skeletons(name: str) -> tuple[str, ...]:
    """The one-per-reading skeletons compared by the fitted edit distance (names.edits): the plain
    key, and the key with caron letters read as digraphs or a glued article dropped when there
    are any. Unlike `keys`, ambiguous letters are not expanded here: the fitted costs price them."""
    folded = fold(name)
    forms = [folded]
    lowered = name.casefold()
    if lowered != lowered.translate(_DIGRAPH_LETTERS):
        forms.append(fold(lowered.translate(_DIGRAPH_LETTERS)))
    if "x" in folded:  # x for kh in scholarly transliteration of Cyrillic: Zaxar = Zakhar
        forms.append(folded.replace("x", "kh"))
    glued = _GLUED_ARTICLE.match(folded)
    if glued and len(folded) - glued.end() >= 4:
        forms.append(folded[glued.end() :])
    return tuple(dict.fromkeys(_skeleton(_expand(form)[0]) for form in forms))


_READABLE = str.maketrans({"S": "sh", "H": "kh", "J": "dzh", "I": "i", "Z": "z"})


def readable(key: str) -> str:
    """A key with its sound classes in English letters, for messages: 'gruSko' -> 'grushko'."""
    return key.translate(_READABLE)


@lru_cache(maxsize=65536)
def consonants(key: str) -> str:
    """A key without vowels: Mohammed / Muhammad / Mohamad share 'mHmd'."""
    return _DOUBLE.sub(r"\1", _VOWELS.sub("", key))


@lru_cache(maxsize=65536)
def wade_giles_key(name: str) -> tuple[str, bool] | None:
    """Pinyin-like key for Chinese names in Wade-Giles (Tse-tung) or pinyin (Zedong).

    The flag tells whether the spelling shows Wade-Giles marks (hyphen, apostrophe, hs, ts...):
    two spellings match on this key only if one of them does, so Tina / Dina stay apart.
    """
    raw = name.casefold().replace("’", "'")
    plain = re.sub(r"[-' ]", "", raw)
    if len(plain) < 4 or not _SYLLABLE.match(plain):
        return None
    for pattern, replacement in _WADE_GILES:
        plain = pattern.sub(replacement, plain)
    return plain, bool(_WG_MARKER.search(raw))


@lru_cache(maxsize=65536)
def one_syllable(name: str) -> bool:
    """One Chinese or Korean syllable (Chen, Shen, Yong, Song): in those systems every letter
    counts, so two such syllables that differ are two names, whatever a Russian or Arabic
    transliteration would make of them."""
    return bool(_ONE_SYLLABLE.match(name.casefold()))
