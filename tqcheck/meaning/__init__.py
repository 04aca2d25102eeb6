"""Meaning drift: everything behind the BT rules and `tqcheck score` — sentence encoders, the
on-disk vector store, sentence alignment, word-level signals, pair comparison, the per-document
analysis, the run's model settings, and score input/output.

The only package that imports numpy, torch or a model (enforced by import-linter), always
lazily: a check of files without side-cars never loads them. May import `tqcheck.readers`,
`tqcheck.language` and `tqcheck.core`.
"""
