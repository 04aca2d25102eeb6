"""TMX: the header's source language and the first other language, or the pair the run names."""

from __future__ import annotations

from pathlib import Path

from tqcheck.core.config import Config
from tqcheck.core.model import Document
from tqcheck.engine.inputs import prepare
from tqcheck.readers import read_bytes

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4"><header srclang="en-US" datatype="plaintext" segtype="sentence" o-tmf="x" adminlang="en"
 creationtool="t" creationtoolversion="1"/>
<body>
 <tu tuid="a"><tuv xml:lang="en-US"><seg>Good <bpt i="1">&lt;b&gt;</bpt>morning<ept i="1">&lt;/b&gt;</ept></seg></tuv>
  <tuv xml:lang="fr-FR"><seg>Bonjour</seg></tuv><tuv xml:lang="de-DE"><seg>Guten Morgen</seg></tuv></tu>
 <tu tuid="b"><tuv xml:lang="en-US"><seg>Night</seg></tuv><tuv xml:lang="de-DE"><seg>Nacht</seg></tuv></tu>
</body></tmx>
"""


def test_tmx_pair_from_the_header_and_first_other_language() -> None:
    doc = read_bytes(TMX.encode(), "m.tmx")
    assert isinstance(doc, Document)
    assert (doc.source_language, doc.language) == ("en", "fr")
    assert [s.pair.target.text for s in doc.segments if s.pair] == ["Bonjour"]
    pair = doc.segments[0].pair
    assert pair is not None
    assert [(i.code, i.kind) for i in pair.source.inlines] == [("bpt#1", "open"), ("bpt#1", "close")]


def test_tmx_pair_named_by_the_run() -> None:
    doc = read_bytes(TMX.encode(), "m.tmx")
    assert isinstance(doc, Document)
    doc = prepare(doc, Config(language="de", extra={"source-language": "en"}, root=Path.cwd()))
    assert (doc.source_language, doc.language) == ("en", "de")
    assert [s.pair.target.text for s in doc.segments if s.pair] == ["Guten Morgen", "Nacht"]
    second = doc.segments[1]
    assert doc.text[second.start : second.end] == "Nacht"
