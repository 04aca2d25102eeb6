"""Clusters of spellings of one name: bucketed candidate pairs (never all pairs), union-find.

Spellings are filed under transliteration keys (variants.bucket_keys) and, when the document's
given names are known, under their given names (people.given_buckets), so that only spellings
that share a key or a person are ever compared. Each accepted pair keeps why it was accepted:
that reason travels with the finding.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

from tqcheck.names.normalise import split_article
from tqcheck.names.people import Limits, compatible_people, given_buckets, why_same_given, why_same_person
from tqcheck.names.variants import ZipfLookup, bucket_keys, why_same

Reasons = dict[tuple[str, str], str]
MAX_BUCKET = 50  # a huge bucket is a degenerate key, not one name


def candidate_pairs(forms: Iterable[str], keyed: Callable[[str], Iterable[str]] = bucket_keys) -> set[tuple[str, str]]:
    """Pairs of spellings that share a bucket: the only pairs ever compared. (Most buckets hold
    one spelling: only those that get a second are looked at again.)"""
    buckets: dict[str, list[str]] = {}
    shared: list[list[str]] = []
    for form in forms:
        for key in keyed(form):
            members = buckets.get(key)
            if members is None:
                buckets[key] = [form]
                continue
            if len(members) == 1:
                shared.append(members)
            members.append(form)
    pairs: set[tuple[str, str]] = set()
    for members in shared:
        if len(members) > MAX_BUCKET:
            continue
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if a != b:
                    pairs.add((a, b) if a < b else (b, a))
    return pairs


def _all_pairs(forms: list[str]) -> set[tuple[str, str]]:
    """Every pair: only for the handful of given names attached to one surname."""
    return {(a, b) if a < b else (b, a) for i, a in enumerate(forms) for b in forms[i + 1 :] if a != b}


def group(
    forms: Iterable[str],
    zipf: ZipfLookup,
    givens: Mapping[str, set[str]] | None = None,
    *,
    common_word: float,
    limits: Limits | None = None,
    reasons: Reasons | None = None,
) -> list[list[str]]:
    """Clusters (of two or more spellings) of one surname, via union-find over accepted pairs;
    two spellings both at least `common_word` frequent are ordinary words (Defense / Defence).

    With `limits` (one document) a given name shared by two surnames is evidence too; without
    (a corpus, where many people share a given name) only the spellings themselves count.
    Accepted pairs and their reasons are added to `reasons` when given.
    """
    forms = list(dict.fromkeys(forms))
    people = limits is not None and givens is not None
    given_of: Mapping[str, set[str]] = givens or {}
    if people:  # one pass over both kinds of bucket: keys, and given names

        def keyed(form: str) -> frozenset[str]:
            given = given_of.get(form)
            return bucket_keys(form).union(*map(given_buckets, given)) if given else bucket_keys(form)

        pairs = candidate_pairs(forms, keyed)
    else:
        pairs = candidate_pairs(forms)

    def accept(a: str, b: str) -> str | None:
        why = why_same(a, b)
        if (
            why is not None
            and givens is not None
            and not compatible_people(given_of.get(a, set()), given_of.get(b, set()), limits)
        ):
            why = None
        if why is None and people:
            assert limits is not None
            why = why_same_person(a, b, given_of.get(a, set()), given_of.get(b, set()), zipf, limits)
        return why

    clusters = _union(forms, pairs, accept, zipf, common_word, reasons, keep_article_only=True)
    # one document: the article kept and dropped inside the full name is two spellings
    return [m for m in clusters if not _article_only(m) or (people and _article_in_full_name(m, given_of))]


def _article_in_full_name(forms: list[str], givens: Mapping[str, set[str]]) -> bool:
    """`Salim Al-Kuwari`, later `Salim Kuwari`: the same given name with both forms. (A bare
    second reference, `Kadhimi` after `Mustafa al-Kadhimi`, is the house style, not a variant.)"""
    with_article = {g.casefold() for f in forms if split_article(f)[0] for g in givens.get(f, ())}
    without = {g.casefold() for f in forms if not split_article(f)[0] for g in givens.get(f, ())}
    return bool(with_article & without)


def group_given(
    forms: Iterable[str],
    zipf: ZipfLookup,
    limits: Limits,
    evidence: bool,
    reasons: Reasons | None = None,
    *,
    common_word: float,
    two_people: Callable[[str, str], bool] | None = None,
) -> list[list[str]]:
    """Clusters of given names of one surname (every pair: a surname has a handful); `evidence`:
    the surname is rare enough to vouch for one person (names.people.Limits.evidence); pairs
    `two_people` says are two names are never joined."""
    forms = list(dict.fromkeys(forms))

    def accept(a: str, b: str) -> str | None:
        if two_people is not None and two_people(a, b):
            return None
        return why_same_given(a, b, limits, evidence)

    # before a rare surname a frequent word is still a given name (Stephen / Steven, Karl / Carl)
    return _union(forms, _all_pairs(forms), accept, zipf, None if evidence else common_word, reasons)


def _union(
    forms: list[str],
    pairs: set[tuple[str, str]],
    accept: Callable[[str, str], str | None],
    zipf: ZipfLookup,
    common_word: float | None,
    reasons: Reasons | None,
    keep_article_only: bool = False,
) -> list[list[str]]:
    """Union-find over the accepted pairs; two words both at least `common_word` frequent are
    never joined. Clusters that only add or drop an Arabic article are left out unless
    `keep_article_only`."""
    if not pairs:
        return []  # nothing shares a bucket: the usual case
    parent = {form: form for form in forms}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    joined = False
    for a, b in sorted(pairs):
        why = accept(a, b)
        if why is None or (common_word is not None and zipf(a) >= common_word and zipf(b) >= common_word):
            continue
        parent[find(a)] = find(b)
        joined = True
        if reasons is not None:
            reasons[(a, b)] = reasons[(b, a)] = why
    if not joined:
        return []
    clusters: dict[str, list[str]] = defaultdict(list)
    for form in forms:
        clusters[find(form)].append(form)
    return [
        members
        for members in clusters.values()
        if len(members) > 1 and (keep_article_only or not _article_only(members))
    ]


def _article_only(forms: list[str]) -> bool:
    """`Mustafa Al-Kadhimi`, later `Kadhimi`: the article comes and goes, the spelling is one
    (but `al-Assad` / `el-Assad` spell the article two ways)."""
    articles, rests = zip(*map(split_article, forms), strict=True)
    # forms that all carry one article yet differ (Al-Ali / Al-'ali) differ in the name itself
    return len(set(rests)) == 1 and len(set(articles) - {""}) == 1 and "" in articles


def reason_for(form: str, winner: str, cluster: list[str], reasons: Reasons) -> str:
    """Why `form` was put with `winner`: their own pair's reason, else the pair that linked it."""
    if (form, winner) in reasons:
        return reasons[(form, winner)]
    linked = next((reasons[(form, other)] for other in cluster if (form, other) in reasons), None)
    return linked or "linked through another spelling"
