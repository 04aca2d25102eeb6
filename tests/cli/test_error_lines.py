"""Every user-facing error is one line saying what and where (file, line, key), exit 2, and no
traceback unless --debug: tried the way a careless user would."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from helpers import invoke

from tqcheck.cli import app as app_module

PACK_RULE = """id: {id}
name: user-rule
kind: {kind}
message: m
options:
{options}
examples:
  fail: ["⟦x⟧"]
  pass: ["y"]
"""


def _pack(tmp_path: Path, rule_id: str, body: str) -> Path:
    pack = tmp_path / "pack"
    pack.mkdir(exist_ok=True)
    (pack / f"{rule_id}.yaml").write_text(body, encoding="utf-8")
    return pack


def _one_error_line(result, *needles: str) -> str:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    text = result.stderr + result.stdout
    assert "Traceback" not in text
    lines = [line for line in text.splitlines() if "error" in line]
    assert len(lines) == 1, text
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def test_an_invalid_regex_in_a_pack(tmp_path: Path) -> None:
    options = "  regex: true\n  tokens: ['(x']"
    pack = _pack(tmp_path, "XX101", PACK_RULE.format(id="XX101", kind="existence", options=options))
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    result = invoke("check", "--packs", str(pack), str(tmp_path / "a.md"))
    _one_error_line(result, "XX101.yaml", "key 'options.tokens[0]'", "invalid regular expression '(x'")


def test_an_invalid_regex_in_a_substitution(tmp_path: Path) -> None:
    options = "  regex: true\n  swap: {'[z': 'y'}"
    pack = _pack(tmp_path, "XX102", PACK_RULE.format(id="XX102", kind="substitution", options=options))
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    result = invoke("check", "--packs", str(pack), str(tmp_path / "a.md"))
    _one_error_line(result, "XX102.yaml", "key 'options.swap", "'[z'")


def test_malformed_yaml_in_a_pack_names_its_line(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "XX103", "id: XX103\nname: [open\n  kind: : x\n")
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    _one_error_line(invoke("check", "--packs", str(pack), str(tmp_path / "a.md")), "XX103.yaml", "line 3")


def test_malformed_yaml_in_a_names_glossary(tmp_path: Path) -> None:
    (tmp_path / "names.yaml").write_text("names:\n  - canonical: [x\n", encoding="utf-8")
    (tmp_path / "tqcheck.toml").write_text('names-glossary = ["names.yaml"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("Talks with Alexander Grushko resumed.\n", encoding="utf-8")
    result = invoke("check", "--config", str(tmp_path / "tqcheck.toml"), str(tmp_path / "a.md"))
    _one_error_line(result, "names.yaml", "invalid YAML at line")


@pytest.mark.parametrize(
    ("config", "needle"),
    [
        ("ignroe = ['PN']\n", "unknown key 'ignroe'"),
        ('max-file-size = "huge"\n', "key 'max-file-size'"),
        ("rule-time-budget = -1\n", "key 'rule-time-budget'"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_a_bad_config_names_file_and_key(tmp_path: Path, config: str, needle: str) -> None:
    (tmp_path / "tqcheck.toml").write_text(config, encoding="utf-8")
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    result = invoke("check", "--config", str(tmp_path / "tqcheck.toml"), str(tmp_path / "a.md"))
    _one_error_line(result, "tqcheck.toml", needle)


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"Caf\xe9 au lait.\nSecond line.\n", "not valid UTF-8 (byte 0xe9 on line 1)"),
        (b"\xff\xfeT\x00e\x00x\x00t\x00", "UTF-16"),
        (b"\x7fELF\x00\x00\x01binary", "binary file"),
    ],
)
def test_an_unreadable_file_is_one_line_and_the_others_are_checked(tmp_path: Path, data: bytes, needle: str) -> None:
    (tmp_path / "bad.md").write_bytes(data)
    (tmp_path / "good.md").write_text("The the port reopened.\n", encoding="utf-8")
    result = invoke("check", str(tmp_path))
    line = _one_error_line(result, "bad.md", needle)
    assert "good.md" not in line
    assert "good.md:1:4: PN002" in result.stdout.replace(str(tmp_path) + "/", "")


def test_an_unexpected_error_is_one_line_and_debug_shows_the_traceback(monkeypatch, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("simulated bug")

    monkeypatch.setattr("tqcheck.engine.run.run", broken)
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["tqcheck", "check", str(tmp_path / "a.md")])
    with pytest.raises(SystemExit) as exited:
        app_module.main()
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("tqcheck: error: unexpected RuntimeError: simulated bug in ")
    assert "--debug" in err

    monkeypatch.setattr(sys, "argv", ["tqcheck", "--debug", "check", str(tmp_path / "a.md")])
    with pytest.raises(RuntimeError, match="simulated bug"):
        app_module.main()
