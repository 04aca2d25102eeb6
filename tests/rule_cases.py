"""Collects every rule example and every fixtures/cases/<ID>.yaml case as test data.

A case runs through the real reader for its format with only its rule selected, so a case
tests the reader, masking, suppression and the rule together, exactly as a user runs it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tqcheck.core.config import Config
from tqcheck.core.model import RuleSpec
from tqcheck.engine.packs import builtin_pack_names
from tqcheck.engine.selection import all_specs

ROOT = Path(__file__).resolve().parent.parent
CASES_DIR = ROOT / "fixtures" / "cases"


@dataclass(frozen=True)
class Case:
    rule: str
    name: str
    marked: str
    format: str = "txt"
    language: str | None = None
    suggestions: tuple[str | None, ...] | None = None
    options: dict[str, Any] = field(default_factory=dict)
    packs: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return f"{self.rule}-{self.name}"


def every_spec() -> list[RuleSpec]:
    return all_specs(Config(packs=tuple(builtin_pack_names())))


def example_cases() -> list[Case]:
    cases = []
    for spec in every_spec():
        language = spec.languages[0] if spec.languages else None
        for i, text in enumerate(spec.examples_fail):
            cases.append(Case(spec.id, f"example-fail-{i}", text, language=language, packs=(spec.pack,)))
        for i, text in enumerate(spec.examples_pass):
            cases.append(Case(spec.id, f"example-pass-{i}", text, language=language, packs=(spec.pack,)))
    return cases


def file_cases() -> list[Case]:
    cases = []
    packs = {spec.id: spec.pack for spec in every_spec()}
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        rule = data.get("rule", path.stem)
        for entry in data["cases"]:
            suggestions = entry.get("suggestions")
            cases.append(
                Case(
                    rule=rule,
                    name=entry["name"],
                    marked=entry["text"],
                    format=entry.get("format", data.get("format", "txt")),
                    language=entry.get("language", data.get("language")),
                    suggestions=tuple(suggestions) if suggestions is not None else None,
                    options=entry.get("options", {}),
                    packs=(packs.get(rule, "core"), *entry.get("packs", [])),
                )
            )
    return cases
