"""Meaning drift: everything behind the BT rules and `tqcheck score` — sentence encoders (and
their fast loading, thread and process use), the on-disk vector store, sentence alignment,
word-level signals and detectors (evidence), the learned quality heads and divergent-word model
with their shipped weights (quality, word_model, data/), pair comparison, the per-document
analysis, the run's model settings, and score input/output.

The only package that imports numpy, torch or a model (enforced by import-linter), always
lazily: a check of files without side-cars never loads them. May import `tqcheck.readers`,
`tqcheck.language` and `tqcheck.core`.
"""
