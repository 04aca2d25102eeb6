"""The terminal report: path:line:col, rule, message and suggestion; a code frame underlining the
span; unreadable files; a summary line."""

from __future__ import annotations

from io import StringIO

from rich.console import Console
from small_run import PATH, empty_run, small_run

from tqcheck.core.result import RunResult
from tqcheck.reporters import text


def _render(result: RunResult) -> list[str]:
    out = StringIO()
    text.render(result, Console(file=out, width=200, no_color=True, highlight=False))
    return out.getvalue().splitlines()


def test_head_frame_and_suggestion_of_each_finding() -> None:
    lines = _render(small_run())
    head = lines.index(f"{PATH}:1:18: PN004 [*] Space before ','. → ,")
    assert lines[head + 1] == "    1 | Prices rose by 5% , said <b>Le Monde</b>."
    assert lines[head + 2] == "      |                  ^^ ','"
    doubled = lines.index(f"{PATH}:2:4: PN002 Doubled word 'the' (répété).")
    assert lines[doubled + 2] == "      |    ^^^^ delete"


def test_unreadable_file_first_and_summary_last() -> None:
    lines = _render(small_run())
    assert lines[0] == "news/image.txt: error: binary file (contains NUL bytes), not checked"
    assert lines[-1] == (
        "Found 3 finding(s) in 2 file(s) (1 error, 1 warning, 1 info); [*] 1 fixable with --fix; "
        "1 more with --unsafe-fixes; 1 file(s) could not be read."
    )


def test_plain_text_when_not_a_terminal() -> None:
    assert not any("\x1b[" in line for line in _render(small_run()))


def test_all_clear() -> None:
    assert _render(empty_run()) == ["All clear: 1 file(s) checked, no findings."]
