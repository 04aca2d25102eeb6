"""Which rules run: packs, select / extend-select / ignore / per-file-ignores, rule overrides.

Prefix matching follows ruff: the most specific matching code wins, so `select = ["GW"]`
with `ignore = ["GW003"]` runs every GW rule but GW003, and `ALL` matches everything.
"""

from __future__ import annotations

from dataclasses import replace

from tqcheck.core.config import Config, ConfigError
from tqcheck.core.model import RuleSpec, Severity
from tqcheck.engine.discovery import compile_globs, relative_to_root
from tqcheck.engine.packs import DEFAULT_PACKS, check_unique, load_pack, resolve_pack, validate_options


def _best(rule_id: str, codes: tuple[str, ...]) -> int:
    """Length of the longest code that is a prefix of rule_id (ALL counts as 0), or -1."""
    best = -1
    for code in codes:
        if code == "ALL":
            best = max(best, 0)
        elif rule_id.startswith(code):
            best = max(best, len(code))
    return best


def is_selected(spec: RuleSpec, config: Config) -> bool:
    if config.select is None:
        chosen = 0 if spec.default else _best(spec.id, config.extend_select)
    else:
        chosen = max(_best(spec.id, config.select), _best(spec.id, config.extend_select))
    if chosen < 0:
        return False
    return _best(spec.id, config.ignore) < chosen or _best(spec.id, config.ignore) < 0


def all_specs(config: Config) -> list[RuleSpec]:
    """Every rule of the active packs (built-in defaults plus the config's), overrides applied."""
    names = list(dict.fromkeys([*DEFAULT_PACKS, *config.packs]))
    folders = dict.fromkeys(resolve_pack(name, config.root).resolve() for name in names)  # a pack named twice
    specs: list[RuleSpec] = []
    for folder in folders:
        specs.extend(load_pack(folder).specs)
    check_unique(specs)
    return [_override(spec, config) for spec in specs]


def _override(spec: RuleSpec, config: Config) -> RuleSpec:
    settings = dict(config.rules.get(spec.id, {}))
    if not settings:
        return spec
    where = f"{config.source or 'config'} [rules.{spec.id}]"
    changes: dict[str, object] = {}
    if "severity" in settings:
        try:
            changes["severity"] = Severity.parse(str(settings.pop("severity")))
        except ValueError as exc:
            raise ConfigError(f"{where}: key 'severity': {exc}") from None
    if "enabled" in settings:
        enabled = settings.pop("enabled")
        if not isinstance(enabled, bool):
            raise ConfigError(f"{where}: key 'enabled': expected true or false")
        changes["default"] = enabled
    if settings:
        options = {**spec.options, **settings}
        changes["options"] = validate_options(spec.kind, options, where)
    return replace(spec, **changes)  # type: ignore[arg-type]


def ignored_for_path(path: str, config: Config) -> tuple[str, ...]:
    """Codes ignored for one file by `per-file-ignores` (gitignore-style globs, config-relative)."""
    if not config.per_file_ignores:
        return ()
    relative = relative_to_root(path, config)
    codes: list[str] = []
    for glob, ignored in config.per_file_ignores.items():
        if compile_globs([glob]).match_file(relative):
            codes.extend(ignored)
    return tuple(codes)
