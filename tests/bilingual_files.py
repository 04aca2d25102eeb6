"""Valid bilingual files for the property tests and the fuzzer: one small seed per format, and
builders that write any segment text and attribute value into a well-formed file of each format
(escaped as the format asks), so a test knows what the reader must give back.

All text here is ours.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

XLIFF_12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="guide.md" source-language="en" target-language="fr" datatype="plaintext"><body>
  <group id="g1">
   <trans-unit id="1"><source>The gate opens at <x id="1"/> &amp; closes late.</source>
    <target>La porte ouvre à <x id="1"/> &amp; ferme tard.</target><note>hours</note></trans-unit>
  </group>
  <trans-unit id="2"><source>Click <g id="2">here</g>.</source><target>Cliquez <g id="2">ici</g>.</target></trans-unit>
  <trans-unit id="3"><seg-source><mrk mtype="seg" mid="a">One.</mrk> <mrk mtype="seg" mid="b">Two.</mrk></seg-source>
   <target><mrk mtype="seg" mid="a">Un.</mrk> <mrk mtype="seg" mid="b">Deux.</mrk></target></trans-unit>
  <trans-unit id="4" translate="no"><source>Brand</source><target>Brand</target></trans-unit>
  <trans-unit id="5"><source>Empty</source><target/></trans-unit>
 </body></file>
</xliff>
"""

XLIFF_2 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="de" trgLang="en">
 <file id="f1"><unit id="u1"><notes><note>title</note></notes>
  <segment id="s1"><source>Hallo, <ph id="1"/>!</source><target>Hello, <ph id="1"/>!</target></segment>
  <segment id="s2"><source><pc id="2">Ja</pc> &lt;3</source><target><pc id="2">Yes</pc> &lt;3</target></segment>
  <ignorable><source> </source></ignorable>
 </unit></file>
</xliff>
"""

PO = r"""# Our test catalogue.
msgid ""
msgstr ""
"Language: de\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

#: app.py:3
msgid "Your boat is booked for %d nights."
msgstr "Ihr Boot ist für %d Nächte gebucht."

#, fuzzy
msgctxt "menu"
msgid "Open \"file\"\tnow"
msgstr ""
"Datei \"öffnen\" "
"jetzt\n"

msgid "one day"
msgid_plural "%d days"
msgstr[0] "ein Tag"
msgstr[1] "%d Tage"

#~ msgid "old"
#~ msgstr "alt"

msgid "Later"
msgstr ""
"""

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
 <header creationtool="ours" creationtoolversion="1" datatype="plaintext" segtype="sentence"
   adminlang="en" srclang="es" o-tmf="none"/>
 <body>
  <tu tuid="1"><note>n</note><tuv xml:lang="es"><seg>El tren sale a las <ph x="1">{0}</ph>.</seg></tuv>
   <tuv xml:lang="en"><seg>The train leaves at <ph x="1">{0}</ph>.</seg></tuv></tu>
  <tu tuid="2"><tuv xml:lang="es"><seg>Sol &amp; sombra</seg></tuv>
   <tuv xml:lang="en-GB"><seg>Sun &amp; shade</seg></tuv></tu>
  <tu tuid="3"><tuv xml:lang="es"><seg>Solo</seg></tuv></tu>
 </body>
</tmx>
"""

TSV = (
    "id\tsource (en)\ttarget (it)\tnote\n"
    'r1\tThe "new" bridge opens.\tIl "nuovo" ponte apre.\t\n'
    'r2\tTwo lanes.\tDue corsie.\tstray " quote\r\n'
    "\n"
    "r3\tAt <b>noon</b> {0}.\tA <b>mezzogiorno</b> {0}.\tx\n"
)

CSV = 'id,source,target\na1,"Hello, ""world""","Hola, ""mundo"""\na2,"Two\nlines","Dos\r\nlíneas"\na3,Plain,Llano\n'

CSV_SEMICOLON = 'source;target;back_translation\n"Un; deux";"One; two";"Eins; zwei"\nTrois;Three;\n'

# path -> seed file; the path's extension picks the reader
SEEDS: dict[str, str] = {
    "seed.xlf": XLIFF_12,
    "seed2.xliff": XLIFF_2,
    "seed.po": PO,
    "seed.pot": PO.replace('msgstr "Ihr', 'msgstr "Ihr'),
    "seed.tmx": TMX,
    "seed.tsv": TSV,
    "seed.csv": CSV,
    "seed_semicolon.csv": CSV_SEMICOLON,
}


@dataclass(frozen=True)
class Built:
    """A generated file and the target texts its reader must give back, in order."""

    path: str
    text: str
    targets: list[str]


def _xml_text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _xml_attr(value: str) -> str:
    return _xml_text(value).replace('"', "&quot;")


def xliff_12(pairs: list[tuple[str, str]], attr: str) -> Built:
    units = "".join(
        f'<trans-unit id="{_xml_attr(attr)}{n}" resname="{_xml_attr(attr)}">'
        f"<source>{_xml_text(s)}</source><target>{_xml_text(t)}</target>"
        f"<note>{_xml_text(attr)}</note></trans-unit>\n"
        for n, (s, t) in enumerate(pairs)
    )
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        f'<file original="{_xml_attr(attr)}" source-language="en" target-language="fr" datatype="plaintext">'
        f"<body>\n{units}</body></file>\n</xliff>\n"
    )
    return Built("gen.xlf", text, [t for _, t in pairs])


def xliff_2(pairs: list[tuple[str, str]], attr: str) -> Built:
    segments = "".join(
        f'<segment id="s{n}"><source>{_xml_text(s)}</source><target>{_xml_text(t)}</target></segment>\n'
        for n, (s, t) in enumerate(pairs)
    )
    text = (
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de">\n'
        f'<file id="{_xml_attr(attr)}"><unit id="u" name="{_xml_attr(attr)}">\n{segments}</unit></file>\n</xliff>\n'
    )
    return Built("gen.xliff", text, [t for _, t in pairs])


def tmx(pairs: list[tuple[str, str]], attr: str) -> Built:
    units = "".join(
        f'<tu tuid="{_xml_attr(attr)}{n}"><prop type="x">{_xml_text(attr)}</prop>'
        f'<tuv xml:lang="en"><seg>{_xml_text(s)}</seg></tuv>'
        f'<tuv xml:lang="pt"><seg>{_xml_text(t)}</seg></tuv></tu>\n'
        for n, (s, t) in enumerate(pairs)
    )
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
        f'<header creationtool="{_xml_attr(attr)}" creationtoolversion="1" datatype="plaintext" segtype="sentence"'
        ' adminlang="en" srclang="en" o-tmf="x"/>\n'
        f"<body>\n{units}</body>\n</tmx>\n"
    )
    return Built("gen.tmx", text, [t for _, t in pairs])


def _po_string(value: str) -> str:
    escaped = (
        value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    )
    return f'"{escaped}"'


def po(pairs: list[tuple[str, str]], attr: str) -> Built:
    entries = "".join(
        f"#. {attr.replace(chr(10), ' ').replace(chr(13), ' ')}\nmsgctxt {_po_string(str(n))}\n"
        f"msgid {_po_string(s)}\nmsgstr {_po_string(t)}\n\n"
        for n, (s, t) in enumerate(pairs)
    )
    header = 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    # PO leaves out an empty msgstr (untranslated) and an entry without msgid text
    kept = [t for s, t in pairs if t]
    return Built("gen.po", header + entries, kept)


def tsv(pairs: list[tuple[str, str]], attr: str) -> Built:
    rows = "".join(f"{attr}{n}\t{s}\t{t}\n" for n, (s, t) in enumerate(pairs))
    return Built("gen.tsv", "id\tsource\ttarget\n" + rows, [t for _, t in pairs])


def _csv_cell(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def csv(pairs: list[tuple[str, str]], attr: str) -> Built:
    rows = "".join(f"{_csv_cell(attr + str(n))},{_csv_cell(s)},{_csv_cell(t)}\n" for n, (s, t) in enumerate(pairs))
    return Built("gen.csv", "note,source,target\n" + rows, [t for _, t in pairs])


BUILDERS: dict[str, Callable[[list[tuple[str, str]], str], Built]] = {
    "xliff-1.2": xliff_12,
    "xliff-2": xliff_2,
    "tmx": tmx,
    "po": po,
    "tsv": tsv,
    "csv": csv,
}
