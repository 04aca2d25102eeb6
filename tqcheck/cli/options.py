"""CLI options declared once (fastapi-cli style) and shared by the commands that take them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        "-c",
        help="Config file (tqcheck.toml or pyproject.toml); default: discovered upward from the first path.",
        dir_okay=False,
    ),
]
SelectOption = Annotated[
    str | None,
    typer.Option(
        "--select", help="Comma-separated rule codes or prefixes to run (replaces the default set); ALL for every rule."
    ),
]
ExtendSelectOption = Annotated[
    str | None, typer.Option("--extend-select", help="Codes or prefixes to run in addition to the selection.")
]
IgnoreOption = Annotated[str | None, typer.Option("--ignore", help="Comma-separated codes or prefixes to skip.")]
PacksOption = Annotated[
    str | None, typer.Option("--packs", help="Comma-separated extra packs: built-in names (e.g. en-news) or folders.")
]
LanguageOption = Annotated[
    str | None,
    typer.Option("--language", "-l", help="Language of the documents (e.g. en, fr), if not declared in front matter."),
]
FailOnOption = Annotated[
    str | None,
    typer.Option(
        "--fail-on", help="Lowest severity that makes the exit code 1: info, warning (default), error or never."
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write the report to this file instead of standard output.", dir_okay=False),
]
ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        help="Embedding model: 'use' (default, multilingual, offline), 'e5' (multilingual-e5-small, needs "
        "tqcheck[e5]) or 'use+e5' (both, fused), 'minilm' (English, needs tqcheck[transformers]), or a "
        "sentence-transformers model folder / name in the offline cache.",
    ),
]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs", "-j", min=1, help="Worker processes (default: TQCHECK_JOBS or the usable cores; small runs use one)."
    ),
]
NoColorOption = Annotated[
    bool, typer.Option("--no-color", help="Never colour the text output (colour is only used on a terminal anyway).")
]


def split_codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(part.strip().upper() for part in value.split(",") if part.strip())


def split_names(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(part.strip() for part in value.split(",") if part.strip())
