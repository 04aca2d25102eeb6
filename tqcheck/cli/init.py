"""`tqcheck init`: a commented starter tqcheck.toml for the repository at hand.

It says what it found (file types, languages, translations next to their sources) and sets only
what that calls for; everything else is there as a comment to switch on. The file is checked by
the same loader `check` uses before it is written, and an existing one is never overwritten
without --force.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from tqcheck.engine.survey import Survey

CONFIG_NAME = "tqcheck.toml"


def init(
    path: Annotated[Path, typer.Argument(help="The repository's folder.", file_okay=False)] = Path("."),
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing tqcheck.toml.")] = False,
    stdout: Annotated[bool, typer.Option("--stdout", help="Print the file instead of writing it.")] = False,
) -> None:
    """Write a commented starter tqcheck.toml: languages, file types, side-car files, the CI step."""
    from rich.console import Console

    from tqcheck.cli.common import EXIT_CLEAN, fail
    from tqcheck.core.config import Config, parse_table
    from tqcheck.core.errors import ConfigError
    from tqcheck.engine.survey import survey
    from tqcheck.engine.writing import write_new_file

    if not path.is_dir():
        raise fail(f"{path}: not a folder")
    target = path / CONFIG_NAME
    if target.exists() and not force and not stdout:
        raise fail(f"{target} already exists (--force overwrites it, --stdout prints the new one)")
    found = survey(path, Config(root=path.resolve()))
    text = render(found)
    try:
        import tomllib

        parse_table(tomllib.loads(text), str(target), path.resolve(), target)
    except (ConfigError, ValueError) as exc:  # a bug here, never the user's: say so plainly
        raise fail(f"the generated configuration does not load: {exc}") from None
    if stdout:
        print(text, end="")
        raise typer.Exit(EXIT_CLEAN)
    write_new_file(target, text)
    Console(stderr=True, highlight=False).print(
        f"Wrote {target}: {found.files} file(s), languages {_listing(found) or 'not detected'}.",
        markup=False,
        soft_wrap=True,
    )


def _listing(found: Survey) -> str:
    return ", ".join(f"{lang} ({n})" for lang, n in found.languages.most_common())


def render(found: Survey) -> str:
    lines = [
        "# tqcheck configuration, started by `tqcheck init`: edit freely.",
        "# `tqcheck rules` lists the rules, `tqcheck rule ID` explains one; every key is optional.",
        "",
    ]
    types = ", ".join(f"{ext} ({n})" for ext, n in found.extensions.most_common()) or "none yet"
    sampled = f" (languages from the first {found.sampled})" if found.sampled < found.files else ""
    lines += [f"# Found {found.files} file(s) to check: {types}{sampled}."]
    lines += _languages(found)
    lines += _packs(found)
    lines += [
        "",
        "# Rules: codes or prefixes, as in ruff. `select` replaces the default set.",
        '# extend-select = ["BP002"]     # wire-service notes, off by default',
        '# ignore = ["PN006"]',
        "",
        "# Files: folders are searched recursively; .gitignore is honoured.",
        '# exclude = ["drafts/", "*.bak.md"]',
        "",
        '# The lowest severity that fails the run: info, warning, error or "never".',
        '# fail-on = "warning"',
    ]
    lines += _sidecars(found)
    lines += _ci()
    return "\n".join(lines) + "\n"


def _languages(found: Survey) -> list[str]:
    if not found.languages:
        return [
            "",
            "# No language could be detected (too little prose). Documents can declare theirs with",
            "# `lang:` in their front matter; this is the fallback for the others.",
            '# language = "en"',
        ]
    main, count = found.languages.most_common(1)[0]
    share = count / max(1, sum(found.languages.values()) + found.undetected)
    lines = [
        "",
        f"# Languages found: {_listing(found)}" + (f", {found.undetected} not detected." if found.undetected else "."),
    ]
    lines.append("# A document's own `lang:` front matter wins; otherwise its language is detected, and this")
    lines.append("# is the fallback when detection cannot tell (short texts, lists of names).")
    if share >= 0.9:
        lines.append(f'language = "{main}"')
    else:
        lines.append(f'# language = "{main}"           # the repository mixes languages: set it per folder instead')
    return lines


def _packs(found: Survey) -> list[str]:
    lines = [
        "",
        "# Rule packs beyond the defaults (punctuation, garbled words, boilerplate, names, meaning):",
        "# `en-news` is English house style (Kyiv not Kiev, country names, wordy phrases).",
    ]
    english = found.languages.get("en", 0)
    lines.append('packs = ["en-news"]' if english else '# packs = ["en-news"]')
    return lines


def _sidecars(found: Survey) -> list[str]:
    lines = ["", "# Meaning checks (BT rules) compare a translation with its source file next to it."]
    if not found.translation_groups and not found.back_translations:
        lines += [
            "# None found: name a translation `story.en.md` next to its source `story.fr.md` (and a",
            "# back-translation `story.bt.fr.md`) and set the source language:",
            '# source-language = "fr"',
        ]
        return lines
    languages = ", ".join(f"{lang} ({n})" for lang, n in found.group_languages.most_common())
    if found.translation_groups:
        lines.append(
            f"# Found {found.translation_groups} story/stories in several languages side by side: {languages}."
        )
    if found.back_translations:
        lines.append(
            f"# Found {found.back_translations} back-translation(s) into {found.back_translation_language} "
            f"named like {found.back_translation_pattern}."
        )
    source = found.source_language
    if source:
        lines.append("# The source language (the language every story has, or that back-translations are in):")
        lines.append(f'source-language = "{source}"')
    else:
        lines.append("# Which language is the source cannot be told from the names: set it to have them scored.")
        lines.append(f'# source-language = "{found.group_languages.most_common(1)[0][0]}"')
    lines.append('# source-pattern = "{stem}.{src}{ext}"')
    pattern = found.back_translation_pattern
    if pattern and pattern != "{stem}.bt.{src}{ext}":
        lines.append(f'back-translation-pattern = "{pattern}"')
    else:
        lines.append('# back-translation-pattern = "{stem}.bt.{src}{ext}"')
    lines.append('# model = "use"                # the offline multilingual default; see `tqcheck score --help`')
    return lines


def _ci() -> list[str]:
    return [
        "",
        "# In CI, as a required check (GitHub Actions; annotations on the pull request):",
        "#   - uses: actions/checkout@v4",
        "#   - run: pip install tqcheck",
        "#   - run: tqcheck check --format github",
        "# or for code scanning: tqcheck check --format sarif -o tqcheck.sarif, then upload it with",
        "# github/codeql-action/upload-sarif. Before publishing: tqcheck report -o report.html",
    ]
