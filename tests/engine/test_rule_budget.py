"""A pack's regular expressions: a bad one is a clear error naming the file; a catastrophically
backtracking one runs in linear time (RE2) where RE2 matches exactly as `re` does, and is
stopped by the per-rule time budget, reported, and passed over where it cannot."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqcheck.core.config import Config
from tqcheck.core.errors import PackError
from tqcheck.engine.packs import instantiate, load_rule_file
from tqcheck.engine.passes import check_each, timeouts
from tqcheck.kinds.patterns import compile_user_pattern
from tqcheck.readers import read_text

RULE = """id: {id}
name: user-pattern
kind: existence
message: Found {{group1}}
options:
  regex: true
  tokens: [{token}]
examples:
  fail: ["⟦x⟧"]
  pass: ["y"]
"""


def _rule(tmp_path: Path, rule_id: str, token: str):  # type: ignore[no-untyped-def]
    path = tmp_path / f"{rule_id}.yaml"
    path.write_text(RULE.format(id=rule_id, token=token), encoding="utf-8")
    return instantiate(load_rule_file(path, pack="user"))


def test_an_invalid_pattern_is_one_line_naming_file_key_and_position(tmp_path: Path) -> None:
    with pytest.raises(PackError) as caught:
        _rule(tmp_path, "XX001", "'(unclosed'")
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(
        f"{tmp_path / 'XX001.yaml'}: key 'options.tokens[0]': invalid regular expression '(unclosed'"
    )
    assert "position 0" in message


def test_a_backtracking_pattern_re2_can_take_runs_in_linear_time(tmp_path: Path) -> None:
    rule = _rule(tmp_path, "XX002", "'(a+)+b'")
    assert type(rule.patterns[0]).__module__.startswith("re2")
    doc = read_text("a" * 200_000 + "c\n", "x.txt")
    started = time.perf_counter()
    found, summaries = check_each([doc], [rule], Config())
    assert time.perf_counter() - started < 5  # re would need longer than the universe's age
    assert found == [] and not timeouts(summaries)


def test_a_backtracking_pattern_re2_cannot_take_is_stopped_and_reported(tmp_path: Path) -> None:
    slow = _rule(tmp_path, "XX003", r"'(\w+\s?)+$'")  # \w is Unicode in re, ASCII in RE2: stays with re
    fine = _rule(tmp_path, "XX004", "'Monday'")
    assert isinstance(slow.patterns[0], re.Pattern)
    doc = read_text("a" * 40 + "!\nOn Monday it rained.\n", "x.txt")
    started = time.perf_counter()
    found, summaries = check_each([doc], [slow, fine], Config(rule_time_budget=0.5))
    assert time.perf_counter() - started < 30
    assert [f.rule for f in found] == ["XX004"]  # the next rule still ran
    errors = timeouts(summaries)
    assert [(e.path, e.message.split(" (")[0]) for e in errors] == [("x.txt", "rule XX003 stopped after 0.5 s")]
    assert "\n" not in errors[0].message


# characters where RE2 and re could disagree: accents, case pairs, astral, newlines
ALPHABET = st.sampled_from(list("aAbB éÉßẞİıKk\u212a\n\r\t.-😀ǅ"))
PATTERNS = st.sampled_from(["é+", "[a-z]+", "(a|b)+é", "[^ ]+", "^a", "b$", "K.", "(?:ab)*", "ß", "İ", "😀+"])


@settings(max_examples=150, deadline=None)
@given(PATTERNS, st.text(ALPHABET, max_size=40), st.booleans(), st.booleans())
def test_the_linear_engine_finds_exactly_what_re_finds(
    pattern: str, text: str, ignore_case: bool, multiline: bool
) -> None:
    flags = (re.IGNORECASE if ignore_case else 0) | (re.MULTILINE if multiline else 0)
    chosen = compile_user_pattern(pattern, ignore_case=ignore_case, multiline=multiline)
    expected = [(m.span(), m.groups()) for m in re.compile(pattern, flags).finditer(text)]
    assert [(m.span(), m.groups()) for m in chosen.finditer(text)] == expected


def _slow_pack(root: Path) -> Path:
    """A project whose pack has a rule that backtracks on `re` and a budget of half a second;
    returns the file it stalls on."""
    pack = root / "house"
    pack.mkdir()
    (pack / "XX003.yaml").write_text(RULE.format(id="XX003", token=r"'(\w+\s?)+$'"), encoding="utf-8")
    (root / "tqcheck.toml").write_text(
        'packs = ["house"]\nlanguage = "en"\nrule-time-budget = 0.5\nselect = ["XX", "PN002"]\n', encoding="utf-8"
    )
    target = root / "a.txt"
    target.write_text("a" * 40 + "!\nIt is in in the port.\n", encoding="utf-8")
    return target


def test_a_stopped_rule_is_reported_as_such_not_as_an_unreadable_file(tmp_path: Path) -> None:
    import json

    from helpers import invoke

    target = _slow_pack(tmp_path)
    result = invoke("check", str(target))
    assert result.exit_code == 2
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert len(errors) == 1 and errors[0].startswith(f"{target}: error: rule XX003 stopped after 0.5 s")
    assert "PN002" in result.stdout  # the file was checked by the other rules
    assert "1 rule run(s) stopped by the time budget" in result.stdout
    assert "could not be read" not in result.stdout
    payload = json.loads(invoke("check", "-f", "json", str(target)).stdout)
    assert [e["kind"] for e in payload["errors"]] == ["timeout"]
    assert payload["summary"]["files"] == 1 and payload["summary"]["files_checked"] == 1


def test_check_text_warns_of_a_stopped_rule(tmp_path: Path) -> None:
    from tqcheck import RuleTimeoutWarning, check_text
    from tqcheck.core.config import load_file

    target = _slow_pack(tmp_path)
    config = load_file(tmp_path / "tqcheck.toml")
    with pytest.warns(RuleTimeoutWarning, match=r"a\.txt: rule XX003 stopped after 0\.5 s"):
        findings = check_text(target.read_text(encoding="utf-8"), path=str(target), config=config)
    assert [f.rule for f in findings] == ["PN002"]
