"""Names typed in lower case after a greeting or thanks: 'hey tanner', 'poor emily', 'thx jo'.

Posts address people by first name, often in lower case, where the tagger reads capitals. A
listed first name right after a greeting, thanks or sympathy is taken as a name even when it
is also a word ('hey tanner'), unless it is a stop word or chat speak ('hey you', 'hey lol').
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from qualbridge.tasks.deid.recasing import Vocabulary
from qualbridge.tasks.deid.social import is_chat_word
from qualbridge.tasks.deid.token_recognizers import recognizer_result

VOCATIVE_SCORE = 0.55
_VOCATIVE = re.compile(
    r"(?i)\b(?:hey|hi|hello|hiya|yo|yea|yeah|thanks|thank\s+you|thx|ty|love\s+you|miss\s+you"
    r"|poor|congrats|congratulations|happy\s+birthday|happy\s+bday|shout\s?out\s+to|go)"
    r"[,!]?\s+(?P<name>[a-z][a-z'’-]{1,20})\b"
)

# Words people are greeted by that name lists also hold ('hey man').
_ADDRESS_WORDS = frozenset(
    "man men mate dude bro sis guys girl girls boy boys babe baby honey love son sir madam doc "
    "boss chief buddy bud pal fam folks everyone everybody lads ladies gents chap kid team".split()
)


def find_vocative_names(text: str, vocabulary: Vocabulary) -> Iterator[tuple[int, int]]:
    """Offsets of lower-case listed first names right after a greeting, thanks or 'poor'."""
    for match in _VOCATIVE.finditer(text):
        name = match.group("name")
        if name in STOP_WORDS or name in _ADDRESS_WORDS or is_chat_word(name):
            continue
        if name not in vocabulary.first_names:
            continue
        yield match.span("name")


class VocativeNameRecognizer(EntityRecognizer):
    """PERSON for lower-case first names someone is greeted, thanked or pitied by."""

    NAME = "VocativeNameRecognizer"

    def __init__(self, vocabulary: Vocabulary) -> None:
        self._vocabulary = vocabulary
        super().__init__(supported_entities=["PERSON"], name=self.NAME, supported_language="en")

    def load(self) -> None:
        """Nothing to load."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """One result per name found."""
        if "PERSON" not in entities:
            return []
        return [
            recognizer_result(self, "PERSON", s, e, VOCATIVE_SCORE)
            for s, e in find_vocative_names(text, self._vocabulary)
        ]
