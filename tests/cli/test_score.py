"""`tqcheck score` on files and tables: JSON fields, TSV/CSV parsing, errors, text output."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from typer.testing import CliRunner

from tqcheck.cli.app import app

DRIFT = Path(__file__).resolve().parents[2] / "fixtures" / "drift"
FLAWED = DRIFT / "flawed"
CLEAN = DRIFT / "clean"
runner = CliRunner()


def score(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["score", *args])


def test_tsv_fixture_rows_are_scored_as_given() -> None:
    result = score(str(DRIFT / "pairs.tsv"), "--source-language", "fr", "--format", "json")
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    segments = data["segments"]
    assert len(segments) == 12 and data["summary"]["mode"] == "back_translation"
    notes = [row["note"] for row in csv.DictReader((DRIFT / "pairs.tsv").open(encoding="utf-8"), delimiter="\t")]
    for segment, note in zip(segments, notes, strict=True):
        assert segment["flagged"] == (note != "clean"), (note, segment)
    omitted = segments[5]
    assert omitted["kind"] == "omission" and omitted["similarity"] is None and omitted["other_span"] is None
    wrong = segments[1]
    assert {d["word"] for d in wrong["divergent"]} >= {"dessiccation", "désescalade"}
    word = next(d for d in wrong["divergent"] if d["word"] == "dessiccation")
    start, end = word["span"]
    assert wrong["back_translation"][start:end] == "dessiccation"  # spans are relative to the cell
    assert segments[0]["source_span"] == [0, len(segments[0]["source"])]


def test_generated_table_with_target_column_only(tmp_path: Path) -> None:
    table = tmp_path / "pairs.csv"
    rows = [("source", "target", "comment")]
    days = ["lundi", "mardi", "mercredi", "jeudi", "vendredi"]
    days_en = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    for i in range(60):
        rows.append(
            (
                f"Le conseil se réunira {days[i % 5]} à {i + 8} heures.",
                f"The council will meet on {days_en[i % 5]} at {i + 8} o'clock.",
                "x",
            )
        )
    with table.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    result = score(str(table), "--source-language", "fr", "--target-language", "en", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["segments"]) == 60 and "target" in data["segments"][0]
    assert data["summary"]["flagged"] == 0 and data["summary"]["mode"] == "target"


def test_text_output_is_a_table(tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    result = score(str(DRIFT / "pairs.tsv"), "--source-language", "fr", "--output", str(out))
    assert result.exit_code == 1
    text = out.read_text(encoding="utf-8")
    assert "quality" in text and "█" in text and "omitted" in text and "dessiccation" in text
    # which model and which mode scored the pairs (the table has a back_translation column)
    assert "scored by model use, mode back-translation" in " ".join(text.split())


def test_bad_inputs_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("src\ttgt\nun\tone\n", encoding="utf-8")
    assert score(str(bad)).exit_code == 2
    assert score("--source", str(bad)).exit_code == 2
    result = score(str(DRIFT / "pairs.tsv"), "--model", "./no/such/model")
    assert result.exit_code == 2 and "local model folder" in result.output


def test_minilm_backend_scores_an_english_table(tmp_path: Path) -> None:
    table = tmp_path / "en.tsv"
    table.write_text(
        "source\tback_translation\n"
        "The talks resumed on Monday.\tNegotiations restarted on Monday.\n"
        "Nearly 40 ships are waiting offshore.\tAlmost 14 ships are waiting off the coast.\n"
        "The unions will not sign the deal.\tThe unions will sign the deal.\n",
        encoding="utf-8",
    )
    result = score(str(table), "--model", "minilm", "--source-language", "en", "--format", "json")
    data = json.loads(result.stdout)
    assert data["model"] == "minilm"
    assert [s["flagged"] for s in data["segments"]] == [False, True, True]


def _score_json(*args: object):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["score", *map(str, args), "--format", "json"])


def test_score_json_on_the_fixture_files() -> None:
    result = _score_json(
        "--source", FLAWED / "port-strike.fr.md", "--back-translation", FLAWED / "port-strike.bt.fr.md"
    )
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert data["version"] == 1 and data["model"] == "use"
    segment = data["segments"][0]
    assert set(segment) >= {
        "index",
        "source",
        "back_translation",
        "similarity",
        "flagged",
        "divergent",
        "source_span",
        "other_span",
    }
    kinds = [s["kind"] for s in data["segments"]]
    assert kinds.count("omission") == 1 and kinds.count("addition") == 1
    flagged = [s for s in data["segments"] if s["flagged"] and s["kind"] == "pair"]
    assert len(flagged) == 4
    words = {d["word"] for s in flagged for d in s["divergent"]}
    assert {"dessiccation", "désescalade", "14", "40", "foule", "foulée"} <= words
    source = (FLAWED / "port-strike.fr.md").read_text(encoding="utf-8")
    for s in data["segments"]:
        if s["source_span"]:
            start, end = s["source_span"]
            assert " ".join(source[start:end].split()) == s["source"]
    summary = data["summary"]
    assert summary["omissions"] == 1 and summary["additions"] == 1 and 0 < summary["document_score"] < 1


def test_score_clean_files_exit_zero() -> None:
    result = _score_json("--source", CLEAN / "port-strike.fr.md", "--target", CLEAN / "port-strike.en.md")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert "target" in data["segments"][0] and not any(s["flagged"] for s in data["segments"])


def test_paraphrasing_back_translations_are_not_flagged() -> None:
    """Twenty faithful back-translations that reword every sentence: a back-translation always
    paraphrases, so neither the quality nor a detector may flag them."""
    result = score(str(DRIFT / "calibration-en.tsv"), "--format", "json")
    data = json.loads(result.stdout)
    segments = data["segments"]
    assert len(segments) == 20 and data["summary"]["mode"] == "back_translation"
    assert not [s["source"] for s in segments if s["flagged"]]
    assert result.exit_code == 0, result.output
