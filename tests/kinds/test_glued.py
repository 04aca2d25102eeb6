"""BP006 (page furniture by shape: ticker teasers, labels printed twice): examples, cases, the fix."""

from __future__ import annotations

from pathlib import Path

from helpers import invoke
from rule_cases import case_test

from tqcheck import check_text
from tqcheck.core.config import Config

test_case = case_test(__file__)


def test_fix_leaves_no_run_of_blank_lines(tmp_path: Path) -> None:
    text = (
        "Harbour TimesHarbour Times\n\n"
        "The port reopened on Monday.\n\n"
        "- 07h41Storm closes the northern harbour again\n"
        "- 06:55Ferries resume their winter timetable\n\n"
        "Traffic was light.\n"
    )
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    invoke("check", "--fix", "--language", "en", "--select", "BP006", str(path))
    assert path.read_text(encoding="utf-8") == "The port reopened on Monday.\n\nTraffic was light.\n"


def test_a_line_both_rules_flag_is_deleted_once(tmp_path: Path) -> None:
    """A doubled photo credit is BP001's and BP006's: the two deletions are one edit."""
    path = tmp_path / "story.txt"
    path.write_text(
        "The port reopened.\n\nPhoto: Coast DeskPhoto: Coast Desk\n\nTraffic was light.\n", encoding="utf-8"
    )
    invoke("check", "--fix", "--language", "en", "--select", "BP001,BP006", str(path))
    assert path.read_text(encoding="utf-8") == "The port reopened.\n\nTraffic was light.\n"


def test_options_narrow_the_shapes() -> None:
    text = "Harbour TimesHarbour Times\n07h41Storm closes the harbour\n"
    config = Config(language="en", select=("BP006",), rules={"BP006": {"classes": ["ticker"]}})
    assert [f.match for f in check_text(text, config=config)] == ["07h41Storm closes the harbour"]
    config = Config(language="en", select=("BP006",), rules={"BP006": {"headline-words": 5}})
    assert [f.match for f in check_text(text, config=config)] == ["Harbour TimesHarbour Times"]
