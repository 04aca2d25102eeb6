"""Every TL finding says why it matched (`reason`): in JSON, in the text output and in
`tqcheck names`. Texts written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tqcheck.cli.app import app

STORY = (
    "Deputy minister Alexander Grushko spoke first. Grushko said the talks were useful.\n"
    "Later Alexander Grouchko added that the next round would be in Vienna.\n"
    "The minister arrived late , and the session ended early.\n"
)


def test_json_findings_carry_a_reason(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--format", "json", "--fail-on", "never", str(story)])
    findings = json.loads(result.output)["findings"]
    names = [f for f in findings if f["rule"] == "TL001"]
    assert [(f["match"], f["reason"]) for f in names] == [("Grouchko", "same transliteration key 'grushko'")]
    others = [f for f in findings if not f["rule"].startswith("TL")]
    assert others and all("reason" in f and f["reason"] is None for f in others)


def test_text_output_shows_the_reason(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--select", "TL", "--no-color", str(story)])
    assert "(why: same transliteration key 'grushko')" in result.output


def test_names_command_shows_why_spellings_are_one_name(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Mikhail Khodorkovsky spoke in London on Monday.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Mikhail Khodorkovsky and his lawyers left.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Supporters of Mikhail Chodorkowski gathered outside.\n", encoding="utf-8")
    as_json = CliRunner().invoke(app, ["names", str(tmp_path), "--format", "json", "--variants-only"])
    cluster = json.loads(as_json.output)[0]
    reasons = {s["spelling"]: s["reason"] for s in cluster["spellings"]}
    assert reasons["Khodorkovsky"] is None and "transliteration key" in reasons["Chodorkowski"]
    table = CliRunner().invoke(app, ["names", str(tmp_path), "--variants-only"])
    words = table.output.split()  # the table wraps its cells
    assert "why" in words and "Chodorkowski:" in words and "transliteration" in words
