"""The de-identification engine: Presidio analysis, qualbridge rules, keyed replacement."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

from schemas.config import DeidConfig
from tasks.deid.filters import (
    DOMAIN_ALLOW_LIST,
    Detection,
    keep_detection,
    merge_overlaps,
)
from tasks.deid.nlp import nlp_engine
from tasks.deid.pseudonym import pseudonym
from tasks.deid.recognizers import deny_list_recognizers, presidio_recognizers, uk_recognizers

NER_BATCH_SIZE = 64


@dataclass(frozen=True)
class DeidResult:
    """De-identified text and the detections replaced in it (offsets into the original)."""

    text: str
    detections: list[Detection] = field(default_factory=list)


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
        registry = RecognizerRegistry(supported_languages=[config.language])
        for recognizer in (
            presidio_recognizers(self._nlp.get_supported_entities())
            + uk_recognizers()
            + deny_list_recognizers(known)
        ):
            registry.add_recognizer(recognizer)
        self._entities = sorted(set(config.entities) | set(known))
        self._analyzer = AnalyzerEngine(
            nlp_engine=self._nlp, registry=registry, supported_languages=[config.language]
        )
        self._anonymizer = AnonymizerEngine()
        self._allow = DOMAIN_ALLOW_LIST | {t.casefold() for t in [*config.allow_list, *allow_list]}

    def detect(self, texts: Sequence[str]) -> list[list[Detection]]:
        """Find identifiers in each text, batching the NER over all of them."""
        artifacts = self._nlp.process_batch(
            list(texts), language=self.config.language, batch_size=NER_BATCH_SIZE
        )
        found: list[list[Detection]] = []
        for text, nlp_artifacts in artifacts:
            results = self._analyzer.analyze(
                text=text,
                language=self.config.language,
                entities=self._entities,
                nlp_artifacts=nlp_artifacts,
                score_threshold=self.config.score_threshold,
            )
            detections = [
                Detection(
                    r.start,
                    r.end,
                    r.entity_type,
                    round(r.score, 3),
                    r.recognition_metadata.get("recognizer_name", "unknown"),
                )
                for r in results
            ]
            kept = [d for d in detections if keep_detection(d, text, self._allow)]
            found.append(merge_overlaps(kept))
        return found

    def _operator(self, entity_type: str) -> OperatorConfig:
        action = self.config.action_for(entity_type)
        if action == "pseudonym":
            key = self._key
            return OperatorConfig(
                "custom", {"lambda": lambda value: pseudonym(key, entity_type, value)}
            )
        if action == "tag":
            return OperatorConfig("replace", {"new_value": f"[{entity_type}]"})
        return OperatorConfig("replace", {"new_value": "[REDACTED]"})

    def replace(self, text: str, detections: list[Detection]) -> str:
        """Replace each detection with its configured operator's output."""
        if not detections:
            return text
        results = [RecognizerResult(d.entity_type, d.start, d.end, d.score) for d in detections]
        operators = {d.entity_type: self._operator(d.entity_type) for d in detections}
        return self._anonymizer.anonymize(text, results, operators).text

    def deidentify(self, texts: Sequence[str]) -> list[DeidResult]:
        """Detect and replace identifiers in each text."""
        return [
            DeidResult(self.replace(text, dets), dets)
            for text, dets in zip(texts, self.detect(texts), strict=True)
        ]
