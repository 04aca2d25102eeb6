"""Malformed bilingual files: one clear line naming the file and line, exit 2, others still checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_module

from tqcheck.core.model import InputError
from tqcheck.readers import read_bytes

GOOD = '<xliff version="1.2"><file source-language="en" target-language="fr"><body>\n{}\n</body></file></xliff>\n'
UNIT = "<trans-unit id='1'><source>Hello</source><target>Bonjour</target></trans-unit>"


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        (
            "unclosed.xlf",
            GOOD.format("<trans-unit id='1'><source>Hi</source><target>Salut</trans-unit>").encode(),
            "line 2: malformed XML: mismatched tag",
        ),
        (
            "declared.xlf",
            ('<?xml version="1.0" encoding="ISO-8859-1"?>\n' + GOOD.format(UNIT).replace("Bonjour", "Café")).encode(),
            "line 1: the XML declaration says iso-8859-1 but the file is UTF-8; fix the declaration",
        ),
        (
            "latin1.xlf",
            ('<?xml version="1.0" encoding="UTF-8"?>\n' + GOOD.format(UNIT).replace("Bonjour", "Café")).encode(
                "latin-1"
            ),
            "line 3: not valid UTF-8 (byte 0xe9): fix the encoding declaration or re-save",
        ),
        (
            "bomb.xlf",
            (
                '<?xml version="1.0"?>\n<!DOCTYPE x [\n<!ENTITY a "aaaa">\n<!ENTITY b "&a;&a;&a;">\n]>\n'
                + GOOD.format(UNIT.replace("Hello", "&b;"))
            ).encode(),
            "line 3: an entity declaration (a) is refused: entities can expand without bound or read other files",
        ),
        (
            "external.tmx",
            b'<?xml version="1.0"?>\n<!DOCTYPE tmx [\n<!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n<tmx>&x;</tmx>\n',
            "line 3: an external entity (x) is refused: entities can expand without bound or read other files",
        ),
        ("bad.po", b'msgid "a"\nmsgstr "b\n', "line 2: PO syntax error: unterminated or malformed string"),
        ("bad2.po", b'msgid "a"\nmsgstr "b"\nmsgxx "c"\n', "line 3: PO syntax error: unexpected 'msgxx \"c\"'"),
        ("ragged.tsv", b"source\ttarget\na\tb\tc\n", "line 2: 3 cells where the header has 2"),
        ("open.csv", b'source,target\n"a,b\n', "line 2: a quoted cell is never closed"),
        ("notxliff.xlf", b"<html><body/></html>", "line 1: not an XLIFF file (the document element is <html>)"),
    ],
)
def test_malformed_file_message(name: str, data: bytes, expected: str) -> None:
    found = read_bytes(data, name)
    assert isinstance(found, InputError), found
    assert found.message == expected
    assert "\n" not in found.message


def test_cli_reports_each_bad_file_and_checks_the_others(tmp_path: Path) -> None:
    (tmp_path / "bad.po").write_text('msgid "a"\nmsgstr "b\n', encoding="utf-8")
    (tmp_path / "ragged.tsv").write_text("source\ttarget\na\n", encoding="utf-8")
    (tmp_path / "good.tsv").write_text("source\ttarget\nThe 3 ships.\tLes 4 navires.\n", encoding="utf-8")
    result = run_module("check", "--select", "PN,XL", "--format", "json", str(tmp_path), "--fail-on", "never")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    import json

    payload = json.loads(result.stdout)
    errors = {Path(e["path"]).name: e["message"] for e in payload["errors"]}
    assert errors == {
        "bad.po": "line 2: PO syntax error: unterminated or malformed string",
        "ragged.tsv": "line 2: 1 cells where the header has 2",
    }
    assert payload["summary"]["files"] >= 1
