"""Output formats; every one renders the same flat findings."""

from __future__ import annotations

FORMATS = ("text", "json", "sarif", "github", "junit", "html")
