"""JUnit XML: one test case per checked file, one failure per finding, for CI dashboards."""

from __future__ import annotations

from collections import defaultdict
from xml.etree import ElementTree as ET

from tqcheck.core.model import Finding
from tqcheck.core.result import RunResult


def render(result: RunResult) -> str:
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_path[finding.path].append(finding)
    paths = [doc.path for doc in result.documents]
    suite = ET.Element(
        "testsuite",
        name="tqcheck",
        tests=str(len(paths) + sum(1 for e in result.errors if e.kind == "read")),
        failures=str(sum(1 for p in paths if by_path.get(p))),
        errors=str(len(result.errors)),
    )
    for path in paths:
        case = ET.SubElement(suite, "testcase", classname="tqcheck", name=path)
        findings = by_path.get(path, [])
        if findings:
            failure = ET.SubElement(case, "failure", message=f"{len(findings)} finding(s)", type="tqcheck")
            failure.text = "\n".join(
                f"{f.path}:{f.line}:{f.column}: {f.rule} [{f.severity.label}] {f.message}"
                + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
                for f in findings
            )
    for error in result.errors:
        case = ET.SubElement(suite, "testcase", classname="tqcheck", name=error.path)
        ET.SubElement(case, "error", message=error.message, type="input" if error.kind == "read" else error.kind)
    suites = ET.Element("testsuites")
    suites.append(suite)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(suites, encoding="unicode")
