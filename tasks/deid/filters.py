"""Post-detection rules: allow lists, generic time phrases, and merging overlapping spans."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from qualbridge.tasks.deid.date_patterns import MONTH, ORDINAL_WORD, SPOKEN_DAY, SPOKEN_YEAR
from qualbridge.tasks.deid.wordlists import load_word_list

# Service, clinical and conversational vocabulary that NER mistakes for identifiers.
DOMAIN_ALLOW_LIST = frozenset(
    term.casefold()
    for name in (
        "domain_allow_list.txt",
        "medicines_and_conditions.txt",
        "everyday_unlisted_words.txt",
    )
    for term in load_word_list(name)
)

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# A day number, a year or a numeric date; a month alone ('back in April') is not specific.
_SPECIFIC_DATE = re.compile(
    r"\b(?:19|20)\d{2}\b|\b\d{1,2}(?:st|nd|rd|th)?\b(?=.*?\b(?:" + _MONTHS + r")\b)"
    r"|\b(?:" + _MONTHS + r")\b.*?\b\d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th)\b"
    r"|\d{1,2}[/.\-]\d{1,2}",
    re.IGNORECASE,
)
# Spoken: 'nineteen ninety one', 'thirty first October', 'the fifth of May'.
_SPOKEN_DATE = re.compile(
    rf"{SPOKEN_YEAR}|\b(?:{ORDINAL_WORD}|{SPOKEN_DAY})(?:\s+of)?\s+{MONTH}\b"
    rf"|\b{MONTH}\s+(?:the\s+)?{ORDINAL_WORD}\b"
    rf"|\b{ORDINAL_WORD}\s+of\s+(?:this|next|last|the)\s+month\b"
    # 'the twenty ninth' read as a date by the model, like 'the 29th'.
    rf"|^the\s+{ORDINAL_WORD}$",
    re.IGNORECASE,
)
# spaCy's NER is the only source of these types that may fire on ordinary words.
NER_RECOGNIZER = "SpacyRecognizer"


@dataclass(frozen=True)
class Detection:
    """One span the engine decided to replace; offsets index the original text."""

    start: int
    end: int
    entity_type: str
    score: float
    recognizer: str


def is_specific_date(text: str) -> bool:
    """True for dates that narrow a person down (month, year, day number), not 'every week'."""
    return bool(_SPECIFIC_DATE.search(text) or _SPOKEN_DATE.search(text))


_LEADING_WORDS = re.compile(r"^(?:the|a|an|my|our|your|his|her|their|this|that)\s+", re.I)


def _allowed(value: str, allow: frozenset[str]) -> bool:
    """Allow-listed, ignoring a leading determiner or possessive and a trailing 's."""
    core = _LEADING_WORDS.sub("", value.casefold()).removesuffix("'s").removesuffix("’s")
    return value.casefold() in allow or core in allow


def allowed_phrases(allow: Iterable[str]) -> re.Pattern[str] | None:
    """The allow list's terms of several words as one whole-word pattern in any case, or None:
    a detection inside one of them is part of what the list allows ('28th' of 'the 28th of
    April 2021', cleared by a steward)."""
    phrases = sorted({t for t in allow if " " in t.strip()}, key=len, reverse=True)
    if not phrases:
        return None
    body = "|".join(re.sub(r"\\\s+", r"\\s+", re.escape(p.strip())) for p in phrases)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def allowed_spans(text: str, phrases: re.Pattern[str] | None) -> list[tuple[int, int]]:
    """Where the text says an allowed phrase."""
    return [m.span() for m in phrases.finditer(text)] if phrases is not None else []


# The name prefix of the study's known-identifier recognizers: what they find is always masked.
DENY_LIST_RECOGNIZER = "StudyDenyList"


def is_from_deny_list(detection: Detection) -> bool:
    """Found by the study's own list of known identifiers, which no allow list overrides."""
    return detection.recognizer.startswith(DENY_LIST_RECOGNIZER)


def inside_any(detection: Detection, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether the detection lies wholly inside one of the spans."""
    return any(start <= detection.start and detection.end <= end for start, end in spans)


_MONTH_ALONE = re.compile(r"\b(?:" + _MONTHS + r")\b", re.IGNORECASE)
# A month alone narrows a person down when it dates a life event: a birthday, a birth, a death,
# an admission ('turning fifty in April', 'she died in March', 'sectioned in May').
_LIFE_EVENT = re.compile(
    r"\b(?:born|birthday|b'day|turn(?:s|ed|ing)?|due|died|passed|funeral|wedding|married|"
    r"anniversary|sectioned|admitted|discharged|diagnos\w*|moved|arrested|released)\b",
    re.IGNORECASE,
)
LIFE_EVENT_WINDOW = 40


def _dates_a_life_event(detection: Detection, text: str) -> bool:
    """A month alone said within a few words of a life event."""
    window = text[max(0, detection.start - LIFE_EVENT_WINDOW) : detection.end + LIFE_EVENT_WINDOW]
    value = text[detection.start : detection.end]
    return bool(_MONTH_ALONE.search(value) and _LIFE_EVENT.search(window))


def keep_detection(detection: Detection, text: str, allow: frozenset[str]) -> bool:
    """Apply the allow list and the generic-time rule to one detection."""
    value = text[detection.start : detection.end].strip()
    if is_from_deny_list(detection):
        return True
    if _allowed(value, allow):
        return False
    if detection.entity_type == "DATE_TIME" and detection.recognizer == NER_RECOGNIZER:
        return is_specific_date(value) or _dates_a_life_event(detection, text)
    return True


# Word-list and heuristic recognizers weigh like NER: their score, not their source, decides.
STATISTICAL_RECOGNIZERS = frozenset(
    {
        NER_RECOGNIZER,
        "NameGazetteerRecognizer",
        "PlaceGazetteerRecognizer",
        "EmployerGazetteerRecognizer",
        "LowercaseNameRecognizer",
        "UnknownWordNameRecognizer",
        "PlaceAfterCueRecognizer",
        "WorldPlaceRecognizer",
        "GroupRecognizer",
    }
)


def _priority(detection: Detection, start: int, end: int) -> tuple[bool, int, float, int]:
    """Conflict rank: covers the whole group, site list > pattern > NER/lists, score, length."""
    if is_from_deny_list(detection):
        source_rank = 2
    elif detection.recognizer in STATISTICAL_RECOGNIZERS:
        source_rank = 0
    else:
        source_rank = 1
    covers = (detection.start, detection.end) == (start, end)
    return covers, source_rank, detection.score, detection.end - detection.start


# Recognizers that find a place only because it is on a list of places.
_PLACE_LISTS = frozenset({"PlaceGazetteerRecognizer", "WorldPlaceRecognizer", "BigPlaceRecognizer"})


def _name_over_unlisted_place(group: list[Detection], best: Detection) -> Detection:
    """A listed first name the tagger called a place, where no list of places holds it, is a
    person ('Fergal. We had a row'): so every later mention of it is masked as a name."""
    if best.entity_type != "LOCATION" or best.recognizer != NER_RECOGNIZER:
        return best
    if any(d.recognizer in _PLACE_LISTS for d in group):
        return best
    named = [
        d for d in group if d.recognizer == "NameGazetteerRecognizer" and d.entity_type == "PERSON"
    ]
    same_span = [d for d in named if (d.start, d.end) == (best.start, best.end)]
    return same_span[0] if same_span else best


def merge_overlaps(detections: Iterable[Detection]) -> list[Detection]:
    """Merge overlapping spans into their union, labelled by the highest-priority member."""
    merged: list[list[Detection]] = []
    for det in sorted(detections, key=lambda d: (d.start, -d.end)):
        if merged and det.start < max(d.end for d in merged[-1]):
            merged[-1].append(det)
        else:
            merged.append([det])
    result = []
    for group in merged:
        start, end = min(d.start for d in group), max(d.end for d in group)
        best = _name_over_unlisted_place(group, max(group, key=lambda d: _priority(d, start, end)))
        result.append(
            Detection(
                start=start,
                end=end,
                entity_type=best.entity_type,
                score=best.score,
                recognizer=best.recognizer,
            )
        )
    return result
