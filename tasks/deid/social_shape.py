"""Whether a text is shaped like a social-media post: tags, handles, links, emoji, chat speak.

Interview transcripts never carry these marks, so rules that only hold for online writing
(misspellings, lower-case slang taken for names) key on this per document.
"""

from __future__ import annotations

import re
import unicodedata

from qualbridge.tasks.deid.filters import NER_RECOGNIZER, Detection
from qualbridge.tasks.deid.recasing import Vocabulary
from qualbridge.tasks.deid.social import is_chat_word

# '#tag' or an emoticon such as ':)', ';D', ': 3', '<3'. Links and handles are no sign:
# people read them out in interviews too.
_MARKUP = re.compile(r"(?<![\w#&])#[^\W\d_]\w+|(?<!\w)[:;=]\s?-?[)(\]\[DPpO3/|]+(?!\w)|<3")
# Shouted or drawn-out punctuation: '!!', '??', '?!'; transcripts end a sentence once.
_EXCLAIMED = re.compile(r"[!?]{2,}")
# Online spellings no transcriber uses: 'plz', 'imma'. Not 'u' or 'ur': a spelled-out letter,
# a hesitation.
_ONLINE_WORDS = frozenset("plz pls imma ima tho thx".split())
# Chat words a transcriber also writes for speech ('yeah', 'oh', 'hmm'): no sign of a post.
_SPOKEN = frozenset(
    "oh ooh so wow whoa woah yay yeah yea yes no ok okay aw aww hmm geez jeez gah ugh psst meh "
    "nah ya bro fam brah luv fr af dm".split()
)
_WORD = re.compile(r"(?<![/\w])[^\W\d_]+(?![/\w])")


# Symbols below the arrows block are typography ('°', '©', '™'), not emoji.
_FIRST_PICTOGRAPH = 0x2190


def has_emoji(text: str) -> bool:
    """Whether any character is a pictograph or other symbol (emoji, hearts, arrows)."""
    return any(ord(c) >= _FIRST_PICTOGRAPH and unicodedata.category(c) == "So" for c in text)


def is_social_text(text: str) -> bool:
    """A post, not speech: a hashtag, an emoticon or emoji, '!!', or online chat words."""
    if _MARKUP.search(text) or _EXCLAIMED.search(text) or has_emoji(text):
        return True
    words = [w.casefold() for w in _WORD.findall(text)]
    return any(w in _ONLINE_WORDS or (w not in _SPOKEN and is_chat_word(w)) for w in words)


UNKNOWN_WORD_RECOGNIZER = "UnknownWordNameRecognizer"
_GUESSING_RECOGNIZERS = frozenset({NER_RECOGNIZER, UNKNOWN_WORD_RECOGNIZER})
_NAME_TYPES = frozenset({"PERSON", "ORGANIZATION"})


def is_lowercase_guess(detection: Detection, text: str, vocabulary: Vocabulary) -> bool:
    """In a post, one lower-case word taken for a name only for being unknown (a misspelling
    such as 'borring') or by the tagger though a dictionary has it ('vid', 'thingy'); a listed
    name stays."""
    if (
        detection.recognizer not in _GUESSING_RECOGNIZERS
        or detection.entity_type not in _NAME_TYPES
    ):
        return False
    value = text[detection.start : detection.end]
    if not value.isalpha() or not value.islower():
        return False
    word = value.casefold()
    if word in vocabulary.first_names or word in vocabulary.surnames:
        return False
    if detection.recognizer == NER_RECOGNIZER and word not in vocabulary.dictionary:
        return False  # 'kapil': the tagger read an unknown word as a name from its context
    return is_social_text(text)
