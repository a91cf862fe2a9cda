"""Precision on real text: what looks like a name by its capitals but is a role, an eponym,
an acronym, or runs into a URL or an emoji."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterable
from dataclasses import replace
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from qualbridge.tasks.deid.families.groups import lexicon as nrp_lexicon
from qualbridge.tasks.deid.families.groups import names_a_language, word_key
from qualbridge.tasks.deid.filters import Detection
from qualbridge.tasks.deid.gazetteers import (
    AMBIGUOUS_WORDS,
    first_names,
    person_names,
    uk_places,
    world_places,
)
from qualbridge.tasks.deid.name_position import (
    DENIED,
    MODALS,
    NAMING_SCORE,
    PAST_OR_THIRD_PERSON,
    TOLD_BEFORE,
    followed_as_subject,
)
from qualbridge.tasks.deid.recasing import RELATIONS, TITLES, Vocabulary, in_shouted_run
from qualbridge.tasks.deid.social import drops_as_chat
from qualbridge.tasks.deid.wordlists import load_word_list

NAME_TYPES = frozenset({"PERSON", "ORGANIZATION", "LOCATION", "NRP"})
# Heads of job and role phrases ('Case Manager', 'Clinical Nurse Specialist', 'a Rabbi').
_ROLE_HEAD = re.compile(
    r"(?i)(?:\w+(?:ist|ician|iatrist|ologist|apist)|manager|worker|nurse|consultant|navigator"
    r"|officer|co-?ordinator|assistant|advis[oe]r|counsel+or|chaplain|rabbi|imam|priest|vicar"
    r"|pastor|surgeon|physician|paramedic|midwife|practitioner|technician|dietitian|physio"
    r"|receptionist|caseworker|mentor|volunteer|director|supervisor|teacher|tutor|solicitor"
    r"|lawyer|attorney|registrar|carer|clinician|doctor|lead|team|staff|driver|cleaner"
    r"|labourer|plumber|mechanic|chef|waiter|waitress|housekeeper|postman|caller|interpreter)s?"
)
_ROLE_SUFFIX = re.compile(r"(?i)\w+(?:ist|ician|iatrist|ologist|apist)s?")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
ORGANISATION_SHAPES = "OrganisationShapeRecognizer"
# Recognizers of listed values, never trimmed ('Methodist' from the group lexicon is no role).
# Recognizers whose spans are names by how they were found: a study's own list, a group, a
# name spelled out letter by letter ('O-G-U-N-D-I-P-E' is no acronym).
EXACT = ("StudyDeny", "GroupRecognizer", "SpelledNameRecognizer")
# Scientific and medical heads that make a name an eponym: 'Higgs boson', 'Crohn's disease'.
_EPONYM_HEAD = re.compile(
    r"(?:['’]s)?\s+(?:boson|disease|syndrome|effect|law|principle|theorem|equation|constant"
    r"|scale|test|sign|reflex|manoeuvre|maneuver|procedure|palsy|ulcer|phenomenon|paradox"
    r"|curve|distribution|algorithm|criteria|score|model)\b",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"[ \t]+[A-Za-z][\w\-]*")
_EPONYM_WITHIN = re.compile(r"(?:['’]s)?\s+" + _EPONYM_HEAD.pattern.split(r"\s+", 1)[1], re.I)
# Endings of drug and condition names (INN stems and clinical suffixes).
_CLINICAL = re.compile(
    r"(?i)\w{3,}(?:itis|osis|inoma|pathy|olol|pril|artan|statin|azole|cillin|mycin|cycline|dipine"
    r"|formin|amol|amols|prazole|oxetine|azepam|triptan|gliptin|sartan|profen|xaban|parin"
    r"|olone|asone|umab|inib|tidine|afil|lukast|semide|thiazide|codone|morphine|amine"
    r"|algia|aemia|uria|ectomy|otomy|plasty|scopy"
    # psychiatric drug stems: 'Paliperidone', 'Olanzapine', 'Sertraline', 'Zopiclone'
    r"|apine|idone|azine|iptyline|pramine|traline|afaxine|peridol|trigine|proate|azepine|pidem"
    r"|zolam|iclone)s?"
)
# A nationality naming a cuisine or a shop, not a person: 'a Chinese takeaway'.
_CUISINE_AFTER = re.compile(
    r"\s+(?:restaurant|takeaway|take-away|food|meal|place|shop|supermarket|cuisine|dish|curry"
    r"|buffet|café|cafe)s?\b",
    re.IGNORECASE,
)
_BREAK = re.compile(r"https?://|www\.|://")
_OPENING_WORD = re.compile(r"([^\W\d_][\w'’]*)[\s,!.]+")
_POSSESSIVE = re.compile(r"['’]s?\b")
# People in the speaker's care or life by role: 'Rose my carer comes in'.
_CARERS = frozenset(
    "carer neighbour neighbor friend partner nurse counsellor therapist landlady landlord"
    " colleague flatmate housemate boss sponsor mentor keyworker cpn".split()
)
# A determiner or preposition straight after: 'Mark my words', 'Bill after bill'; not a
# relation ('Daisy my sister').
_FUNCTION_WORD_AFTER = re.compile(
    r"\s+(?:my|your|his|her|our|its|their|the|a|an|after|of|for|into|about|this|that|these"
    r"|those|every)\b"
    rf"(?!,?\s+(?:{'|'.join(sorted(RELATIONS | _CARERS))})\b)"
)
_SENTENCE_START = re.compile(r"(?:^|[.?!]\s+|\n)\s*$")
# Verbs of getting in touch that are also surnames, said as a request: 'Ring Lindsey'.
_IMPERATIVES = frozenset("ring call phone text ask tell send email message".split())
_WORD_AFTER = re.compile(r",?[ \t]+[^\W\d_]")
_LOWER_WORD_AFTER = re.compile(r"[ \t]+([a-z][a-z'’\-]*)\b")
# Endings of verb forms that may follow a subject: 'Grace helped', 'Dawn picks me up'.
_VERB_ENDING = re.compile(r"(?:ed|s|'s|’s|'ll|'d|n't|ly)$")


@lru_cache(maxsize=1)
def _interjections() -> frozenset[str]:
    return load_word_list("interjections.txt")


@lru_cache(maxsize=1)
def _eponyms() -> frozenset[str]:
    return load_word_list("eponymous_conditions.txt")


_RELATION_AFTER = re.compile(r"\s+(?i:my|our)\s+(?:[a-z]+\s+)?([A-Za-z]+)\b")


def is_spoken_non_name(value: str, text: str, start: int, end: int) -> bool:
    """An interjection ('Gosh'), a condition named after someone ('had Parkinson's'), or a
    word that is also a name opening a sentence before a determiner or a word that cannot be
    its verb ('Mark my words', 'Grace period')."""
    word = value.casefold()
    if " " in word:
        return False
    if word in _interjections():
        return True
    if word in _eponyms() and _POSSESSIVE.match(text, end):
        return True
    at_start = bool(_SENTENCE_START.search(text, max(0, start - 4), start))
    if at_start and word in _IMPERATIVES and _WORD_AFTER.match(text, end):
        return not _verb_after(text, end)  # 'Ring Lindsey on ...', not 'Ring said'
    if word not in AMBIGUOUS_WORDS or not at_start:
        return False
    if _named_as_relation(text, end):
        return False  # 'dawn my key worker says', 'Sunny my grandson'
    return bool(_FUNCTION_WORD_AFTER.match(text, end)) or _no_verb_after(text, end)


def _named_as_relation(text: str, end: int) -> bool:
    """'my' and a relation or helper after the word, as one is introduced: 'dawn my key
    worker', 'Sunny my grandson'."""
    after = _RELATION_AFTER.match(text, end)
    return after is not None and after.group(1).casefold() in RELATIONS


def _verb_after(text: str, end: int) -> bool:
    """The next word is a lower-case verb form: 'Ring said'."""
    after = _LOWER_WORD_AFTER.match(text, end)
    return after is not None and (
        bool(_VERB_ENDING.search(after.group(1)))
        or after.group(1) in _verb_forms()
        or after.group(1) in DENIED
    )


def _no_verb_after(text: str, end: int) -> bool:
    """The next word is lower case and cannot be a verb: 'Grace period', 'Frank advice'."""
    after = _LOWER_WORD_AFTER.match(text, end)
    if after is None:
        return False
    following = after.group(1)
    if following in STOP_WORDS:
        return False  # determiners and pronouns are _FUNCTION_WORD_AFTER's to judge
    return not (_VERB_ENDING.search(following) or following in _verb_forms() or following in DENIED)


@lru_cache(maxsize=1)
def _verb_forms() -> frozenset[str]:
    return load_word_list("verb_forms.txt")


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    return frozenset(n.casefold() for n in first_names())


@lru_cache(maxsize=1)
def _person_names() -> frozenset[str]:
    return frozenset(n.casefold() for n in person_names())


# Nouns that label a place by its number: 'Room 12', 'Bed 3', 'Bay 4'.
_NUMBERED = re.compile(r"\s+\d+[a-z]?\b")
_LABELS = frozenset(
    "room ward bed bay flat floor level block unit gate platform bus route table door page"
    " chapter step line zone year week day number house".split()
)


def _is_label_or_kin(value: str, text: str, end: int) -> bool:
    """One word that labels a numbered place ('Room 12'), or a word for a relative or a
    person ('lad', 'Mum') standing alone."""
    word = value.casefold()
    if " " in word:
        return False
    return word in RELATIONS or (word in _LABELS and bool(_NUMBERED.match(text, end)))


def _shouted_name(value: str, text: str, start: int) -> bool:
    """A listed first name typed in capitals inside lower-case text ('me and ANNETTE') or in
    a run typed in capitals, which the recaser has read ('AMIR KEPT RINGING ME'); not an
    acronym nor any other word of a sentence typed in capitals."""
    word = value.casefold()
    if len(word) < 3 or word in STOP_WORDS:
        return False
    if in_shouted_run(text, start):
        return word in _person_names()
    rest = text.replace(value, " ")
    listed = word in _first_names() or word in _person_names() or word in AMBIGUOUS_WORDS
    return listed and sum(c.islower() for c in rest) > sum(c.isupper() for c in rest)


_THE_BEFORE = re.compile(r"(?i:\bthe)[ \t]+$")
# What a person in a role does next: 'the Sergeant said', 'the Kurator will call back'.
_ACTS_AFTER = re.compile(
    r"[ \t]+(?:(?:still|also|just|never|always|already)[ \t]+)?(?:said|says|asked|asks|told"
    r"|tells|thinks|thought|wants|wanted|reckons|reckoned|rang|rings|called|came|comes|gave"
    r"|sent|wrote|explained|insisted|agreed|refused|will|would|won['’]?t|can|could|should"
    r"|must|might|shall)\b"
)


def _role_after_the(value: str, text: str, start: int, end: int) -> bool:
    """One word after 'the' is no person's name, as names take no article: in lower case
    ('the reg is', 'the lamictal'), or capitalised and then acting as a person does ('the
    Ranger said'); a body or place typed as a person is left ('The Beacon, on Spring Bank')."""
    if " " in value or _THE_BEFORE.search(text, max(0, start - 8), start) is None:
        return False
    return value.islower() or _ACTS_AFTER.match(text, end) is not None


def is_role_phrase(value: str) -> bool:
    """A job or role ('Occupational Therapist'): a role head last, no first name in it."""
    words = _WORD.findall(value)
    if not words or len(words) > 5 or not _ROLE_HEAD.fullmatch(words[-1]):
        return False
    if _ROLE_SUFFIX.fullmatch(words[-1]) and words[-1].casefold() in _person_names():
        return False  # 'Lindqvist' ends like 'therapist' but is a surname
    return not any(w.casefold() in _first_names() for w in words)


def _cut(value: str) -> int:
    """Where a name span should end: before a URL or the first emoji or symbol."""
    url = _BREAK.search(value)
    end = url.start() if url else len(value)
    for i, ch in enumerate(value[:end]):
        if unicodedata.category(ch) in {"So", "Sk", "Cs"}:
            return i
    return end


def _leading_interjections(value: str) -> int:
    """How many characters of greeting or interjection open a name span of several words."""
    offset = 0
    while (word := _OPENING_WORD.match(value, offset)) and value[word.end() :].strip():
        if word.group(1).casefold() not in _interjections():
            break
        offset = word.end()
    return offset


# A speaker label opening a turn, at a line's start or after a sentence or a bracketed note
# ('[laughs] Int:'): a role ('Int:', 'Fac:'), a letter ('R:') or letters and a number ('P07:',
# 'CW4:'). Any other word there is a speaker named by name ('Zola:') and stays a name.
_SPEAKER_LABEL = re.compile(r"[A-Z]|[A-Z]{1,3}\d{1,3}")
_ROLE_LABELS = frozenset(
    "int interviewer fac facilitator mod moderator res researcher resp respondent part"
    " participant spk speaker".split()
)
_TURN_START = re.compile(r"(?:^|[.?!\]]\s+|\n)\s*$")


def is_speaker_label(value: str, text: str, start: int, end: int) -> bool:
    """A label that names a turn's speaker by role or number, not by name ('Int:', 'P07:')."""
    if text[end : end + 1] != ":" or not _TURN_START.search(text, max(0, start - 4), start):
        return False
    return bool(_SPEAKER_LABEL.fullmatch(value)) or value.casefold() in _ROLE_LABELS


def _describes_the_role(value: str) -> bool:
    """A place or a titled person before a role is no part of a job title: 'Bristol artists',
    'mrs patel interpreter'."""
    titled = value.split()[0].rstrip(".").casefold() in TITLES and " " in value
    return titled or value in uk_places() or value.casefold() in world_places()


def refine(detection: Detection, text: str) -> Detection | None:
    """The detection trimmed to its name, or None when it is a role, eponym or acronym."""
    if detection.entity_type not in NAME_TYPES or detection.recognizer.startswith(EXACT):
        return detection
    value = text[detection.start : detection.end]
    cut = _cut(value)
    lead = _leading_interjections(value[:cut])  # 'Hello Keziah': the name is 'Keziah'
    detection = replace(detection, start=detection.start + lead)
    value = value[lead:cut].rstrip()
    if not value.strip():
        return None
    end = detection.start + len(value)
    following = _NEXT_WORD.match(text, end)
    # A body named after its members is no role: 'Coldwell Carers', found by its shape.
    by_shape = detection.recognizer == ORGANISATION_SHAPES
    # A faith or group of the lexicon is no role for its ending: 'brought up buddhist'.
    group = detection.entity_type == "NRP" and word_key(value) in nrp_lexicon()
    if not (by_shape or group) and (
        is_role_phrase(value)
        or (
            following
            and is_role_phrase(value + following.group())
            and not _describes_the_role(value)
        )
    ):
        return None  # 'Audiologist', 'Case' of 'Case Manager'
    if _EPONYM_HEAD.match(text, end) or _EPONYM_WITHIN.search(value):
        return None
    if all(_CLINICAL.fullmatch(w) for w in _WORD.findall(value)):
        return None  # 'Metoprolol', 'Bursitis': drug and condition names by their endings
    kin = value.casefold() in RELATIONS  # 'Mom', 'stepdad', whatever type the tagger gave
    if (detection.entity_type == "PERSON" or kin) and _is_label_or_kin(value, text, end):
        return None  # 'Room 12', 'Bed 3', 'a 48-year-old lad'
    capitals = detection.entity_type == "PERSON" and value.isupper() and " " not in value
    if capitals and not _shouted_name(value, text, detection.start):
        return None  # an acronym: people are not written in capitals alone
    if detection.entity_type == "PERSON" and _role_after_the(value, text, detection.start, end):
        return None  # 'the Sergeant said', 'the Kurator will call back'
    if is_spoken_non_name(value, text, detection.start, end):
        return None
    if is_speaker_label(value, text, detection.start, end):
        return None  # 'Int:', 'P07:': who speaks, by role or number, taken for any name
    if detection.score < NAMING_SCORE and drops_as_chat(value, detection.recognizer):
        return None  # 'Lmao', 'WTF', 'Hahaha': chat speak, capitalised or not
    if detection.entity_type == "NRP" and _CUISINE_AFTER.match(text, end):
        return None  # 'a Chinese takeaway'
    if word_key(value) in nrp_lexicon() and names_a_language(text, detection.start, end):
        return None  # 'speaks Polish', 'English lessons', 'in English', whatever its type
    if len(value) == detection.end - detection.start:
        return detection
    return Detection(
        detection.start, detection.start + len(value), detection.entity_type,
        detection.score, detection.recognizer,
    )  # fmt: skip


# Types the model or a word list may wrongly give to the label before a number ('my SSN is').
_CUE_PRONE_TYPES = frozenset({"ORGANIZATION", "PERSON", "NRP", "LOCATION"})


# What follows a label: a number, perhaps after 'number', 'is' or a colon ('my pps is 65249').
_BEFORE_A_NUMBER = re.compile(
    r"(?:\s+(?:number|no\.?|num))?(?:\s+(?:is|was|as)|['’]s|:)?\s*(?=[A-Za-z]{0,2}\s?\d)"
)
_MAX_ACRONYM = 6


def label_acronyms(context_words: Iterable[str]) -> frozenset[str]:
    """The one-word labels recognizers use as context or cue ('ssn', 'iban', 'medicare'),
    lower case."""
    return frozenset(w.casefold() for w in context_words if w.isalpha() and 2 <= len(w) <= 12)


def is_identifier_label(detection: Detection, text: str, labels: Container[str]) -> bool:
    """A word that names an identifier, not an org or a person: an acronym in capitals
    ('SSN', 'IBAN'), or a label in any case before the number ('my medicare is 3746...')."""
    value = text[detection.start : detection.end]
    if detection.entity_type not in _CUE_PRONE_TYPES or value.casefold() not in labels:
        return False
    if value.isupper() and len(value) <= _MAX_ACRONYM:
        return True
    return _BEFORE_A_NUMBER.match(text, detection.end) is not None


# Recognizers that guess a name from context or from a word's shape alone.
_TAGGERS = frozenset({"SpacyRecognizer", "PlaceAfterCueRecognizer"})


# An object right after a word: the word is its verb ('mark it down', 'pat yourself').
_OBJECT_AFTER = re.compile(
    r"\s+(?:it|yourself|myself|himself|herself|themselves|ourselves|them|him|me|us)\b"
)
_NEXT_LOWER_WORD = re.compile(r"\s+([a-z]+)\b")
# Before these a name is listed or spoken to, whatever follows it ('me and mark it was').
_NAME_CUES = frozenset("and with told asked".split())


def is_tagged_everyday_word(detection: Detection, text: str, vocabulary: Vocabulary) -> bool:
    """One lower-case stop word inside a sentence that the tagger took for a name or place
    ('from over the counter'), or a lower-case verb before its object ('mark it down'); never
    a stop word that is also a name ('me and will'). A lower-case modal before a verb is the
    modal, whoever found it ('my sister may come round')."""
    value = text[detection.start : detection.end]
    if _modal_before_verb(value, text, detection.end, vocabulary):
        return True
    if detection.recognizer not in _TAGGERS:
        return False
    if _verb_before_object(value, text, detection, vocabulary):
        return True
    if not value.isalpha() or not value.islower() or value not in STOP_WORDS:
        return False
    if _SENTENCE_START.search(text, max(0, detection.start - 4), detection.start):
        return False
    if _after_relation(text, detection.start) and followed_as_subject(text, detection.end):
        return False  # 'my sister may found me': a relation named, then what she did
    return value not in vocabulary.all_first_names and value not in load_word_list(
        "word_first_names.txt"
    )


# Words that open a new clause, never the verb a modal goes with: 'thanks will so what'.
_NO_VERB_AFTER_MODAL = frozenset(
    "so then too and but or yeah right what how who why when if".split()
)


def _modal_before_verb(value: str, text: str, end: int, vocabulary: Vocabulary) -> bool:
    """'may come', 'will be': a modal and the verb it goes with ('may found' and 'will will'
    are names)."""
    if value not in MODALS:
        return False
    if TOLD_BEFORE.search(text, max(0, end - len(value) - 12), end - len(value)):
        return False  # 'i told will about it'
    after = _NEXT_LOWER_WORD.match(text, end)
    return (
        after is not None
        and after.group(1) in vocabulary.non_nouns
        and after.group(1) not in MODALS
        and after.group(1) not in _NO_VERB_AFTER_MODAL
        and not followed_as_subject(text, end)
        and not re.fullmatch(PAST_OR_THIRD_PERSON, after.group(1))  # 'will turned up'
    )


def _after_relation(text: str, start: int) -> bool:
    """A relation word right before: 'my sister may'."""
    before = text[max(0, start - 16) : start].split()
    return bool(before) and before[-1].casefold() in RELATIONS


def _verb_before_object(
    value: str, text: str, detection: Detection, vocabulary: Vocabulary
) -> bool:
    """A lower-case word with a verb reading, taken for a person, before its object."""
    if detection.entity_type != "PERSON" or not value.isalpha() or not value.islower():
        return False
    before = text[max(0, detection.start - 12) : detection.start].split()
    if before and before[-1].casefold() in _NAME_CUES:
        return False
    return value in vocabulary.non_nouns and bool(_OBJECT_AFTER.match(text, detection.end))
