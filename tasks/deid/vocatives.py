"""Names typed in lower case after a greeting or thanks: 'hey tanner', 'poor emily', 'thx jo'.

Posts address people by first name, often in lower case, where the tagger reads capitals. A
listed first name right after a greeting, thanks or sympathy is taken as a name even when it
is also a word ('hey tanner'), unless it is a stop word or chat speak ('hey you', 'hey lol').
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from qualbridge.tasks.deid.recasing import Vocabulary
from qualbridge.tasks.deid.social import is_chat_word
from qualbridge.tasks.deid.wordlists import load_word_list

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


# After a first name that is also a word, these say the word is the sentence's ('hi hope you're
# well', 'thanks grace to God').
_WORD_GOES_ON = re.compile(
    r"\s+(?:you|your|you're|youre|u|ur|all|everyone|it|this|that|to|so|for)\b"
)


def find_vocative_names(text: str, vocabulary: Vocabulary) -> Iterator[tuple[int, int]]:
    """Offsets of lower-case listed first names right after a greeting, thanks or 'poor'; a
    name that is also a word ('hi precious come in') where the word does not go on."""
    word_names = load_word_list("word_first_names.txt")
    for match in _VOCATIVE.finditer(text):
        name = match.group("name")
        if name in STOP_WORDS or name in _ADDRESS_WORDS or is_chat_word(name):
            continue
        if name in word_names:
            if not _WORD_GOES_ON.match(text, match.end("name")):
                yield match.span("name")
        elif name in vocabulary.first_names:
            yield match.span("name")
