"""Config discovery, precedence, validation of keys and loud failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import ROOT, invoke, rules_found

from tqcheck.core.config import ConfigError, parse_table

DOUBLED = "It was was late in Kiev.\n"


def _project(tmp_path: Path, config: str, name: str = "tqcheck.toml") -> Path:
    (tmp_path / name).write_text(config, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    target = tmp_path / "docs" / "a.md"
    target.write_text(DOUBLED, encoding="utf-8")
    return target


def test_config_is_discovered_upward(tmp_path: Path) -> None:
    target = _project(tmp_path, 'packs = ["en-news"]\nignore = ["PN"]\n')
    assert rules_found(str(target)) == ["ST001"]


def test_pyproject_tool_table(tmp_path: Path) -> None:
    target = _project(tmp_path, '[project]\nname = "x"\n\n[tool.tqcheck]\npacks = ["en-news"]\n', "pyproject.toml")
    assert sorted(rules_found(str(target))) == ["PN002", "ST001"]


def test_cli_overrides_config(tmp_path: Path) -> None:
    target = _project(tmp_path, 'packs = ["en-news"]\nselect = ["ST"]\n')
    assert rules_found("--select", "PN", str(target)) == ["PN002"]


def test_per_file_ignores_and_rule_overrides(tmp_path: Path) -> None:
    target = _project(
        tmp_path,
        'packs = ["en-news"]\nfail-on = "warning"\n[per-file-ignores]\n"docs/*.md" = ["PN002"]\n'
        '[rules.ST001]\nseverity = "error"\nswap = { Kiev = "KYIV-TEST" }\n',
    )
    result = invoke("check", "-f", "json", str(target))
    findings = json.loads(result.stdout)["findings"]
    assert [(f["rule"], f["severity"], f["suggestion"]) for f in findings] == [("ST001", "error", "KYIV-TEST")]
    assert result.exit_code == 1


def test_unknown_key_is_exit_2_naming_file_and_key(tmp_path: Path) -> None:
    target = _project(tmp_path, 'ignroe = ["PN"]\n')
    result = invoke("check", str(target))
    assert result.exit_code == 2
    assert "ignroe" in result.stderr and "tqcheck.toml" in result.stderr


def test_unknown_rule_option_is_exit_2(tmp_path: Path) -> None:
    target = _project(tmp_path, "[rules.PN002]\nbogus = 1\n")
    result = invoke("check", str(target))
    assert result.exit_code == 2 and "options.bogus" in result.stderr


def test_override_for_missing_rule_is_exit_2(tmp_path: Path) -> None:
    target = _project(tmp_path, '[rules.ZZ001]\nseverity = "error"\n')
    result = invoke("check", str(target))
    assert result.exit_code == 2 and "ZZ001" in result.stderr


def test_invalid_toml_is_exit_2(tmp_path: Path) -> None:
    target = _project(tmp_path, "packs = [\n")
    result = invoke("check", str(target))
    assert result.exit_code == 2 and "invalid TOML" in result.stderr


def test_config_keys_are_validated() -> None:
    config = parse_table(
        {
            "model": "minilm",
            "batch-size": 8,
            "drift-threshold": 0.6,
            "source-language": "FR",
            "back-translation-pattern": "{stem}.bt.{src}{ext}",
        },
        "tqcheck.toml",
        ROOT,
        None,
    )
    assert config.extra["source-language"] == "fr" and config.extra["batch-size"] == 8
    for bad in (
        {"batch-size": 0},
        {"drift-threshold": 2},
        {"source-pattern": "../{stem}.{src}{ext}"},
        {"source-pattern": "{stem}.{source}{ext}"},
        {"source-pattern": "x.fr.md"},
    ):
        with pytest.raises(ConfigError):
            parse_table(bad, "tqcheck.toml", ROOT, None)
