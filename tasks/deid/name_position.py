"""Whether an everyday word that is also a found name part is said as that name here.

'Hope Marsh' found in one turn makes 'hope just got it' and 'marsh never rushed' her, but
not 'I hope so' or 'on the marsh'. The word reads as a name when nothing before it makes it a
common word (a determiner, preposition, subject pronoun or auxiliary) and what follows is what
follows a person: a verb of the clause it is the subject of, or the end of a clause after a
verb that takes a person ('I told will.').
"""

from __future__ import annotations

import re

# After these, the word is a noun, verb or adjective of its own: 'the summer', 'I hope'.
_WORD_BEFORE = frozenset(
    """a an the this that these those some any no every each another such what which whose
    my your his its our their of in on at for from into onto to by about than over under
    through during since until till near across like as i you we they it he she one
    will would shall should can could may might must do does did don't didn't doesn't not
    be been being is was are were am 's 're 've very so too more most less much""".split()
)
# What a person said as a subject is followed by: the clause's verb or an adverb before it.
_NAME_AFTER = frozenset(
    """was is 's has had have said says told tells asked asks just never always would could
    can did does didn't doesn't wasn't isn't hasn't hadn't won't wouldn't couldn't can't
    came comes went goes got gets rang rings called calls phoned texted emailed knew knows
    thought thinks helped helps sat sits made makes gave gives took takes wanted wants sounds
    sounded seemed seems really also still used kept keeps listened listens understood
    understands remembered explained explains looked looks felt feels walked left stayed
    arrived visited tried tries showed shows sent brought let lets saw sees heard hears met
    meets spoke speaks talked talks picked drove drives ran runs works worked lives lived
    stays stayed wrote writes checked checks sorted reckons reckoned found finds set sets""".split()
)
# Verbs and cues after which a person is named as the object: 'I told will', 'me and hope'.
_PERSON_BEFORE = frozenset(
    """told asked rang phoned texted called met saw thanked visited messaged emailed with
    and""".split()
)
MODALS = frozenset("may might must can could shall should will would".split())
# Denied auxiliaries as speech recognisers write them, without the apostrophe: 'mark hasnt rung'.
DENIED = frozenset(
    "isnt wasnt hasnt hadnt doesnt didnt wont cant couldnt wouldnt shouldnt havent arent werent"
    " aint".split()
)
# A name said to be one ('her name was Joy Ward', 'its ty by the way') outranks a shape guess
# on the same words ('Joy Ward' is no ward) and any reading of the word as chat ('ty').
NAMING_SCORE = 0.95
_AUXILIARIES = frozenset("did does do has have had is was were will would can could".split())
_QUESTION_OPENERS = frozenset("how why when where what and so but or then".split())
_TURN_END = re.compile(r"\s*(?:[?!.]|$)")
_PRONOUN_AFTER = re.compile(r"\s+(?:I|i|he|she|we|they|you)\b")
_WORD = re.compile(r"[\w'’]+")
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)\-–—]|$)")
# Verbs whose object is a person, straight before a name: no modal stands there ('i told will
# about it').
TOLD_BEFORE = re.compile(
    r"(?i)\b(?:told|tell|tells|asked|ask|asks|texted|text|texts|rang|ring|rings|messaged"
    r"|phoned|visited|visit|visits)\s+$"
)
# Verb forms no modal goes before: a regular past ('turned', not 'need'), a common irregular
# past, or a third person's present ('gets', 'comes'). 'will turned up' is a person.
PAST_OR_THIRD_PERSON = (
    r"[a-z]{2,}[^e\W]ed|came|went|said|says|rang|rung|rings|goes|gets|got|told|comes|lives"
    r"|works|drove|took|gave|left|brought|knew|stays|reckons"
)


def said_as_name(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], an everyday word, stands where a person's name stands."""
    value = text[start:end]
    near = _WORD.findall(text[max(0, start - 8) : start].casefold())
    if value.islower() and value in _AUXILIARIES and _AUXILIARIES.intersection(near):
        return False  # 'Will will be back': the second 'will' is the verb
    head = text[max(0, start - 40) : start].rstrip()
    before = _WORD.findall(head)
    # After a comma or full stop the word opens a clause: what came before does not bear on it.
    opens_clause = not head or head[-1] in ",.;:!?"
    previous = "" if opens_clause or not before else before[-1].casefold().replace("’", "'")
    if value[:1].isupper() and head and head[-1] not in ".!?:" and not value.isupper():
        return True  # capitalised inside a sentence: 'having Will there', 'yes, Rose did'
    if previous in _WORD_BEFORE:
        return _asked_about(before, head, text, end)
    if len(value) >= 3 and value.isupper():
        return True  # a found name shouted: 'yeah DAWN and Steve both knew'
    if head.endswith(",") and _TURN_END.match(text, end):
        return True  # called by name at the end: 'how's the week been, precious?'
    if end < len(text) and text[end] in "'’":
        return True  # a possessive: 'hope's mum'
    if followed_as_subject(text, end) or _verb_form_after(text, end):
        return True
    return previous in _PERSON_BEFORE and bool(
        _CLAUSE_END.match(text, end) or _PRONOUN_AFTER.match(text, end)
    )


def after_person_cue(text: str, start: int) -> bool:
    """Whether the word before `start` names a person as its object: 'went with kiran'."""
    before = _WORD.findall(text[max(0, start - 20) : start].casefold())
    head = text[max(0, start - 20) : start].rstrip()
    return bool(before) and head[-1:].isalpha() and before[-1] in _PERSON_BEFORE


def _asked_about(before: list[str], head: str, text: str, end: int) -> bool:
    """A question put about the person: 'How did ming react?', 'And did hope ever visit?'.
    The auxiliary opens the question (after a question word, a conjunction or a clause's
    start), and a word follows the name."""
    if not before or before[-1].casefold() not in _AUXILIARIES:
        return False
    opener = before[-2].casefold() if len(before) > 1 else ""
    at_start = len(before) == 1 or head[: head.rfind(before[-1])].rstrip()[-1:] in ",.;:!?"
    return (at_start or opener in _QUESTION_OPENERS) and not _CLAUSE_END.match(text, end)


def _verb_form_after(text: str, end: int) -> bool:
    """A past verb form after the word, as its subject's verb: 'lily reorganised my kitchen'
    (a word ending in -s may be a plural: 'summer holidays')."""
    after = _WORD.match(text, _skip_space(text, end))
    return after is not None and len(after.group()) > 4 and after.group().endswith("ed")


def followed_as_subject(text: str, end: int) -> bool:
    """Whether the word after `end` is what follows a person as the subject: 'would', 'said'."""
    after = _WORD.match(text, _skip_space(text, end))
    if after is None:
        return False
    return after.group().casefold().replace("’", "'") in _NAME_AFTER


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position
