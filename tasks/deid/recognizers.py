"""UK and transcript-specific recognizers that Presidio does not ship or ships switched off."""

from __future__ import annotations

import re
from collections.abc import Iterable

from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    DateRecognizer,
    EmailRecognizer,
    IbanRecognizer,
    IpRecognizer,
    NhsRecognizer,
    SpacyRecognizer,
    UkNinoRecognizer,
    UkPostcodeRecognizer,
)

from tasks.deid.gazetteers import first_names, person_names, uk_places
from tasks.deid.wordlists import load_word_list

CASE_SENSITIVE = re.DOTALL | re.MULTILINE

_UK_PHONE = Pattern(
    "UK phone",
    r"(?<![\w+])(?:(?:\+44\s?\(?0?\)?\s?|\(?0)(?:7\d{3}\)?\s?\d{3}\s?\d{3}"
    r"|1\d{2,3}\)?\s?\d{3}\s?\d{3,4}|2\d\)?\s?\d{4}\s?\d{4}|3\d{2}\)?\s?\d{3}\s?\d{4}))(?!\d)",
    0.9,
)
_POSTCODE = Pattern(
    "UK postcode",
    r"\b(?:[A-PR-UWYZ][0-9][ABCDEFGHJKPSTUW]?|[A-PR-UWYZ][0-9]{2}"
    r"|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]?|[A-PR-UWYZ][A-HK-Y][0-9]{2})"
    r"\s?[0-9][ABD-HJLNP-UW-Z]{2}\b",
    0.8,
)
_NOT_AN_AGE = (
    r"(?!\s*(?:%|per ?cent|pounds|quid|p\b|pence|minutes|mins|hours|hrs|days|weeks|months|times"
    r"|mg|milligrams|pm|am|o'clock|quid|miles|stone|kilos|kg|percent|th\b|st\b|nd\b|rd\b"
    r"|foot|feet|ft\b|inch|inches|'|past|to\b|till|quarter|half))"
)
# Each pattern's 'value' group is the age itself; the rest is the cue that makes it an age.
AGE_PATTERNS = [
    (
        rf"(?i:\b(?:I'?m|I am|(?:s?he|it)'?s|(?:s?he|it) is|they'?re|aged?)\s+)"
        rf"(?P<value>\d{{1,3}})\b{_NOT_AN_AGE}",
        0.6,
    ),
    (r"\b(?P<value>\d{1,3}(?:\s*|-)(?:years?|yrs?)(?:\s*|-)old)\b", 0.85),
    (rf"(?i:\b(?:I|s?he|they|we)\s+(?:was|were)\s+)(?P<value>\d{{1,2}})\b{_NOT_AN_AGE}", 0.7),
    (
        r"(?i:\b(?:turned|turning|turn|age of|at|since)\s+)(?P<value>\d{1,2})\b"
        r"(?=\s*(?:,|\.|$|when|and|I|years))(?!\s*(?:o'clock|am|pm))",
        0.5,
    ),
    (
        r"(?i:\bin\s+(?:my|her|his|their)\s+)(?P<value>(?:(?:early|mid|late)[\s-]+)?"
        r"(?:teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))",
        0.6,
    ),
]
_RELATION = (
    r"(?:(?:older|younger|little|big|baby|step|ex|best|late|eldest|oldest|youngest)[\s-]?)?"
    r"(?:sister|brother|sis|bro|mum|mam|mother|dad|father|nan|nana|nanna|gran|grandma|granny"
    r"|grandad|grandpa|aunt|auntie|aunty|uncle|cousin|son|daughter|lad|girl|wife|husband|partner"
    r"|boyfriend|girlfriend|fiancée?|friend|mate|pal|neighbour|niece|nephew|kids?|sons?"
    r"|daughters?|peer support worker|support worker|worker|therapist|counsellor"
    r"|care co-?ordinator|nurse|doctor|GP|psychiatrist|psychologist|key ?worker|social worker"
    r"|boss|manager|supervisor|colleague|housemate|flatmate|landlord|landlady|vicar|imam)"
)
_NAME = r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?"
# Names cued by how people are talked to or about: relations, greetings, introductions.
NAME_CONTEXT_PATTERNS = [
    (
        rf"(?i:\b(?:my|her|his|our|your|their|me)\s+{_RELATION},?\s+)(?P<value>{_NAME}(?:\s+{_NAME})?)",
        0.8,
    ),
    (
        rf"(?i:\b(?:hello|hi|hiya|hey|thanks|thank you|cheers|bye|take care|take it easy|see you"
        rf"|morning|afternoon|evening|sorry|welcome|night|love you)),?\s+(?P<value>{_NAME})\b"
        r"(?=\s*(?:[,.!?]|$))",
        0.8,
    ),
    (
        rf"(?i:\b(?:it'?s|I'?m|call me|called|name'?s|name is|known as|they call me)\s+)"
        rf"(?P<value>{_NAME})(?=,?\s+(?i:by the way|actually|for short|to my friends|innit)\b)",
        0.85,
    ),
    (
        rf"(?i:\b(?:call me|my name is|my name's|known as|they call me|everyone calls me)\s+)"
        rf"(?P<value>{_NAME})\b",
        0.85,
    ),
]
_TITLED_PERSON = Pattern(
    "title + surname",
    r"\b(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Nurse|Sister)\.?\s+[A-Z][a-zA-Z'\-]+(?:\s+[A-Z][a-zA-Z'\-]+)?",
    0.9,
)
_ORG_SUFFIXES = (
    r"Hospital|Infirmary|Ward|Unit|NHS (?:Foundation )?Trust|Trust|School|Academy|Primary|"
    r"High School|College|University|Surgery|Medical Centre|Health Centre|Practice|Centre|"
    r"Clinic|Group|Club|Café|Cafe|Church|Mosque|Temple|Gurdwara|Synagogue|Library|Foundation"
    r"|Ltd|Limited|plc|Council|Police|Housing|Association|Centre|Project|Hub|Hospice|House"
)
_ORG = Pattern(
    "named institution",
    rf"\b(?:St\.?\s+)?(?:[A-Z][a-zA-Z'&\-]+\s+){{1,4}}(?:{_ORG_SUFFIXES})\b",
    0.75,
)
_NUMBERED_WARD = Pattern("numbered ward", r"\b(?:Ward|ward|Bay|Unit)\s+\d{1,3}[A-Z]?\b", 0.7)
_URL = Pattern(
    "URL",
    r"(?i:\bhttps?://[^\s<>\"']+|\bwww\.[^\s<>\"']+"
    r"|\b[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.(?:co\.uk|org\.uk|nhs\.uk|ac\.uk|gov\.uk|com|org|net|io|uk)(?:/[^\s<>\"']*)?\b)",
    0.7,
)
_STREET_SUFFIXES = (
    r"Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Close|Drive|Way|Court|Crescent|Terrace|Grove|Place"
    r"|Fold|Gardens|Row|Walk|Square|Mews|Rise|View|Parade|Green|Gate|Croft|Park|Hill|Bank|Yard"
)
_STREET = Pattern(
    "street",
    rf"\b(?:\d{{1,4}}[A-Za-z]?,?\s+)?(?:[A-Z][a-z]+\s+){{1,3}}(?:{_STREET_SUFFIXES})\b",
    0.6,
)
_HANDLE = Pattern("social handle", r"(?<![\w.@])@[A-Za-z0-9_]{2,30}\b", 0.85)


def presidio_recognizers(ner_entities: list[str]) -> list[EntityRecognizer]:
    """The Presidio recognizers that fit UK transcripts (its US-specific ones only add noise)."""
    return [
        SpacyRecognizer(supported_entities=ner_entities),
        EmailRecognizer(),
        DateRecognizer(),
        IpRecognizer(),
        CreditCardRecognizer(),
        IbanRecognizer(),
    ]


def uk_recognizers(
    nouns: frozenset[str] = frozenset(), other_words: frozenset[str] = frozenset()
) -> list[EntityRecognizer]:
    """Recognizers for UK identifiers and transcript quasi-identifiers."""
    return [
        NhsRecognizer(),
        UkNinoRecognizer(),
        UkPostcodeRecognizer(patterns=[_POSTCODE]),
        PatternRecognizer("PHONE_NUMBER", name="UkPhoneRecognizer", patterns=[_UK_PHONE]),
        GroupPatternRecognizer("AGE", "AgeRecognizer", AGE_PATTERNS),
        GroupPatternRecognizer("PERSON", "NameContextRecognizer", NAME_CONTEXT_PATTERNS),
        GazetteerRecognizer("PERSON", "NameGazetteerRecognizer", person_names(), 0.6),
        GazetteerRecognizer("LOCATION", "PlaceGazetteerRecognizer", uk_places(), 0.7),
        GazetteerRecognizer(
            "ORGANIZATION", "EmployerGazetteerRecognizer", load_word_list("uk_employers.txt"), 0.7
        ),
        LowercaseNameRecognizer(first_names(), nouns, other_words),
        PatternRecognizer(
            "PERSON",
            name="TitledPersonRecognizer",
            patterns=[_TITLED_PERSON],
            global_regex_flags=CASE_SENSITIVE,
        ),
        PatternRecognizer(
            "ORGANIZATION",
            name="InstitutionRecognizer",
            patterns=[_ORG, _NUMBERED_WARD],
            global_regex_flags=CASE_SENSITIVE,
        ),
        PatternRecognizer("URL", name="UrlRecognizer", patterns=[_URL]),
        PatternRecognizer("URL", name="HandleRecognizer", patterns=[_HANDLE]),
        PatternRecognizer(
            "STREET_ADDRESS",
            name="StreetRecognizer",
            patterns=[_STREET],
            global_regex_flags=CASE_SENSITIVE,
        ),
    ]


def parse_deny_list(lines: Iterable[str]) -> dict[str, list[str]]:
    """Group a site's known identifiers by type; a line is 'TYPE: value' or just 'value'."""
    grouped: dict[str, list[str]] = {}
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        entity_type, sep, value = line.partition(":")
        if sep and re.fullmatch(r"[A-Z_]+", entity_type.strip()):
            grouped.setdefault(entity_type.strip(), []).append(value.strip())
        else:
            grouped.setdefault("KNOWN_IDENTIFIER", []).append(line)
    return grouped


def deny_list_recognizers(grouped: dict[str, list[str]]) -> list[PatternRecognizer]:
    """One case-insensitive whole-word recognizer per entity type of the study's known list."""
    return [
        PatternRecognizer(
            supported_entity=entity_type,
            name=f"StudyDenyList:{entity_type}",
            deny_list=sorted(set(values), key=len, reverse=True),
            deny_list_score=1.0,
        )
        for entity_type, values in grouped.items()
        if values
    ]


# A one-word listed name must be tagged like a name: 'Ring me' (verb) and 'Fair enough'
# (adjective) are everyday words even though Ring and Fair are surnames.
NAME_LIKE_POS = frozenset({"PROPN", "NOUN", "X"})


class GazetteerRecognizer(EntityRecognizer):
    """Title-case tokens (or token runs) found in a list of names or places."""

    def __init__(self, entity_type: str, name: str, phrases: Iterable[str], score: float) -> None:
        self._phrases = frozenset(phrases)
        self._score = score
        super().__init__(supported_entities=[entity_type], name=name, supported_language="en")

    def load(self) -> None:
        """Nothing to load: the phrases came in with the constructor."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Longest run of title-case tokens that is a listed phrase, scanning left to right."""
        if nlp_artifacts is None or nlp_artifacts.tokens is None:
            return []
        tokens = nlp_artifacts.tokens
        results, i = [], 0
        while i < len(tokens):
            match_end = None
            for j in range(min(len(tokens), i + 4), i, -1):
                span = tokens[i:j]
                if (
                    span[0].text[:1].isupper()
                    and span.text in self._phrases
                    and (len(span) > 1 or span[0].pos_ in NAME_LIKE_POS)
                ):
                    match_end = j
                    break
            if match_end is None:
                i += 1
                continue
            span = tokens[i:match_end]
            results.append(
                RecognizerResult(
                    self.supported_entities[0],
                    span.start_char,
                    span.end_char,
                    self._score,
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
            i = match_end
        return results


class LowercaseNameRecognizer(EntityRecognizer):
    """First names typed in lower case ('i told sarah'), as automatic transcripts write them.

    A lower-case word is everyday English far more often than a name, so a listed first name
    counts only when the dictionary has it as no verb, adjective or adverb, and, if it is also
    a common noun ('penny'), when the tagger or NER reads it as a proper name.
    """

    def __init__(
        self, first_names: Iterable[str], nouns: frozenset[str], other_words: frozenset[str]
    ) -> None:
        self._names = frozenset(n.casefold() for n in first_names) - other_words
        self._nouns = nouns
        super().__init__(
            supported_entities=["PERSON"], name="LowercaseNameRecognizer", supported_language="en"
        )

    def load(self) -> None:
        """Nothing to load: the lists came in with the constructor."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """One result per lower-case token that passes the rules above."""
        if nlp_artifacts is None or nlp_artifacts.tokens is None:
            return []
        results = []
        for token in nlp_artifacts.tokens:
            if not token.is_lower or token.text not in self._names:
                continue
            if token.pos_ not in NAME_LIKE_POS:
                continue
            if token.text in self._nouns and token.tag_ != "NNP" and token.ent_type_ != "PERSON":
                continue
            results.append(
                RecognizerResult(
                    "PERSON",
                    token.idx,
                    token.idx + len(token.text),
                    0.5,
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return results


class GroupPatternRecognizer(EntityRecognizer):
    """Regexes whose named group 'value' is the entity and the rest is the context that cues it."""

    def __init__(self, entity_type: str, name: str, patterns: list[tuple[str, float]]) -> None:
        self._patterns = [(re.compile(p), score) for p, score in patterns]
        super().__init__(supported_entities=[entity_type], name=name, supported_language="en")

    def load(self) -> None:
        """Nothing to load: the patterns came in with the constructor."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """One result per pattern match, spanning only its 'value' group."""
        results = []
        for pattern, score in self._patterns:
            for match in pattern.finditer(text):
                results.append(
                    RecognizerResult(
                        self.supported_entities[0],
                        match.start("value"),
                        match.end("value"),
                        score,
                        recognition_metadata={
                            RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                        },
                    )
                )
        return results
