"""Rule examples with side-car files: `source (fr): …`, `back-translation (fr): …`, `translation (en): …`.

The translation line carries the ⟦…⟧ markers; the other lines become side-car files named by
the default patterns (case.fr.txt, case.bt.fr.txt next to case.en.txt), so an example runs the
real discovery, reader, model and rule, exactly as `tqcheck check` does.
"""

from __future__ import annotations

import re
from pathlib import Path

_LINE = re.compile(r"^(source|back-translation|translation) \(([a-z]{2,3})\): (.*)$")


def is_sidecar_case(marked: str) -> bool:
    return any(_LINE.match(line) for line in marked.splitlines())


def write_sidecar_case(marked: str, folder: Path) -> tuple[str, Path, str]:
    """Write the side-car files; return (marked translation text, translation path, source language)."""
    roles: dict[str, tuple[str, str]] = {}
    for line in marked.splitlines():
        match = _LINE.match(line)
        if match:
            roles[match[1]] = (match[2], match[3])
    src_lang, source = roles["source"]
    lang, translation = roles["translation"]
    (folder / f"case.{src_lang}.txt").write_text(source + "\n", encoding="utf-8")
    if "back-translation" in roles:
        (folder / f"case.bt.{src_lang}.txt").write_text(roles["back-translation"][1] + "\n", encoding="utf-8")
    return translation + "\n", folder / f"case.{lang}.txt", src_lang
