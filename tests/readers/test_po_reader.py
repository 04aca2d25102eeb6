"""PO/POT through polib, with the offsets of every msgstr string."""

from __future__ import annotations

from tqcheck.core.model import Document
from tqcheck.readers import read_bytes

PO = r"""# translator comment
msgid ""
msgstr ""
"Language: de_DE\n"

#. extracted
msgctxt "menu"
msgid "Open \"%s\"\n"
msgstr "Öffne \"%s\"\n"

msgid "Save <b>now</b>"
msgstr ""
"Jetzt "
"<b>speichern</b>"

msgid "one file"
msgid_plural "%d files"
msgstr[0] "eine Datei"
msgstr[1] "%d Dateien"

#, fuzzy
msgid "Quit"
msgstr "Beenden"

msgid "Untranslated"
msgstr ""

#~ msgid "Old"
#~ msgstr "Alt"
"""


def _read(text: str, name: str = "de.po") -> Document:
    doc = read_bytes(text.encode("utf-8"), name)
    assert isinstance(doc, Document), doc
    return doc


def test_po_entries_sources_and_plural_forms() -> None:
    doc = _read(PO)
    assert (doc.language, doc.format) == ("de", "po")
    pairs = [s.pair for s in doc.segments if s.pair]
    assert [(p.source.text, p.target.text) for p in pairs] == [
        ('Open "%s"\n', 'Öffne "%s"\n'),
        ("Save <b>now</b>", "Jetzt <b>speichern</b>"),
        ("one file", "eine Datei"),
        ("%d files", "%d Dateien"),
        ("Quit", "Beenden"),
    ]
    assert pairs[0].id == 'menu\x04Open "%s"\n'


def test_po_positions_point_into_the_string_literals() -> None:
    doc = _read(PO)
    first = doc.segments[0]
    assert doc.text[first.start : first.end] == r"Öffne \"%s\"\n"
    assert doc.checkable[first.start : first.end] == 'Öffne "   "   '
    joined = doc.segments[1]
    assert doc.text[joined.start : joined.end] == 'Jetzt "\n"<b>speichern</b>'
    pair = joined.pair
    assert pair is not None
    at = pair.target.text.index("speichern")
    assert doc.text[pair.target.file_offset(at) :].startswith("speichern")
    assert [(i.code, i.kind) for i in pair.target.inlines] == [("<b>", "open"), ("<b>", "close")]


def test_pot_has_no_segments() -> None:
    doc = _read('msgid ""\nmsgstr ""\n\nmsgid "Hello"\nmsgstr ""\n', "x.pot")
    assert doc.segments == []
