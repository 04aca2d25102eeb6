"""SARIF 2.1.0: valid against the schema; rules, results, regions, safe fixes and input errors."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
from helpers import sarif_schema
from small_run import BAD_PATH, empty_run, small_run

from tqcheck.core.version import __version__
from tqcheck.reporters import sarif


def _run(log: dict[str, Any]) -> dict[str, Any]:
    (run,) = log["runs"]
    return run  # type: ignore[no-any-return]


def test_validates_against_the_2_1_0_schema() -> None:
    for result in (small_run(), empty_run()):
        log = json.loads(sarif.render(result))
        jsonschema.validate(log, sarif_schema())
        assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")


def test_driver_lists_every_rule_run_sorted_with_help() -> None:
    driver = _run(json.loads(sarif.render(small_run())))["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("tqcheck", __version__)
    assert [rule["id"] for rule in driver["rules"]] == ["BP003", "PN002", "PN004"]
    levels = {rule["id"]: rule["defaultConfiguration"]["level"] for rule in driver["rules"]}
    assert levels == {"BP003": "error", "PN002": "note", "PN004": "warning"}
    bp003 = driver["rules"][0]
    assert bp003["shortDescription"]["text"] == "What BP003 flags."
    assert bp003["help"]["text"] == "What BP003 flags.\n\nWhy it matters.\n\nWhat to write."
    assert bp003["properties"] == {"pack": "core", "kind": "existence"}


def test_results_point_at_their_rule_and_region() -> None:
    run = _run(json.loads(sarif.render(small_run())))
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert run["columnKind"] == "unicodeCodePoints"
    assert [(r["ruleId"], r["level"]) for r in run["results"]] == [
        ("PN004", "warning"),
        ("BP003", "error"),
        ("PN002", "note"),
    ]
    for result in run["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]
    location = run["results"][1]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "news/a%2Cb%3Ac.md"}  # percent-encoded; no root known
    assert location["region"] == {
        "startLine": 1,
        "startColumn": 26,
        "endLine": 1,
        "endColumn": 41,
        "charOffset": 25,
        "charLength": 15,
        "snippet": {"text": "<b>Le Monde</b>"},
    }
    assert run["results"][0]["message"]["text"] == "Space before ','."  # the suggestion is the fix


def test_only_safe_suggestions_become_fixes() -> None:
    results = _run(json.loads(sarif.render(small_run())))["results"]
    assert ["fixes" in r for r in results] == [True, False, False]
    (change,) = results[0]["fixes"][0]["artifactChanges"]
    assert change["replacements"] == [
        {"deletedRegion": {"charOffset": 17, "charLength": 2}, "insertedContent": {"text": ","}}
    ]


def test_unreadable_files_are_notifications_and_the_run_unsuccessful() -> None:
    (invocation,) = _run(json.loads(sarif.render(small_run())))["invocations"]
    assert invocation["executionSuccessful"] is False
    assert [n["message"]["text"] for n in invocation["toolExecutionNotifications"]] == [
        f"{BAD_PATH}: binary file (contains NUL bytes), not checked"
    ]
    (clean,) = _run(json.loads(sarif.render(empty_run())))["invocations"]
    assert clean["executionSuccessful"] is True and clean["toolExecutionNotifications"] == []
