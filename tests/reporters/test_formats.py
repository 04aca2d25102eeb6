"""The registry of formats: each renders, each is a module of this package, and `--format`
offers exactly the registry's formats."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from helpers import invoke
from rich.console import Console
from small_run import small_run

from tqcheck.reporters import DEFAULT_FORMAT, FORMATS, OutputFormat


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_format_renders(name: str) -> None:
    reporter = FORMATS[name]
    assert reporter.name == name and reporter.module.startswith("tqcheck.reporters.") and reporter.help
    if reporter.draws:
        out = StringIO()
        reporter.draw(small_run(), Console(file=out, width=120, no_color=True))
        rendered = out.getvalue()
    else:
        rendered = reporter.render(small_run())
    assert "PN004" in rendered and "BP003" in rendered


def test_the_registry_holds_the_six_formats() -> None:
    assert list(FORMATS) == ["text", "json", "sarif", "github", "junit", "gitlab", "html"]
    assert [name for name, reporter in FORMATS.items() if reporter.draws] == ["text"]


def test_format_choices_are_the_registry() -> None:
    assert [member.value for member in OutputFormat] == list(FORMATS)
    assert DEFAULT_FORMAT.value == "text"
    shown = re.search(r"--format <([^>]+)>", invoke("check", "--help").stdout)
    assert shown is not None and shown[1].split("|") == list(FORMATS)
    refused = invoke("check", "--format", "yaml", "x.md")
    assert refused.exit_code == 2
