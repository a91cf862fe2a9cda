"""An address said in parts is one address: 'Flat 3, Kestrel Court, 41 Fossway, Newcastle, NE6
2XY' is found as a flat, a street, a town and a postcode, and masked as one span, so no comma
between its parts is left to show where one ends and how many there were."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS

from qualbridge.tasks.deid.filters import Detection, merge_overlaps

# Parts of an address that may follow or come before a street.
ADDRESS_PARTS = frozenset(
    {"STREET_ADDRESS", "LOCATION", "ORGANIZATION", "UK_POSTCODE", "POSTAL_CODE", "ZIP_CODE"}
)
# Only commas and spaces on the same line between two parts.
_BETWEEN = re.compile(r"[ \t]*,?[ \t]*")
_TOWN_BETWEEN = re.compile(
    r"[ \t]*,?[ \t]+(?P<town>[^\W\d_][\w'’\-]*(?:[ \t]+[^\W\d_][\w'’\-]*){0,2}),?[ \t]+"
)
# A postal number ending a span: a name with one is a place.
_ENDS_IN_CODE = re.compile(r"[ \t]\d{3,5}$")
# A postal code of digits after a town or state ('chicago 60614', 'Dublin 8' is no code): five
# digits, or four that are no year, with a state's letters between ('Truganina VIC 3029').
_CODE_AFTER_PLACE = re.compile(
    r"[ \t]*,?[ \t]+(?:[A-Z]{2,3}[ \t]+)?(?P<code>\d{5}(?:-\d{4})?|(?!19|20)\d{4})"
    r"(?![\w\-/]|[.,]\d)"
)
POSTCODE_TYPES = frozenset({"UK_POSTCODE", "POSTAL_CODE", "ZIP_CODE", "IE_EIRCODE"})
# The town written after a postcode, as many countries write it: '00-561 Warszawa'.
_TOWN_AFTER_CODE = re.compile(r"[ \t]*,?[ \t]+(?P<town>[A-Z][\w'’\-]+(?:[ \t]+[A-Z][\w'’\-]+)?)")

# A number after the street's own words, as Singapore and Spain write it ('Avenue 3,').
_NUMBER_AFTER_STREET = re.compile(r"[ \t]+\d{1,3}[A-Za-z]?(?=[ \t]*(?:[,;.]|$))")
# A compass point after the street, as US addresses write it: '405 Plymouth Ave S'.
_DIRECTION_AFTER = re.compile(r"[ \t]+(?:N|S|E|W|NE|NW|SE|SW)\.?(?![\w'’])")
# A flat, suite or floor written after the street: 'Suite 404', '#08-1142', '2. OG links',
# 'm. 4' (Polish), '3º izquierda'.
_UNIT_AFTER = re.compile(
    r"[ \t]*,?[ \t]*(?:"
    r"(?i:suite|ste\.|apt\.?|apartment|unit|flat|floor|fl\.|room|m\.|lok\.|bte\.?|piso|planta"
    r"|etage|stock|apto\.?|ap\.|bl\.|sc\.|et\.|daire|bloco|blk|lot)[ \t]*[\w\-/]*\d[\w\-/]*"
    r"|\#[ \t]?\d[\d\-]*"
    r"|\d{1,2}(?:\.[ \t]*|[ \t]*)(?:OG|EG|DG|Stock|Etage|étage|piso|planta|º|°|ª)"
    r")(?:[ \t]+(?i:links|rechts|mitte|left|right|izquierda|derecha|gauche|droite))?\b"
)


# The words of an address written before its postcode on one line: capitalised words, house
# and flat numbers, their labels, and the small words of street names in many languages
# ('14 Ard na Gréine, Knocknacarra, Galway', 'No. 23, Jalan SS 2/64,', 'Lale Sokak No: 14').
_ADDRESS_WORDS_BEFORE = re.compile(
    r"(?:(?:[A-Z][\w'’\-.]*|\d+[A-Za-z]?|[A-Z]*\d[\w/\-]*|(?:na|de|das|do|dos|da|la|le|van"
    r"|von|der|al|el|di|del|nr\.|ap\.|bl\.|apto)(?=[ \t]))[ \t]*[,:]?[ \t]*){2,12}$"
)
_LOOK_BACK = 90
_OPENING_WORD = re.compile(r"([^\W\d_]+|(?:19|20)\d\d)[ \t,]+")


def _address_before_code(code: Detection, text: str) -> Detection | None:
    """A whole address found back from its postcode: the words before it on its line that an
    address is written in, when they hold a house number."""
    if code.entity_type not in POSTCODE_TYPES:
        return None
    line_start = text.rfind("\n", 0, code.start) + 1
    words = _ADDRESS_WORDS_BEFORE.search(text, max(line_start, code.start - _LOOK_BACK), code.start)
    if words is None:
        return None
    start = words.start()
    # 'In 2019 Leeds LS1 4AB': a capitalised stop word or a year opens the sentence
    while (word := _OPENING_WORD.match(text[start : code.start])) and (
        word.group(1).casefold() in STOP_WORDS or word.group(1).isdigit()
    ):
        start += word.end()
    if not re.search(r"\d", text[start : code.start]):
        return None  # no house number: a town and its postcode, joined as before
    return replace(code, start=start, entity_type="STREET_ADDRESS")


def _with_units(detection: Detection, text: str) -> Detection:
    """A street address grown over the compass point, number, flat, suite or floor written
    after it."""
    if detection.entity_type != "STREET_ADDRESS":
        return detection
    end = detection.end
    if direction := _DIRECTION_AFTER.match(text, end):
        end = direction.end()
    if number := _NUMBER_AFTER_STREET.match(text, end):
        end = number.end()
    while unit := _UNIT_AFTER.match(text, end):
        end = unit.end()
    return replace(detection, end=end) if end != detection.end else detection


def join_address_parts(detections: list[Detection], text: str) -> list[Detection]:
    """Neighbouring address parts, one of them a street, joined into one street address."""
    out: list[Detection] = []
    found = [_with_units(d, text) for d in detections]
    towns = _towns_after_codes(found, text) + _codes_after_places(found, text)
    before_codes = [a for d in found if (a := _address_before_code(d, text)) is not None]
    # the whole address, over the names and numbers found inside it
    streets = merge_overlaps([*found, *before_codes]) if before_codes else found
    parts = [*streets, *towns]
    for detection in sorted(parts, key=lambda d: (d.start, d.end)):
        previous = out[-1] if out else None
        if previous is not None and _joins(previous, detection, text):
            out[-1] = replace(
                previous, end=max(previous.end, detection.end), entity_type="STREET_ADDRESS",
                score=max(previous.score, detection.score),
            )  # fmt: skip
            continue
        out.append(detection)
    return out


def _is_part(detection: Detection, text: str) -> bool:
    """A part of an address: a place, body, street or code, or a 'name' that ends in a code
    ('Truganina VIC 3029', which the tagger took for a person)."""
    if detection.entity_type in ADDRESS_PARTS:
        return True
    return _ENDS_IN_CODE.search(text, detection.start, detection.end) is not None


def _joins(first: Detection, second: Detection, text: str) -> bool:
    """Two address parts with only commas and spaces between, one of them a street."""
    if not (_is_part(first, text) and _is_part(second, text)):
        return False
    if "STREET_ADDRESS" not in (first.entity_type, second.entity_type):
        return False
    if second.start <= first.end:
        return False
    if _BETWEEN.fullmatch(text, first.end, second.start):
        return True
    # 'forty four lime grove blackburn bb2 3eu': a town in lower case between street and code
    town = _TOWN_BETWEEN.fullmatch(text, first.end, second.start)
    return (
        town is not None
        and first.entity_type == "STREET_ADDRESS"
        and second.entity_type in POSTCODE_TYPES
        and not any(w.casefold() in STOP_WORDS for w in town.group("town").split())
    )


def _codes_after_places(detections: list[Detection], text: str) -> list[Detection]:
    """The postal code of digits written right after a found town, where nothing was found."""
    codes = []
    for place in detections:
        code = _CODE_AFTER_PLACE.match(text, place.end) if place.entity_type == "LOCATION" else None
        if code is None:
            continue
        start, end = code.span("code")
        if not any(d.start < end and start < d.end for d in detections):
            codes.append(Detection(start, end, "ZIP_CODE", place.score, place.recognizer))
    return codes


def _towns_after_codes(detections: list[Detection], text: str) -> list[Detection]:
    """The capitalised town written right after a postcode, where nothing was found there."""
    towns = []
    for code in detections:
        town = (
            _TOWN_AFTER_CODE.match(text, code.end) if code.entity_type in POSTCODE_TYPES else None
        )
        if town is None or town.group("town").split()[0].casefold() in STOP_WORDS:
            continue
        start, end = town.span("town")
        if not any(d.start < end and start < d.end for d in detections):
            towns.append(Detection(start, end, "LOCATION", code.score, code.recognizer))
    return towns
