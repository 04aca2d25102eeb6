"""The learned quality heads and the divergent-word model: shipped, small, and sensible on our own pairs."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from tqcheck.cli.app import app
from tqcheck.meaning.encoders import load_encoder
from tqcheck.meaning.quality import DATA, MODES, features, head_file, head_for, load_head, surface_rows
from tqcheck.meaning.word_model import load_word_model

runner = CliRunner()


def test_weights_ship_in_the_package_and_are_small() -> None:
    files = list(DATA.glob("*.npz"))
    assert head_file("use") in files
    assert sum(f.stat().st_size for f in files) < 600_000
    assert (DATA / "MODEL_CARD.md").is_file()
    for mode in MODES:
        head = load_head("use", mode)
        assert head is not None and 0.0 < head.threshold < 1.0 and head.precision > 0.5


def quality(mode: str, left: list[str], right: list[str], languages: tuple[str, str]) -> np.ndarray:
    head = head_for("use", mode == "back_translation", languages)
    assert head is not None
    encoder = load_encoder("use")
    u, v = encoder.encode(left), encoder.encode(right)
    return head.quality(features(u, v, head.parts, (left, right), languages), surface_rows((left, right)))


def test_cross_lingual_quality_ranks_a_faithful_translation_above_broken_ones() -> None:
    source = "The museum will reopen in the spring after two years of work."
    good = "Das Museum wird nach zwei Jahren Bauzeit im Frühjahr wieder öffnen."
    wrong = "Das Stadion wurde im Winter nach drei Tagen Streik geschlossen."
    scores = quality("target", [source] * 2, [good, wrong], ("en", "de"))
    assert scores.min() >= 0.0 and scores.max() <= 1.0
    assert scores[0] > scores[1]


def test_back_translation_quality_ranks_a_paraphrase_above_a_changed_meaning() -> None:
    source = "Les syndicats ne signeront pas l'accord avant lundi."
    paraphrase = "Les syndicats ne signeront pas cet accord avant lundi."
    changed = "Les syndicats ont signé l'accord dimanche soir."
    scores = quality("back_translation", [source] * 2, [paraphrase, changed], ("fr", "fr"))
    assert scores[0] > scores[1]


def test_score_json_gives_quality_next_to_similarity(tmp_path: Path) -> None:
    table = tmp_path / "rows.tsv"
    table.write_text(
        "source\ttarget\n"
        "The council passed the budget on Tuesday.\tDer Rat hat am Dienstag den Haushalt beschlossen.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["score", str(table), "--format", "json"])
    segment = json.loads(result.stdout)["segments"][0]
    assert list(segment).index("quality") == list(segment).index("similarity") + 1
    assert 0.0 <= segment["quality"] <= 1.0


def test_word_model_points_at_the_changed_word() -> None:
    from tqcheck.meaning.signals import words
    from tqcheck.meaning.word_model import features as word_features

    model = load_word_model()
    assert model is not None and 0.0 < model.cut < 1.0
    reference = words("The port reopened on Monday after the strike.")
    changed = words("The port burned on Monday after the strike.")
    encoder = load_encoder("use")
    a = encoder.encode([w.text.lower() for w in changed])
    b = encoder.encode([w.text.lower() for w in reference])
    probability = model.probability(word_features(changed, reference, (a @ b.T).max(axis=1), "en", 0.8))
    burned = [w.text for w in changed].index("burned")
    assert probability.argmax() == burned


@pytest.mark.parametrize("mode", MODES)
def test_head_input_width_matches_its_features(mode: str) -> None:
    head = load_head("use", mode)
    assert head is not None
    u = v = np.eye(1, 512, dtype=np.float32)
    x = features(u, v, head.parts, (["a"], ["a"]), ("en", "en"))
    assert x.shape[1] == head.mean.shape[0]


def test_a_language_pair_with_its_own_judgements_gets_its_own_head() -> None:
    general = load_head("use", "target")
    own = head_for("use", False, ("en", "de"))
    assert general is not None and own is not None and own is not general
    assert head_for("use", False, ("fr", "en")) is general  # no judgements of its own: the general head
    assert head_for("use", False, (None, "de")) is general
    assert head_for("use", True, ("fr", "fr")) is load_head("use", "back_translation")


def test_surface_boost_only_raises_and_ignores_paraphrase() -> None:
    head = load_head("use", "back_translation")
    assert head is not None and head.boost is not None and len(head.boost)
    assert (head.boost[:, 2] >= 0).all()
    source = "Le conseil municipal a adopté mardi le budget de la ville pour l'année prochaine."
    copy = "Le conseil municipal a adopté mardi le budget de la ville pour l'an prochain."
    paraphrase = "Mardi, les élus de la commune ont voté les comptes de la ville pour l'an prochain."
    rows = surface_rows(([source, source], [copy, paraphrase]))
    lift = head.lift(rows)
    assert lift[0] > 0.0  # the same words in the same order: evidence of fidelity
    assert lift[1] == 0.0  # a paraphrase changes nothing
    encoder = load_encoder("use")
    u, v = encoder.encode([source, source]), encoder.encode([copy, paraphrase])
    x = features(u, v, head.parts, ([source, source], [copy, paraphrase]), ("fr", "fr"))
    boosted, plain = head.quality(x, rows), head.quality(x, rows * 0.0)
    assert boosted[0] > plain[0] and boosted[1] == plain[1]
