"""Loud configuration: every rule code, prefix and language a run is given must mean something.

A typo in `select` (`PN02`), a code from a pack that is not enabled (`ST001` without `en-news`)
or `--language klingon` would otherwise switch checks off without a word, and a required CI
check would pass forever. Each problem is a ConfigError naming the flag or the file and key,
with the nearest valid codes (difflib) so the fix is one edit.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from tqcheck.core.config import Config
from tqcheck.core.errors import ConfigError
from tqcheck.core.model import RuleSpec
from tqcheck.engine.packs import builtin_pack_names, load_pack, resolve_pack
from tqcheck.language.data import shipped_languages
from tqcheck.language.detection import base_language
from tqcheck.language.lexicon import word_list_languages


def check_config(config: Config, active: Sequence[RuleSpec]) -> None:
    """Raise ConfigError for the first code or language that selects nothing it claims to."""
    check_codes(config, active)
    check_rule_overrides(config, active)
    check_language(config.language, config.where("language", config.language))


def check_codes(config: Config, active: Sequence[RuleSpec]) -> None:
    ids = sorted(spec.id for spec in active)
    packs_of = _builtin_packs()
    keyed: list[tuple[str, Iterable[str], bool]] = [
        ("select", config.select or (), True),
        ("extend-select", config.extend_select, True),
        ("ignore", config.ignore, False),
    ]
    keyed += [(f"per-file-ignores.{glob}", codes, False) for glob, codes in config.per_file_ignores.items()]
    for key, codes, selects in keyed:
        for code in codes:
            if code == "ALL" or any(rule_id.startswith(code) for rule_id in ids):
                continue
            where = config.where(key.split(".", 1)[0], code) if "." not in key else _file_key(config, key)
            packs = sorted({pack for rule_id, pack in packs_of.items() if rule_id.startswith(code)})
            if packs and not selects:
                continue  # ignoring a rule of a pack that is not enabled is harmless
            if packs:
                adding = ", ".join(packs)
                listed = ", ".join(f'"{pack}"' for pack in packs)
                raise ConfigError(
                    f"{where}: {code} is in pack {adding}, which is not enabled: "
                    f"add it with --packs {adding} or packs = [{listed}] in the config"
                )
            raise ConfigError(f"{where}: unknown rule code or prefix '{code}'{_hint(code, ids)}")


def check_rule_overrides(config: Config, active: Sequence[RuleSpec]) -> None:
    """Overrides (`[rules.ST001]`) for rules that are not in the active packs are typos."""
    ids = sorted(spec.id for spec in active)
    packs_of = _builtin_packs()
    for rule_id in config.rules:
        if rule_id in ids:
            continue
        where = f"{config.source or 'config'}: key 'rules.{rule_id}'"
        if rule_id in packs_of:
            pack = packs_of[rule_id]
            raise ConfigError(f'{where}: {rule_id} is in pack {pack}, which is not enabled: add "{pack}" to packs')
        raise ConfigError(f"{where}: no such rule in the active packs{_hint(rule_id, ids)}")


def known_languages() -> frozenset[str]:
    """Languages tqcheck knows something about: a word list, or a data file of its own."""
    return word_list_languages() | frozenset(shipped_languages())


def check_language(language: str | None, where: str) -> None:
    if language is None:
        return
    base = base_language(language)
    known = known_languages()
    if base in known:
        return
    near = difflib.get_close_matches(language, sorted(known), n=3, cutoff=0.5)
    hint = f"did you mean {', '.join(near)}? " if near else ""
    raise ConfigError(
        f"{where}: unknown language '{language}' ({hint}expected a code such as en, fr, de; "
        f"known: {', '.join(sorted(known))})"
    )


def _file_key(config: Config, key: str) -> str:
    head, glob = key.split(".", 1)
    return f"{config.source or 'config'}: key '{head}.\"{glob}\"'"


def _hint(code: str, ids: Sequence[str]) -> str:
    families = sorted({rule_id[:2] for rule_id in ids})
    candidates = [*ids, *families, "ALL"]
    near = difflib.get_close_matches(code, candidates, n=3, cutoff=0.6)
    if near:
        return f" (did you mean {', '.join(near)}?)"
    return f" (codes start with {', '.join(families)}; `tqcheck rules --all` lists every rule)"


def _builtin_packs() -> dict[str, str]:
    """Every built-in rule id -> its pack, active or not."""
    found: dict[str, str] = {}
    for name in builtin_pack_names():
        for spec in load_pack(resolve_pack(name)).specs:
            found.setdefault(spec.id, name)
    return found
