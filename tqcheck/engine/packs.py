"""Rule packs: `rules/<pack>/<ID>.yaml` files -> validated `RuleSpec`s -> kind instances.

Every problem names the file and the key, and stops the run (exit 2): a rule that silently
does nothing is worse than no rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from tqcheck.core.errors import PackError
from tqcheck.core.model import RuleDoc, RuleSpec, Severity
from tqcheck.core.yaml_load import describe_error, safe_load
from tqcheck.kinds import KINDS
from tqcheck.kinds.base import Kind

RULE_ID = re.compile(r"^[A-Z]{2}[0-9]{3}$")
_RULE_KEYS = {
    "id",
    "name",
    "kind",
    "severity",
    "message",
    "description",
    "options",
    "examples",
    "default",
    "fix",
    "languages",
}
_DESCRIPTION_KEYS = {"what", "why", "instead"}
# Packs enabled unless the config's `packs` list says otherwise.
DEFAULT_PACKS = ("core", "drift", "garbled", "boilerplate", "names", "bilingual")


def builtin_rules_dir() -> Path:
    """The packs shipped with tqcheck: inside the wheel, or the repository's rules/ folder."""
    here = Path(__file__).resolve().parent.parent  # the tqcheck package
    bundled = here / "_rules"
    return bundled if bundled.is_dir() else here.parent / "rules"


def builtin_pack_names() -> list[str]:
    root = builtin_rules_dir()
    return sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def resolve_pack(name: str, base: Path | None = None) -> Path:
    """A pack is a built-in name, or a folder path (relative to the config file's folder)."""
    builtin = builtin_rules_dir() / name
    if "/" not in name and "\\" not in name and builtin.is_dir():
        return builtin
    candidate = Path(name).expanduser()
    if not candidate.is_absolute() and base is not None:
        candidate = base / candidate
    if candidate.is_dir():
        return candidate
    known = ", ".join(builtin_pack_names())
    raise PackError(f"unknown pack {name!r}: not a built-in pack ({known}) nor a folder")


@dataclass(frozen=True)
class LoadedPack:
    name: str
    path: Path
    specs: tuple[RuleSpec, ...]


def load_pack(path: Path) -> LoadedPack:
    return _load_pack_cached(path.resolve())


@lru_cache(maxsize=64)
def _load_pack_cached(path: Path) -> LoadedPack:
    specs = []
    for rule_file in sorted(path.glob("*.yaml")) + sorted(path.glob("*.yml")):
        specs.append(load_rule_file(rule_file, pack=path.name))
    return LoadedPack(name=path.name, path=path, specs=tuple(specs))


def load_rule_file(path: Path, pack: str) -> RuleSpec:
    try:
        data = safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"{path}: cannot read rule file: {exc}") from None
    except yaml.YAMLError as exc:
        raise PackError(f"{path}: {describe_error(exc)}") from None
    if not isinstance(data, dict):
        raise PackError(f"{path}: a rule file must be a mapping of keys")
    return parse_rule(data, path, pack)


def parse_rule(data: Mapping[str, Any], path: Path, pack: str) -> RuleSpec:
    def fail(key: str, problem: str) -> PackError:
        return PackError(f"{path}: key '{key}': {problem}")

    unknown = sorted(set(data) - _RULE_KEYS)
    if unknown:
        raise fail(unknown[0], f"unknown key (allowed: {', '.join(sorted(_RULE_KEYS))})")
    for key in ("id", "name", "kind", "message"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise fail(key, "required, must be a non-empty string")
    rule_id = data["id"]
    if not RULE_ID.match(rule_id):
        raise fail("id", f"{rule_id!r} must be two capital letters and three digits, e.g. ST001")
    if path.stem != rule_id:
        raise fail("id", f"{rule_id!r} must match the file name ({path.name})")
    if data["kind"] not in KINDS:
        raise fail("kind", f"unknown kind {data['kind']!r} (known: {', '.join(sorted(KINDS))})")
    try:
        severity = Severity.parse(str(data.get("severity", "warning")))
    except ValueError as exc:
        raise fail("severity", str(exc)) from None
    description = data.get("description") or {}
    if not isinstance(description, dict) or set(description) - _DESCRIPTION_KEYS:
        raise fail("description", "must be a mapping with keys what, why, instead")
    examples = data.get("examples")
    if not isinstance(examples, dict) or set(examples) - {"fail", "pass", "options"}:
        raise fail("examples", "required: a mapping with lists 'fail' and 'pass' (and optional 'options')")
    example_options = examples.get("options") or {}
    if not isinstance(example_options, dict):
        raise fail("examples.options", "must be a mapping of the options the examples run with")
    fail_examples = _strings(examples.get("fail"), lambda p: fail("examples.fail", p))
    pass_examples = _strings(examples.get("pass"), lambda p: fail("examples.pass", p))
    if not fail_examples or not pass_examples:
        raise fail("examples", "needs at least one 'fail' and one 'pass' example")
    for example in fail_examples:
        if "⟦" not in example or "⟧" not in example:
            raise fail("examples.fail", f"{example!r} marks no span with ⟦…⟧")
    fix = data.get("fix", "unsafe")
    if fix not in ("safe", "unsafe"):
        raise fail("fix", "must be 'safe' or 'unsafe'")
    default = data.get("default", True)
    if not isinstance(default, bool):
        raise fail("default", "must be true or false")
    languages = data.get("languages", [])
    if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages):
        raise fail("languages", "must be a list of language codes")
    options = data.get("options") or {}
    if not isinstance(options, dict):
        raise fail("options", "must be a mapping")
    spec = RuleSpec(
        id=rule_id,
        name=data["name"],
        kind=data["kind"],
        severity=severity,
        pack=pack,
        message=data["message"],
        options=validate_options(data["kind"], options, path),
        doc=RuleDoc(**{k: str(v).strip() for k, v in description.items()}),
        examples_fail=tuple(fail_examples),
        examples_pass=tuple(pass_examples),
        example_options={
            k: v
            for k, v in validate_options(data["kind"], {**options, **example_options}, f"{path}: examples").items()
            if k in example_options
        },
        source=path,
        default=default,
        fix=fix,
        languages=tuple(languages),
    )
    return spec


def _strings(value: Any, fail: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise fail("must be a list of strings")
    return value


def validate_options(kind: str, options: Mapping[str, Any], where: Path | str) -> dict[str, Any]:
    """Check option names and types against the kind's declaration."""
    declared = KINDS[kind].OPTIONS
    for name, value in options.items():
        if name not in declared:
            allowed = ", ".join(sorted(declared)) or "none"
            raise PackError(f"{where}: key 'options.{name}': unknown option for kind '{kind}' (allowed: {allowed})")
        option = declared[name]
        types = option.types if isinstance(option.types, tuple) else (option.types,)
        if float in types and isinstance(value, int) and not isinstance(value, bool):
            continue
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            expected = " or ".join(t.__name__ for t in types)
            raise PackError(f"{where}: key 'options.{name}': expected {expected}, got {type(value).__name__}")
    for name, option in declared.items():
        if option.required and name not in options:
            raise PackError(f"{where}: key 'options.{name}': required by kind '{kind}'")
    return dict(options)


def instantiate(spec: RuleSpec) -> Kind:
    try:
        return KINDS[spec.kind](spec)
    except re.error as exc:
        key = _option_holding(spec.options, exc.pattern)
        where = f" at position {exc.pos}" if exc.pos is not None else ""
        raise PackError(
            f"{spec.source}: key 'options.{key}': invalid regular expression {exc.pattern!r}: {exc.msg}{where}"
        ) from None
    except (ValueError, TypeError, KeyError) as exc:
        raise PackError(f"{spec.source}: key 'options': {exc}") from None


def _option_holding(options: Mapping[str, Any], pattern: object) -> str:
    """The option (and list index or map key) whose value is `pattern`, for the error message."""
    text = pattern.decode("utf-8", "replace") if isinstance(pattern, bytes) else str(pattern)
    for name, value in options.items():
        if value == text:
            return str(name)
        if isinstance(value, list):
            for i, item in enumerate(value):
                if item == text or (isinstance(item, list) and text in item):
                    return f"{name}[{i}]"
        if isinstance(value, dict):
            for key, item in value.items():
                if text in (key, item):
                    return f"{name}.{key}"
    # a kind may join several patterns into one: name the option that holds a part of it
    for name, value in options.items():
        parts = value if isinstance(value, list | dict) else [value]
        if any(isinstance(part, str) and part and part in text for part in parts):
            return str(name)
    return "?"


def check_unique(specs: Iterable[RuleSpec]) -> None:
    seen: dict[str, RuleSpec] = {}
    for spec in specs:
        if spec.id in seen:
            raise PackError(f"{spec.source}: key 'id': duplicate rule id {spec.id} (also in {seen[spec.id].source})")
        seen[spec.id] = spec
