"""The two passes of a run: the per-document pass (a map over files) and the corpus pass (a
reduce over their results), with selection, suppression and positions.

Per-document rules see one document at a time (what they remember between files only saves
work, never changes a result); kinds that compare documents (names across a repository) get an
explicit second pass over all of them, with the summaries the first pass made. `map_files`
and `reduce_parts` are the same two passes for callers that run the map elsewhere (a process
pool, a Dask bag): a `Part` pickles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from tqcheck.core.config import Config
from tqcheck.core.gcpause import cyclic_gc_paused
from tqcheck.core.model import CorpusRule, Document, Finding, InputError, RuleSpec
from tqcheck.core.positions import Locator, line_starts
from tqcheck.core.result import RunResult
from tqcheck.engine import budget
from tqcheck.engine import suppression as suppress
from tqcheck.engine.inputs import collect
from tqcheck.engine.packs import instantiate
from tqcheck.engine.selection import all_specs, ignored_for_path, is_selected
from tqcheck.engine.validation import check_config
from tqcheck.kinds.base import Kind
from tqcheck.readers import read_path


def load_rules(config: Config) -> list[Kind]:
    """Instantiate every selected rule once per run (word lists and models load lazily)."""
    specs = all_specs(config)
    check_config(config, specs)
    rules = [instantiate(spec) for spec in specs if is_selected(spec, config)]
    for rule in rules:
        rule.configure(config)
        rule.see_rules(rules)
    return rules


# corpus rule id -> document path -> what the rule's `summarise` returned for that document
Summaries = dict[str, dict[str, object]]
# the summaries' entry for rules stopped by their time budget: "path\0rule id" -> seconds
TIMED_OUT = "!timed-out"


def timeouts(summaries: Summaries) -> list[InputError]:
    """One error per rule and document stopped by the time budget (their findings are missing)."""
    errors = []
    for key, seconds in sorted(summaries.get(TIMED_OUT, {}).items()):
        path, rule_id = key.split("\0")
        errors.append(
            InputError(
                path,
                f"rule {rule_id} stopped after {seconds:g} s (rule-time-budget); its findings for this file are"
                " missing: a pattern that backtracks catastrophically?",
                kind="timeout",
            )
        )
    return errors


def check_documents(
    docs: Sequence[Document], rules: Sequence[Kind], config: Config, errors: list[InputError] | None = None
) -> list[Finding]:
    """Both passes over documents already read: the findings, sorted. A rule stopped by its
    time budget is added to `errors` when given (its findings are missing)."""
    findings, summaries = check_each(docs, rules, config)
    findings += check_corpus(docs, rules, config, summaries)
    if errors is not None:
        errors += timeouts(summaries)
    return sorted(set(findings), key=Finding.sort_key)


def check_each(
    docs: Sequence[Document], rules: Sequence[Kind], config: Config, tick: Callable[[], None] | None = None
) -> tuple[list[Finding], Summaries]:
    """The per-document pass: every rule's findings and the corpus rules' summaries (`tick`
    after each document). Runs in worker processes too (see pool.py): both results pickle. A rule
    with `regex: true` that runs out of its time budget on a document is recorded under
    TIMED_OUT (see timeouts)."""
    findings: list[Finding] = []
    corpus_rules = [rule for rule in rules if isinstance(rule, CorpusRule)]
    summaries: Summaries = {rule.spec.id: {} for rule in corpus_rules}
    with cyclic_gc_paused():
        for doc in docs:
            context = _Context(doc, config)
            seconds = budget.seconds_for(len(doc.text), config.rule_time_budget)
            for rule in rules:
                if context.skips(rule.spec):
                    continue
                if not rule.spec.options.get("regex"):
                    findings.extend(context.accept(rule.check(doc), markup=rule.READS_MARKUP))
                    continue
                try:  # only a pack's regular expressions are timed (never a word list loading)
                    found = budget.within(seconds, _all_findings, rule, doc)
                except budget.RuleTimeout:
                    summaries.setdefault(TIMED_OUT, {})[f"{doc.path}\0{rule.spec.id}"] = seconds
                    continue
                findings.extend(context.accept(found, markup=rule.READS_MARKUP))
            for corpus_rule in corpus_rules:
                if not context.skips(corpus_rule.spec):
                    summaries[corpus_rule.spec.id][doc.path] = corpus_rule.summarise(doc)
            if tick is not None:
                tick()
    return findings, summaries


def _all_findings(rule: Kind, doc: Document) -> list[Finding]:
    return list(rule.check(doc))


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
                findings.extend(owner.accept([finding], markup=getattr(corpus_rule, "READS_MARKUP", False)))
    return findings


def merge_summaries(*parts: Summaries) -> Summaries:
    merged: Summaries = {}
    for part in parts:
        for rule_id, by_path in part.items():
            merged.setdefault(rule_id, {}).update(by_path)
    return merged


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

    def accept(self, found: Iterable[Finding], *, markup: bool = False) -> Iterable[Finding]:
        """Findings inside the document, outside masked markup (unless the rule reads markup,
        as XL002 does with inline tags), not suppressed; placed."""
        for finding in found:
            if not 0 <= finding.start <= finding.end <= len(self.doc.text):
                continue
            if not markup and self.doc.is_masked(finding.start, finding.end):
                continue
            if self.suppressions.is_suppressed(finding.rule, finding.start):
                continue
            yield self.locator.place(finding)


@dataclass
class Part:
    """What the per-document pass made of some files: their documents (in input order),
    unreadable inputs, findings, and the corpus rules' summaries. Pickles."""

    documents: list[Document] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    summaries: Summaries = field(default_factory=dict)


def map_files(
    files: Iterable[str | Path],
    config: Config,
    rules: Sequence[Kind] | None = None,
    *,
    keep_documents: bool = True,
    tick: Callable[[], None] | None = None,
) -> Part:
    """The map: read files and run the per-document pass (`rules` default: the config's)."""
    chosen = load_rules(config) if rules is None else rules
    docs: list[Document] = []
    errors: list[InputError] = []
    for file in files:
        collect(read_path(Path(file), max_size=config.max_file_size), docs, errors, config)
    findings, summaries = check_each(docs, chosen, config, tick)
    return Part(docs if keep_documents else [], errors, findings, summaries)


def reduce_parts(parts: Iterable[Part], config: Config, rules: Sequence[Kind] | None = None) -> RunResult:
    """The reduce: the corpus pass over the parts' documents and summaries; findings sorted,
    documents and errors in the parts' order."""
    chosen = load_rules(config) if rules is None else rules
    docs: list[Document] = []
    errors: list[InputError] = []
    found: list[Finding] = []
    summaries: Summaries = {}
    for part in parts:
        docs += part.documents
        errors += part.errors
        found += part.findings
        summaries = merge_summaries(summaries, part.summaries)
    found += check_corpus(docs, chosen, config, summaries)
    findings = sorted(set(found), key=Finding.sort_key)
    errors += timeouts(summaries)
    return RunResult(findings=findings, errors=errors, documents=docs, rules=[r.spec for r in chosen])
