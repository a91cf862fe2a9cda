"""Speakers named in the label that opens their turn ('Paddy: Walking.', 'May: No, ta.').

A label is the speaker's name or role; roles and numbered labels ('Interviewer:', 'P07:') are
left alone, and any listed name or word no dictionary knows is taken as the speaker's name,
even one that is also an everyday word, since a turn is never opened by a month or a virtue.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from qualbridge.tasks.deid.precision import is_role_phrase
from qualbridge.tasks.deid.recasing import RELATIONS, Vocabulary
from qualbridge.tasks.deid.structure import word_first_names

# One or two capitalised words before a colon, where a line, sentence or bracketed note ends.
_LABEL = re.compile(
    r"(?:^|\n|[.?!\]][ \t]+)[ \t]*(?P<value>[A-Z][a-z'’\-]+(?:[ \t]+[A-Z][a-z'’\-]+)?)(?=:[ \t])"
)
# Words that label a turn by role or kind, not by name.
ROLE_WORDS = frozenset(
    """int interviewer fac facilitator mod moderator res researcher resp respondent part
    participant spk speaker therapist counsellor client patient nurse doctor worker carer
    note notes question answer transcriber transcript time date location site study session
    group all both everyone others other unknown unidentified male female man woman child
    parent staff volunteer peer chair host caller operator agent officer advisor adviser
    practitioner clinician consultant lead mentor coach tutor teacher pharmacist gp
    summary comment comments observer observation context setting total""".split()
)


def find_speaker_names(text: str, vocabulary: Vocabulary) -> Iterator[tuple[int, int]]:
    """Each turn label made of a name: a listed first name, a listed surname with no everyday
    reading ('Edit:' is a Hungarian name, and a post's note), or a word no dictionary knows."""
    for m in _LABEL.finditer(text):
        words = [w.casefold() for w in m.group("value").split()]
        if any(w in ROLE_WORDS or w in RELATIONS for w in words):
            continue
        if is_role_phrase(m.group("value")):
            continue
        surname = words[0] in vocabulary.surnames and words[0] not in vocabulary.dictionary
        listed = words[0] in vocabulary.all_first_names or words[0] in word_first_names()
        if listed or surname or vocabulary.is_unknown(words[0]):
            yield m.span("value")
