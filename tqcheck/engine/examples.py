"""Rule examples as tests (`tqcheck rules --test`): every `examples.fail` entry must be flagged
exactly where its ⟦…⟧ marks say, every `examples.pass` entry not at all.

An example runs as a user's file does: written to a temporary folder and checked with only its
rule selected (and the rule's `examples.options`), through the real reader (and, for drift rules, side-car files: lines
`source (fr): …`, `back-translation (fr): …`, `translation (en): …`; `neighbour (fr): …` is a
file beside the translation with no source language configured). Corpus rules' examples
may hold several files separated by a `~~~~ next file ~~~~` line.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from tqcheck.core.config import Config
from tqcheck.core.model import RuleSpec

OPEN, CLOSE = "⟦", "⟧"
NEXT_FILE = "\n~~~~ next file ~~~~\n"
_SIDECAR = re.compile(r"^(source|back-translation|translation|neighbour) \(([a-z]{2,3})\): (.*)$")

Spans = list[tuple[int, int]]


@dataclass(frozen=True)
class ExampleOutcome:
    spec: RuleSpec
    key: str  # examples.fail[0]
    marked: str
    expected: dict[str, Spans]  # file name -> spans
    found: dict[str, Spans]

    @property
    def passed(self) -> bool:
        return self.expected == self.found

    def describe(self) -> str:
        shown = []
        for name, marked in _files(self.marked).items():
            text = parse_marked(marked)[0]
            want, got = self.expected.get(name, []), self.found.get(name, [])
            if want != got:
                shown.append(f"expected {mark(text, want)!r}, got {mark(text, got)!r}")
        return f"{self.spec.source}: key '{self.key}': " + "; ".join(shown)


def parse_marked(marked: str) -> tuple[str, Spans]:
    """Strip the markers; return the plain text and the marked (start, end) spans."""
    text: list[str] = []
    spans: Spans = []
    stack: list[int] = []
    for char in marked:
        if char == OPEN:
            stack.append(len(text))
        elif char == CLOSE:
            if not stack:
                raise ValueError(f"unbalanced {CLOSE}")
            spans.append((stack.pop(), len(text)))
        else:
            text.append(char)
    if stack:
        raise ValueError(f"unbalanced {OPEN}")
    return "".join(text), sorted(spans)


def mark(text: str, spans: Spans) -> str:
    out = text
    for start, end in sorted(spans, reverse=True):
        out = out[:start] + OPEN + out[start:end] + CLOSE + out[end:]
    return out


def _files(marked: str) -> dict[str, str]:
    """The example's files (name -> marked text), side-car files included."""
    lines = [_SIDECAR.match(line) for line in marked.splitlines()]
    if any(lines):
        roles = {m[1]: (m[2], m[3]) for m in lines if m}
        lang, translation = roles["translation"]
        files = {f"case.{lang}.txt": translation + "\n"}
        if "source" in roles or "neighbour" in roles:
            src, source = roles["source"] if "source" in roles else roles["neighbour"]
            files[f"case.{src}.txt"] = source + "\n"
        if "back-translation" in roles:
            files[f"case.bt.{src}.txt"] = roles["back-translation"][1] + "\n"
        return files
    parts = marked.split(NEXT_FILE)
    return {f"case-{n}.txt": part for n, part in enumerate(parts)}


def run_example(spec: RuleSpec, key: str, marked: str, packs: Sequence[str], root: Path) -> ExampleOutcome:
    from tqcheck.engine.run import run

    files = _files(marked)
    expected: dict[str, Spans] = {}
    with tempfile.TemporaryDirectory(prefix="tqcheck-example-") as folder:
        here = Path(folder)
        for name, text in files.items():
            plain, spans = parse_marked(text)
            (here / name).write_text(plain, encoding="utf-8")
            if spans:
                expected[name] = spans
        first = next(iter(files))
        roles = {m[1]: m[2] for line in marked.splitlines() if (m := _SIDECAR.match(line))}
        sidecar = bool(roles)
        extra = {"source-language": roles["source"]} if "source" in roles else {}
        config = Config(
            select=(spec.id,),
            packs=tuple(packs),
            language=spec.languages[0] if spec.languages else None,
            root=root,
            extra=extra,
            rules={spec.id: dict(spec.example_options)} if spec.example_options else {},
        )
        targets = [str(here / first)] if sidecar else [str(here)]
        result = run(targets, config, jobs=1)
        found: dict[str, Spans] = {}
        for finding in result.findings:
            if finding.rule == spec.id:
                found.setdefault(Path(finding.path).name, []).append((finding.start, finding.end))
    return ExampleOutcome(spec, key, marked, expected, {k: sorted(v) for k, v in found.items()})


def run_examples(specs: Sequence[RuleSpec], packs: Sequence[str], root: Path) -> Iterator[ExampleOutcome]:
    for spec in specs:
        for kind, examples in (("fail", spec.examples_fail), ("pass", spec.examples_pass)):
            for i, marked in enumerate(examples):
                yield run_example(spec, f"examples.{kind}[{i}]", marked, packs, root)
