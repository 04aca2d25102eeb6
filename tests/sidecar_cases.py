"""Rule examples with side-car files: `source (fr): …`, `back-translation (fr): …`, `translation (en): …`.

The translation line carries the ⟦…⟧ markers; the other lines become side-car files named by
the default patterns (case.fr.txt, case.bt.fr.txt next to case.en.txt), so an example runs the
real discovery, reader, model and rule, exactly as `tqcheck check` does.
"""

from __future__ import annotations

import re
from pathlib import Path

_LINE = re.compile(r"^(source|back-translation|translation|neighbour) \(([a-z]{2,3})\): (.*)$")


def is_sidecar_case(marked: str) -> bool:
    return any(_LINE.match(line) for line in marked.splitlines())


def write_sidecar_case(marked: str, folder: Path) -> tuple[str, Path, str | None]:
    """Write the side-car files; return (marked translation text, translation path, source
    language). A `neighbour (fr): …` line is a file beside the translation whose role is not
    configured: no source language is returned."""
    roles: dict[str, tuple[str, str]] = {}
    for line in marked.splitlines():
        match = _LINE.match(line)
        if match:
            roles[match[1]] = (match[2], match[3])
    lang, translation = roles["translation"]
    if "source" not in roles:
        if "neighbour" in roles:
            other, text = roles["neighbour"]
            (folder / f"case.{other}.txt").write_text(text + "\n", encoding="utf-8")
        return translation + "\n", folder / f"case.{lang}.txt", None
    src_lang, source = roles["source"]
    (folder / f"case.{src_lang}.txt").write_text(source + "\n", encoding="utf-8")
    if "back-translation" in roles:
        (folder / f"case.bt.{src_lang}.txt").write_text(roles["back-translation"][1] + "\n", encoding="utf-8")
    return translation + "\n", folder / f"case.{lang}.txt", src_lang
