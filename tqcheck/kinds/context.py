"""The words around a match, for deciding whether a fix is safe in its context.

Neighbours are words joined to the match by spaces (a line wrap counts as a space) or by a
hyphen; punctuation in between means the words are not neighbours.
"""

from __future__ import annotations

_JOINERS = " \t\u00a0"
_QUOTES = "'’"


def word_before(text: str, start: int) -> str | None:
    """The word directly before `start` (spaces, one line wrap or a hyphen between), if any."""
    pos = _skip_back(text, start)
    if pos == start or pos == 0 or not _is_word_char(text[pos - 1]):
        return None
    end = pos
    while pos > 0 and _is_word_char(text[pos - 1]):
        pos -= 1
    return text[pos:end].strip(_QUOTES) or None


def word_after(text: str, end: int) -> str | None:
    """The word directly after `end` (spaces, one line wrap or a hyphen between), if any."""
    pos = _skip_forward(text, end)
    if pos == end or pos >= len(text) or not _is_word_char(text[pos]):
        return None
    start = pos
    while pos < len(text) and _is_word_char(text[pos]):
        pos += 1
    return text[start:pos].strip(_QUOTES) or None


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in _QUOTES


def _skip_back(text: str, start: int) -> int:
    pos = start
    if pos > 0 and text[pos - 1] == "-":
        return pos - 1
    newlines = 0
    while pos > 0 and (text[pos - 1] in _JOINERS or text[pos - 1] in "\r\n"):
        newlines += text[pos - 1] == "\n"
        pos -= 1
    return pos if newlines <= 1 else start


def _skip_forward(text: str, end: int) -> int:
    pos = end
    if pos < len(text) and text[pos] == "-":
        return pos + 1
    newlines = 0
    while pos < len(text) and (text[pos] in _JOINERS or text[pos] in "\r\n"):
        newlines += text[pos] == "\n"
        pos += 1
    return pos if newlines <= 1 else end


def starts_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` opens a sentence: the text, a paragraph or a line begins
    there, or a sentence mark (possibly with a closing quote) and a space come before it."""
    pos = start
    while pos > 0 and text[pos - 1] in _JOINERS:
        pos -= 1
    if pos == 0 or text[pos - 1] in "\r\n":
        return True
    if pos == start:
        return False
    while pos > 0 and text[pos - 1] in "\"'”’»)":
        pos -= 1
    return pos > 0 and text[pos - 1] in ".!?…:"


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def followed_by_qualifier(text: str, end: int) -> bool:
    """A comma and a capitalised word follow (`Odessa, Texas`): what comes after may say which
    place of that name is meant."""
    pos = end
    while pos < len(text) and text[pos] in _JOINERS:
        pos += 1  # tokenised text puts a space before the comma
    if pos >= len(text) or text[pos] != ",":
        return False
    end = pos
    pos = end + 1
    while pos < len(text) and text[pos] in _JOINERS:
        pos += 1
    return pos > end + 1 and pos < len(text) and text[pos].isupper()
