"""SARIF fit for code scanning and the GitLab Code Quality report, on a real run: repository-
relative, percent-encoded URIs with a declared base; fingerprints shared with baselines."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urlparse

import jsonschema
from helpers import invoke, sarif_schema

TEXT = "The council met on Monday. It was was late, officials said on Monday evening.\n"


def _repository(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)  # a work tree's marker is enough to find its root
    (repo / "dir with space").mkdir()
    (repo / "dir with space" / "x é.md").write_text(TEXT, encoding="utf-8")
    (repo / "a#b%.md").write_text(TEXT, encoding="utf-8")
    return repo


def test_sarif_uris_are_relative_to_the_repository_and_percent_encoded(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    repo = _repository(tmp_path)
    outside = tmp_path / "outside.md"
    outside.write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(repo / "dir with space")  # run from a subfolder, with relative and absolute paths
    result = invoke("check", "-f", "sarif", ".", str(repo / "a#b%.md"), "../../outside.md")
    log = json.loads(result.stdout)
    jsonschema.validate(log, sarif_schema())
    (run,) = log["runs"]
    assert "informationUri" not in run["tool"]["driver"]
    base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base == repo.resolve().as_uri() + "/"
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    assert {"uri": "dir%20with%20space/x%20%C3%A9.md", "uriBaseId": "%SRCROOT%"} in locations
    assert {"uri": "a%23b%25.md", "uriBaseId": "%SRCROOT%"} in locations
    (external,) = [loc for loc in locations if "uriBaseId" not in loc]
    assert urlparse(external["uri"]).scheme == "file"
    assert Path(unquote(urlparse(external["uri"]).path)) == outside.resolve()
    for entry in run["results"]:
        assert "Suggestion" not in entry["message"]["text"]
        assert set(entry["partialFingerprints"]) == {"tqcheck/v1"}


def test_sarif_fingerprints_are_the_baseline_fingerprints(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    repo = _repository(tmp_path)
    monkeypatch.chdir(repo)
    assert invoke("baseline", ".", "-o", "base.json").exit_code == 0
    recorded = {e["fingerprint"] for e in json.loads((repo / "base.json").read_text(encoding="utf-8"))["findings"]}
    run = json.loads(invoke("check", "-f", "sarif", ".").stdout)["runs"][0]
    assert {r["partialFingerprints"]["tqcheck/v1"] for r in run["results"]} == recorded


# The fields GitLab documents for a Code Quality report entry, and their types.
GITLAB_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "pattern": "^[^/]"},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}


def test_gitlab_code_quality_report_has_the_documented_fields(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    repo = _repository(tmp_path)
    (repo / "broken.md").write_bytes(b"\x00\x01binary")
    monkeypatch.chdir(repo / "dir with space")
    result = invoke("check", "-f", "gitlab", str(repo))
    assert result.exit_code == 2  # the unreadable file
    issues = json.loads(result.stdout)
    jsonschema.validate(issues, GITLAB_SCHEMA)
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)  # GitLab needs them unique
    paths = {(issue["check_name"], issue["location"]["path"], issue["severity"]) for issue in issues}
    assert ("PN002", "dir with space/x é.md", "minor") in paths
    assert ("PN002", "a#b%.md", "minor") in paths
    assert ("input-error", "broken.md", "blocker") in paths
