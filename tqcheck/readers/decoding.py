"""Bytes to text with clear errors: no reader ever sees undecodable or binary input."""

from __future__ import annotations

import codecs
from dataclasses import dataclass


class DecodeError(ValueError):
    """Raised with a message fit to show the user as is."""


@dataclass(frozen=True)
class Decoded:
    text: str
    bom: bool
    newline: str


def decode(data: bytes) -> Decoded:
    """Decode UTF-8 (with or without BOM); refuse binary data and other encodings clearly."""
    if b"\x00" in data[:8192]:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise DecodeError("UTF-16 text is not supported; convert the file to UTF-8")
        raise DecodeError("binary file (contains NUL bytes), not checked")
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[len(codecs.BOM_UTF8) :] if bom else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = body.count(b"\n", 0, exc.start) + 1
        bad = body[exc.start : exc.start + 1].hex()
        raise DecodeError(f"not valid UTF-8 (byte 0x{bad} on line {line}); re-save the file as UTF-8") from None
    newline = "\r\n" if "\r\n" in text else "\n"
    return Decoded(text=text, bom=bom, newline=newline)
