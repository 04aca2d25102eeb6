"""Texts for the property tests of the fast scans.

The fast scans give what the plain patterns they replaced give.

Several rules and the Markdown reader find matches with a pattern that starts at a rare
character (the regex engine then skips ahead) and finish the job in Python. The plain,
slow pattern is kept here as the reference; generated texts full of the awkward characters
must give the same matches.
"""

from __future__ import annotations

from hypothesis import strategies as st


def texts(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=30).map("".join)
