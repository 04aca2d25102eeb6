"""Rule examples and cases for bilingual files, written as lines:

    source (en): The office opens at 8:30.
    target (fr): Le bureau ouvre à ⟦9⟧ h 30.
    back-translation (en): The office opens at 9:30.
    term (en→fr): berth = anneau
    forbidden (en→fr): berth = place

Source/target lines (and an optional back-translation after a target) become rows of a TSV file,
term lines a termbase; the ⟦…⟧ markers of the targets become spans in the TSV file, so a case
runs the real reader, engine and rule, exactly as `tqcheck check pairs.tsv` does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from spans import parse_marked

_LINE = re.compile(r"^(source|target|back-translation) \(([a-z]{2,3})\): (.*)$")
_TERM = re.compile(r"^(term|forbidden) \(([a-z]{2,3})→([a-z]{2,3})\): (.+?) = (.+)$")


@dataclass
class BilingualCase:
    path: Path
    text: str
    expected: list[tuple[int, int]]
    source_language: str
    target_language: str
    termbase: Path | None = None
    extra: dict[str, object] = field(default_factory=dict)


def is_bilingual_case(marked: str) -> bool:
    return any(line.startswith("target (") and _LINE.match(line) for line in marked.splitlines())


def write_bilingual_case(marked: str, folder: Path) -> BilingualCase:
    rows: list[list[str]] = []
    terms: list[tuple[str, str, str]] = []
    languages = ("", "")
    for line in marked.splitlines():
        term = _TERM.match(line)
        if term:
            kind, src, tgt, source, target = term.groups()
            languages = (src, tgt)
            terms.append((source, target if kind == "term" else "", target if kind == "forbidden" else ""))
            continue
        match = _LINE.match(line)
        if match is None:
            if line.strip():
                raise ValueError(f"not a bilingual case line: {line!r}")
            continue
        role, language, text = match.groups()
        if role == "source":
            rows.append([text, "", ""])
            languages = (language, languages[1])
        elif role == "target":
            rows[-1][1] = text
            languages = (languages[0], language)
        else:
            rows[-1][2] = text
    header = "source\ttarget\tback_translation\n"
    text_parts = [header]
    expected: list[tuple[int, int]] = []
    offset = len(header)
    for source, target, back in rows:
        plain_target, spans = parse_marked(target)
        _, no_spans = parse_marked(source)
        assert not no_spans, "mark spans in the target only"
        start = offset + len(source) + 1
        expected += [(start + a, start + b) for a, b in spans]
        line = f"{source}\t{plain_target}\t{back}\n"
        text_parts.append(line)
        offset += len(line)
    path = folder / "pairs.tsv"
    path.write_text("".join(text_parts), encoding="utf-8")
    termbase = None
    if terms:
        termbase = folder / "terms.tsv"
        body = "".join(f"{s}\t{t}\t{f}\n" for s, t, f in terms)
        termbase.write_text(f"source\ttarget\tforbidden\n{body}", encoding="utf-8")
    return BilingualCase(path, "".join(text_parts), sorted(expected), languages[0], languages[1], termbase)
