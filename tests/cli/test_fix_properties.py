"""The fix contract on generated files (CRLF or LF, BOM or not, trailing spaces, findings at the
very start and end): `--fix` changes only the fixed spans (and the whitespace a deletion tidies),
a second `--fix` changes nothing, and `--diff` applied with `patch` gives the same bytes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from helpers import invoke
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# lines of our own: each carries something a safe fix repairs, or nothing at all
LINES = [
    "The talks ended on Friday.",
    "It was was late when the ferry left.",
    "The minister said that the the port would reopen.",
    "They met in Kiev on Monday.",
    "Smith&amp;Sons declined to comment.",
    "The\u200b talks resumed.",
    "Source link -88",
    "Advertisement",
    "The harbour reopened ,  officials said.",
    "Prices rose on Friday. -12-",
    "Did the strike end ?",
    "",
    "   ",
]

pytestmark = pytest.mark.skipif(shutil.which("patch") is None, reason="GNU patch is not installed")


@st.composite
def files(draw: st.DrawFn) -> bytes:
    lines = draw(st.lists(st.sampled_from(LINES), min_size=1, max_size=12))
    trailing = draw(st.lists(st.sampled_from(["", " ", "\t", "  "]), min_size=len(lines), max_size=len(lines)))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    final = draw(st.booleans())
    bom = draw(st.booleans())
    text = newline.join(line + space for line, space in zip(lines, trailing, strict=True))
    if final:
        text += newline
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def fixed_spans(text: str, findings: list[dict[str, object]]) -> list[tuple[int, int]]:
    """The spans of the safe fixes, each widened over the whitespace around it, merged."""
    spans: list[tuple[int, int]] = []
    for f in sorted(findings, key=lambda f: int(str(f["start"]))):
        if not f["fix_safe"]:
            continue
        start, end = int(str(f["start"])), int(str(f["end"]))
        while start > 0 and text[start - 1].isspace():
            start -= 1
        while end < len(text) and text[end].isspace():
            end += 1
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def only_spans_changed(before: str, after: str, spans: list[tuple[int, int]]) -> bool:
    """`after` keeps every character of `before` outside `spans`, in order and in place: what
    lies between two spans is unchanged, whatever the spans became."""
    pattern = []
    pos = 0
    for start, end in spans:
        pattern.append(re.escape(before[pos:start]))
        pattern.append("(?s:.*?)")
        pos = end
    pattern.append(re.escape(before[pos:]))
    return re.fullmatch("".join(pattern), after) is not None


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=files())
def test_fix_diff_and_patch_agree_and_fix_only_changes_fixed_spans(data: bytes, tmp_path: Path) -> None:
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    (folder / "tqcheck.toml").write_text('packs = ["en-news"]\nlanguage = "en"\n', encoding="utf-8")
    for name in ("fixed.txt", "patched.txt"):
        (folder / name).write_bytes(data)
    text = data.decode("utf-8").removeprefix("\ufeff")

    report = invoke("check", "-f", "json", "--fail-on", "never", str(folder / "fixed.txt"))
    findings = json.loads(report.stdout)["findings"]

    diff = invoke("check", "--diff", str(folder / "patched.txt"))
    assert diff.exit_code in (0, 1), diff.output
    fix = invoke("check", "--fix", "--fail-on", "never", str(folder / "fixed.txt"))
    assert fix.exit_code == 0, fix.output
    fixed_bytes = (folder / "fixed.txt").read_bytes()

    # --diff wrote nothing, and says whether there is something to fix
    assert (folder / "patched.txt").read_bytes() == data
    assert (diff.exit_code == 1) == (fixed_bytes != data)
    if diff.stdout_bytes:
        patch = subprocess.run(
            ["patch", "-p0", "--quiet", "--no-backup-if-mismatch"],
            input=diff.stdout_bytes.replace(str(folder / "patched.txt").encode(), b"patched.txt"),
            cwd=folder,
            capture_output=True,
            timeout=60,
        )
        assert patch.returncode == 0, patch.stdout + patch.stderr
    assert (folder / "patched.txt").read_bytes() == fixed_bytes

    # the BOM stays as it was; only fixed spans (and whitespace next to them) changed
    assert fixed_bytes.startswith(b"\xef\xbb\xbf") == data.startswith(b"\xef\xbb\xbf")
    fixed_text = fixed_bytes.decode("utf-8").removeprefix("\ufeff")
    assert only_spans_changed(text, fixed_text, fixed_spans(text, findings)), (text, fixed_text)

    # a second run has nothing left to fix
    again = invoke("check", "--fix", "--fail-on", "never", str(folder / "fixed.txt"))
    assert "Fixed" not in again.stdout
    assert (folder / "fixed.txt").read_bytes() == fixed_bytes
