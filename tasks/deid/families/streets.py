"""Street addresses of many countries by structure, with the postcode and town that follow.

A street is a house number beside a street type (glued, 'Søndregade 147'; a word before the
name, '147 rue Lelièvre', 'Praça de Assunção 8'; a word after it, 'Petőfi utca 12'; an English
one, '221 Elm Street'), or, after a place preposition, a name no English dictionary knows and a
number ('on Zachodnia 59'). Units before or after ('apt 3B', 'suite 120', '#7', '12/34') join
the street; PO boxes are streets too. A postcode and a town right after a street, in either
order, are masked with it: the address, not a list of towns or codes, says what they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterator
from functools import lru_cache

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from qualbridge.tasks.deid.families.base import BuildContext
from qualbridge.tasks.deid.families.numbers import is_harmless
from qualbridge.tasks.deid.families.postal import POSTCODE
from qualbridge.tasks.deid.families.street_types import (
    after_types,
    alternation,
    before_types,
    glued_types,
)
from qualbridge.tasks.deid.token_recognizers import SpanFinderRecognizer, recognizer_result
from qualbridge.tasks.deid.wordlists import load_word_list

ENTITIES = ("STREET_ADDRESS", "POSTAL_CODE", "LOCATION")
_PARTICLES = r"(?:de|du|des|del|della|di|da|do|dos|la|le|van|von|der|den|am|an|im|na|sur)"
_STOP = r"(?!(?:" + "|".join(sorted((re.escape(w) for w in STOP_WORDS), key=len)[::-1]) + r")\b)"
_WORD = rf"{_STOP}(?!(?:nr|no)\.|s/n)[^\W\d_][\w'’\-]*"
_NAME = rf"(?:{_WORD}|{_PARTICLES}(?=\s+[^\W\d_]))"
NUMBER = r"(?:s/n|\d{1,5}[A-Za-z]?(?:\s?[-/]\s?\d{1,4}[A-Za-z]?)?)(?![\w:])"
# A house number may be introduced ('Nr. 91', 'N° 238').
_NUMBERED = rf"(?:(?:nr|no|n[º°o])\.?\s*)?{NUMBER}"
UNIT = (
    r"(?:(?:apt|apartment|appt|app|appartamento|flat|unit|suite|ste|door|puerta|piso|planta"
    r"|piano|porta|interior|int|depto|dpto|departamento|edif|edificio|bloco|bloc|bl|sc|et|ap"
    r"|top|stiege|tür|lgh|bus|bte|boîte|level|lvl|floor|rd|no|nr|number|n[º°o])\.?\s*#?"
    r"\s*\d{1,4}[A-Za-z]?(?!\w)|#\s?\d{1,4}[A-Za-z]?(?!\w))"
)
# Postal abbreviations of street types, written with their dot ('ul. Wodna', 'Försterstr.').
ABBREVIATIONS = r"(?:ul|al|pl|os|r|c|cl|av|avda|bd|bld|blvd|bul|str|sos|calz|trav|vle)\."
_BEFORE_UNIT = rf"(?:{UNIT},?\s+)?"
_AFTER_UNIT = rf"(?:,?\s+{UNIT}){{0,3}}"
_PO_BOX = (
    r"(?:(?i:p\.?\s?o\.?\s?box|post\s+office\s+box|gpo\s+box|locked\s+bag|private\s+bag"
    r"|rural\s+route|po\s+bag)|Box)\s*#?\s*\d{1,6}(?!\w)"
)
_PLACE_CUE = r"(?:on|at|in|into|from|to|was|is|address)"
_TOWN_WORD = rf"(?:{_STOP}[^\W\d_][\w'’.\-]*|{_PARTICLES})"
_TOWN = rf"{_TOWN_WORD}(?:\s+{_TOWN_WORD}){{0,3}}"
# After a street: 'in 20465 Bolzano', ', Moose Jaw, SK S6H 1A1', ' 7124 Tikøb'.
_TAIL = re.compile(
    rf"(?i)(?:,\s*|\s+in\s+|\s+)(?:(?P<code1>{POSTCODE})\s+(?P<town1>{_TOWN})"
    rf"|(?P<town2>{_TOWN}?)(?:,?\s+[A-Za-z]{{2,3}})?,?\s+(?P<code2>{POSTCODE}))(?![\w-])"
)


_DIGITS = re.compile(r"\d+")
# A street named without a number is a place: 'Cuba Street', 'off chapeltown road'.
_ROAD = r"(?:street|road|lane|avenue|boulevard|terrace|crescent|parade|highway)"
STREET_NAMES = (
    re.compile(
        rf"(?<![\w'’])(?P<value>(?:(?i:{_STOP})(?:O['’])?[A-Z][\w'’\-]*\s+){{1,3}}"
        rf"(?:{_ROAD.title()}|St|Rd|Ave|Blvd)\b\.?)"
    ),
    re.compile(
        rf"(?i)\b(?:on|off|along|down|up|near|at|in|from|to|onto|into|via|by)\s+"
        rf"(?P<value>(?:{_WORD}\s+){{1,2}}{_ROAD})\b"
    ),
)


@lru_cache(maxsize=1)
def street_patterns() -> tuple[re.Pattern[str], ...]:
    """Glued, word-before, word-after and English street shapes, each with units around."""
    english = frozenset(w.casefold() for w in load_word_list("street_suffixes.txt"))
    types = rf"(?:{alternation(glued_types())}|str(?=\.))"
    glued = rf"(?P<last>(?:[^\W\d_][\w'’]*-)*[^\W\d_][\w'’]*?{types})"
    names = rf"(?:{_NAME}\s+){{0,3}}{_WORD}"
    before = rf"(?P<type>{alternation(before_types())}|{ABBREVIATIONS})"
    shapes = (
        rf"{glued}\.?,?\s+{_NUMBERED}",
        rf"(?:{NUMBER},?\s+)?{before}\.?\s+(?P<names>{names})(?:,?\s+{_NUMBERED})?",
        rf"{names}\s+(?:{alternation(after_types())})\.?\s+{NUMBER}(?:\.(?!\w))?",
        rf"{NUMBER},?\s+{names}\s+(?:{alternation(english)})\.?(?!\w)",
    )
    cued = (
        rf"(?i)\b{_PLACE_CUE}\s+(?P<value>(?:{_NAME}\s+){{0,2}}(?P<last>{_WORD})"
        rf"\s+{NUMBER}{_AFTER_UNIT})"
    )
    return (
        *(
            re.compile(rf"(?i)(?<![\w/#])(?P<value>{_BEFORE_UNIT}(?:{shape}){_AFTER_UNIT})")
            for shape in shapes
        ),
        re.compile(rf"(?<![\w/])(?P<value>{_PO_BOX})"),
        re.compile(cued),
    )


_TOKEN = re.compile(r"[^\W\d_]+")
_ABBREVIATED_TYPES = frozenset(re.findall(r"\w+", ABBREVIATIONS))


@lru_cache(maxsize=1)
def anchors() -> tuple[Callable[[str], bool], ...]:
    """Per street shape, the word it cannot do without (None: a digit is enough)."""
    glued = tuple(glued_types() | {"str"})
    before = before_types() | _ABBREVIATED_TYPES
    after = after_types()
    roads = {"street", "road", "lane", "avenue", "boulevard", "terrace", "crescent", "parade",
             "highway", "st", "rd", "ave", "blvd"}  # fmt: skip
    return (
        lambda w: w.endswith(glued),
        lambda w: w in before,
        lambda w: w in after,
        lambda w: w in roads,
    )


def windows(
    text: str, hits: list[tuple[int, int]], before: int, after: int
) -> list[tuple[int, int]]:
    """Merged stretches around each hit: the only places a pattern needs to run."""
    merged: list[tuple[int, int]] = []
    for hit_start, hit_end in hits:
        start, end = max(0, hit_start - before), min(len(text), hit_end + after)
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


class WorldStreetRecognizer(EntityRecognizer):
    """Streets of many countries, then the postcode and town said right after them."""

    def __init__(self, dictionary: Container[str]) -> None:
        self._dictionary = dictionary
        super().__init__(
            supported_entities=list(ENTITIES), name="WorldStreetRecognizer", supported_language="en"
        )

    def load(self) -> None:
        """Nothing to load."""

    def _plausible(self, match: re.Match[str]) -> bool:
        """A street needs a number that is not a year, a time or an amount, or a foreign type."""
        value = match.group("value")
        numbers = re.findall(r"\d+", value)
        groups = match.groupdict()
        if not numbers:
            return bool(groups.get("type")) and self._named_without_number(match)
        if is_harmless(match.string, match.start("value"), match.end("value")):
            return False
        if groups.get("last"):
            last = match.group("last").casefold()
            return last not in self._dictionary and not re.fullmatch(r"(?:19|20)\d\d", numbers[0])
        return True

    def _named_without_number(self, match: re.Match[str]) -> bool:
        """'Praça Leão': a foreign type and a capitalised name; or any type and name after a cue."""
        kind = match.group("type").rstrip(".").casefold()
        names = [w for w in match.group("names").split() if w[:1].isupper()]
        cued = re.search(rf"(?i)\b{_PLACE_CUE}\s+$", match.string[: match.start("value")])
        if cued:
            return len(kind) > 2
        return bool(names) and len(kind) > 2 and kind not in self._dictionary

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Each street, and its postcode and town when they follow it."""
        words = [(m.span(), m.group().casefold()) for m in _TOKEN.finditer(text)]
        glued, before, after, roads = (
            [span for span, word in words if wanted(word)] for wanted in anchors()
        )
        digits = [m.span() for m in _DIGITS.finditer(text)]
        # Each shape runs only near the word or digit it cannot do without.
        spans = (
            windows(text, glued, 80, 60),
            windows(text, before, 40, 140),
            windows(text, after, 100, 40),
            *[windows(text, digits, 120, 80)] * 3,
        )
        results = []
        for pattern, stretch in zip(street_patterns(), spans, strict=True):
            for match in (m for a, b in stretch for m in pattern.finditer(text, a, b)):
                if not self._plausible(match):
                    continue
                start, end = match.span("value")
                results.append(recognizer_result(self, "STREET_ADDRESS", start, end, 0.6))
                results.extend(self._tail(text, end))
        named = (windows(text, roads, 100, 10), [(0, len(text))])
        for pattern, stretch in zip(STREET_NAMES, named, strict=True):
            results.extend(
                recognizer_result(self, "LOCATION", *m.span("value"), 0.55)
                for a, b in stretch
                for m in pattern.finditer(text, a, b)
            )
        return results

    def _tail(self, text: str, end: int) -> list[RecognizerResult]:
        tail = _TAIL.match(text, end)
        if tail is None:
            return []
        found = []
        for group, kind in (("code1", "POSTAL_CODE"), ("code2", "POSTAL_CODE"),
                            ("town1", "LOCATION"), ("town2", "LOCATION")):  # fmt: skip
            if tail.group(group):
                found.append(recognizer_result(self, kind, *tail.span(group), 0.6))
        return found


# An address after its label, however its parts are laid out, up to where the clause ends or
# another detail begins: 'Address: Flat 302, Sai Krupa Apartments, 5th Cross, Koramangala,
# Bengaluru 560095.', 'our house is House 47, Street 9, F-8/3, Islamabad, near the Markaz'.
# It must hold a number, so 'my address is the same' is none.
_LABELLED_ADDRESS = re.compile(
    r"(?i)(?<!mail )(?<!web )(?<!ip )(?<!mac )"
    r"\b(?:(?:current|home|postal|permanent|new|old|full)\s+)?"
    r"(?:address(?:\s+(?:is|was))?\s*[:\-]|address\s+(?:is|was)|(?:our|my|his|her)\s+house\s+is)"
    r"\s*(?P<value>[^\n;:]{6,160}?)"
    r"(?=\s*(?:;|\.(?:\s|$)|$|\n|,?\s+(?:phone|tel|mobile|landline|email|e-mail|contact|dob"
    r"|near|opposite|next\s+to|behind|but|and\s+(?:i|we|she|he|they)|ask\s+for)\b))"
)


_YEAR = re.compile(r"(?:19|20)\d\d")


def find_labelled_addresses(text: str) -> Iterator[tuple[int, int]]:
    """Each labelled address that opens as an address is written and holds a number that is
    no year ('the address was on the letter from 2019' is none)."""
    if "ddress" not in text and "house" not in text.casefold():
        return
    for m in _LABELLED_ADDRESS.finditer(text):
        value = m.group("value")
        opens = value[:1].isupper() or value[:1].isdigit()
        if opens and any(not _YEAR.fullmatch(n) for n in re.findall(r"\d+", value)):
            yield m.span("value")


def build(context: BuildContext) -> list[EntityRecognizer]:
    """The street recognizer, and addresses by their label."""
    return [
        WorldStreetRecognizer(context.vocabulary.dictionary),
        SpanFinderRecognizer(
            "LabelledAddressRecognizer", "STREET_ADDRESS", 0.6, find_labelled_addresses
        ),
    ]
