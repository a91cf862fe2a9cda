"""Towns, countries and states of the world (GeoNames), in any case.

A place whose every word is also an everyday word or a first name ('Florence', 'Red Deer')
counts only when capitalised inside a sentence or, if it has several words, after a place cue
('from red deer'); function words and the listed ambiguous words are never places here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from qualbridge.tasks.deid.families.base import BuildContext
from qualbridge.tasks.deid.gazetteers import AMBIGUOUS_WORDS, world_places
from qualbridge.tasks.deid.recasing import Vocabulary
from qualbridge.tasks.deid.token_recognizers import recognizer_result

ENTITIES = ("LOCATION",)
MAX_WORDS = 5
# A word, not a part of a web or e-mail address ('example.org/events/drop-in').
_TOKEN = re.compile(r"(?<![\w/.@])[^\W\d_][\w'’.\-]*(?<!\.)(?![\w/@]|\.\w)")
_CUE = re.compile(
    r"(?i)\b(?:in|from|to|near|outside|around|at|via|towards|visit(?:ed|ing)?|moved|live[sd]?"
    r"|living|born|raised|grew\s+up)\s+$"
)


def _everyday(word: str, vocabulary: Vocabulary) -> bool:
    return (
        word in vocabulary.dictionary
        or word in vocabulary.all_first_names
        or word in vocabulary.everyday
        or word in STOP_WORDS
    )


def _never(key: str) -> bool:
    """Places that are function words or listed ambiguous words ('To', 'Bath') are left out."""
    words = key.replace("-", " ").split()
    if all(w in STOP_WORDS for w in words):
        return True
    return len(words) == 1 and (key in AMBIGUOUS_WORDS or len(key) < 4)


@lru_cache(maxsize=1)
def place_keys() -> frozenset[str]:
    """Every listed place, lower case, single-spaced."""
    return frozenset(k for k in {n.casefold() for n in world_places()} if not _never(k))


class WorldPlaceRecognizer(EntityRecognizer):
    """The longest listed place at each word, in any case."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self._places = place_keys()
        self._vocabulary = vocabulary
        self._needs_cue: dict[str, bool] = {}
        super().__init__(
            supported_entities=["LOCATION"], name="WorldPlaceRecognizer", supported_language="en"
        )

    def load(self) -> None:
        """Nothing to load: the index was built with the recognizer."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """One result per listed place its case or cue allows."""
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        results, i = [], 0
        while i < len(tokens):
            found = next(self._longest(text, tokens, i), None)
            if found is None:
                i += 1
                continue
            n, start, end = found
            results.append(recognizer_result(self, "LOCATION", start, end, 0.6))
            i += n
        return results

    def _everyday_name(self, key: str) -> bool:
        """Every word of the place is also an everyday word or a first name."""
        if key not in self._needs_cue:
            words = key.replace("-", " ").split()
            self._needs_cue[key] = all(_everyday(w, self._vocabulary) for w in words)
        return self._needs_cue[key]

    def _longest(
        self, text: str, tokens: list[tuple[int, int]], i: int
    ) -> Iterator[tuple[int, int, int]]:
        for n in range(min(MAX_WORDS, len(tokens) - i), 0, -1):
            start, end = tokens[i][0], tokens[i + n - 1][1]
            span = text[start:end]
            if re.search(r"[^\w'’.\-][^\w'’.\-]|[,;:!?()]", span):
                continue
            key = re.sub(r"\s+", " ", span.casefold())
            if key not in self._places:
                continue
            if (
                not self._everyday_name(key)
                or _capital_mid_sentence(text, start, span)
                or (n > 1 and _CUE.search(text, max(0, start - 20), start))
            ):
                yield n, start, end


def _capital_mid_sentence(text: str, start: int, span: str) -> bool:
    before = text[:start].rstrip(" \"'“‘(")
    return span[:1].isupper() and bool(before) and before[-1] not in ".!?:\n"


def build(context: BuildContext) -> list[EntityRecognizer]:
    """The one world place recognizer."""
    return [WorldPlaceRecognizer(context.vocabulary)]
