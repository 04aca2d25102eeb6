"""JUnit XML: well-formed, one test case per checked file, a failure listing a file's findings,
an error case per unreadable file."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from small_run import BAD_PATH, CLEAN_PATH, PATH, empty_run, small_run

from tqcheck.reporters import junit


def _suite(rendered: str) -> ET.Element:
    assert rendered.startswith('<?xml version="1.0" encoding="utf-8"?>\n')
    root = ET.fromstring(rendered.split("\n", 1)[1])
    assert root.tag == "testsuites"
    (suite,) = root
    return suite


def test_one_testcase_per_file_with_counts() -> None:
    suite = _suite(junit.render(small_run()))
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "1", "1")
    cases = suite.findall("testcase")
    assert [case.get("name") for case in cases] == [PATH, CLEAN_PATH, BAD_PATH]


def test_failure_lists_every_finding_of_the_file() -> None:
    cases = {case.get("name"): case for case in _suite(junit.render(small_run())).findall("testcase")}
    failure = cases[PATH].find("failure")
    assert failure is not None and failure.get("message") == "3 finding(s)"
    assert (failure.text or "").split("\n") == [
        f"{PATH}:1:18: PN004 [warning] Space before ','. (suggestion: ,)",
        f"{PATH}:1:26: BP003 [error] Markup 50% left: <b> & co,",
        "in the text.",
        f"{PATH}:2:4: PN002 [info] Doubled word 'the' (répété).",
    ]
    assert list(cases[CLEAN_PATH]) == []  # a clean file passes
    error = cases[BAD_PATH].find("error")
    assert error is not None and error.get("type") == "input" and "binary file" in (error.get("message") or "")


def test_a_clean_run_is_all_passes() -> None:
    suite = _suite(junit.render(empty_run()))
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("1", "0", "0")
