"""The JSON format: its field names, values and summary are a public contract."""

from __future__ import annotations

import json

from helpers import JSON_FINDING_FIELDS
from small_run import BAD_PATH, FINDINGS, PATH, empty_run, small_run

from tqcheck.reporters import json_format


def test_top_level_fields_and_version() -> None:
    payload = json.loads(json_format.render(small_run()))
    assert list(payload) == ["version", "findings", "errors", "documents", "fixed", "summary"]
    assert payload["version"] == 1


def test_each_finding_has_exactly_the_documented_fields_and_values() -> None:
    findings = json.loads(json_format.render(small_run()))["findings"]
    assert [list(f) for f in findings] == [JSON_FINDING_FIELDS] * len(FINDINGS)
    first = findings[0]
    assert first == {
        "rule": "PN004",
        "name": "space-before-comma",
        "severity": "warning",
        "path": PATH,
        "line": 1,
        "column": 18,
        "end_line": 1,
        "end_column": 20,
        "start": 17,
        "end": 19,
        "match": " ,",
        "message": "Space before ','.",
        "suggestion": ",",
        "fix_safe": True,
        "reason": None,
    }
    assert [(f["severity"], f["suggestion"], f["fix_safe"]) for f in findings] == [
        ("warning", ",", True),
        ("error", None, False),
        ("info", "", False),
    ]


def test_text_is_kept_as_written() -> None:
    rendered = json_format.render(small_run())
    assert "répété" in rendered  # not \u00e9: the JSON is UTF-8 as written
    findings = json.loads(rendered)["findings"]
    assert findings[1]["match"] == "<b>Le Monde</b>"
    assert findings[1]["message"] == "Markup 50% left: <b> & co,\nin the text."


def test_errors_and_summary() -> None:
    payload = json.loads(json_format.render(small_run()))
    assert payload["errors"] == [
        {"path": BAD_PATH, "message": "binary file (contains NUL bytes), not checked", "kind": "read"}
    ]
    assert payload["summary"] == {
        "files": 3,
        "files_checked": 2,
        "files_with_findings": 1,
        "findings": 3,
        "errors": 1,
        "errors_by_kind": {"read": 1, "timeout": 0, "write": 0},
        "by_severity": {"error": 1, "warning": 1, "info": 1},
        "by_rule": {"BP003": 1, "PN002": 1, "PN004": 1},
        "fixable": 1,
        "unsafe_fixable": 1,
    }
    assert list(payload["summary"]["by_severity"]) == ["error", "warning", "info"]


def test_an_empty_run_has_empty_lists_and_zero_counts() -> None:
    payload = json.loads(json_format.render(empty_run()))
    assert payload["findings"] == [] and payload["errors"] == []
    assert payload["summary"]["files_checked"] == 1 and payload["summary"]["findings"] == 0
    assert payload["summary"]["by_severity"] == {"error": 0, "warning": 0, "info": 0}
    assert payload["summary"]["by_rule"] == {}
