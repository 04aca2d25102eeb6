"""Knowledge of languages: detection, word tables (wordfreq, stored once as memory-mapped tries),
accent indexes, tokens, sentences, and the per-language data files in `data/<code>.yaml`.

Owns everything a rule needs to know about a language, so adding a language means adding one
data file. May import `tqcheck.core` only.
"""
