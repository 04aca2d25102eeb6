"""Name and transliteration consistency: mentions, skeleton keys, variant grouping, canonical choice,
glossaries and the corpus inventory behind `tqcheck names`.

Nothing here needs a list of names: spellings of one name are grouped because they reduce to the
same transliteration-aware key (Grushko / Grouchko, Gaddafi / Qaddafi / Kadhafi), while
morphological relatives (Russia / Russian) and different people (Igor vs Ivan Sechin) are kept apart.

May import `tqcheck.language` and `tqcheck.core`.
"""
