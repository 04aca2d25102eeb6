"""--fix: safe fixes applied atomically, keeping BOM, line endings and mode; unsafe ones left alone."""

from __future__ import annotations

import stat
from pathlib import Path

from helpers import invoke

DAMAGED = (
    "Le texte a été adopté par l'Assemblee nationale.\r\n"
    "Le ministre a dÃ©clarÃ© que la réforme était prête.\r\n"
    "Smith&amp;Sons n'ont pas commenté.\r\n"
    "\r\n"
    "Source link\r\n"
)
# the deleted last line takes the blank line before it: the file ends as it did, with one CRLF
REPAIRED = (
    "Le texte a été adopté par l'Assemblée nationale.\r\n"
    "Le ministre a déclaré que la réforme était prête.\r\n"
    "Smith&Sons n'ont pas commenté.\r\n"
)


def test_fix_repairs_damaged_french_keeping_bom_crlf_and_mode(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(b"\xef\xbb\xbf" + DAMAGED.encode("utf-8"))
    path.chmod(0o604)
    result = invoke("check", "--fix", "--language", "fr", str(path))
    assert "Fixed" in result.stdout, result.stdout
    assert path.read_bytes() == b"\xef\xbb\xbf" + REPAIRED.encode("utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o604
    again = invoke("check", "--fix", "--language", "fr", str(path))
    assert "Fixed" not in again.stdout
    assert path.read_bytes() == b"\xef\xbb\xbf" + REPAIRED.encode("utf-8")


def test_fix_applies_safe_fixes_atomically_keeping_bom_crlf_and_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfIt was was late ,\r\nThey met in Kiev.\r\n")
    path.chmod(0o640)
    config = tmp_path / "tqcheck.toml"
    config.write_text('packs = ["en-news"]\n', encoding="utf-8")
    result = invoke("check", "--fix", str(path))
    assert result.exit_code == 0, result.stdout
    assert path.read_bytes() == b"\xef\xbb\xbfIt was late,\r\nThey met in Kyiv.\r\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert list(tmp_path.glob(".*tqcheck")) == []
    again = invoke("check", "--fix", "--fail-on", "info", str(path))
    assert again.exit_code == 0 and "Fixed" not in again.stdout


def test_fix_leaves_unsafe_suggestions_alone(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("They met in order to talk,, then left.\n", encoding="utf-8")
    (tmp_path / "tqcheck.toml").write_text('packs = ["en-news"]\n', encoding="utf-8")
    invoke("check", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == "They met in order to talk,, then left.\n"
