"""Garbled words, broken sentences and boilerplate end to end: seed sample, --fix, language."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from helpers import invoke

from tqcheck import check_paths, check_text
from tqcheck.core.config import Config
from tqcheck.engine import workers as parallel
from tqcheck.engine.inputs import prepare
from tqcheck.engine.run import load_rules, run
from tqcheck.language.detection import detect
from tqcheck.readers import read_text

FAMILIES = ("GW", "PN", "BP")


def test_seed_article_findings(seed_article: Path) -> None:
    findings = [f for f in check_paths([seed_article]) if f.rule[:2] in FAMILIES]
    found = {(f.line, f.rule[:2], f.match, f.suggestion) for f in findings}
    expected = {
        (58, "GW", "Jean-Stphane", "Jean-Stéphane"),
        (58, "GW", "Hnault", "Hénault"),
        (14, "PN", "deployment. mass", "deployment mass"),
        (44, "PN", "dislocation. of", "dislocation of"),
        (62, "BP", "Source link -88", ""),
    }
    assert expected <= found
    assert len(found - expected) <= 1, found - expected
    protected = (
        "Baczynska",
        "Korsunskaya",
        "Ostroukh",
        "Delame",
        "Boucey",
        "Balmforth",
        "Stoltenberg",
        "Interfax",
        "OSCE",
        "Jan. 12",
    )
    assert not [f for f in findings if any(name in f.match for name in protected)]


def test_seed_article_language_is_detected(seed_article: Path) -> None:
    assert prepare(read_text(seed_article.read_text(encoding="utf-8"), "x.txt"), Config()).language == "en"


DAMAGED = (
    "Le texte a été adopté par l'Assemblee nationale.\r\n"
    "Le ministre a dÃ©clarÃ© que la réforme était prête.\r\n"
    "Smith&amp;Sons n'ont pas commenté.\r\n"
    "\r\n"
    "Source link\r\n"
)
REPAIRED = (
    "Le texte a été adopté par l'Assemblée nationale.\r\n"
    "Le ministre a déclaré que la réforme était prête.\r\n"
    "Smith&Sons n'ont pas commenté.\r\n"
    "\r\n"
    "\r\n"
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


def test_ambiguous_lost_letter_is_reported_but_not_fixed(tmp_path: Path) -> None:
    findings = check_text("Il a rencontré Stphane et Hnault hier.", config=Config(language="fr"))
    unsafe = [f for f in findings if f.rule == "GW001" and not f.fix_safe]
    assert all(f.suggestion for f in unsafe)
    # `leve` could be lève, levé or levée: all are offered, none is applied
    (leve,) = check_text("La préfecture a leve son alerte mardi soir.", config=Config(language="fr"))
    assert (leve.suggestion, leve.fix_safe) == ("lève", False) and "'levé'" in leve.message
    (clear,) = check_text("Le texte a été adopté par l'Assemblee nationale.", config=Config(language="fr"))
    assert (clear.suggestion, clear.fix_safe) == ("Assemblée", True)
    ocr = check_text("The rnodern terminal opened on Monday in the port.", config=Config(language="en"))
    assert [(f.rule, f.suggestion, f.fix_safe) for f in ocr] == [("GW003", "modern", False)]


def test_language_detection_per_language() -> None:
    samples = {
        "en": "The government said on Tuesday that it would raise taxes for the largest companies next year.",
        "fr": "Le gouvernement a annoncé mardi qu'il augmenterait les impôts des grandes entreprises l'an prochain.",
        "de": "Die Regierung hat am Dienstag angekündigt, die Steuern für große Firmen im nächsten Jahr zu erhöhen.",
        "es": "El gobierno anunció el martes que subirá los impuestos a las grandes empresas el próximo año.",
        "it": "Il governo ha annunciato martedì che aumenterà le tasse per le grandi aziende il prossimo anno.",
        "pt": "O governo anunciou na terça-feira que vai aumentar os impostos das grandes empresas no próximo ano.",
        "nl": "De regering heeft dinsdag aangekondigd dat zij volgend jaar de belasting voor grote bedrijven verhoogt.",
        "ru": "Правительство во вторник объявило, что в следующем году повысит налоги для крупных компаний.",
    }
    assert {language: detect(text) for language, text in samples.items()} == {k: k for k in samples}
    assert detect("OK 42") is None


def test_language_precedence_front_matter_config_detection() -> None:
    french = "Le gouvernement a annoncé mardi une nouvelle réforme des retraites pour l'an prochain.\n"
    assert prepare(read_text(french, "a.md"), Config()).language == "fr"
    assert prepare(read_text(french, "a.md"), Config(language="en")).language == "en"
    with_front_matter = "---\nlang: de\n---\n\n" + french
    assert prepare(read_text(with_front_matter, "a.md"), Config(language="en")).language == "de"


def test_rules_follow_the_detected_language() -> None:
    # the same glued "?" is French style error only in a French document
    assert [f.rule for f in check_text("Le ministre a-t-il démissionné? Personne ne le sait encore.")] == ["PN006"]
    assert check_text("Did the minister resign? Nobody knows yet, officials said.") == []


# many files: each process reads and checks half of them; TL003 then compares files read in
# different processes (their summaries travel back)
MANY_FILES = {
    f"d{i}.txt": text
    for i, text in enumerate(
        [
            "The rnodern port reopened, said Alexander Grushko.\n\nSource link\n",
            "Le texte a été adopté par l'Assemblee nationale mardi soir.\n",
            "Die Regierung will die Strae im Zentrum sperren, sagte er.\n",
            "Talks in Geneva with Alexander Grouchko resumed on Monday.\n",
        ]
        * 2
    )
}
# one large file: each process runs half of the rules on it
ONE_FILE = {
    "large.md": "\n\n".join(
        [
            "The rnodern port reopened after talks with Alexander Grushko in Geneva.",
            "Officials said Alexander Grouchko would return. The deployment. mass of troops went on.",
            "Source link",
            "Prices rose by 3.5 percent , officials said on Monday.",
        ]
        * 3
    )
    + "\n"
}


@pytest.mark.parametrize(
    ("files", "plan", "rules"),
    [
        (MANY_FILES, "files", {"GW001", "GW003", "BP001", "TL003"}),
        (ONE_FILE, "rules", {"GW003", "PN001", "BP001", "PN003", "TL001"}),
    ],
)
def test_two_process_split_gives_the_same_findings(  # type: ignore[no-untyped-def]
    tmp_path: Path, monkeypatch, files: dict[str, str], plan: str, rules: set[str]
) -> None:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.setenv("TQCHECK_JOBS", "1")
    single = run([str(tmp_path)], Config())
    monkeypatch.delenv("TQCHECK_JOBS")
    monkeypatch.setattr("tqcheck.engine.workers.MIN_BYTES", 1)
    monkeypatch.setattr("tqcheck.engine.workers._THREADED", ())  # other tests may have imported torch
    split = run([str(tmp_path)], Config())
    assert parallel.plan(sorted(tmp_path.iterdir())) == plan
    assert split.findings == single.findings
    assert rules <= {f.rule for f in split.findings}
    assert [d.path for d in split.documents] == [d.path for d in single.documents]


def test_rule_split_keeps_shared_work_together_and_the_corpus_pass_home() -> None:
    rules = load_rules(Config())
    mine, theirs = parallel.split_rules(rules)
    assert sorted(r.spec.id for r in mine + theirs) == sorted(r.spec.id for r in rules)
    side = {r.spec.id: 0 for r in mine} | {r.spec.id: 1 for r in theirs}
    assert side["TL001"] == side["TL002"] == side["TL003"]  # one name analysis per document
    assert side["GW001"] == side["GW003"]
    cost = [sum(r.COST for r in group) for group in (mine, theirs)]
    assert min(cost) / max(cost) > 0.6


def test_regional_language_codes_use_the_base_language() -> None:
    text = "---\nlang: fr-FR\n---\n\nLe texte a été adopté par l'Assemblee nationale mardi soir.\n"
    assert [(f.rule, f.suggestion) for f in check_text(text, path="a.md")] == [("GW001", "Assemblée")]
    assert check_text("---\nlang: ../../etc\n---\n\nSome text here.\n", path="b.md") == []
