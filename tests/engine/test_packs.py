"""Rule packs from the project folder: loaded by name, and a bad rule file stops the run naming
the file and key."""

from __future__ import annotations

from pathlib import Path

from helpers import invoke, rules_found


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
    assert rules_found(str(target)) == ["TQ001", "ST901"]  # a one-line text: language not detected


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
