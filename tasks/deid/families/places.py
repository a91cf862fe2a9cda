"""Towns, countries and states of the world (GeoNames), in any case, and a postcode beside one.

A place whose every word is also an everyday word or a first name ('Florence', 'Red Deer')
counts only when capitalised inside a sentence or, if it has several words, after a place cue
('from red deer'); one that is also a verb or adjective ('Mobile', 'Reading') needs both a
capital and a cue; function words and the listed ambiguous words are never places here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from qualbridge.tasks.deid.families.base import LOOK_BACK, BuildContext
from qualbridge.tasks.deid.families.phrases import PhraseIndex, find
from qualbridge.tasks.deid.families.postal import POSTCODE
from qualbridge.tasks.deid.gazetteers import AMBIGUOUS_WORDS, world_places
from qualbridge.tasks.deid.recasing import Vocabulary
from qualbridge.tasks.deid.token_recognizers import recognizer_result

ENTITIES = ("LOCATION", "POSTAL_CODE")
# A postcode said right after or before a listed place ('austin texas 78701', '7124 Tikøb'),
# unless it reads as a year.
_NOT_YEAR = r"(?!(?:19\d\d|20[0-3]\d)(?![\w-]))"
_CODE_AFTER = re.compile(rf"(?i),?\s+(?:[a-z]{{2,3}}\s+)?{_NOT_YEAR}(?P<code>{POSTCODE})(?![\w-])")
_CODE_BEFORE = re.compile(rf"(?i)(?<![\w-]){_NOT_YEAR}(?P<code>{POSTCODE}),?\s+$")
_CUE = re.compile(
    r"(?i)\b(?:in|from|to|near|outside|around|at|via|towards|visit(?:ed|ing)?|moved|live[sd]?"
    r"|living|born|raised|grew\s+up)\s+$"
)


_ABBREVIATED = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
# What a place needs: nothing; a capital or a cue; a capital (or a cue, if it has several
# words); a capital and a cue (one word).
FREE, NAME, WORD, VERB = 0, 1, 2, 3
# Below the name lists' 0.6, so a first name that is also a town stays a person without a cue.
PLACE_SCORE, NAME_PLACE_SCORE = 0.6, 0.55


# Letters NFKD leaves whole: 'Bielsko-Biała' is looked up as 'bielsko-biala'.
_FOLD = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe"})


def place_key(name: str) -> str:
    """Lower case, accents off, single-spaced, 'St.' and 'Mt.' written out: the lookup key."""
    plain = name.casefold()
    if not plain.isascii():
        decomposed = unicodedata.normalize("NFKD", plain).translate(_FOLD)
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_ABBREVIATED.get(w, w) for w in plain.replace(".", " ").split())


def _kind(key: str, vocabulary: Vocabulary) -> int:
    """What a place needs before it counts, by what else its words are."""
    words = [w for w in key.replace("-", " ").split() if w not in STOP_WORDS]
    unknown = [w for w in words if w not in vocabulary.dictionary and w not in vocabulary.everyday]
    if any(w not in vocabulary.all_first_names for w in unknown):
        return FREE
    if unknown:
        return NAME
    # Nouns alone ('Paris', 'Bolzano' are WordNet nouns) need a capital; a word that is also a
    # verb or adjective ('Page', 'Mobile', 'Reading') needs a capital and a cue.
    return VERB if any(w in vocabulary.non_nouns for w in words) else WORD


def _never(key: str) -> bool:
    """Places that are function words or listed ambiguous words ('To', 'Bath') are left out."""
    if " " not in key and "-" not in key:
        return key in STOP_WORDS or key in AMBIGUOUS_WORDS or len(key) < 4
    return all(w in STOP_WORDS for w in key.replace("-", " ").split())


@lru_cache(maxsize=1)
def place_keys() -> frozenset[str]:
    """Every listed place, lower case, single-spaced."""
    return frozenset(k for k in world_places() if not _never(k))


@lru_cache(maxsize=1)
def place_index() -> PhraseIndex:
    """The listed places, ready for look-up by word."""
    return PhraseIndex.of(place_keys())


class WorldPlaceRecognizer(EntityRecognizer):
    """The longest listed place at each word, in any case."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self._vocabulary = vocabulary
        self._kinds: dict[str, int] = {}
        super().__init__(
            supported_entities=["LOCATION"], name="WorldPlaceRecognizer", supported_language="en"
        )

    def load(self) -> None:
        """Nothing to load: the index was built with the recognizer."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """One result per listed place its case or cue allows, and a postcode beside it."""
        results = []
        allowed = lambda key, start, end: self._allowed(text, key, start, end)  # noqa: E731
        for start, end, key in find(text, place_index(), place_key, allowed):
            results.append(
                recognizer_result(self, "LOCATION", start, end, self._score(text, key, start))
            )
            results.extend(self._codes(text, start, end))
        return results

    def _allowed(self, text: str, key: str, start: int, end: int) -> bool:
        """What the place's words need (nothing, a capital, a cue) is there."""
        kind = self._kind(key)
        if kind == FREE:
            return True
        cue = bool(_CUE.search(text, max(0, start - 20), start))
        capital = _capital_mid_sentence(text, start, text[start:end])
        if " " in key:
            return capital or cue
        if kind == VERB:
            return capital and cue
        return capital or (cue and kind == NAME)

    def _score(self, text: str, key: str, start: int) -> float:
        """A place that is also a first name ('Bethany') yields to a person without a place cue."""
        if self._kind(key) == NAME and not _CUE.search(text, max(0, start - 20), start):
            return NAME_PLACE_SCORE
        return PLACE_SCORE

    def _codes(self, text: str, start: int, end: int) -> list[RecognizerResult]:
        """The postcode said right after or before the place."""
        after = _CODE_AFTER.match(text, end)
        before = _CODE_BEFORE.search(text, max(0, start - 12), start)
        return [
            recognizer_result(self, "POSTAL_CODE", *m.span("code"), 0.55)
            for m in (after, before)
            if m is not None
        ]

    def _kind(self, key: str) -> int:
        if key not in self._kinds:
            self._kinds[key] = _kind(key, self._vocabulary)
        return self._kinds[key]


def _capital_mid_sentence(text: str, start: int, span: str) -> bool:
    before = text[max(0, start - LOOK_BACK) : start].rstrip(" \"'“‘(")
    return span[:1].isupper() and bool(before) and before[-1] not in ".!?:\n"


def build(context: BuildContext) -> list[EntityRecognizer]:
    """The one world place recognizer."""
    return [WorldPlaceRecognizer(context.vocabulary)]
