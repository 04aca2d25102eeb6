"""`tqcheck score` tables: one segment per row whatever the quotes, row labels, column languages."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tqcheck.cli.app import app
from tqcheck.meaning.score_inputs import InputProblem, from_table

runner = CliRunner()

GERMAN = [
    "Der Rat hat am Dienstag den Haushalt der Stadt beschlossen.",
    "Die Schulen bleiben wegen des Sturms bis Montag geschlossen.",
    "Nach zwei Jahren Bauzeit wird die Brücke im Frühjahr wieder geöffnet.",
    "Die Polizei hat in der Nacht drei Verdächtige festgenommen.",
]
ENGLISH = [
    "The council passed the city budget on Tuesday.",
    "Schools will stay closed until Monday because of the storm.",
    "After two years of work the bridge will reopen in the spring.",
    "Police arrested three suspects during the night.",
]


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_stray_quote_in_a_tsv_never_merges_rows(tmp_path: Path) -> None:
    rows = ["source\ttarget"]
    rows += [f"{en}\t{de}" for en, de in zip(ENGLISH, GERMAN, strict=True)]
    rows[2] = 'He said "the schools will stay closed.\tEr sagte, die Schulen blieben geschlossen.'
    data = from_table(write(tmp_path / "rows.tsv", rows), "en", "de")
    assert len(data.links or []) == 4
    assert data.source.sentences[1].text.startswith('He said "the schools')


def test_a_row_with_another_number_of_cells_is_an_error_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path / "rows.tsv", ["source\ttarget", f"{ENGLISH[0]}\t{GERMAN[0]}", f"{ENGLISH[1]}\tx\ty"])
    result = runner.invoke(app, ["score", str(path)])
    assert result.exit_code == 2
    assert "rows.tsv:3: 3 cell(s) where the header has 2" in result.output


def test_a_row_without_either_text_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "rows.tsv", ["id\tsource\ttarget", f"a\t{ENGLISH[0]}\t{GERMAN[0]}", "b\t\t"])
    try:
        from_table(path, "en", "de")
    except InputProblem as exc:
        assert "rows.tsv:3" in str(exc)
    else:
        raise AssertionError("an empty row was accepted")


def test_each_column_language_is_detected_when_not_given(tmp_path: Path) -> None:
    rows = ["source\ttarget"] + [f"{en}\t{de}" for en, de in zip(ENGLISH, GERMAN, strict=True)]
    data = from_table(write(tmp_path / "rows.tsv", rows), None, None)
    assert (data.source.language, data.other.language) == ("en", "de")
    flipped = ["source\ttarget"] + [f"{de}\t{en}" for en, de in zip(ENGLISH, GERMAN, strict=True)]
    data = from_table(write(tmp_path / "flipped.tsv", flipped), None, None)
    assert (data.source.language, data.other.language) == ("de", "en")


def test_given_languages_win_over_detection(tmp_path: Path) -> None:
    rows = ["source\ttarget"] + [f"{en}\t{de}" for en, de in zip(ENGLISH, GERMAN, strict=True)]
    data = from_table(write(tmp_path / "rows.tsv", rows), "en", "nl")
    assert data.other.language == "nl"


def test_rows_are_labelled_by_their_id_and_counted_from_one(tmp_path: Path) -> None:
    rows = ["id\tsource\ttarget"] + [
        f"s{k}\t{en}\t{de}" for k, (en, de) in enumerate(zip(ENGLISH, GERMAN, strict=True), start=7)
    ]
    path = write(tmp_path / "rows.tsv", rows)
    result = runner.invoke(app, ["score", str(path), "--format", "json"])
    segments = json.loads(result.stdout)["segments"]
    assert [s["index"] for s in segments] == [1, 2, 3, 4]
    assert [s["id"] for s in segments] == ["s7", "s8", "s9", "s10"]
    text = runner.invoke(app, ["score", str(path), "--no-color"])
    assert "s10" in text.stdout and "id" in text.stdout
