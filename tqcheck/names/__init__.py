"""Name and transliteration consistency: mentions, skeleton keys, variant grouping, canonical choice.

Nothing here needs a list of names: spellings of one name are grouped because they reduce to the
same transliteration-aware key (Grushko / Grouchko, Gaddafi / Qaddafi / Kadhafi), while
morphological relatives (Russia / Russian) and different people (Igor vs Ivan Sechin) are kept apart.
"""
