"""Social-media text: hashtags that spell a person's name, chat speak, shouted or opening words.

User names after '@' or 'u/' are masked elsewhere (the handle and structure recognizers).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterator
from functools import lru_cache

from qualbridge.tasks.deid.big_places import big_place_names
from qualbridge.tasks.deid.filters import NER_RECOGNIZER, Detection
from qualbridge.tasks.deid.gazetteers import (
    AMBIGUOUS_WORDS,
    first_names,
    person_names,
    world_places,
)
from qualbridge.tasks.deid.recasing import Vocabulary
from qualbridge.tasks.deid.wordlists import load_word_list

_HASHTAG = re.compile(r"(?<![\w#&])#(?P<body>[^\W\d_][\w]{2,40})")
_CAMEL_PART = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|[a-z]+|\d+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Laughter and drawn-out letters: 'hahaha', 'lolol', 'kkkkk', 'xD', 'Aaawww', 'Sooo'.
_LAUGHTER = re.compile(
    # 'jajaja', 'jeje'; 'jojo' twice is a name (JoJo), three times laughter.
    r"(?=\w*h)(?=\w*[ae])(?:[ah]{4,}|[he]{4,})|(?:lo)+l|k{3,}|x+d+|(?:j[ae]){2,}|(?:jo){3,}"
)
_DRAWN_OUT = re.compile(r"(\w)\1\1+")
# What may stand before a sentence's first word: nothing, a full stop, a newline, or an emoji.
_OPENS_SENTENCE = re.compile(r"(?:^|[.?!:;\n]|[^\w\s,'’\"()\-])[\s\"“(]*$")
_POSSESSIVE = re.compile(r"['’]s\b")
_SHOUTED_OR_OPENING_TYPES = frozenset({"PERSON", "ORGANIZATION", "NRP"})
MAX_PARTS = 3
MIN_PART = 3
HASHTAG_SCORE = 0.6
NAME_HASHTAG_RECOGNIZER = "NameHashtagRecognizer"


@lru_cache(maxsize=1)
def chat_words() -> frozenset[str]:
    """Chat abbreviations and interjections of online writing ('lol', 'smh', 'bruh'). Lower case."""
    return load_word_list("chat_words.txt")


def _plain(word: str) -> bool:
    return word in chat_words() or bool(_LAUGHTER.fullmatch(word))


def is_chat_word(word: str) -> bool:
    """A chat word or laughter, drawn out or not ('Lmao', 'Aaawww'); a drawn-out name
    ('Emilyyy') is still a name."""
    folded = word.casefold()
    if any(ch.isupper() for ch in word[1:]) and not word.isupper():
        return False  # capitals inside a word are a name's ('JoJo', 'DeShawn'), not chat
    if _plain(folded):
        return True
    if not _DRAWN_OUT.search(folded):
        return False
    return _plain(_DRAWN_OUT.sub(r"\1", folded)) or _plain(_DRAWN_OUT.sub(r"\1\1", folded))


def is_chat_speak(value: str) -> bool:
    """Every word of the span is chat speak ('Lmao', 'WTF', 'lol omg')."""
    words = _WORD.findall(value)
    return bool(words) and all(is_chat_word(w) for w in words)


def drops_as_chat(value: str, recognizer: str) -> bool:
    """A detected span that is chat speak, unless it is a name hashtag this module found."""
    return recognizer != NAME_HASHTAG_RECOGNIZER and is_chat_speak(value)


@lru_cache(maxsize=1)
def _name_words() -> frozenset[str]:
    """Every listed first name and surname, and the words that are also names, lower case."""
    return frozenset(n.casefold() for n in (*person_names(), *first_names())) | AMBIGUOUS_WORDS


# Verbs of saying and calling after a word: only a person does them.
_SAYING_AFTER = re.compile(
    r"\s+(?:said|says|asked|asks|told|tells|rang|rings|reckons|reckoned|texted|phoned|messaged"
    r"|emailed|messages|texts|wrote|writes|visits|visited)\b"
)


def is_everyday_capital(detection: Detection, text: str, dictionary: Container[str]) -> bool:
    """One dictionary word, no name, that the tagger took for a name only for its capitals:
    it opens a sentence ('Idiot needs...', 'Loved this') or is shouted ('keep up the NICE work')."""
    if detection.recognizer != NER_RECOGNIZER:
        return False
    if detection.entity_type not in _SHOUTED_OR_OPENING_TYPES:
        return False
    value = text[detection.start : detection.end]
    word = value.casefold()
    if len(value) < 3 or not value.isalpha() or word not in dictionary or word in _name_words():
        return False
    if value.isupper():
        return len(value) >= 4  # 'NJ', 'SS', 'NHS': short capitals are acronyms
    if _POSSESSIVE.match(text, detection.end):
        return False  # 'Mags's been clean': an everyday word does not own things
    if _SAYING_AFTER.match(text, detection.end):
        return False  # 'bola asked me to tell you': a person says and asks
    # A bounded look-back ('^' still means the text's start): linear however long the line.
    return bool(_OPENS_SENTENCE.search(text, max(0, detection.start - 80), detection.start))


def _segment(body: str, is_name: Callable[[str], bool]) -> list[str] | None:
    """Split a run-together lower-case body into at most MAX_PARTS names, longest first."""
    if is_name(body):
        return [body]
    for cut in range(len(body) - MIN_PART, MIN_PART - 1, -1):
        head = body[:cut]
        if is_name(head):
            rest = _segment(body[cut:], is_name)
            if rest is not None and len(rest) < MAX_PARTS:
                return [head, *rest]
    return None


def name_parts(body: str, vocabulary: Vocabulary) -> list[str] | None:
    """The hashtag body as the parts of a person's name, or None when it is not one."""

    def is_name(part: str) -> bool:
        word = part.casefold()
        return word in vocabulary.first_names or word in vocabulary.surnames

    camel = _CAMEL_PART.findall(body)
    parts = camel if len(camel) > 1 else _segment(body.casefold(), is_name)
    if not parts or not all(is_name(p) for p in parts):
        return None
    if len(parts) == 1:  # '#grace', '#love': a lone everyday word is more likely a topic
        return None if parts[0].casefold() in vocabulary.dictionary else parts
    # 'JohnSmith' opens with a first name; 'BlackFriday' does not.
    return parts if parts[0].casefold() in vocabulary.first_names else None


@lru_cache(maxsize=1)
def _run_together_places() -> frozenset[str]:
    """Every listed world place with its spaces taken out, as a hashtag writes it."""
    return frozenset(place.replace(" ", "") for place in world_places())


def is_place_hashtag(body: str, vocabulary: Vocabulary) -> bool:
    """The hashtag body names a listed place ('#Leeds', '#NewYork', '#losangeles'); one word
    in lower case is read as a word ('#sunshine' is also a town)."""
    word = body.casefold()
    # '#glasgow' is a city the dictionary lists too; '#sunshine' and '#reading' are words
    city = word in big_place_names() and word not in vocabulary.non_nouns
    if body.islower() and word in vocabulary.dictionary and not city:
        return False
    spaced = " ".join(_CAMEL_PART.findall(body)).casefold()
    return spaced in vocabulary.places or spaced in world_places() or word in _run_together_places()


def is_word_hashtag(detection: Detection, text: str, vocabulary: Vocabulary) -> bool:
    """A whole hashtag taken for a name that holds no first name and spells no name or place:
    everyday words with a listed surname among them ('#sunshine', '#MondayMotivation')."""
    if detection.entity_type != "PERSON" or not text.startswith("#", detection.start):
        return False
    match = _HASHTAG.fullmatch(text, detection.start, detection.end)
    if match is None:
        return False
    body = match.group("body")
    if any(p.casefold() in vocabulary.first_names for p in _CAMEL_PART.findall(body)):
        return False  # '#TeamSarah'
    return name_parts(body, vocabulary) is None and not is_place_hashtag(body, vocabulary)


def find_place_hashtags(text: str, vocabulary: Vocabulary) -> Iterator[tuple[int, int]]:
    """Offsets of hashtag bodies that name a listed place ('#glasgow', '#NewYork')."""
    for match in _HASHTAG.finditer(text):
        if is_place_hashtag(match.group("body"), vocabulary):
            yield match.start("body"), match.end("body")


def find_name_hashtags(text: str, vocabulary: Vocabulary) -> Iterator[tuple[int, int]]:
    """Offsets of hashtag bodies that spell a person's name ('#JohnSmith', '#emmawatson')."""
    for match in _HASHTAG.finditer(text):
        if name_parts(match.group("body"), vocabulary):
            yield match.start("body"), match.end("body")
