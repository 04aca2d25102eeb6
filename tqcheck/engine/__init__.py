"""The run: inputs (discovery, reading, language, side-cars), rule packs, selection, suppression,
worker processes and fixing; `run()` returns a RunResult and prints nothing.

May import every package below it (kinds, names, meaning, readers, language, core), never the
CLI or the reporters.
"""
