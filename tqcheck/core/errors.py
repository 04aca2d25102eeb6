"""The errors every layer may raise and the CLI turns into one line and exit 2.

Each message names the file and key (or the model) at fault; callers never need a traceback.
"""

from __future__ import annotations


class ConfigError(ValueError):
    """A configuration problem; the message names the file and key."""


class PackError(ValueError):
    """A rule file or pack that cannot be used; the message names file and key."""


class ModelUnavailable(RuntimeError):
    """The requested model cannot be loaded offline; the message says how to provide it."""


def one_line(message: str) -> str:
    """A message that quotes file content, kept to one printable line: line breaks, controls and
    invisible characters (a CR, U+2028, a right-to-left override) are written as escapes."""
    if message.isprintable():
        return message
    return "".join(ch if ch.isprintable() or ch == " " else repr(ch)[1:-1] for ch in message)
