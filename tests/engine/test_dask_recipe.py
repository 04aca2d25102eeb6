"""The README's Dask bag recipe, run as written on Dask's local scheduler: the per-document
pass is mapped over partitions in worker processes, and the corpus pass (TL003, one name
spelt differently across files) is the reduce."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import dask.bag as db

from tqcheck import check_paths, map_files, reduce_parts
from tqcheck.core.config import Config


def _partition(config: Config, files: list[str]) -> list[object]:
    return [map_files(files, config)]


def test_dask_bag_map_and_reduce_give_the_corpus_finding(tmp_path: Path) -> None:
    for i in range(6):
        name = "Grouchko" if i == 0 else "Grushko"
        (tmp_path / f"a{i}.md").write_text(
            f"Talks in Geneva with Alexander {name} resumed on Monday, officials said.\n", encoding="utf-8"
        )
    config = Config(language="en")
    files = sorted(str(p) for p in tmp_path.glob("*.md"))
    bag = db.from_sequence(files, npartitions=3).map_partitions(partial(_partition, config))
    parts = bag.compute(scheduler="processes", num_workers=2)
    result = reduce_parts(parts, config)
    corpus = [f for f in result.findings if f.rule == "TL003"]
    assert [(Path(f.path).name, f.match, f.suggestion) for f in corpus] == [("a0.md", "Grouchko", "Grushko")]
    assert [d.path for d in result.documents] == files
    assert result.findings == check_paths(files, config=config)
