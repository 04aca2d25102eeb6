"""Parallel runs: splitting files or rules over two processes gives the same findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from tqcheck.core.config import Config
from tqcheck.engine import workers as parallel
from tqcheck.engine.run import load_rules, run

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
