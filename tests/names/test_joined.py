"""names.joined and names.glosses: one name split or cased two ways, never two names; brackets
that gloss a name in another romanisation. Texts written for these tests."""

from __future__ import annotations

from tqcheck.names.glosses import drop_glosses
from tqcheck.names.joined import collect, why_same
from tqcheck.names.mentions import Run, Token


def _zipf(word: str) -> float:
    return {"krieg": 5.2, "ukraine": 4.5, "konflikt": 4.4}.get(word.casefold(), 0.0)


def test_space_hyphen_and_case_are_one_name() -> None:
    assert why_same("Jong Un", "Jong-un", _zipf, 4.0) == "hyphen or space only"
    assert why_same("Jong-Un", "Jong-un", _zipf, 4.0) == "letter case only"
    assert why_same("Amirabdollahian", "Amir-Abdollahian", _zipf, 4.0) == "written as one word and split"


def test_other_splits_and_nouns_are_not() -> None:
    assert why_same("Jong Un", "Jon Gun", _zipf, 4.0) is None  # same letters, split elsewhere
    assert why_same("Ukraine-Krieg", "Ukrainekrieg", _zipf, 4.0) is None  # a compound noun
    assert why_same("Jong Un", "Jong\u00a0Un", _zipf, 4.0) is None  # a no-break space reads alike


def _runs(text: str, *names: str) -> list[Run]:
    """One run per listed name (words separated by spaces), in order of `text`."""
    runs, position = [], 0
    for name in names:
        tokens = []
        for word in name.split():
            start = text.index(word, position)
            tokens.append(Token(start, start + len(word), word))
            position = start + len(word)
        runs.append(Run(tuple(tokens)))
    return runs


def test_chains_are_keyed_by_the_word_before_and_the_folded_letters() -> None:
    text = "Kim Jong Un met Kim Jong-un's sister, Kim Yo-jong, and Kim Tok Hun."
    keyed = collect(text, _runs(text, "Kim", "Kim", "Kim", "Kim"))
    surfaces = {key: sorted(text[a:b] for a, b in spans) for key, spans in keyed.items()}
    assert surfaces[("Kim", "jongun")] == ["Jong Un", "Jong-un"]  # the possessive is left out
    assert surfaces[("Kim", "yojong")] == ["Yo-jong"]
    assert ("Kim", "yo") not in surfaces  # never inside a hyphenated word
    assert surfaces[("Kim", "tokhun")] == ["Tok Hun"]


def test_a_title_case_headline_is_left_out() -> None:
    text = "Kim Jong-Un Opens New Hospital In Capital\nKim Jong-un opened it."
    keyed = collect(text, _runs(text, "Kim", "Kim"))
    assert [text[a:b] for a, b in keyed[("Kim", "jongun")]] == ["Jong-un"]


def test_a_bracketed_romanisation_is_a_gloss_not_a_spelling() -> None:
    text = "Premier Kim Tok Hun (Kim Tok-hun) spoke; Kim Jong Un’s [Kim Cho’ng-u’n; KJU] letter."
    runs = _runs(text, "Premier Kim Tok Hun", "Kim Tok-hun", "Kim Jong Un", "Kim Cho’ng-u’n")
    kept = [" ".join(token.form for token in run.tokens) for run in drop_glosses(runs, text)]
    assert kept == ["Premier Kim Tok Hun", "Kim Jong Un"]


def test_a_bracket_after_ordinary_words_is_no_gloss() -> None:
    text = "Kim said on Monday (Kim Tok-hun) that the plan stands."
    runs = _runs(text, "Kim", "Kim Tok-hun")
    assert len(drop_glosses(runs, text)) == 2
