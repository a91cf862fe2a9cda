"""Venues and US states or Canadian provinces named in posts: 'at The Lodge', 'Dayton, OH'.

Posts announce where things happen: 'drinks at Elements tonight', 'live at The Pageant'. A
capitalised name right after 'at' (or a lone '@' standing for it), in a line that is not title
case or shouted, is a venue unless it is a generic place, a time or a stop word ('at Home',
'at Christmas', 'at Least'); so is a handle glued to a venue's kind ('@Cromwell Field').
A state or province code in capitals after a listed or unknown capitalised place and a comma
('Orillia, ON') or after a place cue ('back home to GA') is a place too; codes that are also
English words ('OK', 'IN', 'ME') count only after a place and a comma.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from qualbridge.tasks.deid.gazetteers import world_places
from qualbridge.tasks.deid.name_edges import is_capitalised_line
from qualbridge.tasks.deid.recasing import Vocabulary
from qualbridge.tasks.deid.social import is_chat_word

VENUE_SCORE = 0.55
_NAME_WORD = r"(?:[A-Z][a-z][\w'’]*|[A-Z]{2,}(?![\w'’]))"
_VENUE = re.compile(
    rf"(?<![\w@#])(?:at|@)[^\S\n]+#?"
    rf"(?P<venue>(?:[Tt]he[^\S\n]+)?{_NAME_WORD}(?:[^\S\n]+{_NAME_WORD}){{0,2}})"
)
# A handle glued to a venue's kind is the venue, '@' standing for 'at': '@Cromwell Field'.
_HANDLE_VENUE = re.compile(
    r"(?<![\w@])@(?P<venue>[A-Z\d][\w'’]*(?:[^\S\n]+[A-Z][\w'’]*)?[^\S\n]+"
    r"(?i:stadium|field|lounge|club|bar|hall|arena|theatre|theater|center|centre|park|grill"
    r"|cafe|pub|tavern|ballroom|gardens|pavilion|bowl))(?![\w'’])"
)
# Words written capitalised after 'at' that name no venue: generic places, times, meals.
_GENERIC = frozenset(
    "home work school college uni university church hospital gym office mall park beach bar "
    "club pub restaurant cafe shop store house night noon midnight lunch dinner breakfast "
    "christmas easter weekend weekends morning evening afternoon monday tuesday wednesday "
    "thursday friday saturday sunday today tonight tomorrow yesterday times heart "
    "god mum mom dad".split()
)
_CODES = frozenset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ "
    "NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC AB BC MB NB NL NS NT NU ON "
    "PE QC SK YT".split()
)
_WORD_CODES = frozenset("OK OR IN ME HI OH ON ID DE CO MD PA MA NE SC AL LA".split())
_AFTER_PLACE = re.compile(r"(?P<place>[A-Z][\w'’.-]*),[^\S\n]+(?P<code>[A-Z]{2})(?![\w'’])")
_AFTER_CUE = re.compile(
    r"(?i:\b(?:in|to|from|visiting|leaving|around)[^\S\n]+)(?P<code>[A-Z]{2})(?![\w'’])"
)


def _is_venue(name: str) -> bool:
    """A capitalised name, not a generic place, time, stop word or chat word."""
    words = name.split()
    if words[0].casefold() == "the":
        words = words[1:]
    if not words:
        return False
    first = words[0].casefold()
    if first in STOP_WORDS or first in _GENERIC or is_chat_word(first):
        return False
    return not (len(words) == 1 and len(words[0]) <= 2)


def find_venues(text: str) -> Iterator[tuple[int, int]]:
    """Offsets of capitalised names right after 'at' or a lone '@' on a line not in title
    case, and of handles glued to a venue's kind."""
    for match in _VENUE.finditer(text):
        start, end = match.span("venue")
        if _is_venue(match.group("venue")) and not is_capitalised_line(text, start, end):
            yield start, end
    for match in _HANDLE_VENUE.finditer(text):
        yield match.span("venue")


def find_state_codes(text: str, vocabulary: Vocabulary) -> Iterator[tuple[int, int]]:
    """Offsets of state or province codes after a place and a comma, or after a place cue."""
    for match in _AFTER_PLACE.finditer(text):
        place = match.group("place").casefold()
        listed = place in world_places() or place in vocabulary.all_places
        if match.group("code") in _CODES and (listed or vocabulary.is_unknown(place)):
            yield match.span("code")
    for match in _AFTER_CUE.finditer(text):
        code = match.group("code")
        if code in _CODES and code not in _WORD_CODES:
            yield match.span("code")
