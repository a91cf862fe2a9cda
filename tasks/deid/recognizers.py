"""UK identifiers and the transcript rules (names, places, institutions, ages, dates)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import (
    NhsRecognizer,
    UkNinoRecognizer,
    UkPostcodeRecognizer,
)

from qualbridge.tasks.deid.age_patterns import AGE_PATTERNS
from qualbridge.tasks.deid.date_patterns import DATE_PATTERNS
from qualbridge.tasks.deid.filters import DENY_LIST_RECOGNIZER
from qualbridge.tasks.deid.gazetteers import first_names, person_names, uk_places
from qualbridge.tasks.deid.number_words import NUMBER_WORDS, TEENS, UNITS
from qualbridge.tasks.deid.recasing import Vocabulary, place_key, place_keys
from qualbridge.tasks.deid.token_recognizers import (
    GazetteerRecognizer,
    LowercaseNameRecognizer,
    PlaceAfterCueRecognizer,
    UnknownWordNameRecognizer,
    recognizer_result,
)
from qualbridge.tasks.deid.wordlists import load_word_list

CASE_SENSITIVE = re.DOTALL | re.MULTILINE

_UK_PHONE = Pattern(
    "UK phone",
    r"(?<![\w+])(?:(?:\+44\s?\(?0?\)?\s?|\(?0)(?:7\d{3}\)?\s?\d{3}\s?\d{3}"
    r"|1\d{2,3}\)?\s?\d{3}\s?\d{3,4}|2\d\)?\s?\d{4}\s?\d{4}|3\d{2}\)?\s?\d{3}\s?\d{4}))(?!\d)",
    0.9,
)
# Any other grouping of a UK number: 0 or +44, then 9-10 digits with spaces or dashes between.
_UK_PHONE_ANY_GROUPING = Pattern(
    "UK phone, any grouping",
    r"(?<![\w+/.])(?:\+44\s?(?:\(0\)\s?)?|0)[1-37-9](?:[\s\-]?\d){8,9}(?![\d/.])",
    0.7,
)
_POSTCODE = Pattern(
    "UK postcode",
    r"\b(?:[A-PR-UWYZ][0-9][ABCDEFGHJKPSTUW]?|[A-PR-UWYZ][0-9]{2}"
    r"|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]?|[A-PR-UWYZ][A-HK-Y][0-9]{2})"
    r"\s?[0-9][ABD-HJLNP-UW-Z]{2}\b",
    0.8,
)
# The UK's postcode areas (Royal Mail): a district ('BD9', 'LS6', 'M14') alone places someone.
_POSTCODE_AREAS = (
    "AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E"
    " EC EH EN EX FK FY G GL GU HA HD HG HP HR HS HU HX IG IP IV KA KT KW KY L LA LD LE LL LN LS LU"
    " M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP"
    " SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE"
).split()
_DISTRICT_NUMBER = (
    r"(?:[0-9][0-9A-Z]?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
)
# A district after a place cue ('we're in BD9', 'moved to L8', 'the M14 area'), not a road, a
# vitamin or a mask ('on the M62', 'B12 tablets', 'N95 masks').
POSTCODE_DISTRICT_PATTERNS = [
    (
        r"(?:(?i:\b(?:in|from|to|near|around|round|moved\s+to)\s+)|(?i:\bthe\s+)(?=\S+\s+area\b))"
        rf"(?P<value>(?:{'|'.join(sorted(_POSTCODE_AREAS, key=len, reverse=True))})"
        rf"\s?{_DISTRICT_NUMBER})(?![\w-])"
        r"(?!\s+(?i:masks?|vitamins?|tablets?|forms?|bus(?:es)?|motorway|junction|road|roundabout|exit))",
        0.6,
    ),
    # A district said as a whole answer, opening a turn and ending its sentence: 'Speaker 2:
    # NW10. Speaker 1: Lovely'.
    (
        r"(?:^|\n|[A-Za-z]+\s?\d{0,3}:\s+)"
        rf"(?P<value>(?:{'|'.join(sorted(_POSTCODE_AREAS, key=len, reverse=True))})\d[0-9A-Z]?)"
        r"(?=\s*(?:[.?!]|$))",
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
# Capitalised words that start sentences and clauses but are never names.
_NOT_A_NAME = (
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|With|And"
    r"|But|So|Then|When|Because|For|To|From|At|In|On|Like|About|Me|It|That|This|The|Yeah"
    r"|Well|Oh|No|Yes|Just|Even|Only|Also|Or|If|As|Of|By|After|Before|Since|Until|Till|Tell"
    r"|Ask|Thank|Thanks|Sorry|Okay|Ok|Right|Now|Sometimes|Honestly|Obviously|Basically|You|He"
    r"|She|They|We|It|There|Everyone|Everybody|Someone|Somebody|Nobody|People|Mum|Dad|Nan"
    r"|Uh|Um|Umm|Oh|Ohh|Hmm|Hey|Hi|Hello|Doctor|Nurse|Pardon|Alright|Yep|Nope|My|Your|Our|His"
    r"|Her|Their|Is|Are|Was|Were|Do|Does|Did|Can|Could|Would|Will|What|How|Why|Where|Who"
    # Openers of a clinician's or patient's turn: 'Have, have you had', 'Apart from the pill'.
    r"|Have|Has|Had|Apart|Aside|Sure|Great|Fine|Perfect|Excellent|Lovely|Any|Anything|Nothing"
    r"|Something|Everything|Please|Maybe|Perhaps|Actually|Really|Usually|Normally|Probably"
    # bodies that say and ring as people do: 'Bank said the card used was'
    r"|Bank|Council|Police|Hospital|School|Work|Housing|Court|Surgery|Jobcentre|Landlord)\b)"
)
# A name spoken to someone: months and days are names here too ('do you smoke, April?').
_VOCATIVE_NOT = _NOT_A_NAME.replace(
    "January|February|March|April|May|June|July|August|September|October|November"
    "|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|",
    "",
)
NAME_CONTEXT_PATTERNS = [
    # "are you working at the moment, April?", "OK. Laura, how can I help?"
    (rf",\s+{_VOCATIVE_NOT}(?P<value>{_NAME})\s*\?", 0.6),
    (
        rf"(?:^|[.?!]\s+|(?i:\b(?:OK|okay|alright|right|so|and|um|uh)),?\s+){_VOCATIVE_NOT}"
        rf"(?P<value>{_NAME}),\s+(?=(?i:how|are|do|did|can|could|would|what|is|have|tell)\b)",
        0.6,
    ),
    # "Jade from the group", "Amber, my sister,", ", Jade, came round", "Mags rang me".
    (rf"\b{_NOT_A_NAME}(?P<value>{_NAME})(?=\s+from\s+the\b)", 0.6),
    (
        # not a verb before its object: 'Missing my grandad Paddy', 'Visiting my mum'
        rf"\b{_NOT_A_NAME}(?![A-Z][a-z]+ing\b)(?P<value>{_NAME})"
        rf"(?=,?\s+(?i:my|his|her|our|your|their)\s+{_RELATION}\b)",
        0.7,
    ),
    (
        rf",\s+(?P<value>{_NAME}),\s+(?=(?:came|rang|called|said|told|took|brought|who|was|is"
        r"|has|had|helped)\b)",
        0.7,
    ),
    (
        rf"\b{_NOT_A_NAME}(?P<value>{_NAME})(?=\s+(?:rang|texted|messaged|phoned|rings|texts"
        r"|came round|popped round|picked me up|said|says|told me|reckons|brought)\b)",
        0.6,
    ),
    # "me and Will", "Summer and me", "Big Dave": names that are also words, or nicknames.
    (rf"(?i:\bme\s+and\s+)(?P<value>{_NAME})\b", 0.75),
    (rf"\b{_NOT_A_NAME}(?P<value>{_NAME})(?i:\s+and\s+me\b)", 0.75),
    (rf"\b(?P<value>(?:Big|Little|Lil|Young|Old|Mad|Auntie|Aunty|Uncle)\s+{_NAME})\b", 0.7),
    (
        rf"(?i:\b(?:my|her|his|our|your|their|me|this|that)\s+(?:{_RELATION}|bloke|fella|guy"
        rf"|woman|man),?\s+)(?P<value>{_NAME}(?:\s+{_NAME})?)",
        0.8,
    ),
    (
        rf"(?i:\b(?:hello|hi|hiya|hey|thanks|thank you|cheers|bye|take care|take it easy|see you"
        rf"|morning|afternoon|evening|sorry|welcome|night|love you)),?\s+{_NOT_A_NAME}"
        rf"(?P<value>{_NAME})\b"
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
    r"\b(?:Dr|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Nurse|Sister)\.?\s+"
    # A title said to someone before 'I'm' or a filler names no one: 'Doctor I'm worried'.
    r"(?!(?:I|It|You|We|He|She|They|Um|Uh|Er|Erm|Yes|Yeah|No|OK|Okay|So|And|But|The)\b)"
    r"(?:(?:Ó|Ní|Nic|Mac|Mc|O'|de|van|von|al|el)\s?)?[A-ZÀ-Þ][\w'\-]+(?:\s+[A-ZÀ-Þ][\w'\-]+)?",
    0.9,
)
_ORG_SUFFIXES = (
    r"Hospital|Infirmary|Ward|Unit|NHS (?:Foundation )?Trust|Trust|School|Academy|Primary|"
    r"High School|College|University|Surgery|Medical Centre|Health Centre|Practice|Centre|"
    r"Clinic|Group|Club|Café|Cafe|Church|Mosque|Temple|Gurdwara|Synagogue|Library|Foundation"
    r"|Ltd|Limited|plc|Council|Police|Housing|Association|Centre|Project|Hub|Hospice|House"
    r"|Masjid|Network|Shed|Partnership|Collective|Alliance|Forum|Society|Fellowship|Mission"
    r"|General|Drop-in|Nursery|Pre-?school|Playgroup|Pharmacy|Chemists?|Dental Practice"
)
_DETERMINER = r"(?!(?:The|A|An|My|Our|Your|His|Her|Their|This|That|No|One|Every|Some|Any)\b)"
_ORG = Pattern(
    "named institution",
    rf"\b(?:St\.?\s+)?{_DETERMINER}[A-Z][\w'&\-]*\s+"
    rf"(?:(?:and\s+|&\s+|of\s+|for\s+)?[A-Z][\w'&\-]*\s+){{0,5}}(?:{_ORG_SUFFIXES})\b",
    0.75,
)
# "Brew and Natter group", "Open Door drop-in": a lower-case suffix needs two named words.
_NAMED_GROUP = Pattern(
    "named group",
    rf"\b{_DETERMINER}[A-Z][\w'&\-]*\s+(?:(?:and|&|of)\s+)?[A-Z][\w'&\-]*\s+"
    r"(?:group|club|café|cafe|drop-in|walkers|network|collective)\b",
    0.7,
)
_NUMBERED_WARD = Pattern("numbered ward", r"\b(?:Ward|ward|Bay|Unit)\s+\d{1,3}[A-Z]?\b", 0.7)
_URL = Pattern(
    "URL",
    r"(?i:\bhttps?://[^\s<>\"']+|\bwww\.[^\s<>\"']+"
    r"|\b[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.(?:co\.uk|org\.uk|nhs\.uk|ac\.uk|gov\.uk|com|org"
    # Country domains of the configured regions ('peerlinkhamilton.ca'); not '.it' or '.me',
    # which a missing space after a full stop makes of ordinary words.
    r"|net|io|uk|ie|ca|au|nz|eu|de|fr|es|nl|pl|info|edu|gov)(?:/[^\s<>\"']*)?\b"
    # any other domain with a path after it: 'linktr.ee/owen.draws', 'bit.ly/3xYz'
    r"|\b[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.[a-z]{2,6}/[^\s<>\"']*[\w/])",
    0.7,
)
_STREET_SUFFIXES = (
    r"Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Close|Drive|Way|Court|Crescent|Terrace|Grove|Place"
    r"|Fold|Gardens|Row|Walk|Square|Mews|Rise|View|Parade|Green|Gate|Croft|Park|Hill|Bank|Yard"
    r"|Mount|Vale|Top|Bottom|Side|Fields|Meadows|Heights|End|Wharf|Approach|Chase|Nook|Ridge"
    r"|Quay|Town|Moor|Estate|Village|Common|Heath|Cross"
)
_STREET = Pattern(
    "street",
    r"(?:(?i:\b(?:flat|apartment|apt|unit|room)\s+\d{1,4}[A-Za-z]?,?\s+))?"
    rf"\b(?:\d{{1,4}}[A-Za-z]?,?\s+)?(?:[A-Z][a-z]+\s+){{1,3}}(?:{_STREET_SUFFIXES})\b",
    0.6,
)
# A house number, then a street named by its type alone with 'the', in any case: 'number four
# the crescent', '12 The Green', 'at 7 the avenue'.
_THE_STREET = Pattern(
    "numbered 'the' street",
    # a number said in words only after 'number' ('i was one the drive' is a slip)
    r"(?i)\b(?:(?:(?:number|no\.?)\s+)?\d{1,4}[a-z]?"
    rf"|(?:number|no\.?)\s+(?:{UNITS}|{TEENS}|twenty(?:[\s-](?:{UNITS}))?))"
    r"\s+the\s+"
    r"(?:crescent|avenue|green|drive|parade|close|grove|terrace|square|walk|mews|broadway"
    r"|promenade|strand|glebe|paddock|orchard|willows|limes|laurels|elms|oaks|pines|cedars|firs"
    r"|poplars|hollies|beeches|spinney|causeway|quadrant|circus|boulevard|esplanade)\b",
    0.6,
)
_HANDLE = Pattern(
    # hyphens too, as some sites allow: '@lexi-ramos-22'
    "social handle",
    r"(?<![\w.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.\-]{0,28}[A-Za-z0-9_])?",
    0.85,
)
# A word joined to another by an underscore is a user name, with or without its '@'
# ('my username's grace_in_bloom'): people's words are never written so.
_UNDERSCORED_NAME = Pattern(
    "underscored user name", r"(?<![\w.@/])[A-Za-z][A-Za-z0-9]*(?:_+[A-Za-z0-9]+)+(?![\w@])", 0.7
)


_ROAD_NUMBER_WORD = rf"(?:{NUMBER_WORDS}|oh)"
# A road by its number, typed or said: 'off the A61', 'stuck on the M62', 'past the a sixty one'
# (said, the letter alone before number words only names a road).
ROAD_PATTERNS = [
    (
        r"(?i:\b(?:the|onto|along|via|junction\s+\d{1,2}\s+of)\s+)"
        r"(?P<value>[AMB]\d{1,4}(?:\(M\))?)(?![\w-])",
        0.6,
    ),
    (
        rf"(?i:\bthe\s+)(?P<value>[AaMmBb][ \t]+{_ROAD_NUMBER_WORD}"
        rf"(?:[ \t\-]+{_ROAD_NUMBER_WORD}){{0,3}})(?![\w-])",
        0.6,
    ),
]


def uk_identifier_recognizers() -> list[EntityRecognizer]:
    """UK national identifiers: NHS and National Insurance numbers, postcodes, phone numbers;
    roads by their number."""
    return [
        NhsRecognizer(),
        UkNinoRecognizer(),
        UkPostcodeRecognizer(patterns=[_POSTCODE]),
        GroupPatternRecognizer(
            "UK_POSTCODE", "UkPostcodeDistrictRecognizer", POSTCODE_DISTRICT_PATTERNS
        ),
        PatternRecognizer(
            "PHONE_NUMBER", name="UkPhoneRecognizer", patterns=[_UK_PHONE, _UK_PHONE_ANY_GROUPING]
        ),
        GroupPatternRecognizer("LOCATION", "UkRoadRecognizer", ROAD_PATTERNS),
    ]


def speech_recognizers(vocabulary: Vocabulary) -> list[EntityRecognizer]:
    """Transcript quasi-identifiers and names, whatever the country: context, lists, shapes."""
    return [
        GroupPatternRecognizer("DATE_TIME", "UkDateRecognizer", DATE_PATTERNS),
        GroupPatternRecognizer("AGE", "AgeRecognizer", AGE_PATTERNS),
        GroupPatternRecognizer("PERSON", "NameContextRecognizer", NAME_CONTEXT_PATTERNS),
        GazetteerRecognizer(
            "PERSON",
            "NameGazetteerRecognizer",
            person_names(),
            0.6,
            readings=vocabulary.non_nouns,
        ),
        GazetteerRecognizer(
            "LOCATION", "PlaceGazetteerRecognizer", place_keys(uk_places()), 0.7, key=place_key
        ),
        GazetteerRecognizer(
            "ORGANIZATION",
            "EmployerGazetteerRecognizer",
            load_word_list("uk_employers.txt"),
            0.7,
            check_tag=False,
        ),
        LowercaseNameRecognizer(first_names(), vocabulary.dictionary, vocabulary.non_nouns),
        UnknownWordNameRecognizer(vocabulary),
        PlaceAfterCueRecognizer(vocabulary),
        PatternRecognizer(
            "PERSON",
            name="TitledPersonRecognizer",
            patterns=[_TITLED_PERSON],
            global_regex_flags=CASE_SENSITIVE,
        ),
        PatternRecognizer(
            "ORGANIZATION",
            name="InstitutionRecognizer",
            patterns=[_ORG, _NAMED_GROUP, _NUMBERED_WARD],
            global_regex_flags=CASE_SENSITIVE,
        ),
        PatternRecognizer("URL", name="UrlRecognizer", patterns=[_URL]),
        PatternRecognizer("URL", name="HandleRecognizer", patterns=[_HANDLE, _UNDERSCORED_NAME]),
        PatternRecognizer(
            "STREET_ADDRESS",
            name="StreetRecognizer",
            patterns=[_STREET],
            global_regex_flags=CASE_SENSITIVE,
        ),
        PatternRecognizer("STREET_ADDRESS", name="TheStreetRecognizer", patterns=[_THE_STREET]),
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
            name=f"{DENY_LIST_RECOGNIZER}:{entity_type}",
            deny_list=sorted(set(values), key=len, reverse=True),
            deny_list_score=1.0,
        )
        for entity_type, values in grouped.items()
        if values
    ]


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
        entity_type = self.supported_entities[0]
        return [
            recognizer_result(self, entity_type, match.start("value"), match.end("value"), score)
            for pattern, score in self._patterns
            for match in pattern.finditer(text)
        ]
