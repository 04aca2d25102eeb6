"""Thresholds are rule options: declared once by the kind, listed by `tqcheck rule ID` with the
value in force, overridable in `[rules.ID]`, type-checked (exit 2 naming file and key)."""

from __future__ import annotations

import importlib
import json
import pkgutil
from pathlib import Path

from helpers import invoke

import tqcheck.kinds
import tqcheck.names
from tqcheck.core.config import Config
from tqcheck.core.model import RuleSpec
from tqcheck.engine.selection import all_specs
from tqcheck.kinds import KINDS
from tqcheck.kinds.backtranslation import BackTranslation

# French: `ete` (zipf 3.9) is a word of web text, but `été` (6.2) is far more frequent
FRENCH = "Le projet de loi a ete adopté mardi par le conseil municipal, après un long débat.\n"


def _project(tmp_path: Path, config: str) -> Path:
    (tmp_path / "tqcheck.toml").write_text(config, encoding="utf-8")
    target = tmp_path / "article.txt"
    target.write_text(FRENCH, encoding="utf-8")
    return target


def _gw001(tmp_path: Path, config: str) -> list[tuple[str, str]]:
    target = _project(tmp_path, config)
    result = invoke("check", str(target), "--select", "GW001", "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    return [(f["match"], f["suggestion"]) for f in json.loads(result.stdout)["findings"]]


def test_rule_lists_each_option_with_type_default_and_meaning() -> None:
    result = invoke("rule", "GW001")
    assert result.exit_code == 0
    options = result.stdout.split("## Options\n", 1)[1]
    assert "- `common-zipf` (float, default: 4.5): plain forms at least this frequent are never" in options
    assert "- `min-length` (int, default: 3): shortest word part considered" in options
    # the rule file's value, not the kind's empty default
    assert "- `report` (str, default: similarity)" in invoke("rule", "BT001").stdout
    assert "- `abbreviations` (list or dict, default: [etc, vs, cf," in invoke("rule", "PN001").stdout


def test_every_option_of_every_kind_is_explained() -> None:
    for name, kind in KINDS.items():
        for option_name, option in kind.OPTIONS.items():
            assert option.help.strip(), f"{name}: option {option_name} has no one-line meaning"


def test_rule_shows_the_config_override(tmp_path: Path) -> None:
    (tmp_path / "tqcheck.toml").write_text("[rules.GW001]\ncommon-zipf = 3.5\n", encoding="utf-8")
    result = invoke("rule", "GW001", "--config", str(tmp_path / "tqcheck.toml"))
    assert result.exit_code == 0
    assert "- `common-zipf` (float, default: 3.5)" in result.stdout


def test_a_threshold_set_in_the_config_changes_the_findings(tmp_path: Path) -> None:
    assert _gw001(tmp_path, 'language = "fr"\n') == [("ete", "été")]
    # `ete` is now frequent enough to be left alone
    assert _gw001(tmp_path, 'language = "fr"\n[rules.GW001]\ncommon-zipf = 3.5\n') == []


def test_a_threshold_of_the_wrong_type_is_exit_2_naming_file_and_key(tmp_path: Path) -> None:
    target = _project(tmp_path, '[rules.GW001]\ncommon-zipf = "high"\n')
    result = invoke("check", str(target))
    assert result.exit_code == 2
    assert "tqcheck.toml [rules.GW001]" in result.stderr
    assert "key 'options.common-zipf': expected float, got str" in result.stderr


def test_backtranslation_options_reach_the_drift_settings() -> None:
    spec = next(s for s in all_specs(Config()) if s.id == "BT001")
    assert BackTranslation(spec).settings.rare_zipf == 3.0
    tuned = RuleSpec(**{**spec.__dict__, "options": {**spec.options, "rare-zipf": 2.5, "align-skip": 0.3}})
    settings = BackTranslation(tuned).settings
    assert (settings.rare_zipf, settings.align_skip) == (2.5, 0.3)
    # the rule's threshold beats the run's `drift-threshold`, which beats the calibrated default
    kind = BackTranslation(spec)
    kind.configure(Config(extra={"drift-threshold": 0.7}))
    assert kind.settings.threshold == 0.7
    pinned = BackTranslation(RuleSpec(**{**spec.__dict__, "options": {**spec.options, "threshold": 0.5}}))
    pinned.configure(Config(extra={"drift-threshold": 0.7}))
    assert pinned.settings.threshold == 0.5


def test_no_kind_or_names_module_keeps_a_threshold_as_a_module_constant() -> None:
    for package in (tqcheck.kinds, tqcheck.names):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            constants = [name for name, value in vars(module).items() if isinstance(value, float) and name.isupper()]
            assert constants == [], f"{module.__name__}: {constants} belong in a kind's OPTIONS"


def test_the_common_word_threshold_of_tl001_is_an_option(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(
        "The envoy met Samir Hassan in Doha on Monday.\n\nLater Samir Hasan said the talks went well.\n",
        encoding="utf-8",
    )

    def tl001(config: str) -> list[str]:
        (tmp_path / "tqcheck.toml").write_text(config, encoding="utf-8")
        result = invoke("check", str(tmp_path / "article.txt"), "--select", "TL001", "--format", "json")
        return [f["match"] for f in json.loads(result.stdout)["findings"]]

    assert tl001('language = "en"\n') == ["Hasan"]  # both spellings below zipf 4: a name
    # at 3.0 both (3.7, 3.2) count as ordinary words, never grouped as one name's spellings
    assert tl001('language = "en"\n[rules.TL001]\ncommon-word-zipf = 3.0\n') == []
