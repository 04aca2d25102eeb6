"""Loud misconfiguration: every typo that would switch checks off is exit 2 with a message
that names the flag or the file and key, and the nearest valid codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import FIXTURES, invoke

CLEAN = str(FIXTURES / "samples" / "clean.md")
BRIEFING = str(FIXTURES / "samples" / "briefing.md")


def _error(*args: str) -> str:
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    return " ".join(result.output.split())  # rich may wrap long lines


@pytest.mark.parametrize(
    ("flag", "code", "expected"),
    [
        ("--select", "PN02", "--select: unknown rule code or prefix 'PN02' (did you mean PN002"),
        ("--select", "FOO", "--select: unknown rule code or prefix 'FOO' (codes start with BP, BT, GW, PN, TL"),
        ("--extend-select", "GW09", "--extend-select: unknown rule code or prefix 'GW09' (did you mean GW00"),
        ("--ignore", "PN02", "--ignore: unknown rule code or prefix 'PN02' (did you mean PN002"),
    ],
)
def test_unknown_code_on_the_command_line_is_exit_2_with_nearest_codes(flag: str, code: str, expected: str) -> None:
    assert expected in _error("check", flag, code, CLEAN)


def test_code_of_a_pack_not_enabled_names_the_pack() -> None:
    message = _error("check", "--select", "ST001", CLEAN)
    assert "--select: ST001 is in pack en-news, which is not enabled" in message
    assert "--packs en-news" in message
    assert "ST is in pack en-news" in _error("check", "--extend-select", "ST", CLEAN)
    # with the pack enabled the same selection is fine
    assert invoke("check", "--packs", "en-news", "--select", "ST001", CLEAN).exit_code == 0


def test_ignoring_a_rule_of_a_pack_not_enabled_is_harmless() -> None:
    assert invoke("check", "--ignore", "ST001", CLEAN).exit_code == 0


def _config(tmp_path: Path, body: str) -> str:
    config = tmp_path / "tqcheck.toml"
    config.write_text(body, encoding="utf-8")
    return str(config)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('select = ["PN02"]\n', "key 'select': unknown rule code or prefix 'PN02' (did you mean PN002"),
        ('ignore = ["PN02"]\n', "key 'ignore': unknown rule code or prefix 'PN02'"),
        ('extend-select = ["ST001"]\n', "key 'extend-select': ST001 is in pack en-news, which is not enabled"),
        ('[per-file-ignores]\n"a/*.md" = ["GW9"]\n', "key 'per-file-ignores.\"a/*.md\"': unknown rule code or prefix"),
        ('select = "GW"\n', "key 'select': expected a list of strings, e.g. [\"GW\"]"),
        ('ignore = "PN002"\n', "key 'ignore': expected a list of strings"),
        ('packs = "en-news"\n', "key 'packs': expected a list of strings"),
        ("language = 7\n", "key 'language': expected a language code"),
        ('language = "klingon"\n', "key 'language': unknown language 'klingon'"),
        ("respect-gitignore = 1\n", "key 'respect-gitignore': expected true or false"),
        (
            "[rules.PN02]\nseverity = 'error'\n",
            "key 'rules.PN02': no such rule in the active packs (did you mean PN002",
        ),
        ("[rules.ST001]\nseverity = 'error'\n", "key 'rules.ST001': ST001 is in pack en-news, which is not enabled"),
    ],
)
def test_config_file_mistakes_are_exit_2_naming_file_and_key(tmp_path: Path, body: str, expected: str) -> None:
    config = _config(tmp_path, body)
    message = _error("check", "--config", config, CLEAN)
    assert f"{config}: {expected}" in message


def test_unknown_language_flag_is_exit_2() -> None:
    message = _error("check", "--language", "klingon", CLEAN)
    assert "--language: unknown language 'klingon'" in message and "en, fr, de" in message
    assert "did you mean fr" in _error("check", "--language", "frr", CLEAN)
    assert "unknown language 'xx'" in _error("names", "--language", "xx", CLEAN)
    assert invoke("check", "--language", "fr-FR", "--fail-on", "never", CLEAN).exit_code == 0


def test_rules_command_checks_the_selection_too() -> None:
    assert "unknown rule code or prefix 'PN02'" in _error("rules", "--select", "PN02")


def test_no_file_to_check_is_exit_2_unless_allowed(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    message = _error("check", str(tmp_path))
    assert f"no files to check in {tmp_path}" in message and ".md" in message and "--allow-empty" in message
    result = invoke("check", "--allow-empty", str(tmp_path))
    assert result.exit_code == 0 and "0 file(s) checked" in result.output


def test_undetectable_language_gets_an_info_finding_and_json_names_languages(tmp_path: Path) -> None:
    short = tmp_path / "caption.md"
    short.write_text("Zyx qwv 42.\n", encoding="utf-8")
    result = invoke("check", "-f", "json", str(short), CLEAN)
    assert result.exit_code == 0  # the notice is info: it never fails by default
    payload = json.loads(result.stdout)
    notices = [f for f in payload["findings"] if f["rule"] == "TQ001"]
    assert len(notices) == 1 and notices[0]["severity"] == "info" and notices[0]["path"] == str(short)
    assert "language not detected: GW001, GW003, GW004 skipped" in notices[0]["message"]
    assert "--language" in notices[0]["message"] and "lang:" in notices[0]["message"]
    assert {d["path"]: d["language"] for d in payload["documents"]} == {str(short): None, CLEAN: "en"}
    # declaring the language settles it: no notice
    declared = invoke("check", "-f", "json", "--language", "en", str(short))
    assert not [f for f in json.loads(declared.stdout)["findings"] if f["rule"] == "TQ001"]


def test_info_never_fails_by_default(tmp_path: Path) -> None:
    short = tmp_path / "caption.md"
    short.write_text("Zyx qwv 42.\n", encoding="utf-8")
    assert invoke("check", str(short)).exit_code == 0
    assert invoke("check", "--fail-on", "info", str(short)).exit_code == 1


def test_warnings_fail_by_default() -> None:
    assert invoke("check", BRIEFING).exit_code == 1
    assert invoke("check", "--fail-on", "error", BRIEFING).exit_code == 0
