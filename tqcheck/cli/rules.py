"""`tqcheck rules` and `tqcheck rule ID`: the rule catalogue and ruff-style explanations."""

from __future__ import annotations

import textwrap
from dataclasses import replace
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from tqcheck.cli.common import build_config, fail
from tqcheck.cli.options import ConfigOption, IgnoreOption, PacksOption, SelectOption
from tqcheck.core.config import Config
from tqcheck.core.model import RuleSpec

# The engine and the kinds load only when a rules command runs: `tqcheck score` and the other
# commands must not pay for importing every rule kind (about 0.3 s) just to build the app.


def _catalogue(config: Config, all_packs: bool) -> list[tuple[RuleSpec, bool]]:
    from tqcheck.engine.packs import builtin_pack_names
    from tqcheck.engine.selection import all_specs, is_selected
    from tqcheck.engine.validation import check_config

    active = all_specs(config)
    check_config(config, active)
    rows = [(spec, is_selected(spec, config)) for spec in active]
    if all_packs:
        known = {spec.id for spec in active}
        wider = all_specs(replace(config, packs=tuple(builtin_pack_names())))
        rows.extend((spec, False) for spec in wider if spec.id not in known)
    return sorted(rows, key=lambda row: row[0].id)


def print_rule_table(config: Config, *, all_packs: bool = False) -> None:
    table = Table("id", "name", "kind", "severity", "pack", "enabled", box=None, pad_edge=False)
    for spec, enabled in _catalogue(config, all_packs):
        table.add_row(spec.id, spec.name, spec.kind, spec.severity.label, spec.pack, "yes" if enabled else "no")
    Console(highlight=False).print(table)


def find_rule(config: Config, rule_id: str) -> RuleSpec:
    for spec, _ in _catalogue(config, all_packs=True):
        if spec.id == rule_id:
            return spec
    raise LookupError(f"no rule {rule_id!r}; `tqcheck rules --all` lists them")


def _plain(example: str) -> str:
    return example.replace("⟦", "").replace("⟧", "")


def explain_text(spec: RuleSpec) -> str:
    lines = [f"# {spec.id} {spec.name}", ""]
    lines.append(
        f"Kind: {spec.kind} · severity: {spec.severity.label} · pack: {spec.pack}"
        + (f" · languages: {', '.join(spec.languages)}" if spec.languages else "")
        + (" · fix: safe" if spec.fix == "safe" else "")
    )
    for title, body in (
        ("What it flags", spec.doc.what),
        ("Why it matters", spec.doc.why),
        ("Instead", spec.doc.instead),
    ):
        lines += ["", f"## {title}", body or "(not documented)"]
    lines += ["", "## Example", "Flagged (the span is marked ⟦…⟧):"]
    if spec.example_options:
        shown = ", ".join(f"{k} = {v!r}" for k, v in spec.example_options.items())
        lines[-1] = f"With {shown}, flagged (the span is marked ⟦…⟧):"
    lines += [textwrap.indent(example.rstrip("\n"), "    ") for example in spec.examples_fail]
    lines += ["Not flagged:"]
    lines += [textwrap.indent(_plain(example).rstrip("\n"), "    ") for example in spec.examples_pass]
    lines += ["", "## Options", *option_lines(spec)]
    return "\n".join(lines)


def option_lines(spec: RuleSpec) -> list[str]:
    """One line per option of the rule's kind: name, type, the value in force for this rule (the
    kind's default with the rule file's and the config's `[rules.ID]` overrides applied), meaning."""
    from tqcheck.kinds import KINDS

    declared = KINDS[spec.kind].OPTIONS
    if not declared:
        return ["(none)"]
    lines = []
    for name, option in declared.items():
        types = option.types if isinstance(option.types, tuple) else (option.types,)
        value = spec.options.get(name, option.default)
        shown = "required" if option.required and value is None else f"default: {_value(value)}"
        lines.append(f"- `{name}` ({' or '.join(t.__name__ for t in types)}, {shown}): {option.help}")
    return lines


def _value(value: object, limit: int = 60) -> str:
    """A YAML-like rendering, long lists and tables cut: `[etc, vs, cf, …] (41 items)`."""
    if value is None:
        return "unset"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value == "":
        return '""'
    if isinstance(value, list):
        text = "[" + ", ".join(_value(item, limit) for item in value) + "]"
        return text if len(text) <= limit else text[: limit - 2].rsplit(", ", 1)[0] + f", …] ({len(value)} items)"
    if isinstance(value, dict):
        text = "{" + ", ".join(f"{k}: {_value(v, limit)}" for k, v in value.items()) + "}"
        return text if len(text) <= limit else text[: limit - 2].rsplit(", ", 1)[0] + f", …}} ({len(value)} keys)"
    return str(value)


def explain(config: Config, rule_id: str) -> None:
    print(explain_text(find_rule(config, rule_id)))


def list_rules(
    pack_dirs: Annotated[
        list[str] | None, typer.Argument(help="With --test: the packs (folders or built-in names) to test.")
    ] = None,
    config_file: ConfigOption = None,
    packs: PacksOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    all_packs: Annotated[bool, typer.Option("--all", help="Include every built-in pack, active or not.")] = False,
    test: Annotated[
        bool,
        typer.Option(
            "--test",
            help="Run the rules' examples (default: every built-in pack and the config's packs); exit 1 on a failure.",
        ),
    ] = False,
) -> None:
    """List rules: id, name, kind, severity, pack, enabled. With --test, run their examples."""
    config, _ = build_config(config_file, ["."], packs=packs, select=select, ignore=ignore)
    try:
        if test:
            _test_examples(config, pack_dirs or [])
        elif pack_dirs:
            raise fail("pack folders are only taken with --test")
        print_rule_table(config, all_packs=all_packs)
    except ValueError as exc:
        raise fail(str(exc)) from None


def _test_examples(config: Config, pack_dirs: list[str]) -> None:
    """Every example of the chosen packs through the real run; one line per failure."""
    from pathlib import Path

    from tqcheck.engine.examples import run_examples
    from tqcheck.engine.packs import builtin_pack_names, load_pack, resolve_pack

    names = pack_dirs or list(dict.fromkeys([*builtin_pack_names(), *config.packs]))
    packs = [str(resolve_pack(name, Path.cwd() if pack_dirs else config.root)) for name in names]
    specs = [spec for pack in packs for spec in load_pack(Path(pack)).specs]
    console = Console(highlight=False)
    failed = 0
    total = 0
    for outcome in run_examples(specs, packs, config.root):
        total += 1
        if not outcome.passed:
            failed += 1
            console.print(f"FAIL {outcome.describe()}", soft_wrap=True)
    rules = len(specs)
    if failed:
        console.print(f"{failed} of {total} example(s) of {rules} rule(s) failed.", style="red")
        raise typer.Exit(1)
    console.print(f"All {total} example(s) of {rules} rule(s) pass.", style="green")
    raise typer.Exit(0)


def explain_rule(
    rule_id: Annotated[str, typer.Argument(help="Rule id, e.g. PN002.")],
    config_file: ConfigOption = None,
    packs: PacksOption = None,
) -> None:
    """Explain one rule: what it flags, why it matters, what to do instead, examples."""
    config, _ = build_config(config_file, ["."], packs=packs)
    try:
        explain(config, rule_id.upper())
    except LookupError as exc:
        raise fail(str(exc.args[0])) from None
    except ValueError as exc:
        raise fail(str(exc)) from None
