"""XL006 (length outliers): its rule examples and case files."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rule_cases import case_test

from tqcheck.core.config import Config
from tqcheck.core.errors import ConfigError
from tqcheck.kinds.xl_length import PairLength

test_case = case_test(__file__)


def _rule(tmp_path: Path, table: str | None) -> PairLength:
    from tqcheck.engine.selection import all_specs

    spec = next(spec for spec in all_specs(Config(root=tmp_path)) if spec.id == "XL006")
    if table is not None:
        (tmp_path / "ratios.yaml").write_text(table, encoding="utf-8")
        spec = replace(spec, options={**spec.options, "ratios": str(tmp_path / "ratios.yaml")})
    return PairLength(spec)


def test_the_typical_ratio_is_the_pairs_and_its_inverse_for_the_reverse_pair(tmp_path: Path) -> None:
    ratios = _rule(tmp_path, None).ratios()
    assert 1.0 < ratios[("en", "de")] < 1.3  # fitted on real post-edits: German runs longer
    assert ratios[("de", "en")] == 1 / ratios[("en", "de")]
    assert ratios[("en", "zh")] < 0.5
    assert ("en", "fr") not in ratios  # no data: the file's median decides


def test_a_broken_ratio_table_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="positive ratio"):
        _rule(tmp_path, "en-de: -1\n").configure(Config(root=tmp_path))
    with pytest.raises(ConfigError, match="invalid YAML"):
        _rule(tmp_path, "en-de: [\n").configure(Config(root=tmp_path))
