"""--fix never loses a byte: over generated files with BOMs, CRLF/LF/CR line endings, trailing
spaces and findings at the very edges, every byte outside the lines of the fixable findings is
unchanged, a second run is a no-op, and a crash in the middle of writing leaves the original
intact with no temporary file behind.

Checked through the CLI (`check --fix`), so it holds whatever module does the edits."""

from __future__ import annotations

import codecs
import json
import os
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from helpers import invoke
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# Pieces with safe fixes (doubled function words) and without; never three in a row, so one
# pass of fixes is the whole story.
WORDS = ["the the", "The port", "reopened", "of of", "Monday", "said", "é", "😀", "and and", "Kyiv"]
ENDINGS = ["\n", "\r\n", "\r", "  \n", " \r\n", "\t\n"]


@st.composite
def documents(draw: st.DrawFn) -> bytes:
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=5))
        lines.append(" ".join(words) + ".")
        lines.append(draw(st.sampled_from(ENDINGS)))
    if draw(st.booleans()):
        lines.pop()  # a finding right at the end of a file without a final newline
    body = "".join(lines).encode("utf-8")
    return (codecs.BOM_UTF8 if draw(st.booleans()) else b"") + body


def _findings(path: Path) -> list[dict]:  # type: ignore[type-arg]
    result = invoke("check", "--format", "json", "--select", "PN002", str(path))
    assert result.exit_code in (0, 1), result.stdout + result.stderr
    return json.loads(result.stdout)["findings"]


def _line_spans(text: str, findings: list[dict]) -> list[tuple[int, int]]:  # type: ignore[type-arg]
    """The whole line(s) of each fixable finding, terminator included (lone CR ends a line)."""
    spans = []
    for finding in findings:
        if not finding["fix_safe"]:
            continue
        start = max(text.rfind("\n", 0, finding["start"]), text.rfind("\r", 0, finding["start"])) + 1
        ends = [i for i in (text.find("\n", finding["end"]), text.find("\r", finding["end"])) if i >= 0]
        end = min(ends) + 1 if ends else len(text)
        if text.startswith("\r\n", end - 1):
            end += 1
        spans.append((start, end))
    return spans


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents())
def test_fix_changes_only_the_fixed_lines_and_a_second_run_changes_nothing(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    text = data.decode("utf-8-sig")
    before = _findings(path)
    invoke("check", "--fix", "--select", "PN002", str(path))
    fixed_bytes = path.read_bytes()
    assert fixed_bytes.startswith(codecs.BOM_UTF8) == data.startswith(codecs.BOM_UTF8)
    fixed = fixed_bytes.decode("utf-8-sig")
    allowed: list[tuple[int, int]] = []  # the union of the fixed lines (a diff may span two)
    for start, end in sorted(_line_spans(text, before)):
        if allowed and start <= allowed[-1][1]:
            allowed[-1] = (allowed[-1][0], max(end, allowed[-1][1]))
        else:
            allowed.append((start, end))
    for tag, i1, i2, _, _ in SequenceMatcher(None, text, fixed, autojunk=False).get_opcodes():
        if tag != "equal":
            assert any(start <= i1 and i2 <= end for start, end in allowed), (tag, text[i1:i2], allowed)
    if not any(f["fix_safe"] for f in before):
        assert fixed_bytes == data
    invoke("check", "--fix", "--select", "PN002", str(path))
    assert path.read_bytes() == fixed_bytes  # a second run is a no-op
    assert not any(f["fix_safe"] for f in _findings(path))


@pytest.mark.parametrize("crash_in", ["fsync", "replace"])
def test_a_crash_mid_write_leaves_the_original_intact(tmp_path: Path, monkeypatch, crash_in: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "story.md"
    original = codecs.BOM_UTF8 + b"The the port reopened.\r\nOf of course.\r"
    path.write_bytes(original)

    def crash(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, crash_in, crash)
    result = invoke("check", "--fix", "--select", "PN002", str(path))
    assert result.exit_code != 0
    monkeypatch.undo()
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.md"]  # no temporary file left
