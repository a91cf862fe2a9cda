"""The recognizer registry: every family's types are on by default, off only when configured."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from qualbridge.schemas.config import DEFAULT_DEID_COUNTRIES, DeidConfig
from qualbridge.tasks.deid.families.base import BuildContext
from qualbridge.tasks.deid.gazetteers import (
    NAME_FILES,
    names_from_faker,
    vocabulary,
    world_first_names,
)
from qualbridge.tasks.deid.nlp import dictionaries
from qualbridge.tasks.deid.registry import (
    FAMILIES,
    active_families,
    build_recognizers,
    countries_left_out,
    effective_entities,
    entity_type_statuses,
    family_name,
    registry_entities,
    scan_recognizers,
)
from qualbridge.tasks.deid.structure import (
    PREFIX_FILE,
    SUFFIX_FILE,
    street_words_from_faker,
)
from qualbridge.tasks.deid.wordlists import load_word_list


@pytest.fixture(scope="module")
def built() -> dict[str, list[EntityRecognizer]]:
    config = DeidConfig()
    words = vocabulary(*dictionaries(config.spacy_model, config.language))
    context = BuildContext(("PERSON", "LOCATION", "ORGANIZATION", "DATE_TIME", "NRP"), words,
                           frozenset(config.countries))  # fmt: skip
    return {family_name(f): f.build(context) for f in active_families(config.countries)}


def test_every_family_runs_with_the_default_countries():
    assert active_families(DeidConfig().countries) == list(FAMILIES)


def test_every_built_recognizer_detects_only_types_its_family_declares(built):
    for family in FAMILIES:
        declared = set(family.ENTITIES)
        for recognizer in built[family_name(family)]:
            assert set(recognizer.supported_entities) <= declared, recognizer.name


def test_every_declared_type_is_built_and_on_by_default(built):
    detected = {e for recognizers in built.values() for r in recognizers
                for e in r.supported_entities}  # fmt: skip
    assert set(registry_entities(DeidConfig().countries)) == detected
    assert effective_entities(DeidConfig()).enabled == registry_entities(DeidConfig().countries)
    assert effective_entities(DeidConfig()).disabled == ()


@pytest.mark.parametrize(
    ("entity_type", "country"),
    [("CREDIT_CARD", None), ("US_SSN", "US"), ("IP_ADDRESS", None), ("IBAN_CODE", None),
     ("CA_SIN", "CA"), ("AU_TFN", "AU"), ("AU_MEDICARE", "AU"), ("IE_PPS", "IE"),
     ("PHONE_NUMBER", None), ("CRYPTO", None), ("UK_NHS", "GB"), ("ID_NUMBER", None)],
)  # fmt: skip
def test_default_list_holds_presidio_and_national_types(entity_type, country):
    assert entity_type in effective_entities(DeidConfig()).enabled
    if country is not None:
        others = [c for c in DeidConfig().countries if c != country]
        assert entity_type not in registry_entities(others) or entity_type == "ID_NUMBER"


def test_disabled_types_are_left_out_and_reported():
    selection = effective_entities(DeidConfig(disabled_entities=["CREDIT_CARD", "NRP"]))
    assert "CREDIT_CARD" not in selection.enabled and "NRP" not in selection.enabled
    assert {"CREDIT_CARD", "NRP"} <= set(selection.disabled)


def test_an_explicit_list_reports_what_it_leaves_out():
    selection = effective_entities(DeidConfig(entities=["PERSON", "LOCATION"]))
    assert selection.enabled == ("LOCATION", "PERSON")
    assert "US_SSN" in selection.disabled


def test_countries_choose_national_families():
    names = {family_name(f) for f in active_families(["GB"])}
    assert {"uk", "generic", "speech", "numbers", "phones"} <= names
    assert not names & {"us", "ca", "au", "ie", "nz", "eu", "postal"}


def test_build_recognizers_follows_the_countries(built):
    config = DeidConfig(countries=["IE"])
    words = vocabulary(*dictionaries(config.spacy_model, config.language))
    context = BuildContext(("PERSON",), words, frozenset(config.countries))
    names = {r.name for r in build_recognizers(config, context)}
    assert "IePpsRecognizer" in names and "UsSsnRecognizer" not in names


@pytest.mark.parametrize("bad", [["gb"], ["GBR"], ["U1"]])
def test_countries_must_be_alpha_2_codes(bad):
    with pytest.raises(ValueError, match="alpha-2"):
        DeidConfig(countries=bad)


def test_shipped_street_words_match_fakers_lexicon():
    suffixes, prefixes = street_words_from_faker()
    assert load_word_list(SUFFIX_FILE) == frozenset(suffixes)
    assert load_word_list(PREFIX_FILE) == frozenset(prefixes)


def test_shipped_name_lists_match_fakers_providers():
    for (attrs, prefix, filtered), name in NAME_FILES.items():
        assert load_word_list(name) == names_from_faker(attrs, prefix, filtered), name


def test_world_first_names_hold_names_of_many_countries_but_no_everyday_words():
    names = world_first_names()
    assert {"oksana", "kiran", "rav", "niamh", "oluwaseun"} <= names
    # names the dictionary lists too, as a bird, a coin or a plant: written as names
    assert {"martin", "florin", "melissa"} <= names
    assert not {"table", "rose", "told", "june", "irish"} & names  # everyday words
    assert "lol" not in names and "the" not in names  # chat and stop words


@pytest.mark.parametrize(
    ("config", "entity_type", "reason"),
    [
        (DeidConfig(), "CREDIT_CARD", None),
        (DeidConfig(disabled_entities=["CREDIT_CARD"]), "CREDIT_CARD",
         "switched off by deid.disabled_entities"),
        (DeidConfig(entities=["PERSON"]), "LOCATION", "left out of deid.entities"),
        (DeidConfig(countries=["GB"]), "US_SSN",
         "no configured country detects it (US not in deid.countries)"),
        (DeidConfig(countries=["US"]), "UK_NHS",
         "no configured country detects it (GB not in deid.countries)"),
        (DeidConfig(disabled_entities=["MADE_UP"]), "MADE_UP",
         "switched off by deid.disabled_entities"),
    ],
)  # fmt: skip
def test_every_type_has_a_status_and_a_reason_when_off(config, entity_type, reason):
    status = {s.entity_type: s for s in entity_type_statuses(config)}[entity_type]
    assert status.enabled is (reason is None) and status.reason == reason


@pytest.mark.parametrize(
    ("countries", "left_out"),
    [(list(DEFAULT_DEID_COUNTRIES), ()), (["GB", "IE"], ("US", "CA", "AU", "NZ")),
     (["GB", "FR"], ("IE", "US"))],
)  # fmt: skip
def test_countries_left_out_of_the_default_are_named(countries, left_out):
    found = countries_left_out(DeidConfig(countries=countries))
    assert set(left_out) <= set(found) and not set(found) & set(countries)


def test_the_gate_recognizers_cover_enabled_format_types_only(built):
    config = DeidConfig(disabled_entities=["IBAN_CODE"])
    types = {e for r in scan_recognizers(config) for e in r.supported_entities}
    assert {"CREDIT_CARD", "UK_NHS", "US_SSN"} <= types
    assert not types & {"IBAN_CODE", "PERSON", "LOCATION", "DATE_TIME", "NRP", "ORGANIZATION"}
