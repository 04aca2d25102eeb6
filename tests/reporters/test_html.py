"""The HTML report: one self-contained page (nothing loaded from outside, no script), every text
escaped, each finding shown in its context with the match marked."""

from __future__ import annotations

from html.parser import HTMLParser

from small_run import PATH, empty_run, small_run

from tqcheck.reporters import html


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)


def _parsed(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser


def test_page_is_self_contained() -> None:
    page = html.render(small_run())
    parsed = _parsed(page)
    assert page.startswith("<!doctype html>") and page.rstrip().endswith("</html>")
    assert "style" in parsed.tags
    assert not {"script", "link", "img", "iframe"} & set(parsed.tags)
    assert not [name for name, _ in parsed.attributes if name in ("src", "href")]
    assert "http" not in page.replace("http-equiv", "")


def test_match_message_and_path_are_escaped() -> None:
    page = html.render(small_run())
    assert "<b>" not in page
    assert "<mark>&lt;b&gt;Le Monde&lt;/b&gt;</mark>" in page
    assert "Markup 50% left: &lt;b&gt; &amp; co," in page
    assert f"<h2>{PATH}</h2>" in page
    assert _parsed(page).tags.count("mark") == 3


def test_context_suggestions_counts_and_unreadable_files() -> None:
    page = html.render(small_run())
    assert "Prices rose by 5%<mark> ,</mark> said" in page
    assert "→ <span class='sugg'>,</span>" in page and "→ <span class='sugg'>delete</span>" in page
    assert "2 file(s) checked, 3 finding(s) (1 errors, 1 warnings, 1 info); 1 fixable" in page
    assert "<li>news/image.txt: binary file (contains NUL bytes), not checked</li>" in page


def test_all_clear() -> None:
    page = html.render(empty_run())
    assert "<p>All clear.</p>" in page and "<mark>" not in page
