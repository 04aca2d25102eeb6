"""Bilingual files end to end: findings of every family placed on the target text's line in the
file, in JSON, SARIF and GitHub output; BT rules scoring pairs without side-car files."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import FIXTURES, run_module

from tqcheck import check_paths
from tqcheck.core.config import Config

SAMPLES = FIXTURES / "bilingual"
NAMES = ("sample.xlf", "sample.po", "sample.tmx", "sample.tsv")


def _target_line(path: Path, line: int) -> str:
    return path.read_text(encoding="utf-8").splitlines()[line - 1]


def test_samples_report_findings_on_target_lines() -> None:
    paths = [str(SAMPLES / name) for name in NAMES]
    result = run_module("check", *paths, "--select", "XL,TL,PN,GW", "--format", "json", "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["errors"] == []
    by_file: dict[str, list[dict[str, object]]] = {}
    for finding in payload["findings"]:
        by_file.setdefault(Path(str(finding["path"])).name, []).append(finding)
    assert set(by_file) == set(NAMES)
    for name, findings in by_file.items():
        for finding in findings:
            line = _target_line(SAMPLES / name, int(str(finding["line"])))
            if name == "sample.xlf":
                assert "<target>" in line, (finding, line)
            elif name == "sample.tmx":
                assert 'xml:lang="en"' in line, (finding, line)
            elif name == "sample.po":
                assert line.startswith(("msgstr", '"')), (finding, line)
            else:
                assert line.count("\t") == 3 and not line.startswith("id\t"), (finding, line)
    rules = {f["rule"] for f in payload["findings"]}
    assert {"XL001", "XL002", "XL003", "XL005", "XL006", "XL007", "XL009"} <= rules
    # one finding per defect: the names XL005 reports rendered two ways are not TL001's too...
    spans = {(f["path"], f["start"]) for f in payload["findings"] if f["rule"] == "XL005"}
    assert spans and not any((f["path"], f["start"]) in spans for f in payload["findings"] if f["rule"] == "TL001")
    # ...though TL001 reads the targets and finds them on its own
    alone = run_module("check", *paths, "--select", "TL001", "--format", "json", "--fail-on", "never")
    assert {(f["path"], f["start"]) for f in json.loads(alone.stdout)["findings"]} == spans


def test_sarif_and_github_point_at_the_target_line() -> None:
    path = str(SAMPLES / "sample.xlf")
    as_json = json.loads(run_module("check", path, "--select", "XL001", "--format", "json").stdout)
    finding = as_json["findings"][0]
    assert "<target>" in _target_line(SAMPLES / "sample.xlf", finding["line"])
    sarif = json.loads(run_module("check", path, "--select", "XL001", "--format", "sarif").stdout)
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (finding["line"], finding["column"])
    github = run_module("check", path, "--select", "XL001", "--format", "github").stdout
    assert f"line={finding['line']},col={finding['column']}" in github


def test_back_translation_column_is_scored_without_side_car_files(tmp_path: Path) -> None:
    table = tmp_path / "pairs.tsv"
    table.write_text(
        "source\ttarget\tback_translation\n"
        "Le port accueille 40 bateaux.\tThe harbour holds 14 boats.\tLe port accueille 14 bateaux.\n"
        "La capitainerie ouvre le matin.\tThe harbour office opens in the morning.\t"
        "La capitainerie ouvre le matin.\n",
        encoding="utf-8",
    )
    config = Config(select=("BT001",), language="en", extra={"source-language": "fr"}, root=tmp_path)
    findings = check_paths([table], config=config)
    assert [(f.rule, f.line) for f in findings] == [("BT001", 2)]
    text = table.read_text(encoding="utf-8")
    assert text[findings[0].start : findings[0].end] == "The harbour holds 14 boats."


def test_monolingual_documents_are_untouched_by_the_xl_rules(tmp_path: Path) -> None:
    page = tmp_path / "a.md"
    page.write_text("# Title\n\nThe port holds 40 boats.  Visitors are welcome\n", encoding="utf-8")
    assert check_paths([page], config=Config(select=("XL",), root=tmp_path)) == []
