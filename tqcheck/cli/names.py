"""`tqcheck names PATH...`: the inventory of names in a corpus, as a table, JSON or a glossary."""

from __future__ import annotations

import enum
import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from tqcheck.cli.options import ConfigOption, LanguageOption

if TYPE_CHECKING:
    from tqcheck.core.config import Config
    from tqcheck.core.model import Document


class NamesFormat(enum.StrEnum):
    table = "table"
    json = "json"


def names(
    paths: Annotated[list[str] | None, typer.Argument(help="Files or folders to read; - reads stdin.")] = None,
    output_format: Annotated[NamesFormat, typer.Option("--format", "-f", help="Output format.")] = NamesFormat.table,
    write_glossary: Annotated[
        Path | None,
        typer.Option("--write-glossary", help="Write the clusters as a glossary YAML (for TL002).", dir_okay=False),
    ] = None,
    variants_only: Annotated[
        bool, typer.Option("--variants-only", help="Only names written in more than one way.")
    ] = False,
    min_count: Annotated[int, typer.Option("--min-count", min=1, help="Only names mentioned at least this often.")] = 1,
    config_file: ConfigOption = None,
    language: LanguageOption = None,
) -> None:
    """List the names in a corpus: each cluster of spellings with counts and files."""
    from tqcheck.cli.common import EXIT_ERROR, build_config, fail
    from tqcheck.engine.inputs import read_inputs
    from tqcheck.engine.writing import write_new_file
    from tqcheck.kinds.names import name_cuts
    from tqcheck.names.glossary import dump
    from tqcheck.names.inventory import inventory, main_language

    targets = paths or ["."]
    config, _ = build_config(config_file, targets, language=language)
    docs, errors = read_inputs(targets, config)
    for error in errors:
        Console(stderr=True, highlight=False).print(f"{error.path}: {error.message}", soft_wrap=True)
    try:
        options = _name_options(config)
    except ValueError as exc:  # a broken pack or [rules.ID] table
        raise fail(str(exc)) from None
    clusters = inventory(
        docs,
        min_count=min_count,
        variants_only=variants_only,
        common_word=options["common-word-zipf"],
        common_name_word=options["common-name-zipf"],
        cuts=name_cuts(options),
        flags=_garbled(docs, config),
    )
    if write_glossary is not None:
        entries = [c.as_glossary_entry() for c in clusters if not c.unsure]
        try:
            write_new_file(write_glossary, dump(entries, main_language(docs)))
        except OSError as exc:
            raise fail(f"{write_glossary}: cannot write glossary: {exc.strerror or exc}") from None
        Console(stderr=True, highlight=False).print(f"Wrote {len(entries)} name(s) to {write_glossary}")
    elif output_format is NamesFormat.json:
        print(json.dumps([c.as_json() for c in clusters], ensure_ascii=False, indent=2))
    else:
        from rich.table import Table

        # long paths wrap (fold) instead of losing their ends to an ellipsis
        table = Table(box=None, pad_edge=False)
        for column in ("name", "spellings", "count", "files", "why"):
            table.add_column(column, overflow="fold", justify="right" if column == "count" else "left")
        for cluster in clusters:
            spellings = ", ".join(
                f"{s} ({n}{', garbled' if s in cluster.garbled else ''})"
                for s, n in sorted(cluster.spellings.items(), key=lambda kv: -kv[1])
            )
            documents = sorted({f for fs in cluster.files.values() for f in fs})
            shown = ", ".join(documents[:3]) + (f" +{len(documents) - 3}" if len(documents) > 3 else "")
            why = "; ".join(f"{s}: {r}" for s, r in sorted(cluster.reasons.items()))
            table.add_row(cluster.full_name, spellings, str(cluster.total), shown, why)
        Console(highlight=False).print(table)
    if errors:
        raise typer.Exit(EXIT_ERROR)


def _garbled(docs: list[Document], config: Config) -> dict[str, list[tuple[int, int, str | None]]]:
    """Per document, the spans the garbled-word rules (GW) flag, with their safe repair: such
    spellings are never canonical names."""
    from tqcheck.engine.passes import check_documents, load_rules

    selected = config.with_overrides(select=("GW",), extend_select=(), ignore=())
    flags: dict[str, list[tuple[int, int, str | None]]] = {}
    for finding in check_documents(docs, load_rules(selected), selected):
        repair = finding.suggestion if finding.fix_safe else None
        flags.setdefault(finding.path, []).append((finding.start, finding.end, repair))
    return flags


def _name_options(config: Config) -> dict[str, Any]:
    """The options of the name-variants rule in force (TL001: its file and `[rules.TL001]`)."""
    from tqcheck.engine.selection import all_specs
    from tqcheck.kinds.names import NameVariants

    options = {name: option.default for name, option in NameVariants.OPTIONS.items()}
    spec = next((spec for spec in all_specs(config) if spec.kind == "name-variants"), None)
    return {**options, **(spec.options if spec else {})}
