"""Pydantic models of a codebook: themes with definitions and auto-coding rules."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator

from schemas.config import ConfigError


class ThemeRules(BaseModel):
    """Keyword and regular-expression rules that auto-code a theme."""

    keywords: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list)
    speaker_roles: list[str] | None = None


class Theme(BaseModel):
    """One theme of the codebook."""

    theme_id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str
    definition: str
    parent: str | None = None
    include: str = ""
    exclude: str = ""
    rules: ThemeRules = Field(default_factory=ThemeRules)


class Codebook(BaseModel):
    """A versioned list of themes."""

    codebook_id: str
    version: str = "1"
    themes: list[Theme] = Field(min_length=1)

    @field_validator("themes")
    @classmethod
    def _unique_theme_ids(cls, themes: list[Theme]) -> list[Theme]:
        ids = [t.theme_id for t in themes]
        if len(ids) != len(set(ids)):
            raise ValueError(f"theme_id values must be unique, got {ids}")
        return themes


def load_codebook(path: Path) -> Codebook:
    """Read and validate a codebook YAML file; raise ConfigError naming the file on any problem."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: codebook not found")
    try:
        return Codebook.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML ({type(exc).__name__})") from None
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise ConfigError(f"{path}: {problems}") from None
