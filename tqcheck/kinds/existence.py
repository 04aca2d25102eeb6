"""`existence`: words or patterns that should not appear at all."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from tqcheck.core.model import Document, Finding, RuleSpec
from tqcheck.kinds.base import Kind, Option, literal_pattern
from tqcheck.kinds.patterns import compile_user_pattern


class Existence(Kind):
    """Each token is a literal phrase unless `regex: true`; an optional suggestion, which may
    use the regex groups (`"{group1} "`)."""

    COST = 1.0  # one pass per token (a doubled-word pattern costs about twice a boilerplate one)

    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "tokens": Option(list, required=True, help="phrases (or patterns) to flag"),
        "ignore-case": Option(bool, False, help="match regardless of case"),
        "regex": Option(bool, False, help="treat tokens as regular expressions"),
        "suggestion": Option(str, None, help="replacement to propose, '' means delete; may use {group1}..."),
        "group": Option(int, 0, help="regex group that is reported (regex mode)"),
        "exceptions": Option(list, [], help="whole matches (case-insensitive) that are fine"),
    }

    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        flags = re.IGNORECASE if self.options["ignore-case"] else 0
        if self.options["regex"]:
            self.patterns = [
                compile_user_pattern(str(token), ignore_case=bool(flags), multiline=True)
                for token in self.options["tokens"]
            ]
        else:
            self.patterns = [literal_pattern(str(token), ignore_case=bool(flags)) for token in self.options["tokens"]]
        self.exceptions = {" ".join(str(e).lower().split()) for e in self.options["exceptions"]}

    def check(self, doc: Document) -> Iterator[Finding]:
        group = self.options["group"]
        exceptions = self.exceptions
        for pattern in self.patterns:
            for match in pattern.finditer(doc.checkable):
                if exceptions and " ".join(match.group(0).lower().split()) in exceptions:
                    continue
                start, end = match.span(group if group <= (pattern.groups or 0) else 0)
                if start == end:
                    continue
                # {group1}, {group2}... for the message template
                groups: dict[str, Any] = {f"group{i}": text or "" for i, text in enumerate(match.groups(), start=1)}
                suggestion = self.options["suggestion"]
                if suggestion and "{" in suggestion:
                    suggestion = suggestion.format_map(groups)
                yield self.spec.finding(doc, start, end, suggestion=suggestion, **groups)
