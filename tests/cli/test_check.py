"""The CLI contract: formats, exit codes, rule docs, config precedence, stdin."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from helpers import FIXTURES, JSON_FINDING_FIELDS, invoke, run_module, sarif_schema

BRIEFING = str(FIXTURES / "samples" / "briefing.md")
CLEAN = str(FIXTURES / "samples" / "clean.md")
JSON_FIELDS = set(JSON_FINDING_FIELDS)


def test_json_format_fields_and_summary() -> None:
    result = invoke("check", "--format", "json", BRIEFING)
    payload = json.loads(result.stdout)
    assert payload["version"] == 1
    assert payload["findings"]
    for finding in payload["findings"]:
        assert set(finding) >= JSON_FIELDS
    assert payload["summary"]["findings"] == len(payload["findings"])
    assert payload["summary"]["files_checked"] == 1


def test_sarif_validates_against_the_2_1_0_schema() -> None:
    result = invoke("check", "--format", "sarif", "--packs", "en-news", BRIEFING)
    log = json.loads(result.stdout)
    jsonschema.validate(log, sarif_schema())
    run = log["runs"][0]
    assert {rule["id"] for rule in run["tool"]["driver"]["rules"]} >= {"ST001", "PN002"}
    first = run["results"][0]
    assert first["ruleId"] == "ST001" and first["level"] == "warning"
    region = first["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (7, 27, 31)
    assert all(rule["help"]["text"] for rule in run["tool"]["driver"]["rules"])


def test_github_annotation_lines_have_the_documented_shape() -> None:
    result = invoke("check", "--format", "github", BRIEFING)
    shape = re.compile(
        r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:]+::.+$"
    )
    lines = result.stdout.splitlines()
    assert lines and all(shape.match(line) for line in lines), lines


def test_junit_is_xml_with_one_case_per_file() -> None:
    from xml.etree import ElementTree as ET

    result = invoke("check", "--format", "junit", BRIEFING, CLEAN)
    suite = ET.fromstring(result.stdout).find("testsuite")
    assert suite is not None
    assert suite.get("tests") == "2" and suite.get("failures") == "1"


def test_text_format_has_frame_suggestion_and_summary() -> None:
    result = invoke("check", "--packs", "en-news", BRIEFING)
    assert "briefing.md:7:27: ST001" in result.stdout
    assert "^^^^ 'Kyiv'" in result.stdout
    assert "Found 7 finding(s) in 1 file(s)" in result.stdout
    assert "\x1b[" not in result.stdout  # no colour when not on a terminal


@pytest.mark.parametrize(("fail_on", "code"), [(None, 1), ("warning", 1), ("info", 1), ("error", 0), ("never", 0)])
def test_exit_codes_follow_fail_on(fail_on: str | None, code: int) -> None:
    args = ["check", BRIEFING] + (["--fail-on", fail_on] if fail_on else [])
    assert invoke(*args).exit_code == code


def test_clean_file_exits_zero() -> None:
    result = invoke("check", "--fail-on", "info", CLEAN)
    assert result.exit_code == 0 and "All clear" in result.stdout


def test_bad_fail_on_is_a_usage_error() -> None:
    result = invoke("check", "--fail-on", "sometimes", CLEAN)
    assert result.exit_code == 2
    assert "sometimes" in result.stderr


def test_select_and_ignore_prefixes() -> None:
    only_st = json.loads(invoke("check", "-f", "json", "--packs", "en-news", "--select", "ST", BRIEFING).stdout)
    assert {f["rule"] for f in only_st["findings"]} == {"ST001"}
    no_pn2 = json.loads(invoke("check", "-f", "json", "--ignore", "PN002", BRIEFING).stdout)
    assert "PN002" not in {f["rule"] for f in no_pn2["findings"]}


def test_stdin_uses_stdin_filename_for_format() -> None:
    result = invoke("check", "-f", "json", "--stdin-filename", "note.md", "-", input="Use `the the` or the the.\n")
    findings = json.loads(result.stdout)["findings"]
    assert [(f["path"], f["column"]) for f in findings] == [("note.md", 21)]


def test_output_file_is_written(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.json"
    result = invoke("check", "-f", "json", "-o", str(target), BRIEFING)
    assert result.exit_code == 1  # warnings fail by default
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == 1


def test_python_dash_m_and_seed_sample_json(seed_article: Path) -> None:
    proc = run_module("check", "--format", "json", str(seed_article))
    assert proc.returncode in (0, 1), proc.stderr
    payload = json.loads(proc.stdout)
    assert payload["version"] == 1


def test_en_news_reports_kyiv_on_the_seed_sample(seed_article: Path, tmp_path: Path) -> None:
    config = tmp_path / "tqcheck.toml"
    config.write_text('packs = ["en-news"]\n', encoding="utf-8")
    result = invoke("check", "-f", "json", "--select", "ST", "--config", str(config), str(seed_article))
    findings = json.loads(result.stdout)["findings"]
    assert [(f["line"], f["match"], f["suggestion"]) for f in findings] == [(38, "Kiev", "Kyiv")]


def test_html_report_is_self_contained_and_escaped(tmp_path: Path) -> None:
    from html.parser import HTMLParser

    source = tmp_path / "a.md"
    source.write_text("The <b>port</b> said said <script>x</script> yes.\n", encoding="utf-8")
    target = tmp_path / "report.html"
    result = invoke("check", "-f", "html", "-o", str(target), str(source))
    assert result.exit_code == 1  # PN002 is a warning
    page = target.read_text(encoding="utf-8")
    HTMLParser().feed(page)
    assert "<mark><del title='delete'> said</del></mark>" in page  # a deletion shown as one
    assert "&lt;script&gt;x&lt;/script&gt;" in page and page.count("<script>") == 1  # only the filters
    assert "http" not in page.replace("http-equiv", "")  # nothing loaded from outside


def test_report_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    import os
    import stat

    target = tmp_path / "report.json"
    invoke("check", "-f", "json", "-o", str(target), BRIEFING)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
