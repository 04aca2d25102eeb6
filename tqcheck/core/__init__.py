"""The vocabulary every other part speaks: Document and Segment, Finding and Severity, RuleSpec and
the rule protocols, RunResult, the errors, Config, positions (offset -> line/column), the
suppression-comment syntax, the cache folder, safe YAML loading and the version.

Owns no behaviour beyond these records. May import nothing else of tqcheck (it is the bottom
layer of the import-linter contracts); third-party imports are limited to the standard library
and PyYAML.
"""
