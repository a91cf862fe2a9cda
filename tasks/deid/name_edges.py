"""Name spans grown to the edges a post writes them with: '#Bangkok', 'the Apollo', 'Lindsay Lohan'.

The tagger often finds one word of a name ('Lohan', 'York', 'Stadium' missing) or leaves out
the hashtag sign and the article that belong to it. A found name takes in a '#' right before
it, a 'the' before a capitalised name, a place word typed after a place or body in lower case
('Hollins campus'), and up to two capitalised words beside it on the same line, unless the
line is written in title case or capitals (every word capitalised says nothing about names)
or the word beside it is a stop word, a weekday, a month or a greeting.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from qualbridge.tasks.deid.coordinated_names import coordinated_names
from qualbridge.tasks.deid.filters import Detection, merge_overlaps
from qualbridge.tasks.deid.recasing import ABBREVIATED_TITLES, Vocabulary, after_sentence_end
from qualbridge.tasks.deid.social import is_chat_word
from qualbridge.tasks.deid.wordlists import load_word_list

EDGE_TYPES = frozenset({"PERSON", "ORGANIZATION", "LOCATION"})
MAX_SIDE_WORDS = 2
# A body's name runs longer: 'Conwy' found, 'Community Nursing Team' after it.
MAX_BODY_WORDS_AFTER = 3
# Beyond this share of capitalised words the line is title case or shouted.
MAX_CAPITALISED_SHARE = 0.5
MIN_LINE_WORDS = 3  # fewer words say nothing about how the line is cased
WINDOW = 160
_THE_BEFORE = re.compile(r"(?<![\w'’])(?:the|The)[^\S\n]+$")
_WORD_AFTER = re.compile(r"[^\S\n]+(?P<word>[A-Z][a-z][\w'’]*|[A-Z]{2,}\b|[A-Z]\b)")
_WORD_BEFORE = re.compile(r"(?<![\w'’#@.&-])(?P<word>[A-Z][a-z][\w'’]*|[A-Z]{2,})[^\S\n]+$")
_LINE_WORD = re.compile(r"[^\W\d_]{4,}")
_LINK_AFTER = re.compile(r"[^\S\n]+(?:of|for|and|&)(?=[^\S\n]+[A-Z])")
_ARTICLE = re.compile(r"(?:the|The)[^\S\n]+")
# A saint's name before a found name, in any case: 'st casimirs', 'St. Cuthbert's'; with its
# possessive and a place word after it ('st patrick's', 'st. ambrose parish hall').
_SAINT_BEFORE = re.compile(r"(?<![\w'’])(?i:st\.?|saint)[^\S\n]+$")
_POSSESSIVE_AFTER = re.compile(r"['’]s?(?![\w'’])")
_SAINT_HEAD = re.compile(
    r"(?i)[^\S\n]+(?:(?:parish|catholic|primary|junior|infant|high|community)[^\S\n]+){0,2}"
    r"(?:church|hall|school|primary|hospital|hospice|college|academy|centre|center|chapel)"
    r"(?![\w'’-])"
)
# A name's particle before another capitalised part: 'Jordi Casals i Riera', 'Ard na Gréine',
# 'Hospital del Mar'.
_PARTICLE_AFTER = re.compile(
    r"[^\S\n]+(?:de|del|della|der|den|di|da|dos|das|du|la|le|van|von|y|i|na|bin|al|el|ter)"
    r"(?=[^\S\n]+[A-Z])"
)
# What a place or body typed in lower case after its name is: 'Hollins campus', 'Kerr bay'.
_PLACE_HEAD = re.compile(
    r"[^\S\n]+(?:national[^\S\n]+|community[^\S\n]+|city[^\S\n]+)?"
    r"(?:center|centre|campus|bay|park|stadium|arena|airport|station|mall|beach|lake|river"
    r"|island|valley|hall|hospital|college|university|museum|library|theatre|theater"
    r"|hotel|square|bridge|field|forest|county|district|border)(?![\w'’-])"
)
_HEADED_TYPES = frozenset({"LOCATION", "ORGANIZATION"})
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today tonight tomorrow "
    "january february march april may june july august september october november december "
    "christmas easter".split()
)


@lru_cache(maxsize=1)
def _greetings() -> frozenset[str]:
    """Interjections and greetings that open a sentence before a name ('Hi', 'Thanks')."""
    return load_word_list("interjections.txt") | frozenset(
        "hi hey hello thanks thank dear congrats congratulations love miss poor go yo".split()
    )


def is_capitalised_line(text: str, start: int, end: int) -> bool:
    """Whether most longer words on the name's line, the name left out, start with a capital
    (title case, shouting); a line of too few words is not judged."""
    line_start = text.rfind("\n", max(0, start - WINDOW), start) + 1
    line_end = text.find("\n", end, end + WINDOW)
    after = text[end : line_end if line_end >= 0 else min(len(text), end + WINDOW)]
    words = _LINE_WORD.findall(text[line_start:start]) + _LINE_WORD.findall(after)
    capitalised = sum(1 for w in words if w[0].isupper())
    return len(words) >= MIN_LINE_WORDS and capitalised / len(words) > MAX_CAPITALISED_SHARE


def _may_join(word: str, name: str) -> bool:
    """A capitalised neighbour that may be part of the name: written in the name's own case,
    and no stop word, calendar word, greeting or chat word."""
    folded = word.casefold()
    if word.isupper() != name.isupper() and len(word) > 1:
        return False
    if folded in STOP_WORDS or folded in _CALENDAR or folded in _greetings():
        return False
    return not is_chat_word(folded)


def _grow_right(text: str, end: int, name: str, joined: bool = False) -> int:
    """Up to two capitalised words after the name; a body or place also takes 'of', 'for' or
    'and' with the capitalised word after it ('Church of Jesus Christ')."""
    for _ in range(MAX_BODY_WORDS_AFTER if joined else MAX_SIDE_WORDS):
        link = (_LINK_AFTER.match(text, end) if joined else None) or _PARTICLE_AFTER.match(
            text, end
        )
        match = _WORD_AFTER.match(text, link.end() if link else end)
        if match is None or not _may_join(match.group("word"), name):
            break
        end = match.end()
    return end


def _grow_left(text: str, start: int, name: str, vocabulary: Vocabulary) -> int:
    for _ in range(MAX_SIDE_WORDS):
        match = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if match is None or not _may_join(match.group("word"), name):
            break
        opens = match.start() == 0 or after_sentence_end(text, match.start())
        if opens and match.group("word").casefold() in vocabulary.dictionary:
            break  # 'Yesterday Sarah rang': a sentence's first word is capitalised anyway
        start = match.start()
    return start


def with_name_edges(detection: Detection, text: str, vocabulary: Vocabulary) -> Detection:
    """The name grown over capitalised words beside it and a place word typed after it in
    lower case ('campus'), then its 'the' or '#' before it."""
    if detection.entity_type not in EDGE_TYPES or not text[detection.start : detection.end]:
        return detection
    start, end = detection.start, detection.end
    # A body found with its article ('the Conwy Community Nursing') is judged by its name.
    found_with = _ARTICLE.match(text, start, end)
    name = text[found_with.end() if found_with else start : end] or text[start:end]
    if name[0].isupper() and not is_capitalised_line(text, start, end):
        start = start if found_with else _grow_left(text, start, name, vocabulary)
        end = _grow_right(text, end, name, detection.entity_type in _HEADED_TYPES)
    head = _PLACE_HEAD.match(text, end) if detection.entity_type in _HEADED_TYPES else None
    end = head.end() if head and name[0].isupper() else end
    detection, start, end = _with_saint(detection, text, start, end)
    if text[start - 1 : start] == "#" and not text[start - 2 : start - 1].isalnum():
        start -= 1
    elif text[start : start + 1].isupper():
        article = _THE_BEFORE.search(text, max(0, start - 8), start)
        start = article.start() if article else start
    if (start, end) == (detection.start, detection.end):
        return detection
    return replace(detection, start=start, end=end)


def _with_saint(
    detection: Detection, text: str, start: int, end: int
) -> tuple[Detection, int, int]:
    """After a saint's name the name is a church, school or hospital named after the saint, or
    a place: it takes the saint, its possessive and a place word after it."""
    saint = _SAINT_BEFORE.search(text, max(0, start - 8), start)
    if saint is None:
        return detection, start, end
    possessive = _POSSESSIVE_AFTER.match(text, end)
    end = possessive.end() if possessive else end
    head = _SAINT_HEAD.match(text, end)
    end = head.end() if head else end
    kind = "ORGANIZATION" if detection.entity_type == "PERSON" else detection.entity_type
    return replace(detection, entity_type=kind), saint.start(), end


# A found title ending in a short word written with a full stop, then the name found after it:
# 'Dr. med.' + 'Katharina von Weizsäcker', 'prof. dr hab.' + 'Marek Grabowski', 'Sra.' + 'María'.
_TITLE_GAP = re.compile(r"\.[ \t]{1,2}")
_LAST_WORD = re.compile(r"([^\W\d_]+)\W*$")


def _ends_in_title(value: str) -> bool:
    """The span's last word is a title written short ('Sra', 'med', 'hab')."""
    word = _LAST_WORD.search(value)
    return word is not None and word.group(1).casefold() in ABBREVIATED_TITLES


def join_titles(detections: list[Detection], text: str) -> list[Detection]:
    """A person whose found title ends in an abbreviation joined to the name right after it, so
    the whole name, title to surname, is one span."""
    joined: list[Detection] = []
    for detection in detections:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.entity_type == detection.entity_type == "PERSON"
            and _TITLE_GAP.fullmatch(text, last.end, detection.start)
            and text[detection.start : detection.start + 1].isupper()
            and _ends_in_title(text[last.start : last.end])
        ):
            joined[-1] = replace(last, end=detection.end)
        else:
            joined.append(detection)
    return joined


def grow_names(detections: list[Detection], text: str, vocabulary: Vocabulary) -> list[Detection]:
    """Every merged detection grown to its name's edges, merged again where growing met another.

    Grown after merging, so a word another detection already holds keeps that detection's type;
    first names listed beside a found person join it ('george with Carmen'); an abbreviated
    title joins the name after it.
    """
    grown = merge_overlaps(with_name_edges(d, text, vocabulary) for d in detections)
    return join_titles(merge_overlaps([*grown, *coordinated_names(grown, text, vocabulary)]), text)
