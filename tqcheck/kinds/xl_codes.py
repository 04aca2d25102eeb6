"""`pair-codes` (XL002): placeholders, inline tags, URLs and e-mail addresses that the target
lost, added or changed, and their order where it matters.

Placeholders and tags are the readers' inlines (printf `%s` `%1$s`, `{name}`, `{{var}}`, XLIFF
`<x id=…/>`, `<g>`, `<ph>`, `<pc>`, TMX `<bpt>`…); a URL of the target may be localised, so only
its host must match. Order matters for printf conversions without a position (`%s … %d`), which
the program fills in order, and for paired tags, which must open before they close.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from urllib.parse import urlsplit

from tqcheck.core.model import Document, Finding, Inline, PairText, Segment
from tqcheck.kinds.pairs import PairKind, pairs

_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'«»“”]+[^\s<>\"'«»“”.,;:!?)\]]")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_POSITIONAL = re.compile(r"^%(?:\d+\$|\()")


class PairCodes(PairKind):
    def check(self, doc: Document) -> Iterator[Finding]:
        for segment, pair in pairs(doc):
            if not pair.target.text:
                continue
            yield from self._inlines(doc, segment, pair.source, pair.target)
            yield from self._links(doc, segment, pair.source.plain(), pair.target.plain())

    def _inlines(self, doc: Document, segment: Segment, source: PairText, target: PairText) -> Iterator[Finding]:
        if not source.inlines and not target.inlines:
            return
        want = Counter((i.code, i.kind) for i in source.inlines)
        have = Counter((i.code, i.kind) for i in target.inlines)
        missing, added = want - have, have - want
        written = {(i.code, i.kind): source.text[i.start : i.end] for i in source.inlines}
        reported: Counter[tuple[str, str]] = Counter()
        for inline in target.inlines:
            key = (inline.code, inline.kind)
            if reported[key] >= added[key]:
                continue
            reported[key] += 1
            raw = target.text[inline.start : inline.end]
            lost = [written[(code, kind)] for code, kind in missing if kind == inline.kind]
            if lost:
                yield self.target_finding(
                    doc, segment, (inline.start, inline.end),
                    message="'{code}' where the source has {lost}.", code=raw, lost=_listing(lost),
                )  # fmt: skip
            else:
                yield self.target_finding(
                    doc, segment, (inline.start, inline.end), message="'{code}' is not in the source.", code=raw
                )
        if missing and not added:
            yield self.target_finding(
                doc,
                segment,
                message="The target lacks {lost} of the source.",
                lost=_listing(written[k] for k in missing),
            )
        if not missing and not added:
            yield from self._order(doc, segment, source, target)

    def _order(self, doc: Document, segment: Segment, source: PairText, target: PairText) -> Iterator[Finding]:
        src = [i.code for i in source.inlines if _sequential(i)]
        tgt = [i for i in target.inlines if _sequential(i)]
        if src != [i.code for i in tgt]:
            first = next(i for k, i in enumerate(tgt) if i.code != src[k])
            yield self.target_finding(
                doc,
                segment,
                (first.start, first.end),
                message="Placeholders in another order than the source ({order}): number them (%1$s) or keep "
                "the order.",
                order=" ".join(src),
            )
            return
        depth: dict[str, int] = {}
        for inline in target.inlines:
            if inline.kind == "open":
                depth[inline.code] = depth.get(inline.code, 0) + 1
            elif inline.kind == "close":
                if depth.get(inline.code, 0) == 0:
                    raw = target.text[inline.start : inline.end]
                    yield self.target_finding(
                        doc, segment, (inline.start, inline.end), message="'{code}' closes before it opens.", code=raw
                    )
                    return
                depth[inline.code] -= 1

    def _links(self, doc: Document, segment: Segment, source: str, target: str) -> Iterator[Finding]:
        if not any(mark in text for text in (source, target) for mark in ("://", "www.", "@")):
            return
        src_hosts = Counter(_host(m.group()) for m in _URL.finditer(source))
        tgt_urls = list(_URL.finditer(target))
        tgt_hosts = Counter(_host(m.group()) for m in tgt_urls)
        for match in tgt_urls:
            if _host(match.group()) not in src_hosts:
                yield self.target_finding(doc, segment, match.span(), message="Link {match} is not in the source.")
        lost = src_hosts - tgt_hosts
        if lost and not (tgt_hosts - src_hosts):
            yield self.target_finding(doc, segment, message="The target lacks the source's link to {hosts}.",
                                      hosts=", ".join(sorted(lost)))  # fmt: skip
        src_mail = Counter(m.group().casefold() for m in _EMAIL.finditer(source))
        for match in _EMAIL.finditer(target):
            if match.group().casefold() not in src_mail:
                yield self.target_finding(doc, segment, match.span(), message="Address {match} is not in the source.")
        tgt_mail = Counter(m.group().casefold() for m in _EMAIL.finditer(target))
        if src_mail - tgt_mail and not (tgt_mail - src_mail):
            yield self.target_finding(doc, segment, message="The target lacks the address {mail}.",
                                      mail=", ".join(sorted(src_mail - tgt_mail)))  # fmt: skip


def _sequential(inline: Inline) -> bool:
    """A printf conversion without a position: filled in order, so its place matters."""
    return (
        inline.kind == "placeholder"
        and inline.code.startswith("%")
        and inline.code != "%%"
        and not bool(_POSITIONAL.match(inline.code))
    )


def _host(url: str) -> str:
    parts = urlsplit(url if "://" in url else "http://" + url)
    return (parts.hostname or url).removeprefix("www.")


def _listing(codes: object) -> str:
    return ", ".join(f"'{c}'" for c in dict.fromkeys(codes))  # type: ignore[call-overload]
