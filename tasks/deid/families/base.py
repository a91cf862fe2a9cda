"""What every family builds with, and a recognizer for numbers a library can validate."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from qualbridge.tasks.deid.recasing import Vocabulary
from qualbridge.tasks.deid.token_recognizers import recognizer_result

# Characters looked through around a match for a cue or a sentence end: bounded, so a recognizer
# costs the same per match however long the utterance (a one-line transcript has thousands).
LOOK_BACK = 200


@dataclass(frozen=True)
class BuildContext:
    """What a family may need to build its recognizers."""

    ner_entities: tuple[str, ...]
    vocabulary: Vocabulary
    countries: frozenset[str]


def presidio_in_english(*classes: Callable[..., EntityRecognizer]) -> list[EntityRecognizer]:
    """Presidio's country recognizers, run on English text (several default to their language)."""
    return [cls(supported_language="en") for cls in classes]


class ValidatedNumberRecognizer(EntityRecognizer):
    """Candidates by shape; a library's check raises the score, a cue word nearby raises it too.

    Validation only ranks: a candidate that fails its checksum but follows a cue ('my PPS is')
    still scores above the threshold, since a misheard number is still somebody's number.
    """

    def __init__(
        self,
        entity_type: str,
        name: str,
        pattern: str,
        is_valid: Callable[[str], bool],
        cues: tuple[str, ...] = (),
        scores: tuple[float, float, float] = (0.85, 0.6, 0.3),
        shape: Callable[[str], bool] | None = None,
    ) -> None:
        self._pattern = re.compile(pattern)
        self._shape = shape  # a candidate that fails it is no candidate at all
        self._is_valid = is_valid
        self._cue = re.compile(r"(?i)\b(?:" + "|".join(cues) + r")\b") if cues else None
        self.labels = cues  # the words that name what it finds ('medicare', 'pps')
        self._scores = scores  # valid, cued but invalid, neither
        super().__init__(supported_entities=[entity_type], name=name, supported_language="en")

    def load(self) -> None:
        """Nothing to load."""

    def _cued(self, text: str, start: int) -> bool:
        return self._cue is not None and bool(self._cue.search(text, max(0, start - 40), start))

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """One result per candidate, scored by validity and cue."""
        valid, cued, plain = self._scores
        results = []
        for match in self._pattern.finditer(text):
            value = match.group()
            if self._shape is not None and not self._shape(value):
                continue
            try:
                ok = self._is_valid(value)
            except Exception:
                ok = False
            score = max(valid if ok else plain, cued if self._cued(text, match.start()) else plain)
            results.append(
                recognizer_result(
                    self, self.supported_entities[0], match.start(), match.end(), score
                )
            )
        return results
