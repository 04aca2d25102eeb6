"""`pair-length` (XL006): an empty target, or one far shorter or longer than its source.

How much longer a translation runs depends on the language pair: German runs longer than its
English source, Chinese far shorter. The typical ratio (target letters / source letters) of a
pair comes from the `ratios` table, fitted on real parallel data
(tests/benchmarks/fit_length_ratios.py: the median over human-approved translations); the
reverse pair uses the inverse. A pair the table does not know uses the file's own median once
the file has `min-pairs` pairs long enough to judge, else 1. A pair is an outlier when its
ratio is below `short` times or above `long` times the typical ratio; sources shorter than
`min-source` letters vary too much to judge.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from statistics import median
from typing import TYPE_CHECKING, ClassVar

from tqcheck.core.model import Document, Finding, RuleSpec
from tqcheck.kinds.base import Option
from tqcheck.kinds.pairs import PairKind, pairs

if TYPE_CHECKING:
    from tqcheck.core.config import Config

_NOT_LETTERS = re.compile(r"[\W_]+")


def letters(text: str) -> int:
    """Letters and digits: spacing and punctuation vary between languages, words do not."""
    return len(_NOT_LETTERS.sub("", text))


class PairLength(PairKind):
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "short": Option(float, 0.4, help="flag a target shorter than this times the typical ratio (truncated)"),
        "long": Option(float, 2.5, help="flag a target longer than this times the typical ratio"),
        "min-source": Option(int, 30, help="letters a source needs before its ratio is judged"),
        "min-pairs": Option(
            int, 20, help="pairs the file needs before its own median is the typical ratio (pairs not in `ratios`)"
        ),
        "ratios": Option(
            (str, list),
            None,
            help="YAML file(s) of typical ratios per pair (`en-de: 1.12`), relative to the rule's pack; "
            "an empty list: always the file's median",
        ),
    }

    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        listed = self.options["ratios"]
        self.ratio_files = [
            spec.source.parent / str(item) for item in ([listed] if isinstance(listed, str) else listed or [])
        ]
        self._ratios: dict[tuple[str, str], float] | None = None

    def configure(self, config: Config) -> None:
        self.ratios()  # a broken table stops the run before any file is checked

    def ratios(self) -> dict[tuple[str, str], float]:
        """(source, target) -> typical ratio, both directions; read once."""
        if self._ratios is None:
            self._ratios = _read_ratios(self.ratio_files)
        return self._ratios

    def check(self, doc: Document) -> Iterator[Finding]:
        judged = []
        for segment, pair in pairs(doc):
            source = letters(pair.source.plain())
            target = letters(pair.target.plain())
            if source and not pair.target.text.strip():
                yield self.target_finding(doc, segment, message="The target is empty; the source is not.")
            elif source >= self.options["min-source"] and target:
                judged.append((segment, target / source))
        if not judged:
            return
        typical = self.ratios().get(self.languages(doc))
        if typical is None:
            typical = median(r for _, r in judged) if len(judged) >= self.options["min-pairs"] else 1.0
        for segment, ratio in judged:
            relative = ratio / typical
            if relative < self.options["short"]:
                yield self.target_finding(
                    doc, segment, message="The target is {share}% of the usual length for its source: truncated?",
                    share=round(relative * 100),
                )  # fmt: skip
            elif relative > self.options["long"]:
                yield self.target_finding(
                    doc, segment, message="The target is {times}x the usual length for its source: something added?",
                    times=f"{relative:.1f}",
                )  # fmt: skip


def _read_ratios(files: list[Path]) -> dict[tuple[str, str], float]:
    """The ratio tables (later files win); a pair's inverse is its reverse unless listed."""
    import yaml

    from tqcheck.core.errors import ConfigError
    from tqcheck.core.yaml_load import describe_error, safe_load

    found: dict[tuple[str, str], float] = {}
    for path in files:
        try:
            table = safe_load(path.read_text(encoding="utf-8")) or {}
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read the length ratios: {exc.strerror or exc}") from None
        except yaml.YAMLError as exc:
            raise ConfigError(f"{path}: {describe_error(exc)}") from None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: the length ratios must be a mapping like `en-de: 1.12`")
        for key, value in table.items():
            source, _, target = str(key).partition("-")
            if not (source and target) or not isinstance(value, int | float) or value <= 0:
                raise ConfigError(f"{path}: {key}: {value!r} is not `source-target: ratio` with a positive ratio")
            found[(source, target)] = float(value)
    for (source, target), value in list(found.items()):
        found.setdefault((target, source), 1.0 / value)
    return found
