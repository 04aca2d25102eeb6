"""⟦…⟧ span markup used by rule examples and case files."""

from __future__ import annotations

OPEN, CLOSE = "⟦", "⟧"


def parse_marked(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """Strip the markers; return the plain text and the marked (start, end) spans."""
    text: list[str] = []
    spans: list[tuple[int, int]] = []
    stack: list[int] = []
    for char in marked:
        if char == OPEN:
            stack.append(len(text))
        elif char == CLOSE:
            if not stack:
                raise ValueError(f"unbalanced {CLOSE} in {marked!r}")
            spans.append((stack.pop(), len(text)))
        else:
            text.append(char)
    if stack:
        raise ValueError(f"unbalanced {OPEN} in {marked!r}")
    return "".join(text), sorted(spans)


def mark(text: str, spans: list[tuple[int, int]]) -> str:
    """The inverse, for readable assertion messages."""
    out = text
    for start, end in sorted(spans, reverse=True):
        out = out[:start] + OPEN + out[start:end] + CLOSE + out[end:]
    return out
