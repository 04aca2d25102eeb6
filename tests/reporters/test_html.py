"""The HTML report: one self-contained page (nothing loaded from outside; one inline script, the
filters), every text escaped, a summary by rule and severity, each finding in its sentence with
its suggestion as a proposed edit, the document's text with every finding marked, and for a
scored translation a chart with one bar per segment and the texts side by side. (The page as a
browser shows it: test_html_in_chromium.py.)"""

from __future__ import annotations

from html.parser import HTMLParser

from small_run import PATH, empty_run, small_run

from tqcheck.core.pair_scores import BACK_TRANSLATION, DIRECT, PairScores, ScoredSegment, WordMark
from tqcheck.core.result import RunResult
from tqcheck.reporters import html


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.classes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)
        self.classes.extend(f"{tag}.{c}" for name, value in attrs if name == "class" and value for c in value.split())


def _parsed(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser


def test_page_is_self_contained() -> None:
    page = html.render(small_run())
    parsed = _parsed(page)
    assert page.startswith("<!doctype html>") and page.rstrip().endswith("</html>")
    assert "style" in parsed.tags and parsed.tags.count("script") == 1
    assert not {"link", "img", "iframe", "object", "embed"} & set(parsed.tags)
    assert not [name for name, _ in parsed.attributes if name == "src"]
    assert all(value and value.startswith("#") for name, value in parsed.attributes if name == "href")
    assert "http" not in page.replace("http-equiv", "")


def test_texts_are_escaped() -> None:
    page = html.render(small_run())
    assert "<b>" not in page
    assert "Markup 50% left: &lt;b&gt; &amp; co,\nin the text." in page
    assert f"<h2>{PATH} " in page


def test_summary_by_rule_and_severity_with_filters() -> None:
    parsed = _parsed(html.render(small_run()))
    rule_boxes = [v for n, v in parsed.attributes if n == "value"]
    assert {"PN004", "BP003", "PN002", "error", "warning", "info"} <= set(rule_boxes)
    page = html.render(small_run())
    assert "2 file(s) checked, 3 finding(s) (1 errors, 1 warnings, 1 info); 1 fixable with <code>--fix</code>" in page
    assert "(1 more with <code>--unsafe-fixes</code>)" in page
    assert "<li>news/image.txt: binary file (contains NUL bytes), not checked</li>" in page


def test_each_finding_in_its_sentence_as_a_proposed_edit() -> None:
    page = html.render(small_run())
    # a replacement: the old text struck through, the new one inserted
    assert "Prices rose by 5%<mark><del> ,</del><ins>,</ins></mark> said &lt;b&gt;Le Monde&lt;/b&gt;." in page
    # a deletion is a deletion, not replacement text
    assert "The<mark><del title='delete'> the</del></mark> port reopened." in page
    assert "→ delete" in page and "→ “,”" in page
    # no suggestion: only marked
    assert "<mark>&lt;b&gt;Le Monde&lt;/b&gt;</mark>" in page


def test_the_text_with_every_finding_marked_and_filterable() -> None:
    page = html.render(small_run())
    start = page.index("<div class='doc-text'>")
    text = page[start : page.index("</div>", start)]
    assert text.count("<mark class='f") == 3
    assert "data-rule='PN004' data-severity='warning' data-fixable='1'" in text
    assert "data-rule='PN002' data-severity='info' data-fixable='0'" in text
    assert "<del> ,</del></mark><ins class='f sev-warning'" in text
    assert "\nThe<mark class='f sev-info'" in text  # line breaks kept


def test_fixable_marks_follow_unsafe_fixes() -> None:
    result = small_run()
    result.unsafe_fixes = True
    assert "data-rule='PN002' data-severity='info' data-fixable='1'" in html.render(result)


def test_all_clear() -> None:
    page = html.render(empty_run())
    assert "<p class='all-clear'>All clear.</p>" in page and "<mark" not in page


def _scored(mode: str) -> RunResult:
    result = small_run()
    back = mode == BACK_TRANSLATION
    segments = (
        ScoredSegment(
            1, "pair", "Les prix ont monté.", "Les prix ont augmenté." if back else "", "Prices rose.", 0.93, False
        ),
        ScoredSegment(
            2,
            "pair",
            "Le port a rouvert.",
            "Le port a fermé." if back else "",
            "The port closed.",
            0.41,
            True,
            ("below the threshold",),
            (WordMark("source", 10, 17, "rouvert"), WordMark("translation", 9, 15, "closed")),
        ),
        ScoredSegment(3, "omission", "Rien d'autre.", "", "", None, True, ("omitted",)),
    )
    result.scores = {
        PATH: PairScores("news/a.fr.md", "news/a.bt.fr.md" if back else None, "use", mode, "similarity", 0.75, segments)
    }
    return result


def test_a_scored_translation_gets_a_chart_and_the_texts_side_by_side() -> None:
    page = html.render(_scored(BACK_TRANSLATION))
    parsed = _parsed(page)
    assert parsed.classes.count("rect.bar") == 3
    assert parsed.classes.count("rect.flagged") == 2 and parsed.classes.count("rect.gap") == 1
    assert parsed.classes.count("tr.seg") == 3 and parsed.classes.count("tr.flagged") == 2
    assert "<b class='model'>use</b>, mode <b class='mode'>back-translation</b>" in page
    assert "<th>back-translation</th>" in page
    assert "Le port a <mark class='div'>rouvert</mark>." in page
    assert "The port <mark class='div'>closed</mark>." in page
    assert "(omitted in the translation)" in page
    assert "2 of 3 segment(s) flagged" in page


def test_a_direct_score_says_so_and_has_no_back_translation_column() -> None:
    page = html.render(_scored(DIRECT))
    assert "mode <b class='mode'>direct (source against translation)</b>" in page
    assert "<th>back-translation</th>" not in page
