"""BP001 (scraping leftovers by class and language): examples, case files, and the deletion."""

from __future__ import annotations

from pathlib import Path

from helpers import invoke
from rule_cases import case_test

from tqcheck import check_text
from tqcheck.core.config import Config

test_case = case_test(__file__)


def test_fix_leaves_no_run_of_blank_lines(tmp_path: Path) -> None:
    text = (
        "The port reopened on Monday.\n\n"
        "Share this article\n\n"
        "Ferries returned in the afternoon.\n\n"
        "[Read more](https://example.org/ferries)\n\n"
        "Leave a comment\n"
        "Your email address will not be published. Required fields are marked *\n\n"
        "© 2026 Harbour Times. All rights reserved.\n"
    )
    path = tmp_path / "story.md"
    path.write_text(text, encoding="utf-8")
    invoke("check", "--fix", "--language", "en", "--select", "BP001", str(path))
    assert path.read_text(encoding="utf-8") == "The port reopened on Monday.\n\nFerries returned in the afternoon.\n\n"


def test_each_class_in_each_language_is_found() -> None:
    lines = {
        "en": [
            "Advertisement",
            "[ad-slot-2]",
            "Leave a reply",
            "Follow us on Instagram",
            "Select Language",
            "Original article",
            "All rights reserved.",
            "Read more: Ferries return",
        ],
        "fr": [
            "Publicité",
            "Laisser un commentaire",
            "Suivez-nous sur Facebook",
            "Traduire cette page",
            "Lien source",
            "Tous droits réservés",
            "Lire aussi : Le port rouvre",
        ],
        "de": [
            "Anzeige",
            "Kommentar hinterlassen",
            "Newsletter abonnieren",
            "Sprache auswählen",
            "Quelle -12-",
            "Alle Rechte vorbehalten",
            "Mehr zum Thema",
        ],
    }
    for language, items in lines.items():
        text = "Le port.\n\n" + "\n\n".join(items) + "\n\nFin.\n"
        found = [f.match.strip() for f in check_text(text, config=Config(language=language, select=("BP001",)))]
        assert found == items, (language, found)


def test_prose_and_credits_are_left_alone() -> None:
    text = (
        "Subscribers can read more about the port in the weekly newsletter.\n\n"
        "Source: Reuters\n\n"
        "Quelle: dpa\n\n"
        "The advertisement cost 3 million euros, the company said.\n"
    )
    assert check_text(text, config=Config(language="en", select=("BP001",))) == []
