"""`tqcheck names`: the table, JSON, and a written glossary that the TL rules then use."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import FIXTURES
from typer.testing import CliRunner

from tqcheck import check_paths
from tqcheck.cli.app import app
from tqcheck.core.config import Config

CORPUS = FIXTURES / "names" / "corpus"


def test_names_command_table_json_and_glossary_round_trip(tmp_path: Path) -> None:
    runner = CliRunner()
    table = runner.invoke(app, ["names", str(CORPUS), "--variants-only"])
    assert table.exit_code == 0, table.output
    assert "Khodorkovsky" in table.output and "Khodorkovski" in table.output
    as_json = runner.invoke(app, ["names", str(CORPUS), "--format", "json", "--variants-only"])
    clusters = json.loads(as_json.output)
    khodorkovsky = next(c for c in clusters if c["canonical"] == "Khodorkovsky")
    assert {s["spelling"]: s["count"] for s in khodorkovsky["spellings"]} == {"Khodorkovsky": 5, "Khodorkovski": 4}
    assert khodorkovsky["languages"] == {"fr": "Mikhaïl Khodorkovski"}
    out = tmp_path / "house.yaml"
    written = runner.invoke(app, ["names", str(CORPUS), "--variants-only", "--write-glossary", str(out)])
    assert written.exit_code == 0 and out.is_file()
    story = tmp_path / "new.txt"
    story.write_text("Mikhail Khodorkovski spoke on Friday.\n", encoding="utf-8")
    findings = check_paths([story], config=Config(extra={"names-glossary": (str(out),)}, root=tmp_path))
    assert [(f.rule, f.match, f.suggestion) for f in findings if f.rule == "TL002"] == [
        ("TL002", "Khodorkovski", "Khodorkovsky")
    ]
