"""Load an ODCS v3 data contract into the small typed model the quality checks need."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import yaml

from qualbridge.schemas.config import ConfigError

API_VERSIONS = frozenset({"v3.0.0", "v3.0.1", "v3.0.2", "v3.1.0"})
ENGINE = "qualbridge"
RESIDUAL_PII = "residualPii"
PERSONAL_DATA = ("none", "pseudonymised", "deidentified", "identifiable")
# customProperties `presence: optional`: the column may be absent; its checks run when present.
PRESENCE = ("required", "optional")
OPERATORS = (
    "mustBe",
    "mustNotBe",
    "mustBeGreaterThan",
    "mustBeGreaterOrEqualTo",
    "mustBeLessThan",
    "mustBeLessOrEqualTo",
    "mustBeBetween",
    "mustNotBeBetween",
)
# logicalTypeOptions that only describe values; every other option is a constraint we must run.
DESCRIPTIVE_OPTIONS = frozenset({"format"})
# Python re reads these as Unicode classes and RE2 as ASCII ones, so the engines would disagree.
_UNICODE_ESCAPES = re.compile(r"\\[dDwWsSbB]")
_NAME = re.compile(r"^[a-z0-9_]+$")
_REFERENCE = re.compile(r"^[a-z0-9_]+\.[a-z0-9_]+$")


class ContractError(ConfigError):
    """A data contract that cannot be used, with a message naming the file and problem."""


class _Problem(ValueError):
    """A problem found while parsing; load_contract prefixes the file name."""


@dataclass(frozen=True)
class NamedPattern:
    """A named regular expression that Python re and RE2 read alike."""

    name: str
    regex: str
    description: str = ""


@dataclass(frozen=True)
class ColumnRule:
    """What one column must satisfy, and how sensitive its values are."""

    name: str
    logical_type: str | None = None
    required: bool = False
    unique: bool = False
    valid_values: tuple[Any, ...] | None = None
    pattern: str | None = None
    minimum: int | float | None = None
    maximum: int | float | None = None
    classification: str | None = None
    personal_data: str | None = None
    residual_pii: tuple[NamedPattern, ...] = ()
    references: tuple[str, ...] = ()  # foreign keys, "<dataset>.<column>"
    optional: bool = False  # the column may be absent
    description: str = ""

    @property
    def withhold_values(self) -> bool:
        """True when checks on this column may keep neither values nor counts."""
        return self.personal_data not in ("none", "pseudonymised")


@dataclass(frozen=True)
class SqlRule:
    """A dataset-level rule run in DuckDB: a query returning one count, and its bound."""

    name: str
    query: str
    operator: str
    value: Any
    description: str = ""

    def holds(self, count: int | float) -> bool:
        """Whether a count the query returned meets the rule's operator."""
        return _compare(self.operator, self.value, count)


@dataclass(frozen=True)
class Contract:
    """The checkable part of one dataset of a data contract."""

    contract_id: str
    version: str
    dataset: str
    columns: tuple[ColumnRule, ...]
    min_rows: int | None = None
    max_rows: int | None = None
    source: str = "<contract>"
    sql_rules: tuple[SqlRule, ...] = ()

    def column(self, name: str) -> ColumnRule:
        """Return the rule of a column; KeyError if the contract has no such column."""
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)


def load_contract(path: Path | str, dataset: str | None = None) -> Contract:
    """Read an ODCS YAML file; raise ContractError naming the file on any problem."""
    path = Path(path)
    if not path.is_file():
        raise ContractError(f"{path}: contract not found")
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ContractError(f"{path}: not valid YAML ({type(exc).__name__})") from None
    return parse_contract(doc, source=str(path), dataset=dataset)


def parse_contract(doc: Any, source: str = "<contract>", dataset: str | None = None) -> Contract:
    """Build a Contract from a parsed ODCS document; raise ContractError naming the source."""
    try:
        return _contract(doc, source, dataset)
    except _Problem as exc:
        raise ContractError(f"{source}: {exc}") from None


def _contract(doc: Any, source: str, dataset: str | None) -> Contract:
    if not isinstance(doc, Mapping):
        raise _Problem("top level must be a mapping")
    if doc.get("kind") != "DataContract":
        raise _Problem(f"kind must be DataContract, got {doc.get('kind')!r}")
    if doc.get("apiVersion") not in API_VERSIONS:
        raise _Problem(
            f"apiVersion must be one of {sorted(API_VERSIONS)}, got {doc.get('apiVersion')!r}"
        )
    contract_id = _text(doc.get("id"), "id")
    version = _text(doc.get("version"), "version (quote numbers)")
    obj = _schema_object(doc.get("schema"), dataset)
    where = f"schema[{obj['name']}]"
    quality = list(enumerate(_list(obj.get("quality"), f"{where}.quality")))
    sql_rules = tuple(
        _sql_rule(q, f"{where}.quality[{i}]")
        for i, q in quality
        if isinstance(q, Mapping) and q.get("type") == "sql"
    )
    if len({r.name for r in sql_rules}) != len(sql_rules):
        raise _Problem(f"{where}.quality: sql rules need unique names")
    bounds = [
        _row_count(q, f"{where}.quality[{i}]")
        for i, q in quality
        if not (isinstance(q, Mapping) and q.get("type") == "sql")
    ]
    lows = [low for low, _ in bounds if low is not None]
    highs = [high for _, high in bounds if high is not None]
    props = _list(obj.get("properties"), f"{where}.properties")
    if not props:
        raise _Problem(f"{where}.properties: at least one property is needed")
    columns = tuple(_column(p, f"{where}.properties[{i}]") for i, p in enumerate(props))
    names = [c.name for c in columns]
    if len(names) != len(set(names)):
        raise _Problem(f"{where}.properties: names must be unique, got {names}")
    return Contract(
        contract_id,
        version,
        obj["name"],
        columns,
        min_rows=max(lows) if lows else None,
        max_rows=min(highs) if highs else None,
        source=source,
        sql_rules=sql_rules,
    )


def _schema_object(schema: Any, dataset: str | None) -> Mapping[str, Any]:
    objects = _list(schema, "schema")
    for i, obj in enumerate(objects):
        if not isinstance(obj, Mapping) or not isinstance(obj.get("name"), str):
            raise _Problem(f"schema[{i}]: an object with a name is needed")
    if dataset is not None:
        found = [o for o in objects if o["name"] == dataset]
        if not found:
            raise _Problem(f"schema: no object named {dataset!r}")
        return cast(Mapping[str, Any], found[0])
    if len(objects) != 1:
        raise _Problem(f"schema: {len(objects)} objects; name the dataset to check")
    return cast(Mapping[str, Any], objects[0])


def _column(prop: Any, where: str) -> ColumnRule:
    if not isinstance(prop, Mapping) or not isinstance(prop.get("name"), str):
        raise _Problem(f"{where}: a property with a name is needed")
    name = prop["name"]
    where = f"{where.rsplit('[', 1)[0]}[{name}]"
    rule: dict[str, Any] = {
        "name": name,
        "logical_type": prop.get("logicalType"),
        "required": _flag(prop, "required", where),
        "unique": _flag(prop, "unique", where),
        "classification": prop.get("classification"),
        "personal_data": _personal_data(prop.get("customProperties"), where),
        "optional": _custom(prop.get("customProperties"), "presence", PRESENCE, where)
        == "optional",
        "references": _references(prop.get("relationships"), where),
        "description": str(prop.get("description") or "").strip(),
    }
    options = prop.get("logicalTypeOptions") or {}
    if not isinstance(options, Mapping):
        raise _Problem(f"{where}.logicalTypeOptions: must be a mapping")
    for key, value in options.items():
        if key == "pattern":
            rule["pattern"] = _regex(value, f"{where}.logicalTypeOptions.pattern")
        elif key in ("minimum", "maximum"):
            rule[key] = _number(value, f"{where}.logicalTypeOptions.{key}")
        elif key not in DESCRIPTIVE_OPTIONS:
            raise _Problem(f"{where}.logicalTypeOptions: {key!r} is not supported")
    for i, q in enumerate(_list(prop.get("quality"), f"{where}.quality")):
        _apply_quality(rule, q, f"{where}.quality[{i}]")
    return ColumnRule(**rule)


def _apply_quality(rule: dict[str, Any], q: Any, where: str) -> None:
    """Fold one property-level quality entry into the column's rule."""
    if not isinstance(q, Mapping):
        raise _Problem(f"{where}: must be a mapping")
    kind = q.get("type", "library")
    if kind == "text":
        return
    if kind == "custom":
        if q.get("engine") == ENGINE:
            patterns = rule.get("residual_pii", ()) + _residual_pii(q, where)
            if len({p.name for p in patterns}) != len(patterns):
                raise _Problem(f"{where}: a residual-PII pattern name is used twice")
            rule["residual_pii"] = patterns
        return
    if kind != "library":
        raise _Problem(f"{where}: quality type {kind!r} is not supported")
    metric = q.get("metric", q.get("rule"))
    if metric == "nullValues":
        _require_zero(q, where)
        rule["required"] = True
    elif metric == "duplicateValues":
        _require_zero(q, where)
        rule["unique"] = True
    elif metric == "invalidValues":
        _require_zero(q, where)
        args = q.get("arguments") or {}
        if "validValues" not in args and "pattern" not in args:
            raise _Problem(f"{where}: invalidValues needs arguments.validValues or .pattern")
        if "validValues" in args:
            values = args["validValues"]
            if not isinstance(values, list) or not values:
                raise _Problem(f"{where}: arguments.validValues must be a non-empty list")
            rule["valid_values"] = tuple(values)
        if "pattern" in args:
            pattern = _regex(args["pattern"], f"{where}.arguments.pattern")
            if rule.get("pattern") not in (None, pattern):
                raise _Problem(f"{where}: a second, different pattern for the same column")
            rule["pattern"] = pattern
    else:
        raise _Problem(f"{where}: metric {metric!r} is not supported on a property")


def _residual_pii(q: Mapping[str, Any], where: str) -> tuple[NamedPattern, ...]:
    impl = q.get("implementation")
    if not isinstance(impl, Mapping) or impl.get("check") != RESIDUAL_PII:
        raise _Problem(f"{where}.implementation: must be a mapping with check: {RESIDUAL_PII}")
    if impl.get("mustMatchRows") != 0:
        raise _Problem(f"{where}.implementation.mustMatchRows: only 0 is supported")
    patterns = []
    for i, item in enumerate(_list(impl.get("patterns"), f"{where}.implementation.patterns")):
        at = f"{where}.implementation.patterns[{i}]"
        if not isinstance(item, Mapping):
            raise _Problem(f"{at}: must be a mapping with name and regex")
        name = _text(item.get("name"), f"{at}.name")
        if not _NAME.match(name):
            raise _Problem(f"{at}.name: use lower-case letters, digits and _ only")
        regex = _regex(item.get("regex"), f"{at}.regex")
        patterns.append(NamedPattern(name, regex, item.get("description", "")))
    names = [p.name for p in patterns]
    if not patterns or len(names) != len(set(names)):
        raise _Problem(f"{where}.implementation.patterns: need unique names, got {names}")
    return tuple(patterns)


def _row_count(q: Any, where: str) -> tuple[int | None, int | None]:
    """Turn a schema-level rowCount rule into inclusive (min, max) row bounds."""
    if not isinstance(q, Mapping):
        raise _Problem(f"{where}: must be a mapping")
    if q.get("type", "library") == "text":
        return None, None
    if q.get("metric", q.get("rule")) != "rowCount":
        raise _Problem(f"{where}: only the rowCount metric is supported on a schema object")
    op, value = _operator(q, where)
    if op == "mustBe":
        return int(value), int(value)
    if op == "mustBeGreaterThan":
        return math.floor(value) + 1, None
    if op == "mustBeGreaterOrEqualTo":
        return math.ceil(value), None
    if op == "mustBeLessThan":
        return None, math.ceil(value) - 1
    if op == "mustBeLessOrEqualTo":
        return None, math.floor(value)
    if op == "mustBeBetween":
        # ODCS defines mustBeBetween as mustBeGreaterThan and mustBeLessThan, so bounds are open.
        return math.floor(value[0]) + 1, math.ceil(value[1]) - 1
    raise _Problem(f"{where}: operator {op} is not supported for rowCount")


def _require_zero(q: Mapping[str, Any], where: str) -> None:
    """Accept only thresholds that mean 'no rows': the checks compile to all-or-nothing."""
    op, value = _operator(q, where)
    if (op, value) not in (("mustBe", 0), ("mustBeLessThan", 1), ("mustBeLessOrEqualTo", 0)):
        raise _Problem(f"{where}: only a zero threshold (mustBe: 0) is supported")


def _operator(q: Mapping[str, Any], where: str) -> tuple[str, Any]:
    ops = [op for op in OPERATORS if op in q]
    if len(ops) != 1:
        raise _Problem(f"{where}: exactly one mustBe... operator is needed, got {ops}")
    if q.get("unit", "rows") != "rows":
        raise _Problem(f"{where}: unit {q.get('unit')!r} is not supported, use rows")
    op, value = ops[0], q[ops[0]]
    if op.endswith("Between"):
        if not (isinstance(value, list) and len(value) == 2 and all(map(_is_number, value))):
            raise _Problem(f"{where}: {op} needs a pair of numbers")
    elif not _is_number(value):
        raise _Problem(f"{where}: {op} needs a number")
    return op, value


def _personal_data(custom: Any, where: str) -> str | None:
    return _custom(custom, "personalData", PERSONAL_DATA, where)


def _custom(custom: Any, name: str, allowed: tuple[str, ...], where: str) -> str | None:
    """The value of one custom property, which must be one of the allowed words."""
    for item in _list(custom, f"{where}.customProperties"):
        if isinstance(item, Mapping) and item.get("property") == name:
            if item.get("value") not in allowed:
                raise _Problem(
                    f"{where}: {name} must be one of {list(allowed)}, got {item.get('value')!r}"
                )
            return str(item["value"])
    return None


def _references(relationships: Any, where: str) -> tuple[str, ...]:
    """Property-level foreign keys as "<dataset>.<column>" targets."""
    targets = []
    for i, rel in enumerate(_list(relationships, f"{where}.relationships")):
        at = f"{where}.relationships[{i}]"
        if not isinstance(rel, Mapping) or rel.get("type", "foreignKey") != "foreignKey":
            raise _Problem(f"{at}: only foreignKey relationships are supported")
        target = rel.get("to")
        if not isinstance(target, str) or not _REFERENCE.match(target):
            raise _Problem(f"{at}.to: use <dataset>.<column>, got {target!r}")
        targets.append(target)
    return tuple(targets)


def _sql_rule(q: Mapping[str, Any], where: str) -> SqlRule:
    """A schema-level `type: sql` rule: a query returning one number, compared by an operator."""
    name = _text(q.get("name") or q.get("id"), f"{where}.name")
    if not _NAME.match(name):
        raise _Problem(f"{where}.name: use lower-case letters, digits and _ only")
    query = _text(q.get("query"), f"{where}.query")
    if ";" in query.strip().rstrip(";"):
        raise _Problem(f"{where}.query: a single SELECT statement is needed")
    op, value = _operator(q, where)
    return SqlRule(name, query.strip().rstrip(";"), op, value, q.get("description", ""))


def _compare(op: str, value: Any, count: int | float) -> bool:
    """Apply an ODCS operator; Between is open at both ends, as ODCS defines it."""
    if op == "mustBe":
        return bool(count == value)
    if op == "mustNotBe":
        return bool(count != value)
    if op == "mustBeGreaterThan":
        return bool(count > value)
    if op == "mustBeGreaterOrEqualTo":
        return bool(count >= value)
    if op == "mustBeLessThan":
        return bool(count < value)
    if op == "mustBeLessOrEqualTo":
        return bool(count <= value)
    inside = value[0] < count < value[1]
    return inside if op == "mustBeBetween" else not inside


def _regex(value: Any, where: str) -> str:
    """Return a regex only if Python re and RE2 both accept it and read it alike."""
    if not isinstance(value, str) or not value:
        raise _Problem(f"{where}: a non-empty regular expression is needed")
    try:
        re.compile(value)
    except re.error as exc:
        raise _Problem(f"{where}: not a valid Python regular expression ({exc.msg})") from None
    if _UNICODE_ESCAPES.search(value.replace("\\\\", "")):
        raise _Problem(
            f"{where}: \\d \\w \\s \\b differ between Python re and RE2; "
            "spell out an ASCII class such as [0-9]"
        )
    import duckdb  # only contracts being parsed need RE2; commands start without DuckDB

    try:
        with duckdb.connect() as con:
            con.execute("SELECT regexp_matches('', ?)", [value])
    except duckdb.Error:
        raise _Problem(
            f"{where}: not valid RE2 syntax (no lookarounds, backreferences or possessives)"
        ) from None
    return value


def _list(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _Problem(f"{where}: must be a list")
    return value


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Problem(f"{where}: a non-empty string is needed")
    return value


def _flag(prop: Mapping[str, Any], key: str, where: str) -> bool:
    value = prop.get(key, False)
    if not isinstance(value, bool):
        raise _Problem(f"{where}.{key}: must be true or false")
    return value


def _number(value: Any, where: str) -> int | float:
    if not _is_number(value):
        raise _Problem(f"{where}: must be a number")
    return cast(int | float, value)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
