"""Web addresses, IP addresses and user names read out word by word, as a recogniser writes them:
'merseycare dot nhs dot uk slash video', 'one nine two dot one six eight dot one dot four five',
'amber lou underscore ninety five'. Each finder runs where the text holds its said word (the
recognizer's marker), so most texts skip it at once."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from qualbridge.tasks.deid.number_words import NUMBER_WORDS, TEENS, TENS, UNITS
from qualbridge.tasks.deid.structure import OBJECT_WORDS

_TLD = r"(?:com|org|net|edu|gov|io|info|co|uk|ie|au|ca|nz|de|fr|es|it|nl|eu|me|tv|ly)"
_SAID_DOT = r"\s*,?\s+dot\s+"
_NUMBER = rf"(?:(?:{NUMBER_WORDS})\b|\d+)"
# 'w w w', 'double u double u double u' or 'triple w' spelled before a host.
_SAID_WWW = r"(?:w\s+w\s+w|(?:double\s+u\s+){2}double\s+u|triple\s+w)"
# Words of a path joined by a said dot, dash or underscore, with numbers said after them.
_PATH_WORDS = rf"[\w\-]+(?:\s+(?:dot|dash|hyphen|underscore)\s+[\w\-]+)*(?:\s+{_NUMBER})*"
# Words joined by a said 'dot' that end in a top-level domain, then any path read out after a
# said 'slash' ('forward slash'): 'w w w dot justgiving dot com slash page slash jo dash walker'.
_SPOKEN_URL = re.compile(
    rf"(?i)\b(?:{_SAID_WWW}{_SAID_DOT})?"
    rf"(?P<host>[a-z0-9][\w\-]*(?:{_SAID_DOT}[\w\-]+)*?{_SAID_DOT}{_TLD}\b"
    rf"(?:{_SAID_DOT}(?:uk|au|nz|ie|ca|com)\b)?)"
    rf"(?:\s+(?:forward\s+)?slash\s+{_PATH_WORDS})*"
)
_NEXT_WORD = re.compile(r"\s+([a-z][a-z'’\-]*)\b")
_AT_BEFORE = re.compile(r"(?i)(?P<word>[\w'’]+),?\s+(?:at|@),?\s*$")
_DIGIT = rf"(?:zero|oh|nought|{NUMBER_WORDS}|\d{{1,3}})"
# Up to 255 said as a number: 'eighty six', 'fifteen', 'two hundred and twenty'.
_SAID_NUMBER = (
    rf"(?:(?:one|two)\s+hundred(?:\s+and)?(?:\s+(?:(?:{TENS})(?:[\s-](?:{UNITS}))?"
    rf"|{TEENS}|{UNITS}))?|(?:{TENS})(?:[\s-](?:{UNITS}))?|{TEENS})\b"
)
_OCTET = rf"(?:{_SAID_NUMBER}|{_DIGIT}(?:\s+{_DIGIT}){{0,2}})"
# Four groups of one to three digits joined by a said 'dot' or 'point'.
_SPOKEN_IP = re.compile(rf"(?i)\b{_OCTET}(?:\s+(?:dot|point)\s+{_OCTET}){{3}}\b")
# A said 'underscore' is never ordinary speech: the words around it are a user name, with any
# digits said after it ('jaz underscore snitch oh two').
_UNDERSCORED = re.compile(
    rf"(?i)\b(?P<value>(?:[a-z][\w'’]*\s+)?[a-z0-9][\w'’]*"
    rf"(?:\s+underscore\s+[\w'’]+(?:\s+(?:oh|zero|nought|{_NUMBER})\b)*)+)"
)
# Words that say a user name follows, not part of it: 'an account called jaz underscore ...'.
_NAMING_WORDS = frozenset("called named handle username account name".split())


def find_spoken_sites(text: str) -> Iterator[tuple[int, int]]:
    """Web addresses said with 'dot'; not 'the dot com boom', nor an e-mail address's domain
    (an address has no path). A path's last part may be two words ('slash priya ramanathan')."""
    for m in _SPOKEN_URL.finditer(text):
        path = m.end() > m.end("host")
        if m.group("host").split()[0].casefold() in STOP_WORDS:
            continue
        if not path and _domain_of_email(text, m.start()):
            continue
        second = _NEXT_WORD.match(text, m.end()) if path else None
        if second and second.group(1).casefold() not in STOP_WORDS:
            yield m.start(), second.end()
        else:
            yield m.span()


def find_spoken_ip_addresses(text: str) -> Iterator[tuple[int, int]]:
    """Four groups of digits said with 'dot' or 'point' (two said words: no one marker)."""
    if "dot" in text or "point" in text:
        yield from (m.span() for m in _SPOKEN_IP.finditer(text))


def find_said_user_names(text: str) -> Iterator[tuple[int, int]]:
    """Words joined by a said 'underscore', without the stop words that open the match."""
    for m in _UNDERSCORED.finditer(text):
        start = _without_stop_words_before(text, m.start("value"), m.end("value"))
        if start < m.end("value"):
            yield start, m.end("value")


def _without_stop_words_before(text: str, start: int, end: int) -> int:
    """Where the value starts once stop and naming words opening it are dropped ('is amber
    ...', 'called jaz ...')."""
    for word in re.finditer(r"\S+", text[start:end]):
        folded = word.group().casefold()
        if folded not in STOP_WORDS and folded not in _NAMING_WORDS:
            return start + word.start()
    return end


def _domain_of_email(text: str, start: int) -> bool:
    """The site follows 'at' after a name, as an e-mail address's domain does."""
    at = _AT_BEFORE.search(text, max(0, start - 40), start)
    return at is not None and at.group("word").casefold() not in OBJECT_WORDS
