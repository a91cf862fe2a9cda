"""Recognizers that read spaCy's tokens: word lists, lower-case names, unknown words, places.

They share one table of token attributes per document (built once, kept on the Doc), since
walking spaCy Token objects in Python costs more than the rules themselves.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.attrs import ENT_TYPE, IDX, LENGTH
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from qualbridge.tasks.deid.big_places import big_place_names
from qualbridge.tasks.deid.gazetteers import world_places
from qualbridge.tasks.deid.nlp import document_text
from qualbridge.tasks.deid.recasing import (
    MONTHS_AND_DAYS,
    PLACE_CUES,
    Vocabulary,
    place_key,
    place_keys,
)
from qualbridge.tasks.deid.tagging import tags_of

# Fine-grained tags of words that can be names: proper and common nouns, foreign words.
NAME_LIKE_TAGS = frozenset({"NNP", "NNPS", "NN", "NNS", "FW", "XX", "ADD"})
MAX_PHRASE_TOKENS = 4
_VOWEL = re.compile(r"[aeiouyAEIOUY]")


@dataclass(frozen=True)
class TokenTable:
    """Plain lists of what the recognizers need from each token of a document."""

    text: str
    starts: list[int]
    ends: list[int]
    words: list[str]
    tags: Sequence[str]  # computed on first read when the tagger runs on demand
    ents: list[str]

    @classmethod
    def of(cls, doc: Doc) -> TokenTable:
        """The document's table, built on first use and cached in doc.user_data."""
        table = doc.user_data.get("qualbridge_tokens")
        if table is None:
            # One array read instead of a Token object per token and attribute.
            columns = doc.to_array([IDX, LENGTH, ENT_TYPE]).tolist() if len(doc) else []
            strings, text = doc.vocab.strings, document_text(doc)
            table = cls(
                text,
                [idx for idx, _, _ in columns],
                [idx + length for idx, length, _ in columns],
                [text[idx : idx + length] for idx, length, _ in columns],
                tags_of(doc),
                [strings[ent] for _, _, ent in columns],
            )
            doc.user_data["qualbridge_tokens"] = table
        return table


def recognizer_result(
    recognizer: EntityRecognizer, entity_type: str, start: int, end: int, score: float
) -> RecognizerResult:
    """A Presidio result that names the recognizer, as the audit trail needs."""
    return RecognizerResult(
        entity_type, start, end, score,
        recognition_metadata={
            # Presidio sets EntityRecognizer.name in branches mypy cannot infer a type from.
            RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,  # type: ignore[has-type]
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
        },
    )  # fmt: skip


SpanFinder = Callable[[str], Iterable[tuple[int, int]]]


class SpanFinderRecognizer(EntityRecognizer):
    """One entity type for every span a plain finder function returns in the text.

    `marker`, when given, is a string the text must hold for the finder to be worth running
    ('#' for hashtags).
    """

    def __init__(
        self, name: str, entity_type: str, score: float, find: SpanFinder, marker: str = ""
    ) -> None:
        self._entity_type, self._score, self._find, self._marker = entity_type, score, find, marker
        super().__init__(supported_entities=[entity_type], name=name, supported_language="en")

    def load(self) -> None:
        """Nothing to load: a finder reads its lists on first use."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """One result per span found."""
        if self._entity_type not in entities or self._marker not in text:
            return []
        return [
            recognizer_result(self, self._entity_type, start, end, self._score)
            for start, end in self._find(text)
        ]


class _TokenRecognizer(EntityRecognizer):
    """Base: no model to load; subclasses implement scan(table)."""

    def __init__(self, name: str, entity_types: list[str]) -> None:
        super().__init__(supported_entities=entity_types, name=name, supported_language="en")

    def load(self) -> None:
        """Nothing to load: word lists come in with the constructor."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Scan the document's token table."""
        if nlp_artifacts is None or nlp_artifacts.tokens is None:
            return []
        return self.scan(TokenTable.of(nlp_artifacts.tokens))

    def scan(self, table: TokenTable) -> list[RecognizerResult]:
        """The results for one document."""
        raise NotImplementedError


class GazetteerRecognizer(_TokenRecognizer):
    """Title-case tokens (or runs of up to four) found in a list of names, places or employers.

    A one-word listed name must be tagged like a noun: 'Ring me' (verb) and 'Fair enough'
    (adjective) are everyday words even though Ring and Fair are surnames. Given `readings`
    (words with a verb, adjective or adverb reading), only those words are checked: 'Ibrahim'
    has no other reading, so it is a name even where the tagger, misled by the text before,
    calls it a pronoun.
    """

    def __init__(
        self, entity_type: str, name: str, phrases: Iterable[str], score: float,
        check_tag: bool = True, key: Callable[[str], str] | None = None,
        readings: Container[str] | None = None,
    ) -> None:  # fmt: skip
        self._phrases = frozenset(phrases)
        self._key = key
        self._score = score
        self._check_tag = check_tag
        self._readings = readings
        super().__init__(name, [entity_type])

    def scan(self, table: TokenTable) -> list[RecognizerResult]:
        """Longest listed phrase at each title-case token, left to right."""
        results, i, n = [], 0, len(table.words)
        while i < n:
            if not table.words[i][:1].isupper():
                i += 1
                continue
            end = None
            for j in range(min(n, i + MAX_PHRASE_TOKENS), i, -1):
                if self._listed(table.text[table.starts[i] : table.ends[j - 1]]) and (
                    j - i > 1 or self._tag_agrees(table, i)
                ):
                    end = j
                    break
            if end is None:
                i += 1
                continue
            start_char, end_char = table.starts[i], table.ends[end - 1]
            results.append(
                recognizer_result(
                    self, self.supported_entities[0], start_char, end_char, self._score
                )
            )
            i = end
        return results

    def _listed(self, phrase: str) -> bool:
        return (self._key(phrase) if self._key else phrase) in self._phrases

    def _tag_agrees(self, table: TokenTable, i: int) -> bool:
        """The one-word phrase is tagged like a noun, or has no reading but a noun's."""
        if not self._check_tag or table.tags[i] in NAME_LIKE_TAGS:
            return True
        if self._readings is None:
            return False
        word = table.words[i].casefold()
        return word not in self._readings and word not in STOP_WORDS


class LowercaseNameRecognizer(_TokenRecognizer):
    """First names typed in lower case ('i told sarah') inside otherwise cased text.

    A lower-case word is everyday English far more often than a name, so a listed first name
    counts only when the dictionary has it as no verb, adjective or adverb, and, if it is also
    a common noun ('penny'), when the tagger or NER reads it as a proper name.
    """

    def __init__(
        self, first_names: Iterable[str], words: Container[str], non_nouns: Container[str]
    ) -> None:
        self._names = frozenset(
            n for n in (name.casefold() for name in first_names) if n not in non_nouns
        )
        self._words = words
        super().__init__("LowercaseNameRecognizer", ["PERSON"])

    def scan(self, table: TokenTable) -> list[RecognizerResult]:
        """One result per lower-case token that passes the rules above."""
        results = []
        for i, word in enumerate(table.words):
            if word not in self._names or not word.islower():
                continue
            if table.tags[i] not in NAME_LIKE_TAGS:
                continue
            if word in self._words and table.tags[i] != "NNP" and table.ents[i] != "PERSON":
                continue
            results.append(recognizer_result(self, "PERSON", table.starts[i], table.ends[i], 0.5))
        return results


class UnknownWordNameRecognizer(_TokenRecognizer):
    """Title-case words no dictionary or list knows ('Titch', 'Parminder'): most likely names.

    After a place cue ('grew up in Burngreave') the word is labelled a location instead.
    """

    def __init__(self, vocabulary: Vocabulary) -> None:
        self._vocabulary = vocabulary
        self._known = vocabulary.places | vocabulary.employers
        super().__init__("UnknownWordNameRecognizer", ["PERSON", "LOCATION"])

    def scan(self, table: TokenTable) -> list[RecognizerResult]:
        """One result per title-case token unknown to every word list."""
        results = []
        for i, token in enumerate(table.words):
            if not token.istitle() or not _VOWEL.search(token):
                continue
            word = token.casefold()
            if word in self._known or not self._vocabulary.is_unknown(word):
                continue
            if table.tags[i] == "UH":
                continue  # interjections: 'Psst', 'Hmm', 'Geez' (tag read last: see tagging.py)
            previous = table.words[i - 1].casefold() if i else ""
            entity_type = "LOCATION" if previous in PLACE_CUES else "PERSON"
            results.append(
                recognizer_result(self, entity_type, table.starts[i], table.ends[i], 0.45)
            )
        return results


# Tokens a lower-case place may span: 'stoke-on-trent' is five spaCy tokens.
LOWER_PLACE_TOKENS = 7
PLACE_PARTICLES = frozenset("upon under on in by le la de super sur cum next".split())
_FIRST_WORD = re.compile(r"[^\s\-]+")


def first_word_key(word: str) -> str:
    """A place's first word as its key begins ('Saint', 'St.' and 'st' alike)."""
    key = place_key(word)
    return "st" if key in ("saint", "st.") else key


# Verbs of living or moving somewhere, before 'in' or 'to'.
_RESIDENCE_VERBS = frozenset(
    "live lives lived living moved move moving moves born raised settled relocated stays"
    " stayed staying based bred up".split()  # 'grew up in hull', 'brought me up in hull'
)


class PlaceAfterCueRecognizer(_TokenRecognizer):
    """Listed places that are also words, after a place cue: 'moved to Bath', 'lived in March';
    and listed places of several words typed in lower case: 'newcastle upon tyne'."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        # Title case after a place cue: any listed place, UK or world ('moved to Hull').
        self._places = (vocabulary.all_places | world_places()) - MONTHS_AND_DAYS
        self._uk_places = place_keys(vocabulary.places)
        # Where a place of several words may begin: most tokens are ruled out by one lookup.
        self._first_words = frozenset(k.split(" ")[0] for k in self._uk_places if " " in k)
        self._vocabulary = vocabulary
        super().__init__("PlaceAfterCueRecognizer", ["LOCATION"])

    def scan(self, table: TokenTable) -> list[RecognizerResult]:
        """Places after a cue, and lower-case places of several words."""
        return self._after_cue(table) + self._lower_case(table)

    def _lower_case(self, table: TokenTable) -> list[RecognizerResult]:
        """Lower-case listed UK places of two or more words; one made of everyday words only
        ('bishop auckland' is not, 'castle vale' is) needs a place cue before it."""
        results, i, n = [], 0, len(table.words)
        while i < n:
            first = _FIRST_WORD.match(table.text, table.starts[i])
            if first is None or first_word_key(first.group()) not in self._first_words:
                i += 1
                continue
            end = None
            for j in range(min(n, i + LOWER_PLACE_TOKENS), i + 1, -1):
                phrase = table.text[table.starts[i] : table.ends[j - 1]]
                if self._is_lower_place(phrase, table, i):
                    end = j
                    break
            if end is None:
                i += 1
                continue
            results.append(
                recognizer_result(self, "LOCATION", table.starts[i], table.ends[end - 1], 0.6)
            )
            i = end
        return results

    def _is_lower_place(self, phrase: str, table: TokenTable, i: int) -> bool:
        """A listed UK place of several words, some in lower case, told apart from everyday
        words."""
        words = re.split(r"[\s\-]+", phrase)
        # Some word still in lower case: the recaser may have capitalised another.
        lower = any(w[:1].islower() for w in words) and phrase.casefold() != phrase.title()
        return (
            len(words) > 1
            and lower
            and place_key(phrase) in self._uk_places
            and self._distinct(phrase.casefold(), table, i)
        )

    def _distinct(self, phrase: str, table: TokenTable, i: int) -> bool:
        """A word of the place no dictionary knows, a particle joining its words ('upon',
        'under', 'le'), or a place cue before it."""
        words = re.split(r"[\s\-]+", phrase)
        cued = i > 0 and table.words[i - 1].casefold() in PLACE_CUES
        joined = any(w in PLACE_PARTICLES for w in words[1:-1])
        return cued or joined or any(self._vocabulary.is_unknown(w) for w in words)

    @staticmethod
    def _lives_in_big_place(table: TokenTable, i: int) -> bool:
        """A big place typed in lower case after a verb of living or moving and 'in' or 'to'
        ('lives in cork', 'moved to reading'): there the everyday reading has no room."""
        word = table.words[i]
        return (
            i >= 2
            and word.islower()
            and table.words[i - 1].casefold() in ("in", "to")
            and table.words[i - 2].casefold() in _RESIDENCE_VERBS
            and word in big_place_names()
            # 'moved to nice flats': a word that goes on to describe a noun is no place
            and not (i + 1 < len(table.words) and table.tags[i + 1].startswith(("NN", "JJ")))
        )

    def _after_cue(self, table: TokenTable) -> list[RecognizerResult]:
        """Title-case one- or two-word listed places right after in/to/from/near/..., and a
        big place in lower case where one lives or moves ('he lives in cork now')."""
        results = []
        for i in range(1, len(table.words)):
            if self._lives_in_big_place(table, i):
                results.append(
                    recognizer_result(self, "LOCATION", table.starts[i], table.ends[i], 0.6)
                )
                continue
            if not table.words[i].istitle() or table.words[i - 1].casefold() not in PLACE_CUES:
                continue
            if table.tags[i].startswith("VB"):
                continue  # 'want to Send me' is a verb, not the town
            for j in (i + 2, i + 1):
                if j > len(table.words) or not table.words[j - 1].istitle():
                    continue
                phrase = table.text[table.starts[i] : table.ends[j - 1]].casefold()
                if phrase in self._places:
                    results.append(
                        recognizer_result(
                            self, "LOCATION", table.starts[i], table.ends[j - 1], 0.65
                        )
                    )
                    break
        return results
