"""XLIFF 1.2 and 2.x: segments on the target text, sources beside them, inline tags kept."""

from __future__ import annotations

from tqcheck.core.model import Document
from tqcheck.readers import read_bytes

V12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="a" source-language="en-GB" target-language="fr-FR" datatype="plaintext"><body>
  <group id="g">
   <trans-unit id="1"><source>Fish &amp; chips at <x id="1"/>.</source>
    <target>Poisson &amp; frites à <x id="1"/>.</target>
    <alt-trans><source>Fish</source><target>Ignored</target></alt-trans>
    <note>menu</note></trans-unit>
  </group>
  <trans-unit id="2" translate="no"><source>Brand</source><target>Brand</target></trans-unit>
  <trans-unit id="3"><source>Not yet</source></trans-unit>
  <trans-unit id="4"><source>Click <g id="5">here</g>.</source><target>Cliquez <g id="5">ici</g>.</target></trans-unit>
  <trans-unit id="5"><seg-source><mrk mtype="seg" mid="a">One.</mrk> <mrk mtype="seg" mid="b">Two.</mrk></seg-source>
   <target><mrk mtype="seg" mid="a">Un.</mrk> <mrk mtype="seg" mid="b">Deux.</mrk></target></trans-unit>
  <trans-unit id="6"><source>Empty</source><target/></trans-unit>
 </body></file>
</xliff>
"""

V2 = """<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ru" trgLang="en">
 <file id="f"><unit id="u1"><notes><note>title</note></notes>
  <segment id="s1"><source>Привет, <ph id="1"/>!</source><target>Hello, <ph id="1"/>!</target></segment>
  <segment id="s2"><source><pc id="2">Да</pc></source><target><pc id="2">Yes</pc></target></segment>
  <ignorable><source> </source></ignorable>
 </unit></file>
</xliff>
"""


def _read(text: str, name: str = "x.xlf") -> Document:
    doc = read_bytes(text.encode("utf-8"), name)
    assert isinstance(doc, Document), doc
    return doc


def test_xliff_12_units_languages_and_positions() -> None:
    doc = _read(V12)
    assert (doc.source_language, doc.language, doc.format) == ("en", "fr", "xliff")
    pairs = [s.pair for s in doc.segments]
    assert [p.id for p in pairs if p] == ["1", "4", "5/a", "5/b", "6"]
    first = doc.segments[0]
    assert first.pair is not None
    assert first.pair.source.text == 'Fish & chips at <x id="1"/>.'
    assert first.pair.target.text == 'Poisson & frites à <x id="1"/>.'
    assert first.pair.note == "menu"
    assert doc.text[first.start : first.end] == 'Poisson &amp; frites à <x id="1"/>.'
    # the rules see the target as prose: entity padded, inline tag blanked
    assert doc.checkable[first.start : first.end] == "Poisson &     frites à " + " " * len('<x id="1"/>') + "."
    # logical offsets map back into the file
    target = first.pair.target
    assert doc.text[target.file_offset(10) : target.file_offset(10) + 6] == "frites"
    assert [(i.code, i.kind) for i in target.inlines] == [("x#1", "standalone")]


def test_xliff_12_wrapping_tags_are_inlines_and_their_text_is_prose() -> None:
    doc = _read(V12)
    segment = doc.segments[1]
    assert segment.pair is not None
    assert [(i.code, i.kind) for i in segment.pair.target.inlines] == [("g#5", "open"), ("g#5", "close")]
    assert (
        doc.checkable[segment.start : segment.end]
        == "Cliquez " + " " * len('<g id="5">') + "ici" + " " * len("</g>") + "."
    )


def test_xliff_empty_target_is_a_zero_width_segment() -> None:
    doc = _read(V12)
    last = doc.segments[-1]
    assert last.pair is not None and last.pair.target.text == ""
    assert last.start == last.end and doc.text[last.start - 9 : last.start] == "<target/>"


def test_xliff_everything_but_targets_is_blank() -> None:
    doc = _read(V12)
    visible = "".join(c for c in doc.checkable if not c.isspace())
    assert visible == "Poisson&fritesà.Cliquezici.Un.Deux."


def test_xliff_2_segments_notes_and_codes() -> None:
    doc = _read(V2)
    assert (doc.source_language, doc.language) == ("ru", "en")
    pairs = [s.pair for s in doc.segments if s.pair]
    assert [p.id for p in pairs] == ["u1/s1", "u1/s2"]
    assert pairs[0].note == "title"
    assert [i.code for i in pairs[0].source.inlines] == [i.code for i in pairs[0].target.inlines] == ["ph#1"]
    assert [(i.code, i.kind) for i in pairs[1].target.inlines] == [("pc#2", "open"), ("pc#2", "close")]


def test_placeholders_in_xliff_text_are_inlines_too() -> None:
    doc = _read(V12.replace("Poisson &amp; frites", "Poisson %s frites"))
    pair = doc.segments[0].pair
    assert pair is not None
    assert [i.code for i in pair.target.inlines] == ["%s", "x#1"]
    assert "%s" not in doc.checkable


def test_positions_hold_with_a_bom_crlf_line_ends_and_characters_outside_ascii() -> None:
    """Offsets come from expat's line and column past the first line (and from its byte index on
    the first, where a BOM counts): every target must still start exactly at its text."""
    units = [("Café № 1 🚢 opens at 9.", "Le café № 1 🚢 ouvre à 9 h."), ("Tides\tchange.", "Les marées\tchangent.")]
    body = "".join(
        f'<trans-unit id="{k}">\r\n<source>{s}</source>\r\n<target>{t}</target>\r\n</trans-unit>\r\n'
        for k, (s, t) in enumerate(units)
    )
    head = '<?xml version="1.0" encoding="UTF-8"?>\r\n<xliff version="1.2">'
    head += '<file source-language="en" target-language="fr">'
    for bom in (b"", b"\xef\xbb\xbf"):
        for one_line in (False, True):
            text = head + "<body>\r\n" + body + "</body></file></xliff>\r\n"
            if one_line:
                text = text.replace("\r\n", "")
            doc = read_bytes(bom + text.encode("utf-8"), "ferry.xlf")
            assert isinstance(doc, Document)
            assert [doc.text[s.start : s.end] for s in doc.segments] == [t for _, t in units]
            assert [s.pair.source.text for s in doc.segments if s.pair] == [s for s, _ in units]
