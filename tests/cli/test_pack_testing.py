"""Custom packs: a bad regex or option is exit 2 naming file and key (never a traceback), and
`tqcheck rules --test` runs the examples of built-in and user packs, exit 1 on a failure."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import FIXTURES, invoke

CLEAN = str(FIXTURES / "samples" / "clean.md")
HEAD = 'id: ST902\nname: house\nmessage: "No."\ndescription: {what: a, why: b, instead: c}\n'


def _pack(
    tmp_path: Path, body: str, examples: str = "{fail: ['We ⟦utilise⟧ it.'], pass: ['We use it.']}", name: str = "house"
) -> Path:
    pack = tmp_path / name
    pack.mkdir(exist_ok=True)
    (pack / "ST902.yaml").write_text(HEAD + body + f"examples: {examples}\n", encoding="utf-8")
    return pack


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "kind: existence\noptions: {tokens: ['ok', 'fo(o'], regex: true}\n",
            "key 'options.tokens[1]': invalid regular expression 'fo(o': missing ), unterminated subpattern",
        ),
        (
            "kind: substitution\noptions: {swap: {'[a-': b}, regex: true}\n",
            "key 'options.swap.[a-': invalid regular expression '[a-'",
        ),
        ("kind: existence\noptions: {tokens: 3}\n", "key 'options.tokens': expected list, got int"),
        ("kind: existence\noptions: {tokns: [a]}\n", "key 'options.tokns': unknown option for kind 'existence'"),
        ("kind: existance\n", "key 'kind': unknown kind 'existance'"),
    ],
)
def test_pack_errors_are_exit_2_naming_file_and_key(tmp_path: Path, body: str, expected: str) -> None:
    pack = _pack(tmp_path, body)
    for args in (["check", "--packs", str(pack), CLEAN], ["rules", "--test", str(pack)]):
        result = invoke(*args)
        message = " ".join(result.output.split())
        assert result.exit_code == 2, message
        assert f"{pack / 'ST902.yaml'}: {expected}" in message
        assert result.exception is None or isinstance(result.exception, SystemExit)  # no traceback


def test_rules_test_fails_on_a_wrong_example_and_passes_a_right_one(tmp_path: Path) -> None:
    body = "kind: substitution\noptions: {swap: {utilise: use}}\n"
    good = _pack(tmp_path, body)
    result = invoke("rules", "--test", str(good))
    assert result.exit_code == 0 and "All 2 example(s) of 1 rule(s) pass." in result.output
    wrong = _pack(tmp_path, body, "{fail: ['We ⟦utilise⟧ it.', 'We ⟦use⟧ it.'], pass: ['We utilise it.']}", "wrong")
    result = invoke("rules", "--test", str(wrong))
    lines = [" ".join(line.split()) for line in result.output.splitlines()]
    assert result.exit_code == 1
    assert f"FAIL {wrong / 'ST902.yaml'}: key 'examples.fail[1]': expected 'We ⟦use⟧ it.', got 'We use it.'" in lines
    assert (
        f"FAIL {wrong / 'ST902.yaml'}: key 'examples.pass[0]': expected 'We utilise it.', got 'We ⟦utilise⟧ it.'"
        in lines
    )
    assert "2 of 3 example(s) of 1 rule(s) failed." in lines


def test_rules_test_runs_built_in_packs_by_name() -> None:
    # drift's examples have side-car files (source, back-translation) and run the real model
    result = invoke("rules", "--test", "core", "boilerplate", "drift")
    assert result.exit_code == 0, result.output
    assert "example(s) of 20 rule(s) pass." in result.output
