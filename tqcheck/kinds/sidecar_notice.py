"""`sidecar-notice` (BT005): translations next to their source that nobody scored, said once.

`news/x.en.md` beside `news/x.fr.md` looks like a translation pair, but two names cannot tell
which is the original, so without `source-language` (or a back-translation file, whose name
says it) the pair is not compared and a run would report "All clear". One info finding per run,
on the first such file, names the setting to add.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tqcheck.core.model import Document, Finding, RuleSpec
from tqcheck.kinds.base import Kind
from tqcheck.readers.sidecars import neighbours

if TYPE_CHECKING:
    from tqcheck.core.config import Config

# (the document's own language from its name, the languages of its neighbours) or None
Summary = tuple[str, tuple[str, ...]] | None
Paired = tuple[Document, tuple[str, tuple[str, ...]]]


class SidecarNotice(Kind):
    COST = 0.1

    def __init__(self, spec: RuleSpec) -> None:
        super().__init__(spec)
        self.configured = False
        self.extra: Mapping[str, Any] = {}

    def configure(self, config: Config) -> None:
        self.configured = config.extra.get("source-language") is not None
        self.extra = config.extra

    def check(self, doc: Document) -> Iterator[Finding]:
        return iter(())

    def summarise(self, doc: Document) -> Summary:
        if self.configured or doc.companions or not Path(doc.path).is_file():
            return None
        found = neighbours(Path(doc.path), self.extra)
        if found is None or not found[1]:
            return None
        return found[0], tuple(sorted(found[1]))

    def check_corpus(self, docs: Sequence[Document], summaries: Sequence[object]) -> Iterator[Finding]:
        paired: list[Paired] = [(doc, s) for doc, s in zip(docs, summaries, strict=True) if isinstance(s, tuple)]
        if self.configured or not paired:
            return
        doc, (own, others) = min(paired, key=lambda item: item[0].path)
        span = _first_line(doc)
        if span is None:
            return
        # the originals' language is the one that most files share (every story has one); on a
        # tie the message lists the candidates
        shares: Counter[str] = Counter()
        for _, (language, beside) in paired:
            shares.update({language, *beside})
        top = max(shares.values())
        tied = sorted(language for language, n in shares.items() if n == top)
        setting = f'source-language = "{tied[0]}"'
        alternatives = "".join(f', or "{other}"' for other in tied[1:])
        neighbour = Path(doc.path).name.replace(f".{own}.", f".{others[0]}.", 1)
        yield self.spec.finding(
            doc, *span, neighbour=neighbour, count=len(paired), setting=setting, alternatives=alternatives
        )


def _first_line(doc: Document) -> tuple[int, int] | None:
    if not doc.segments:
        return None
    first = doc.segments[0]
    line_end = doc.text.find("\n", first.start, first.end)
    end = first.end if line_end < 0 else line_end
    while end > first.start and doc.text[end - 1].isspace():
        end -= 1
    return (first.start, end) if end > first.start else None
