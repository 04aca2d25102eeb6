"""Termbases for XL004: CSV/TSV columns and TBX (2.x martif, 3.x tbx) with forbidden terms."""

from __future__ import annotations

from pathlib import Path

import pytest

from tqcheck.core.errors import ConfigError
from tqcheck.readers.termbase import Term, load_termbase, merged

TBX2 = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
 <termEntry id="t1">
  <langSet xml:lang="en"><tig><term>berth</term></tig></langSet>
  <langSet xml:lang="fr"><tig><term>anneau</term></tig>
   <tig><term>place</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
 </termEntry>
</body></text></martif>
"""

TBX3 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
 <conceptEntry id="c1">
  <langSec xml:lang="en"><termSec><term>pontoon</term></termSec></langSec>
  <langSec xml:lang="de-DE"><termSec><term>Steg</term></termSec>
   <termSec><term>Ponton</term><termNote type="administrativeStatus">notRecommended</termNote></termSec></langSec>
 </conceptEntry>
</body></text></tbx>
"""


def test_tbx2_forbidden_by_administrative_status(tmp_path: Path) -> None:
    path = tmp_path / "t.tbx"
    path.write_text(TBX2, encoding="utf-8")
    terms = load_termbase(path)
    assert Term("berth", ("anneau",), ("place",), "en", "fr") in terms
    assert all(t.source != "place" for t in terms)  # a forbidden term is never a source


def test_tbx3_concept_entries(tmp_path: Path) -> None:
    path = tmp_path / "t.tbx"
    path.write_text(TBX3, encoding="utf-8")
    assert Term("pontoon", ("Steg",), ("Ponton",), "en", "de") in load_termbase(path)


def test_table_with_languages_and_several_renderings(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("source_en,target_fr,forbidden\nberth,anneau | place de port,quai\n", encoding="utf-8")
    assert load_termbase(path) == [Term("berth", ("anneau", "place de port"), ("quai",), "en", "fr")]


def test_rows_of_one_term_merge(tmp_path: Path) -> None:
    terms = [Term("berth", ("anneau",)), Term("Berth", (), ("place",))]
    assert merged(terms) == [Term("berth", ("anneau",), ("place",))]


def test_broken_termbase_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "t.tsv"
    path.write_text("source\ttarget\nberth\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"t\.tsv: line 2: 1 cells where the header has 2"):
        load_termbase(path)
