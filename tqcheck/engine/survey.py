"""What `tqcheck init` needs to know about a repository: the file types and languages in it and
how its translations sit next to their sources (side-car files), read the way a run reads them.

Side-cars are recognised by name only (`x.en.md` next to `x.fr.md`, `x.bt.fr.md`): the same
patterns `source-pattern` / `back-translation-pattern` describe. The source language of a pair
cannot be read off two names, so the language present in the most groups of translations is
proposed (an original exists for every story, each translation for some).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tqcheck.core.config import Config
from tqcheck.core.model import Document
from tqcheck.engine.discovery import iter_files
from tqcheck.language.detection import base_language, declared_language, detect
from tqcheck.readers import read_path
from tqcheck.readers.sidecars import BACK_TRANSLATION_PATTERN, split_name

MAX_FILES = 2000  # a larger repository is sampled: its first files in discovery order
# back-translation file names seen in the wild, the default first
BACK_TRANSLATION_PATTERNS = (BACK_TRANSLATION_PATTERN, "{stem}.{src}.bt{ext}", "{stem}.back.{src}{ext}")


@dataclass
class Survey:
    root: Path
    files: int = 0
    sampled: int = 0
    extensions: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)  # declared or detected, per document
    undetected: int = 0
    # side-car files: groups of one story in several languages (same folder and stem)
    translation_groups: int = 0
    group_languages: Counter[str] = field(default_factory=Counter)  # in how many groups a language is
    back_translations: int = 0
    back_translation_pattern: str | None = None
    back_translation_language: str | None = None

    @property
    def source_language(self) -> str | None:
        """The language of the back-translations, else the one in the most groups (None on a tie)."""
        if self.back_translation_language:
            return self.back_translation_language
        ranked = self.group_languages.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]


def survey(root: Path, config: Config) -> Survey:
    found = Survey(root=root)
    files = list(iter_files([root], config))
    found.files = len(files)
    found.extensions.update(path.suffix.lower() for path in files)
    for path in files[:MAX_FILES]:
        loaded = read_path(path)
        if not isinstance(loaded, Document):
            continue
        found.sampled += 1
        language = base_language(declared_language(loaded)) or detect(loaded.checkable)
        if language:
            found.languages[language] += 1
        else:
            found.undetected += 1
    _sidecars(files, found)
    return found


def _sidecars(files: list[Path], found: Survey) -> None:
    names = {(path.parent, path.name) for path in files}
    back: Counter[tuple[str, str]] = Counter()  # (pattern, language) -> files
    groups: dict[tuple[Path, str, str], set[str]] = {}
    for path in files:
        parts = split_name(path.name)
        if parts is None:
            continue
        stem, lang, ext = parts
        for pattern in BACK_TRANSLATION_PATTERNS:
            original = _original_of(path.name, pattern)
            if original is not None and (path.parent, original[0]) in names:
                back[(pattern, original[1])] += 1
                break
        else:
            groups.setdefault((path.parent, stem, ext), set()).add(lang)
    for languages in groups.values():
        if len(languages) > 1:
            found.translation_groups += 1
            found.group_languages.update(languages)
    if back:
        (pattern, language), count = back.most_common(1)[0]
        found.back_translations = count
        found.back_translation_pattern = pattern
        found.back_translation_language = language


def _original_of(name: str, pattern: str) -> tuple[str, str] | None:
    """For a back-translation file name under `pattern`, (the source file's name, its language)."""
    import re

    regex = re.escape(pattern)
    for placeholder, group in (("stem", r"(?P<stem>.+?)"), ("src", r"(?P<src>[a-z]{2,3})"), ("ext", r"(?P<ext>\.\w+)")):
        regex = regex.replace(re.escape("{" + placeholder + "}"), group)
    if "(?P<stem>" not in regex or "(?P<src>" not in regex:
        return None
    match = re.fullmatch(regex, name)
    if match is None:
        return None
    ext = match.groupdict().get("ext") or ""
    return f"{match['stem']}.{match['src']}{ext}", match["src"]
