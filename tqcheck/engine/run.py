"""The one loop: documents x rules -> findings, with selection, suppression and positions.

Per-document rules see one document at a time (what they remember between files only saves
work, never changes a result); kinds that compare documents (names across a repository) get an
explicit second pass over all of them, with the summaries the first pass made.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

from tqcheck.core.config import Config
from tqcheck.core.model import CorpusRule, Document, Finding, InputError, RuleSpec
from tqcheck.core.positions import Locator, line_starts
from tqcheck.core.result import RunResult
from tqcheck.engine import suppression as suppress
from tqcheck.engine.inputs import collect, read_named
from tqcheck.engine.packs import instantiate
from tqcheck.engine.selection import all_specs, check_rule_references, ignored_for_path, is_selected
from tqcheck.kinds.base import Kind
from tqcheck.readers import read_path


def load_rules(config: Config) -> list[Kind]:
    """Instantiate every selected rule once per run (word lists and models load lazily)."""
    specs = all_specs(config)
    check_rule_references(config, specs)
    rules = [instantiate(spec) for spec in specs if is_selected(spec, config)]
    for rule in rules:
        rule.configure(config)
    return rules


# corpus rule id -> document path -> what the rule's `summarise` returned for that document
Summaries = dict[str, dict[str, object]]


def check_documents(docs: Sequence[Document], rules: Sequence[Kind], config: Config) -> list[Finding]:
    """Both passes over documents already read: the findings, sorted."""
    findings, summaries = check_each(docs, rules, config)
    findings += check_corpus(docs, rules, config, summaries)
    return sorted(set(findings), key=Finding.sort_key)


def check_each(docs: Sequence[Document], rules: Sequence[Kind], config: Config) -> tuple[list[Finding], Summaries]:
    """The per-document pass: every rule's findings and the corpus rules' summaries. Runs in
    worker processes too (see workers.py): both results pickle."""
    findings: list[Finding] = []
    corpus_rules = [rule for rule in rules if isinstance(rule, CorpusRule)]
    summaries: Summaries = {rule.spec.id: {} for rule in corpus_rules}
    with _cyclic_gc_paused():
        for doc in docs:
            context = _Context(doc, config)
            for rule in rules:
                if not context.skips(rule.spec):
                    findings.extend(context.accept(rule.check(doc)))
            for corpus_rule in corpus_rules:
                if not context.skips(corpus_rule.spec):
                    summaries[corpus_rule.spec.id][doc.path] = corpus_rule.summarise(doc)
    return findings, summaries


def check_corpus(
    docs: Sequence[Document], rules: Sequence[Kind], config: Config, summaries: Summaries
) -> list[Finding]:
    """The second pass: rules that compare documents, with the summaries of the first."""
    findings: list[Finding] = []
    corpus_rules = [rule for rule in rules if isinstance(rule, CorpusRule)]
    if not corpus_rules:
        return findings
    contexts = {doc.path: _Context(doc, config) for doc in docs}
    for corpus_rule in corpus_rules:
        kept = summaries.get(corpus_rule.spec.id, {})
        active = [doc for doc in docs if not contexts[doc.path].skips(corpus_rule.spec)]
        # a summary always comes from the first pass; computing a missing one keeps this safe
        found = [kept[doc.path] if doc.path in kept else corpus_rule.summarise(doc) for doc in active]
        for finding in corpus_rule.check_corpus(active, found):
            owner = contexts.get(finding.path)
            if owner is not None:
                findings.extend(owner.accept([finding]))
    return findings


def merge_summaries(*parts: Summaries) -> Summaries:
    merged: Summaries = {}
    for part in parts:
        for rule_id, by_path in part.items():
            merged.setdefault(rule_id, {}).update(by_path)
    return merged


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Rules allocate many small objects and no reference cycles; with the word tables in
    memory each full collection would walk millions of objects for nothing (names
    extraction alone ran ~30% faster without it). Reference counting still frees everything."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Context:
    """Per-document filters: per-file ignores, suppression comments, masked spans. Line starts
    and suppression comments are read only for a document that has findings (most have none)."""

    def __init__(self, doc: Document, config: Config) -> None:
        self.doc = doc
        self.ignored = ignored_for_path(doc.path, config)

    @cached_property
    def _line_starts(self) -> list[int]:
        return line_starts(self.doc.text)

    @cached_property
    def locator(self) -> Locator:
        return Locator(self.doc.text, self._line_starts)

    @cached_property
    def suppressions(self) -> suppress.Suppressions:
        return suppress.parse(self.doc.text, self.doc.format, self._line_starts)

    def skips(self, spec: RuleSpec) -> bool:
        if spec.languages and self.doc.language and self.doc.language not in spec.languages:
            return True
        return any(spec.id.startswith(code) or code == "ALL" for code in self.ignored)

    def accept(self, found: Iterable[Finding]) -> Iterable[Finding]:
        for finding in found:
            if not 0 <= finding.start <= finding.end <= len(self.doc.text):
                continue
            if self.doc.is_masked(finding.start, finding.end):
                continue
            if self.suppressions.is_suppressed(finding.rule, finding.start):
                continue
            yield self.locator.place(finding)


def run(paths: Sequence[str], config: Config, stdin_name: str = "<stdin>") -> RunResult:
    rules = load_rules(config)
    docs, errors, files = read_named(paths, config, stdin_name)
    from tqcheck.engine import workers

    plan = workers.plan(files)
    if plan == "files":
        # many files: read and check about half of the bytes in a forked worker
        def work(part: Sequence[Path]) -> tuple[list[Document], list[InputError], list[Finding], Summaries]:
            part_docs: list[Document] = []
            part_errors: list[InputError] = []
            for file in part:
                collect(read_path(file), part_docs, part_errors, config)
            return part_docs, part_errors, *check_each(part_docs, rules, config)

        mine, theirs = workers.split_files(files)
        own, other = workers.in_two(lambda: work(mine), lambda: work(theirs))
        found, summaries = check_each(docs, rules, config)  # standard input, if any
        order = {str(file): i for i, file in enumerate(files)}
        docs += sorted([*own[0], *other[0]], key=lambda d: order.get(d.path, 0))
        errors += [*own[1], *other[1]]
        found += own[2] + other[2]
        summaries = merge_summaries(summaries, own[3], other[3])
    else:
        for file in files:
            collect(read_path(file), docs, errors, config)
        if plan == "rules":
            # one large file: about half of the rules run in a forked worker
            my_rules, their_rules = workers.split_rules(rules)
            (found, summaries), (their_found, their_summaries) = workers.in_two(
                lambda: check_each(docs, my_rules, config), lambda: check_each(docs, their_rules, config)
            )
            found += their_found
            summaries = merge_summaries(summaries, their_summaries)
        else:
            found, summaries = check_each(docs, rules, config)
    found += check_corpus(docs, rules, config, summaries)
    findings = sorted(set(found), key=Finding.sort_key)
    return RunResult(findings=findings, errors=errors, documents=docs, rules=[r.spec for r in rules])
