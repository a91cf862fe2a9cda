"""Pydantic models of a codebook: themes with definitions, notes, hierarchy and rules."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator

from qualbridge.schemas.config import ConfigError

THEME_ID = r"^[a-z0-9_]+$"
# REFI-QDA GUIDType: 8-4-4-4-12 hex digits, optionally in braces.
GUID = r"^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$"
# REFI-QDA RGBType.
COLOR = r"^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$"


class ThemeRules(BaseModel):
    """Keyword and regular-expression rules that auto-code a theme."""

    keywords: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list)
    speaker_roles: list[str] | None = None


class Theme(BaseModel):
    """One theme of the codebook."""

    theme_id: str = Field(pattern=THEME_ID)
    name: str
    definition: str
    parent: str | None = None
    include: str = ""
    exclude: str = ""
    # Kept from a REFI-QDA import so other tools recognise the code; derived when absent.
    guid: str | None = Field(default=None, pattern=GUID)
    color: str | None = Field(default=None, pattern=COLOR)
    codable: bool = True
    rules: ThemeRules = Field(default_factory=ThemeRules)


class ThemeSet(BaseModel):
    """A named group of themes (a REFI-QDA code set), outside the parent hierarchy."""

    name: str
    description: str = ""
    guid: str | None = Field(default=None, pattern=GUID)
    themes: list[str] = Field(default_factory=list)


class Codebook(BaseModel):
    """A versioned list of themes."""

    codebook_id: str
    version: str = "1"
    themes: list[Theme] = Field(min_length=1)
    sets: list[ThemeSet] = Field(default_factory=list)

    @field_validator("themes")
    @classmethod
    def _unique_theme_ids(cls, themes: list[Theme]) -> list[Theme]:
        counts = Counter(t.theme_id for t in themes)
        duplicates = sorted(i for i, n in counts.items() if n > 1)
        if duplicates:
            raise ValueError(f"theme_id values must be unique; repeated: {duplicates}")
        return themes

    @model_validator(mode="after")
    def _consistent(self) -> Codebook:
        problems = codebook_problems(self)
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def theme(self, theme_id: str) -> Theme | None:
        """The theme with this id, or None."""
        return next((t for t in self.themes if t.theme_id == theme_id), None)


def codebook_problems(codebook: Codebook) -> list[str]:
    """Every broken parent, cycle, bad rule and bad set member, each naming its field."""
    ids = {t.theme_id for t in codebook.themes}
    problems = []
    for i, theme in enumerate(codebook.themes):
        where = f"themes.{i} ({theme.theme_id})"
        if theme.parent is not None and theme.parent not in ids:
            problems.append(f"{where}.parent: no theme {theme.parent!r}")
        if not theme.codable and (theme.rules.keywords or theme.rules.patterns):
            problems.append(f"{where}.rules: a theme that is not codable cannot have rules")
        for j, pattern in enumerate(theme.rules.patterns):
            try:
                re.compile(pattern, re.IGNORECASE)
            except re.error as exc:
                problems.append(f"{where}.rules.patterns.{j}: bad regular expression ({exc})")
    problems += [f"themes: parent cycle {' -> '.join(c)}" for c in parent_cycles(codebook)]
    for i, theme_set in enumerate(codebook.sets):
        for j, member in enumerate(theme_set.themes):
            if member not in ids:
                problems.append(f"sets.{i} ({theme_set.name}).themes.{j}: no theme {member!r}")
    return problems


def parent_cycles(codebook: Codebook) -> list[list[str]]:
    """Each cycle of parent links once, as the path that closes it (first theme repeated)."""
    parent = {t.theme_id: t.parent for t in codebook.themes}
    cycles, seen = [], set()
    for start in parent:
        path: list[str] = []
        node: str | None = start
        while node is not None and node in parent and node not in seen and node not in path:
            path.append(node)
            node = parent[node]
        if node in path:
            cycles.append([*path[path.index(node) :], node])
        seen.update(path)
    return cycles


def slug(name: str) -> str:
    """A code name as an id matching ^[a-z0-9_]+$ ("Felt heard!" -> "felt_heard")."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_") or "code"


def validation_message(exc: ValidationError) -> str:
    """A pydantic error as 'field.path: problem; ...'."""
    problems = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"])
        message = err["msg"].removeprefix("Value error, ")
        problems.append(f"{where}: {message}" if where else message)
    return "; ".join(problems)


def load_codebook(path: Path) -> Codebook:
    """Read and validate a codebook YAML file; raise ConfigError naming the file and field."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: codebook not found")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid YAML ({type(exc).__name__})") from None
    try:
        return Codebook.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(f"{path}: {validation_message(exc)}") from None


def dump_codebook(codebook: Codebook, header: str = "") -> str:
    """The codebook as block-style YAML, leaving out fields at their defaults."""
    data = codebook.model_dump(exclude_defaults=True)
    data = {"codebook_id": codebook.codebook_id, "version": codebook.version, **data}
    dumped: str = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return header + dumped
