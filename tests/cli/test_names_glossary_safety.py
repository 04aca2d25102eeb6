"""`tqcheck names`: a garbled spelling is never a canonical name, a place glued to the last name
of a credit line is not part of the name, and the table wraps long paths instead of cutting them."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from helpers import invoke

STORY = """# Port talks resume in Madrid

Madrid hosted the second round of port talks on Tuesday, and negotiators said progress was slow.
Union leader Jean-Franois Dupuis said the dockers would wait for a written offer.
The ministry in Madrid declined to comment, but Dupuis said the offer would come within days.
Dupuis met the harbour master, Klaus Mller, on Wednesday. Mller said the quays would reopen.

(Reporting by Anna Berg, Tom Reyes and Paul Vance Madrid; editing by Carla Ortiz)
"""


def _story(tmp_path: Path) -> Path:
    path = tmp_path / "story.md"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_garbled_spellings_are_never_canonical(tmp_path: Path) -> None:
    glossary = tmp_path / "names.yaml"
    assert invoke("names", str(_story(tmp_path)), "--write-glossary", str(glossary)).exit_code == 0
    entries = {e["canonical"]: e for e in yaml.safe_load(glossary.read_text(encoding="utf-8"))["names"]}
    # a garbled given name is repaired in the full name; a garbled surname gives way to its repair
    assert "Jean-François Dupuis" in entries and "Jean-Franois Dupuis" not in entries
    assert entries["Klaus Müller"]["variants"] == ["Mller"]
    assert not any("Mller" in name or "Franois" in name for name in entries)


def test_json_says_which_spellings_are_garbled(tmp_path: Path) -> None:
    result = invoke("names", str(_story(tmp_path)), "--format", "json")
    clusters = {c["full_name"]: c for c in json.loads(result.stdout)}
    assert clusters["Klaus Müller"]["garbled"] == {"Mller": "Müller"}
    assert clusters["Jean-François Dupuis"]["garbled"] == {}


def test_a_place_after_the_last_name_of_a_credit_line_is_its_own_name(tmp_path: Path) -> None:
    result = invoke("names", str(_story(tmp_path)), "--format", "json")
    clusters = {c["full_name"]: c for c in json.loads(result.stdout)}
    assert "Paul Vance" in clusters and "Vance Madrid" not in clusters
    assert clusters["Madrid"]["count"] == 4


def test_a_listed_full_name_whose_surname_recurs_alone_stays_whole(tmp_path: Path) -> None:
    # "Rodrigo Salas Ibarra" then "Ibarra": a surname, not a place (rarer than the name before it)
    text = (
        "The panel heard Lucia Mendez, Tomas Herrera and Rodrigo Salas Ibarra, who chaired it.\n"
        "Ibarra said the report would follow. Ibarra thanked the dockers.\n"
    )
    path = tmp_path / "panel.md"
    path.write_text(text, encoding="utf-8")
    clusters = {c["full_name"] for c in json.loads(invoke("names", str(path), "--format", "json").stdout)}
    assert "Salas Ibarra" in clusters or "Rodrigo Salas Ibarra" in clusters


def test_the_table_wraps_long_paths(tmp_path: Path) -> None:
    deep = tmp_path / "desk" / "europe" / "spain" / "2026" / "november" / "a-rather-long-story-name"
    deep.mkdir(parents=True)
    path = deep / "story.md"
    path.write_text(STORY, encoding="utf-8")
    result = invoke("names", str(path))
    joined = "".join(line.rstrip() for line in result.stdout.splitlines())
    assert "…" not in result.stdout
    assert "a-rather-long-story-name/story.md" in joined.replace(" ", "")
