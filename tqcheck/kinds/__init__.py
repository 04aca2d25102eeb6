"""The rule kinds: the code behind the YAML rules, one module each, registered in one dict (a
YAML rule's `kind` picks its class here). Each kind declares its options (type, default,
meaning), which `tqcheck rule ID` lists.

May import `tqcheck.names`, `tqcheck.meaning`, `tqcheck.readers`, `tqcheck.language` and
`tqcheck.core`; never the engine, the CLI or the reporters.
"""

from __future__ import annotations

from tqcheck.kinds.backtranslation import BackTranslation
from tqcheck.kinds.balance import Unbalanced
from tqcheck.kinds.base import Kind
from tqcheck.kinds.broken_chars import BrokenChars
from tqcheck.kinds.broken_sentence import BrokenSentence
from tqcheck.kinds.consistency import Consistency
from tqcheck.kinds.doubled import DoubledWord
from tqcheck.kinds.existence import Existence
from tqcheck.kinds.glued import GluedFurniture
from tqcheck.kinds.html_entity import HtmlEntity
from tqcheck.kinds.language_notice import LanguageNotice
from tqcheck.kinds.leftover import Leftover
from tqcheck.kinds.lost_letter import LostLetter
from tqcheck.kinds.misspelling import Misspelling
from tqcheck.kinds.name_corpus import NameCorpus
from tqcheck.kinds.names import NameGlossary, NameVariants
from tqcheck.kinds.ocr import OcrConfusion
from tqcheck.kinds.punct_spacing import PunctSpacing
from tqcheck.kinds.quote_spacing import QuoteSpacing
from tqcheck.kinds.sidecar_notice import SidecarNotice
from tqcheck.kinds.substitution import Substitution
from tqcheck.kinds.xl_codes import PairCodes
from tqcheck.kinds.xl_consistency import PairConsistency
from tqcheck.kinds.xl_length import PairLength
from tqcheck.kinds.xl_names import PairNames
from tqcheck.kinds.xl_numbers import PairNumbers
from tqcheck.kinds.xl_spacing import PairSpacing
from tqcheck.kinds.xl_terms import PairTerms
from tqcheck.kinds.xl_untranslated import PairUntranslated

KINDS: dict[str, type[Kind]] = {
    "substitution": Substitution,
    "existence": Existence,
    "consistency": Consistency,
    "doubled-word": DoubledWord,
    "backtranslation": BackTranslation,
    "lost-letter": LostLetter,
    "broken-chars": BrokenChars,
    "ocr-confusion": OcrConfusion,
    "misspelling": Misspelling,
    "broken-sentence": BrokenSentence,
    "unbalanced": Unbalanced,
    "punct-spacing": PunctSpacing,
    "quote-spacing": QuoteSpacing,
    "html-entity": HtmlEntity,
    "leftover": Leftover,
    "glued-furniture": GluedFurniture,
    "name-variants": NameVariants,
    "name-glossary": NameGlossary,
    "name-corpus": NameCorpus,
    "sidecar-notice": SidecarNotice,
    "language-notice": LanguageNotice,
    # bilingual files (XLIFF, PO, TMX, TSV/CSV): each segment's source against its target
    "pair-numbers": PairNumbers,
    "pair-codes": PairCodes,
    "pair-untranslated": PairUntranslated,
    "pair-terms": PairTerms,
    "pair-names": PairNames,
    "pair-length": PairLength,
    "pair-consistency": PairConsistency,
    "pair-spacing": PairSpacing,
}
