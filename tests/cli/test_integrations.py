"""The CI integrations, exercised as far as they can be offline: the GitHub Action's script runs
(annotations, SARIF file, exit code, --changed-since), the pre-commit hook's entry runs on
file names, and the GitLab job's script writes a Code Quality report GitLab can read."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

import jsonschema
import yaml
from helpers import ROOT, sarif_schema

ACTION = ROOT / ".github" / "actions" / "tqcheck"
FLAWED = "The council met on Monday and agreed to publish the the report of the inquiry in full.\n"
CLEAN = "The council met on Monday and agreed to publish the report of the inquiry in full.\n"
GIT = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
    # an empty file of our own, not os.devnull: on a shared machine /dev/null was once found
    # replaced by a regular file, and git refuses a config file it cannot parse
    "GIT_CONFIG_GLOBAL": tempfile.mkstemp(prefix="tqcheck-gitconfig-")[1],
    "GIT_CONFIG_NOSYSTEM": "1",
}


def _env(**extra: str) -> dict[str, str]:
    """The environment of a CI step: tqcheck (this checkout) on PATH as the `tqcheck` command."""
    env = {**os.environ, **GIT, **extra}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env["PATH"]
    return env


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "desk"
    (repo / "news").mkdir(parents=True)
    (repo / "news" / "a.md").write_text(CLEAN, encoding="utf-8")
    (repo / "news" / "b.md").write_text(FLAWED, encoding="utf-8")
    for args in (["init", "-q", "-b", "main"], ["add", "."], ["commit", "-q", "-m", "articles"]):
        subprocess.run(["git", *args], cwd=repo, env=_env(), check=True, capture_output=True)
    return repo


def test_action_declares_its_inputs_and_runs_its_script() -> None:
    action = yaml.safe_load((ACTION / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert {"paths", "format", "fail-on", "changed-since", "sarif"} <= set(action["inputs"])
    steps = action["runs"]["steps"]
    assert any(step.get("uses", "").startswith("actions/cache@") for step in steps)
    assert any(step.get("uses", "").startswith("github/codeql-action/upload-sarif@") for step in steps)
    check = next(step for step in steps if step.get("id") == "check")
    assert 'run.sh"' in check["run"] and check["env"]["TQCHECK_CACHE_DIR"] == "~/.cache/tqcheck"


def _action(repo: Path, **inputs: str) -> subprocess.CompletedProcess[str]:
    output = repo.parent / "github-output"
    env = _env(GITHUB_OUTPUT=str(output), **{f"INPUT_{k.upper()}": v for k, v in inputs.items()})
    return subprocess.run(["bash", str(ACTION / "run.sh")], cwd=repo, env=env, capture_output=True, text=True)


def test_action_script_annotates_writes_sarif_and_returns_the_exit_code(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    done = _action(repo, paths="news", sarif="true")
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("::warning file=news/b.md,line=1,col=")
    assert "title=PN002 doubled-word" in done.stdout
    log = json.loads((repo / "tqcheck.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(log, sarif_schema())
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "news/b.md", "uriBaseId": "%SRCROOT%"}
    assert (tmp_path / "github-output").read_text(encoding="utf-8") == "exit-code=1\n"
    assert _action(repo, paths="news", **{"fail_on": "error"}).returncode == 0


def test_action_script_checks_only_what_changed(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "news" / "a.md").write_text(CLEAN + "\nIt was was late, officials said on Monday evening.\n")
    done = _action(repo, paths="news", changed_since="HEAD")
    assert done.returncode == 1
    assert done.stdout.splitlines() == [line for line in done.stdout.splitlines() if "file=news/a.md,line=3" in line]
    assert _action(repo, paths="news", changed_since="no-such-ref").returncode == 2


def test_pre_commit_hook_entry_runs_on_the_staged_file_names(tmp_path: Path) -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "tqcheck" and hook["language"] == "python"
    import re

    files = re.compile(hook["files"])
    assert files.search("news/a.md") and files.search("notes.txt") and not files.search("setup.py")
    repo = _repo(tmp_path)
    entry = shlex.split(hook["entry"])
    run = [*entry, "news/a.md", "news/b.md"]  # pre-commit appends the matching staged files
    done = subprocess.run(run, cwd=repo, env=_env(), capture_output=True, text=True)
    assert done.returncode == 1 and "news/b.md:1:" in done.stdout and "PN002" in done.stdout
    clean = subprocess.run([*entry, "news/a.md"], cwd=repo, env=_env(), capture_output=True, text=True)
    assert clean.returncode == 0, clean.stdout + clean.stderr


# GitLab's documented Code Quality fields (docs: ci/testing/code_quality, "Code Quality report format")
CODE_QUALITY = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {"lines": {"type": "object", "required": ["begin"]}},
            },
        },
    },
}


def _gitlab_job() -> dict:  # type: ignore[type-arg]
    job: dict = yaml.safe_load((ROOT / ".gitlab" / "tqcheck.gitlab-ci.yml").read_text(encoding="utf-8"))["tqcheck"]  # type: ignore[type-arg]
    return job


def _run_gitlab_script(repo: Path, **variables: str) -> subprocess.CompletedProcess[str]:
    job = _gitlab_job()
    script = "\n".join(job["script"])
    env = _env(**{**{k: str(v) for k, v in job["variables"].items()}, "CI_PROJECT_DIR": str(repo), **variables})
    env["TQCHECK_CACHE_DIR"] = os.environ["TQCHECK_CACHE_DIR"]  # the test session's cache
    return subprocess.run(["bash", "-c", script], cwd=repo, env=env, capture_output=True, text=True)


def test_gitlab_job_caches_the_tables_and_reports_code_quality(tmp_path: Path) -> None:
    job = _gitlab_job()
    report = job["artifacts"]["reports"]["codequality"]
    assert ".cache/tqcheck" in job["cache"]["paths"]
    assert job["variables"]["TQCHECK_CACHE_DIR"] == "$CI_PROJECT_DIR/.cache/tqcheck"
    repo = _repo(tmp_path)
    done = _run_gitlab_script(repo, TQCHECK_PATHS="news")
    assert done.returncode == 1, done.stderr
    issues = json.loads((repo / report).read_text(encoding="utf-8"))
    jsonschema.validate(issues, CODE_QUALITY)
    assert [(i["check_name"], i["location"]["path"], i["location"]["lines"]["begin"]) for i in issues] == [
        ("PN002", "news/b.md", 1)
    ]
    assert "news/b.md:1:" in done.stdout  # the readable report in the job log


def test_gitlab_job_checks_only_the_merge_request_changes(tmp_path: Path) -> None:
    origin = _repo(tmp_path)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(origin), str(clone)], env=_env(), check=True, capture_output=True)
    (clone / "news" / "a.md").write_text(CLEAN + "\nIt was was late, officials said on Monday evening.\n")
    done = _run_gitlab_script(clone, TQCHECK_PATHS="news", CI_MERGE_REQUEST_TARGET_BRANCH_NAME="main")
    assert done.returncode == 1, done.stderr
    issues = json.loads((clone / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert [(i["location"]["path"], i["location"]["lines"]["begin"]) for i in issues] == [("news/a.md", 3)]
