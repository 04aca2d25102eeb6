"""Side-car files: find a translation's source and back-translation next to it.

A translation is named `<stem>.<lang><ext>` (`news/x.en.md`). Patterns are file names in the
same folder with placeholders `{stem}`, `{lang}` (the translation's language), `{src}` (the
source language) and `{ext}` (with its dot). Defaults: source `{stem}.{src}{ext}`,
back-translation `{stem}.bt.{src}{ext}`, so `news/x.en.md` pairs with `news/x.fr.md` and
`news/x.bt.fr.md`.

`{src}` is the config's `source-language` when set. Otherwise it is read off an existing
back-translation file, so a folder with x.en.md, x.fr.md and x.bt.fr.md needs no config, while
a plain x.en.md + x.fr.md pair (scored directly, cross-lingually) needs `source-language`: the
file names alone cannot tell which of the two is the original. Files in the source language
(the source itself, back-translations) never get companions, so they are never scored.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from tqcheck.core.config import Config
from tqcheck.core.model import Document
from tqcheck.language.detection import base_language

SOURCE_PATTERN = "{stem}.{src}{ext}"
BACK_TRANSLATION_PATTERN = "{stem}.bt.{src}{ext}"
_NAME = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,4})?)(?P<ext>\.[A-Za-z0-9]+)$")
_LANG = r"(?P<src>[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,4})?)"


def language_from_name(path: str | Path) -> str | None:
    """`x.fr.md` -> `fr`, `x.pt_BR.md` -> `pt`: the language a file name declares, if any."""
    match = _NAME.match(Path(path).name)
    return base_language(match["lang"]) if match else None


def split_name(name: str) -> tuple[str, str, str] | None:
    """`x.en.md` -> ('x', 'en', '.md'): the stem, the language code as written, the extension;
    None when the name carries no code of a language tqcheck knows (`notes.old.md`)."""
    match = _NAME.match(name)
    if match is None or not _known(base_language(match["lang"])):
        return None
    return match["stem"], match["lang"], match["ext"]


def neighbours(path: Path, extra: Any) -> tuple[str, list[str]] | None:
    """For `news/x.en.md`: ('en', the languages of the `news/x.<lang>.md` files beside it), the
    files that look like its translations or its source; None when its name has no language or
    a back-translation file names the source language (then the pair is scored)."""
    parts = split_name(path.name)
    if parts is None:
        return None
    stem, lang, ext = parts
    pattern = extra.get("back-translation-pattern", BACK_TRANSLATION_PATTERN)
    if _language_from_back_translation(path.parent, pattern, stem, lang, ext) is not None:
        return None
    own = base_language(lang) or lang
    others = set()
    for name in _file_names(path.parent):
        theirs = split_name(name) if name != path.name else None
        if theirs is not None and theirs[0] == stem and theirs[2] == ext:
            other = base_language(theirs[1]) or theirs[1]
            if other != own:
                others.add(other)
    return own, sorted(others)


@lru_cache(maxsize=64)
def _known(code: str | None) -> bool:
    from tqcheck.language.data import shipped_languages
    from tqcheck.language.lexicon import available

    return code is not None and (code in shipped_languages() or available(code))


def attach_companions(doc: Document, config: Config) -> None:
    """Read the document's side-car source / back-translation, if any, into doc.companions."""
    path = Path(doc.path)
    found = find_companions(path, config.extra) if path.is_file() else {}
    if not found:
        return
    from tqcheck.readers import read_path

    for role, (companion, language) in found.items():
        loaded = read_path(companion, max_size=config.max_file_size)
        if isinstance(loaded, Document):
            loaded.language = language
            doc.companions[role] = loaded
    if "source" not in doc.companions:
        doc.companions.clear()


def find_companions(path: Path, extra: Any) -> dict[str, tuple[Path, str]]:
    """{'source': (path, lang), 'back_translation': (path, lang)} for a translation, else {}."""
    match = _NAME.match(path.name)
    if match is None:
        return {}
    stem, lang, ext = match["stem"], match["lang"], match["ext"]
    source_pattern = extra.get("source-pattern", SOURCE_PATTERN)
    bt_pattern = extra.get("back-translation-pattern", BACK_TRANSLATION_PATTERN)
    src = extra.get("source-language")
    if src is None:
        src = _language_from_back_translation(path.parent, bt_pattern, stem, lang, ext)
    if src is None or src.lower() == lang.lower():
        return {}
    fields = {"stem": stem, "lang": lang, "src": src, "ext": ext}
    source = path.parent / source_pattern.format(**fields)
    if not source.is_file() or source.resolve() == path.resolve():
        return {}
    found = {"source": (source, src)}
    back = path.parent / bt_pattern.format(**fields)
    if back.is_file() and back.resolve() != path.resolve():
        found["back_translation"] = (back, src)
    return found


def _file_names(folder: Path) -> frozenset[str]:
    """The folder's file names, listed once per run however many translations it holds (the
    folder's mtime changes when a file is added or removed, so the memo never goes stale)."""
    try:
        stamp = folder.stat().st_mtime_ns
    except OSError:
        return frozenset()
    return _listing(folder, stamp)


@lru_cache(maxsize=256)
def _listing(folder: Path, stamp: int) -> frozenset[str]:
    try:
        with os.scandir(folder) as entries:
            return frozenset(entry.name for entry in entries if entry.is_file())
    except OSError:
        return frozenset()


def _language_from_back_translation(folder: Path, pattern: str, stem: str, lang: str, ext: str) -> str | None:
    """The {src} of the one back-translation file present for this stem (None if none or several)."""
    if "{src}" not in pattern:
        return None
    parts = [re.escape(part) for part in pattern.split("{src}")]
    literal = _LANG.join(parts).replace(re.escape("{stem}"), re.escape(stem))
    literal = literal.replace(re.escape("{lang}"), re.escape(lang)).replace(re.escape("{ext}"), re.escape(ext))
    regex = re.compile(f"^{literal}$")
    languages = {m["src"] for name in _file_names(folder) if (m := regex.match(name))}
    return languages.pop() if len(languages) == 1 else None
