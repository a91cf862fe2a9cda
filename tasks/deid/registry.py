"""The one registry of recognizer families: engine, default entity list, audit and gate read it.

A family is a module with ENTITIES, an optional COUNTRIES (absent: every country) and
build(context). A family runs when the configuration's countries meet its own; a type is
analysed unless the configuration disables it, so no recognizer is silently left unused.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from presidio_analyzer import EntityRecognizer, PatternRecognizer

from qualbridge.schemas.config import DEFAULT_DEID_COUNTRIES, DeidConfig
from qualbridge.tasks.deid.families import (
    au,
    ca,
    dates_abroad,
    eu,
    generic,
    groups,
    ie,
    numbers,
    nz,
    phones,
    places,
    postal,
    social,
    speech,
    streets,
    uk,
    us,
)
from qualbridge.tasks.deid.families.base import BuildContext, ValidatedNumberRecognizer
from qualbridge.tasks.deid.gazetteers import vocabulary
from qualbridge.tasks.deid.nlp import dictionaries, nlp_engine

FAMILIES: tuple[ModuleType, ...] = (
    generic, groups, speech, numbers, phones, places, postal, streets, uk, us, ie, ca, au, nz, eu,
    social, dates_abroad,
)  # fmt: skip


@dataclass(frozen=True)
class EntityTypeStatus:
    """One type the registry knows: whether a run analyses it and, if not, why."""

    entity_type: str
    enabled: bool
    reason: str | None = None


@dataclass(frozen=True)
class EntitySelection:
    """The types a run analyses and the ones its configuration switched off."""

    enabled: tuple[str, ...]
    disabled: tuple[str, ...]


def family_name(family: ModuleType) -> str:
    """The family's short name: its module's last part."""
    return family.__name__.rsplit(".", 1)[-1]


def active_families(countries: list[str] | frozenset[str]) -> list[ModuleType]:
    """The families for these countries: every country-free family, and those of the countries."""
    wanted = frozenset(countries)
    return [f for f in FAMILIES if getattr(f, "COUNTRIES", None) is None or f.COUNTRIES & wanted]


def registry_entities(countries: list[str] | frozenset[str]) -> tuple[str, ...]:
    """Every type the active families can detect, sorted."""
    return tuple(sorted({e for f in active_families(countries) for e in f.ENTITIES}))


def all_entity_types() -> tuple[str, ...]:
    """Every type any family can detect, whatever the countries."""
    return tuple(sorted({e for f in FAMILIES for e in f.ENTITIES}))


# Types that describe (a place, a group, a date, an age): their values recur harmlessly, so
# only names (by their parts) and the identifier types below are repeated as mentions.
DESCRIPTIVE_TYPES = frozenset(
    {"PERSON", "LOCATION", "ORGANIZATION", "NRP", "DATE_TIME", "AGE", "STREET_ADDRESS"}
)


def whole_value_types() -> frozenset[str]:
    """Every family's non-descriptive type and study-listed identifiers: masked at each mention."""
    return frozenset(all_entity_types()) - DESCRIPTIVE_TYPES | {"KNOWN_IDENTIFIER"}


def effective_entities(config: DeidConfig) -> EntitySelection:
    """What a run analyses: the configured list (default: the registry's), minus the disabled."""
    available = registry_entities(config.countries)
    wanted = available if config.entities is None else tuple(config.entities)
    off = set(config.disabled_entities)
    return EntitySelection(
        tuple(sorted(e for e in wanted if e not in off)),
        tuple(sorted(off | (set(available) - set(wanted)))),
    )


def build_context(config: DeidConfig) -> BuildContext:
    """What the families build with: the model's entity types, the vocabulary, the countries."""
    nlp = nlp_engine(config.spacy_model, config.language)
    words = vocabulary(*dictionaries(config.spacy_model, config.language))
    return BuildContext(tuple(nlp.get_supported_entities()), words, frozenset(config.countries))


def build_recognizers(config: DeidConfig, context: BuildContext) -> list[EntityRecognizer]:
    """Every active family's recognizers, built once."""
    return [r for family in active_families(config.countries) for r in family.build(context)]


def countries_left_out(config: DeidConfig) -> tuple[str, ...]:
    """Default countries the configuration does not list (their national types are off)."""
    return tuple(c for c in DEFAULT_DEID_COUNTRIES if c not in config.countries)


def _why_off(config: DeidConfig, entity_type: str, available: tuple[str, ...]) -> str:
    """Why a run does not analyse this type, in words a steward reads."""
    if entity_type in config.disabled_entities:
        return "switched off by deid.disabled_entities"
    if entity_type in available:
        return "left out of deid.entities"
    needed = sorted({c for f in FAMILIES if entity_type in f.ENTITIES for c in f.COUNTRIES})
    return f"no configured country detects it ({', '.join(needed)} not in deid.countries)"


def entity_type_statuses(config: DeidConfig) -> list[EntityTypeStatus]:
    """Every type the registry (and the configuration) names, on or off, with the reason."""
    selection = effective_entities(config)
    available = registry_entities(config.countries)
    named = set(all_entity_types()) | set(config.entities or ()) | set(config.disabled_entities)
    return [
        EntityTypeStatus(t, True)
        if t in selection.enabled
        else EntityTypeStatus(t, False, _why_off(config, t, available))
        for t in sorted(named)
    ]


def scan_recognizers(
    config: DeidConfig, context: BuildContext | None = None
) -> list[PatternRecognizer | ValidatedNumberRecognizer]:
    """The recognizers the residual-PII gate reruns on released text: every enabled format type.

    Those that read text alone (patterns, checked numbers) and detect a type the NER model does
    not (names, places and dates are judged in context, by the names gazetteer and the audit's
    near-misses). Taken from the families, so every format type a family adds is scanned.
    """
    context = context or build_context(config)
    wanted = set(effective_entities(config).enabled) - set(context.ner_entities)
    return [
        r
        for r in build_recognizers(config, context)
        if isinstance(r, PatternRecognizer | ValidatedNumberRecognizer)
        and set(r.supported_entities) & wanted
    ]
