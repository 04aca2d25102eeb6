"""The HTML report of the drift fixtures, rendered in headless Chromium: the chart has one bar per
segment with the flagged ones marked, the flagged findings are visible and highlighted in the
text, the side-by-side view highlights divergent words, the filters work (also from the page's
address), nothing is fetched from the network and the console stays free of errors.

Skipped only when no Chromium is installed (.ci/run installs Debian's `chromium`). The
screenshot is kept in tmp_path, and copied to $TQCHECK_SCREENSHOT_DIR when that is set.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from chromium import Browser, binary
from helpers import FIXTURES, invoke

from tqcheck.core.config import Config
from tqcheck.engine.annotate import annotate
from tqcheck.engine.run import run

CHROMIUM = binary()
DRIFT = FIXTURES / "drift" / "flawed"

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    result = invoke("report", str(DRIFT), "-o", str(out))
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def expected() -> dict[str, int]:
    """Segments and flags as the engine scores them, independently of the page."""
    config = Config()
    result = run([str(DRIFT)], config)
    annotate(result, config)
    (scores,) = result.scores.values()
    return {
        "segments": len(scores.segments),
        "flagged": sum(s.flagged for s in scores.segments),
        "bt_findings": sum(f.rule.startswith("BT") for f in result.findings),
    }


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    assert CHROMIUM is not None
    with Browser(CHROMIUM) as opened:
        yield opened


def test_the_report_renders_with_its_chart_and_highlights(
    report: Path, expected: dict[str, int], browser: Browser, tmp_path: Path
) -> None:
    browser.open(report.as_uri())
    assert browser.console == []
    assert {url.split(":", 1)[0] for url in browser.requests} <= {"file", "data"}, browser.requests

    # one bar per segment, the flagged ones marked, each bar linked to its row
    assert browser.evaluate("document.querySelectorAll('svg.chart rect.bar').length") == expected["segments"]
    assert browser.evaluate("document.querySelectorAll('svg.chart rect.bar.flagged').length") == expected["flagged"]
    assert browser.evaluate("document.querySelectorAll('table.pairs tr.seg').length") == expected["segments"]
    assert browser.evaluate("document.querySelectorAll('table.pairs tr.seg.flagged').length") == expected["flagged"]
    bar_colour = "getComputedStyle(document.querySelector('svg.chart rect.bar.flagged')).fill"
    plain_colour = "getComputedStyle(document.querySelector('svg.chart rect.bar:not(.flagged)')).fill"
    assert browser.evaluate(bar_colour) != browser.evaluate(plain_colour)
    assert browser.evaluate("document.querySelector('.scored-by .mode').textContent") == "back-translation"

    # flagged findings are visible, in the list and highlighted in the text
    visible = """Array.from(document.querySelectorAll("li.finding[data-rule^='BT']")).filter(
        e => e.offsetParent !== null && e.getBoundingClientRect().height > 0).length"""
    assert browser.evaluate(visible) == expected["bt_findings"] > 0
    highlighted = """Array.from(document.querySelectorAll(".doc-text mark.f[data-rule='BT001']")).filter(
        e => getComputedStyle(e).backgroundColor !== 'rgba(0, 0, 0, 0)').length"""
    assert browser.evaluate(highlighted) > 0
    assert browser.evaluate("document.querySelectorAll('table.pairs tr.seg.flagged mark.div').length") > 0

    shot = tmp_path / "report.png"
    browser.screenshot(shot)
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and int.from_bytes(data[16:20], "big") == 1280 and len(data) > 50_000
    if os.environ.get("TQCHECK_SCREENSHOT_DIR"):
        shutil.copy(shot, Path(os.environ["TQCHECK_SCREENSHOT_DIR"]) / "report.png")


def test_filters_hide_and_restore_findings_from_the_address(report: Path, browser: Browser) -> None:
    browser.open(report.as_uri() + "#severity=info")
    assert browser.console == []
    shown = "document.querySelectorAll('li.finding:not(.off)').length"
    warnings = "document.querySelectorAll(\"li.finding.off[data-severity='warning']\").length"
    assert browser.evaluate(warnings) > 0
    assert browser.evaluate(shown) == browser.evaluate(
        "document.querySelectorAll(\"li.finding[data-severity='info']\").length"
    )
    assert browser.evaluate("document.querySelector(\"li.finding[data-severity='warning']\").offsetParent") is None
    # ticking the severity again shows them, and the address follows
    browser.evaluate(
        "(() => { const box = document.querySelector(\"input[data-filter='severity'][value='warning']\");"
        " box.click(); return box.checked; })()"
    )
    assert browser.evaluate(warnings) == 0
    assert browser.evaluate("location.hash") == "#severity=warning,info"
    # the side-by-side view can show flagged segments only
    browser.evaluate("document.querySelector('input[data-flagged-only]').click()")
    assert browser.evaluate("document.querySelectorAll('table.pairs tr.seg:not(.flagged):not(.off)').length") == 0
    assert browser.console == []
