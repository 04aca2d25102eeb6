"""GitHub workflow commands: one line per finding or input error, with `%`, newlines and (in
properties) `,` and `:` escaped so that a message can never end or forge a command."""

from __future__ import annotations

import re

from small_run import empty_run, small_run

from tqcheck.reporters import github

SHAPE = re.compile(
    r"^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^,:]+::[^\r\n]+$"
)


def test_one_command_per_finding_and_error() -> None:
    lines = github.render(small_run()).split("\n")
    assert len(lines) == 4
    assert all(SHAPE.match(line) for line in lines[:3]), lines
    assert [line.split(" ", 1)[0] for line in lines] == ["::warning", "::error", "::notice", "::error"]


def test_properties_escape_comma_and_colon() -> None:
    first = github.render(small_run()).split("\n")[0]
    assert first == (
        "::warning file=news/a%2Cb%3Ac.md,line=1,col=18,endLine=1,endColumn=20,"
        "title=PN004 space-before-comma::Space before ','. (suggestion: ,)"
    )


def test_message_escapes_percent_and_newline_only() -> None:
    second = github.render(small_run()).split("\n")[1]
    assert second.endswith("::Markup 50%25 left: <b> & co,%0Ain the text.")


def test_input_errors_are_error_commands_on_the_file() -> None:
    last = github.render(small_run()).split("\n")[-1]
    assert last == (
        "::error file=news/image.txt,title=tqcheck input error::binary file (contains NUL bytes), not checked"
    )


def test_nothing_to_report_is_no_output() -> None:
    assert github.render(empty_run()) == ""
