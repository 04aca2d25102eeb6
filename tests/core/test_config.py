"""Config discovery, precedence and loud failures."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import invoke

DOUBLED = "It was was late in Kiev.\n"


def _project(tmp_path: Path, config: str, name: str = "tqcheck.toml") -> Path:
    (tmp_path / name).write_text(config, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    target = tmp_path / "docs" / "a.md"
    target.write_text(DOUBLED, encoding="utf-8")
    return target


def rules_found(*args: str) -> list[str]:
    result = invoke("check", "-f", "json", *args)
    assert result.exit_code in (0, 1), result.stdout + result.stderr
    return [f["rule"] for f in json.loads(result.stdout)["findings"]]


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


def _house_pack(root: Path, rule_file: str, rule_yaml: str) -> Path:
    """A config in `root` enabling a pack `house` with one rule file; returns a file to check."""
    pack = root / "house"
    pack.mkdir()
    (pack / rule_file).write_text(rule_yaml, encoding="utf-8")
    (root / "tqcheck.toml").write_text('packs = ["house"]\n', encoding="utf-8")
    target = root / "a.md"
    target.write_text("x\n", encoding="utf-8")
    return target


def test_repo_pack_from_config_folder(tmp_path: Path) -> None:
    target = _house_pack(
        tmp_path,
        "ST901.yaml",
        "id: ST901\nname: no-utilise\nkind: substitution\nmessage: \"Use '{suggestion}'.\"\n"
        "description: {what: a, why: b, instead: c}\noptions: {swap: {utilise: use}}\n"
        "examples: {fail: ['We ⟦utilise⟧ it.'], pass: ['We use it.']}\n",
    )
    target.write_text("They utilise boats.\n", encoding="utf-8")
    assert rules_found(str(target)) == ["ST901"]


def test_bad_rule_file_stops_the_run_naming_file_and_key(tmp_path: Path) -> None:
    target = _house_pack(
        tmp_path, "ST902.yaml", "id: ST902\nname: x\nkind: nonsense\nmessage: m\nexamples: {fail: ['⟦a⟧'], pass: [b]}\n"
    )
    result = invoke("check", str(target))
    assert result.exit_code == 2
    assert "ST902.yaml" in result.stderr and "'kind'" in result.stderr


def test_yaml_boolean_in_a_word_list_is_a_clear_error(tmp_path: Path) -> None:
    target = _house_pack(
        tmp_path,
        "PN901.yaml",
        "id: PN901\nname: stops\nkind: broken-sentence\nmessage: m\n"
        "description: {what: a, why: b, instead: c}\noptions: {abbreviations: {en: [no, nr]}}\n"
        "examples: {fail: ['A ⟦closure. of⟧ it.'], pass: ['No. 5.']}\n",
    )
    result = invoke("check", str(target))
    assert result.exit_code == 2
    assert "PN901.yaml" in result.stderr and "quote no/on/off/yes" in result.stderr


def test_duplicate_rule_id_is_exit_2(tmp_path: Path) -> None:
    target = _house_pack(
        tmp_path,
        "PN002.yaml",
        "id: PN002\nname: x\nkind: existence\nmessage: m\noptions: {tokens: [a]}\n"
        "description: {what: a, why: b, instead: c}\nexamples: {fail: ['⟦a⟧'], pass: [b]}\n",
    )
    result = invoke("check", str(target))
    assert result.exit_code == 2 and "duplicate rule id PN002" in result.stderr
