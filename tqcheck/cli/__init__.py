"""The `tqcheck` command: a thin typer layer, one module per command (`check`, `rules`/`rule`,
`score`, `names`), shared options and exit handling in `common`, report destinations in `output`.

The top layer: may import anything; nothing imports it. Exit codes: 0 clean, 1 findings at or
above --fail-on, 2 usage, configuration or input errors.
"""
