"""The de-identification engine: Presidio analysis, qualbridge rules, keyed replacement."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry
from presidio_analyzer.nlp_engine import NlpArtifacts

from qualbridge.schemas.config import DeidConfig
from qualbridge.tasks.deid.address_parts import join_address_parts
from qualbridge.tasks.deid.age_chains import with_restated_ages
from qualbridge.tasks.deid.articles import with_articles
from qualbridge.tasks.deid.bidi import found_as_shown
from qualbridge.tasks.deid.filters import (
    DOMAIN_ALLOW_LIST,
    Detection,
    allowed_phrases,
    allowed_spans,
    inside_any,
    is_from_deny_list,
    keep_detection,
    merge_overlaps,
)
from qualbridge.tasks.deid.house_numbers import with_house_number
from qualbridge.tasks.deid.mentions import add_mentions
from qualbridge.tasks.deid.name_edges import grow_names
from qualbridge.tasks.deid.name_neighbours import join_name_neighbours, with_name_neighbours
from qualbridge.tasks.deid.nlp import LemmaContextEnhancer, nlp_engine
from qualbridge.tasks.deid.packing import pack
from qualbridge.tasks.deid.precision import (
    is_identifier_label,
    is_tagged_everyday_word,
    label_acronyms,
    refine,
)
from qualbridge.tasks.deid.recasing import Recaser
from qualbridge.tasks.deid.recognizers import deny_list_recognizers
from qualbridge.tasks.deid.registry import build_context, build_recognizers, effective_entities
from qualbridge.tasks.deid.replacing import replace_detections
from qualbridge.tasks.deid.social import is_everyday_capital, is_word_hashtag
from qualbridge.tasks.deid.social_shape import is_lowercase_guess
from qualbridge.tasks.deid.splitting import split_text
from qualbridge.tasks.deid.view_spans import View, on_views, to_text, views_of
from qualbridge.tasks.deid.whole_codes import with_whole_code
from qualbridge.tasks.deid.wordlists import load_word_list

# Documents are packed up to MAX_CHUNK_CHARS, so one is already a large batch for the model;
# piping 64 at once held 64 x 100k characters of arrays (6 GB for one long transcript) and ran
# slower than one at a time (benchmarks/long_lines.py, make bench).
NER_BATCH_SIZE = 1
# spaCy refuses texts over 1M characters and slows down on long ones: analyse in pieces.
MAX_CHUNK_CHARS = 100_000
# Control characters confuse the tokenizer; analysis sees spaces instead (same offsets).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Transcriber markup such as <UNSURE>...</UNSURE> or <INAUDIBLE_SPEECH/> splits names apart.
_MARKUP = re.compile(r"</?[A-Z][A-Z_]*/?>")


class OrderedRegistry(RecognizerRegistry):
    """Presidio's registry with recognizers in a fixed order.

    Presidio keeps the first of two equal results (same span, type and score), and its own
    order follows object hashes, which differ between processes; a fixed order makes the
    recognizer named in the audit trail the same on every run.
    """

    def get_recognizers(self, *args: Any, **kwargs: Any) -> list[EntityRecognizer]:
        """The matching recognizers, sorted by name."""
        # Presidio sets EntityRecognizer.name in branches mypy cannot infer a type from.
        return sorted(super().get_recognizers(*args, **kwargs), key=lambda r: r.name)  # type: ignore[has-type]


@dataclass(frozen=True)
class DeidResult:
    """De-identified text, the detections replaced (offsets into the original), their actions.

    `spans` holds, per detection, where its replacement sits in the de-identified text, so
    offsets can be mapped between the two texts.
    """

    text: str
    detections: list[Detection] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)


class Deidentifier:
    """Detects identifiers and replaces them as configured; build once, reuse for many texts."""

    def __init__(
        self,
        config: DeidConfig,
        key: bytes,
        known_identifiers: dict[str, list[str]] | None = None,
        allow_list: Iterable[str] = (),
    ) -> None:
        self.config = config
        self._key = key
        self._nlp = nlp_engine(config.spacy_model, config.language)
        known = known_identifiers or {}
        context = build_context(config)
        self._recaser = Recaser(context.vocabulary)
        self._vocabulary = context.vocabulary
        self._everyday = context.vocabulary.dictionary
        registry = OrderedRegistry(supported_languages=[config.language])
        for recognizer in build_recognizers(config, context) + deny_list_recognizers(known):
            registry.add_recognizer(recognizer)
        self._labels = label_acronyms(
            word
            for recognizer in registry.recognizers
            for word in [*(recognizer.context or []), *getattr(recognizer, "labels", ())]
        ) | load_word_list("identifier_names.txt")
        self.entities = effective_entities(config)
        self._entities = sorted(set(self.entities.enabled) | set(known))
        self._analyzer = AnalyzerEngine(
            nlp_engine=self._nlp,
            registry=registry,
            supported_languages=[config.language],
            context_aware_enhancer=LemmaContextEnhancer(),
        )
        self._allow = DOMAIN_ALLOW_LIST | {t.casefold() for t in [*config.allow_list, *allow_list]}
        self._allowed_phrases = allowed_phrases(self._allow)

    def detect(self, texts: Sequence[str], share_mentions: bool = False) -> list[list[Detection]]:
        """Find identifiers in each text, and every other mention of what was found.

        Mentions are shared between the texts when share_mentions is set (the utterances of
        one transcript), else looked for within each text alone. The passes, in order: the
        recognizers on the normalised views; filters and refinements per detection; names
        grown over their neighbours (`name_neighbours`), then over capitalised edges
        (`name_edges`); every other mention (`mentions`); neighbours once more, for a first
        name said before a surname found only as a mention; last, a body's or place's 'the'
        (`articles`).
        """
        views = views_of(texts)
        found = self._analyse([view for view, _ in views])
        kept = [
            self._filtered(text, origin, dets)
            for text, (_, origin), dets in zip(texts, views, found, strict=True)
        ]
        # Runs shown reversed by a bidi override, read as shown ('nosniboR aileD').
        shown = found_as_shown(texts, self.detect)
        kept = [merge_overlaps([*d, *s]) if s else d for d, s in zip(kept, shown, strict=True)]
        words = (self._everyday, self._vocabulary.non_nouns)
        kept = [
            with_restated_ages(
                join_address_parts(
                    grow_names(join_name_neighbours(t, d, *words), t, self._vocabulary), t
                ),
                t,
            )
            for t, d in zip(texts, kept, strict=True)
        ]
        if share_mentions:
            mentioned = self._with_mentions(views, kept)
        else:
            mentioned = [
                self._with_mentions([view], [dets])[0]
                for view, dets in zip(views, kept, strict=True)
            ]
        return [with_articles(d, t) for t, d in zip(texts, mentioned, strict=True)]

    def _filtered(self, text: str, origin: list[int], dets: Sequence[Detection]) -> list[Detection]:
        """One text's detections mapped back to it, filtered and refined, then merged; none
        inside a phrase the allow list holds."""
        cleared = allowed_spans(text, self._allowed_phrases)
        return merge_overlaps(
            with_whole_code(with_house_number(refined, text), text, self._labels)
            for d in dets
            if keep_detection(mapped := to_text(d, origin), text, self._allow)
            and (is_from_deny_list(mapped) or not inside_any(mapped, cleared))
            and (refined := refine(mapped, text)) is not None
            and not is_everyday_capital(refined, text, self._everyday)
            and not is_word_hashtag(refined, text, self._vocabulary)
            and not is_lowercase_guess(refined, text, self._vocabulary)
            and not is_tagged_everyday_word(refined, text, self._vocabulary)
            and not is_identifier_label(refined, text, self._labels)
        )

    def _with_mentions(
        self, views: Sequence[View], kept: Sequence[list[Detection]]
    ) -> list[list[Detection]]:
        """Every other mention of what was found, looked for in the normalised views, so a
        name found once is found again however it is spelt ('Maria' ... 'ma\u200bria')."""
        return on_views(views, kept, self._names_and_mentions)

    def _names_and_mentions(
        self, texts: Sequence[str], detections: Sequence[Sequence[Detection]]
    ) -> list[list[Detection]]:
        """Every other mention added, then names grown over their neighbours again: a first
        name said before a surname found only as a mention joins it."""
        mentioned = add_mentions(texts, detections, self._everyday, self._allow)
        return with_name_neighbours(texts, mentioned, self._everyday, self._vocabulary.non_nouns)

    def _analyse(self, texts: Sequence[str]) -> list[list[Detection]]:
        """Run the analysers; texts are packed so they run per document, not per text."""
        pieces = [
            (index, offset, self._prepare(chunk))
            for index, text in enumerate(texts)
            for offset, chunk in split_text(text, MAX_CHUNK_CHARS)
        ]
        documents = pack(pieces, MAX_CHUNK_CHARS)
        found: list[list[Detection]] = [[] for _ in texts]
        # Without as_tuples, Presidio yields (text, artifacts) pairs only.
        artifacts = cast(
            "Iterable[tuple[str, NlpArtifacts]]",
            self._nlp.process_batch(
                [d.text for d in documents],
                language=self.config.language,
                batch_size=NER_BATCH_SIZE,
            ),
        )
        for document, (doc_text, nlp_artifacts) in zip(documents, artifacts, strict=True):
            results = self._analyzer.analyze(
                text=doc_text,
                language=self.config.language,
                entities=self._entities,
                nlp_artifacts=nlp_artifacts,
                score_threshold=self.config.score_threshold,
            )
            for r in results:
                recognizer = r.recognition_metadata.get("recognizer_name", "unknown")
                for index, start, end in document.locate(r.start, r.end):
                    found[index].append(
                        Detection(start, end, r.entity_type, round(r.score, 3), recognizer)
                    )
        return found

    def _prepare(self, chunk: str) -> str:
        """What the analysers see: control characters and markup blanked, lower case and
        capitals recased."""
        chunk = _MARKUP.sub(lambda m: " " * len(m.group()), _CONTROL.sub(" ", chunk))
        return self._recaser.restore(chunk)

    def replace(
        self, text: str, detections: list[Detection], participant: str = ""
    ) -> tuple[str, list[str], list[tuple[int, int]]]:
        """Replace each detection with its operator's output (see `replace_detections`)."""
        return replace_detections(self.config, self._key, text, detections, participant)

    def deidentify(self, texts: Sequence[str], participant: str = "") -> list[DeidResult]:
        """Detect and replace identifiers in each text (dates shift by the participant's offset)."""
        results = []
        for text, dets in zip(texts, self.detect(texts, share_mentions=True), strict=True):
            new_text, actions, spans = self.replace(text, dets, participant)
            results.append(DeidResult(new_text, dets, actions, spans))
        return results

    def deidentify_transcripts(
        self, texts_per_transcript: Sequence[Sequence[str]], participants: Sequence[str]
    ) -> list[list[DeidResult]]:
        """De-identify several transcripts, one after another, in this process."""
        return [
            self.deidentify(texts, participant)
            for texts, participant in zip(texts_per_transcript, participants, strict=True)
        ]
