"""XL005 (one source name, two renderings): its rule examples and case files."""

from __future__ import annotations

from pathlib import Path

from rule_cases import case_test

test_case = case_test(__file__)


SPELLED_TWO_WAYS = (
    "source_ru\ttarget_en\n"
    "Министр Вершинин приехал в порт утром.\tMinister Vershinin arrived at the port in the morning.\n"
    "Вершинин осмотрел новые причалы.\tVershinin inspected the new berths.\n"
    "Позже Вершинин встретился с рыбаками.\tLater Werschinin met the fishermen.\n"
    "Рыбаки рассказали Вершинину о ценах на топливо.\tThe fishermen told Vershinin about fuel prices.\n"
)


def _findings(tmp_path: Path, select: tuple[str, ...]) -> list[tuple[str, str]]:
    from tqcheck import check_paths
    from tqcheck.core.config import Config

    path = tmp_path / "visit.tsv"
    path.write_text(SPELLED_TWO_WAYS, encoding="utf-8")
    found = check_paths([path], config=Config(select=select, root=tmp_path))
    return [(finding.rule, finding.match) for finding in found]


def test_one_finding_per_spelling_defect_in_a_bilingual_file(tmp_path: Path) -> None:
    """XL005 owns a name rendered two ways (the source proves it is one name); TL001 alone
    still finds it, so the deference is what removes the second finding."""
    assert _findings(tmp_path, ("XL005", "TL001")) == [("XL005", "Werschinin")]
    assert _findings(tmp_path, ("TL001",)) == [("TL001", "Werschinin")]
