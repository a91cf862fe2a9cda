"""The one registry of recognizer families: engine, default entity list, audit and gate read it.

A family is a module with ENTITIES, an optional COUNTRIES (absent: every country) and
build(context). A family runs when the configuration's countries meet its own; a type is
analysed unless the configuration disables it, so no recognizer is silently left unused.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from presidio_analyzer import EntityRecognizer

from qualbridge.schemas.config import DeidConfig
from qualbridge.tasks.deid.families import (
    au,
    ca,
    eu,
    generic,
    groups,
    ie,
    numbers,
    nz,
    phones,
    places,
    postal,
    speech,
    streets,
    uk,
    us,
)
from qualbridge.tasks.deid.families.base import BuildContext

FAMILIES: tuple[ModuleType, ...] = (
    generic, groups, speech, numbers, phones, places, postal, streets, uk, us, ie, ca, au, nz, eu,
)  # fmt: skip


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


def effective_entities(config: DeidConfig) -> EntitySelection:
    """What a run analyses: the configured list (default: the registry's), minus the disabled."""
    available = registry_entities(config.countries)
    wanted = available if config.entities is None else tuple(config.entities)
    off = set(config.disabled_entities)
    return EntitySelection(
        tuple(sorted(e for e in wanted if e not in off)),
        tuple(sorted(off | (set(available) - set(wanted)))),
    )


def build_recognizers(config: DeidConfig, context: BuildContext) -> list[EntityRecognizer]:
    """Every active family's recognizers, built once."""
    return [r for family in active_families(config.countries) for r in family.build(context)]
