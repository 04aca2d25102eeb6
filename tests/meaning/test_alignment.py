"""Alignment logic on hand-made vectors (a fake encoder is fine here: no model is judged)."""

from __future__ import annotations

import numpy as np

from tqcheck.meaning.alignment import Link, align


def unit(*rows: list[float]) -> np.ndarray:
    matrix = np.array(rows, dtype=np.float32)
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def topics(n: int, dim: int = 16) -> np.ndarray:
    """n mutually orthogonal 'sentences'."""
    return np.eye(dim, dtype=np.float32)[:n]


def test_same_count_plausible_pairs_stay_in_order() -> None:
    source = topics(4)
    assert align(source, source.copy()) == [Link((i,), (i,)) for i in range(4)]


def test_omitted_sentence_becomes_an_omission_not_a_merge() -> None:
    source = topics(5)
    other = source[[0, 1, 3, 4]]
    assert align(source, other) == [
        Link((0,), (0,)),
        Link((1,), (1,)),
        Link((2,), ()),
        Link((3,), (2,)),
        Link((4,), (3,)),
    ]


def test_added_sentence_becomes_an_addition() -> None:
    source = topics(4)
    other = np.vstack([source[:2], topics(6)[5:6], source[2:]])
    links = align(source, other)
    assert Link((), (2,)) in links
    assert [link.kind for link in links].count("pair") == 4


def test_split_sentence_is_a_one_to_two_link() -> None:
    source = topics(3)
    halves = unit([0, 1, 1, 0] + [0] * 12, [0, 1, -0.2, 0] + [0] * 12)  # two halves of a sentence
    # the second source sentence is the sum of two target sentences
    source = np.vstack([source[0], unit([0, 2, 0.8, 0] + [0] * 12)[0], source[2]])
    other = np.vstack([source[0], halves, source[2]])
    links = align(source, other)
    assert Link((1,), (1, 2)) in links


def test_empty_sides() -> None:
    assert align(topics(2), np.zeros((0, 16), dtype=np.float32)) == [Link((0,), ()), Link((1,), ())]
    assert align(np.zeros((0, 16), dtype=np.float32), topics(1)) == [Link((), (0,))]


def test_swapped_sentences_with_matching_counts_fall_back_to_dp() -> None:
    source = topics(3)
    other = source[[0, 2, 1]]
    links = align(source, other)
    assert Link((0,), (0,)) in links
    assert sum(link.kind == "pair" for link in links) >= 2
