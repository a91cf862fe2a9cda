"""Precision on real text: what looks like a name by its capitals but is a role, an eponym,
an acronym, or runs into a URL or an emoji."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from qualbridge.tasks.deid.filters import Detection
from qualbridge.tasks.deid.gazetteers import first_names

NAME_TYPES = frozenset({"PERSON", "ORGANIZATION", "LOCATION", "NRP"})
# Heads of job and role phrases ('Case Manager', 'Clinical Nurse Specialist', 'a Rabbi').
_ROLE_HEAD = re.compile(
    r"(?i)(?:\w+(?:ist|ician|iatrist|ologist|apist)|manager|worker|nurse|consultant|navigator"
    r"|officer|co-?ordinator|assistant|advis[oe]r|counsel+or|chaplain|rabbi|imam|priest|vicar"
    r"|pastor|surgeon|physician|paramedic|midwife|practitioner|technician|dietitian|physio"
    r"|receptionist|caseworker|mentor|volunteer|director|supervisor|teacher|tutor|solicitor"
    r"|lawyer|attorney|registrar|carer|clinician|doctor|lead|team|staff)s?"
)
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
# Recognizers of listed values, never trimmed ('Methodist' from the group lexicon is no role).
EXACT = ("StudyDeny", "GroupRecognizer")
# Scientific and medical heads that make a name an eponym: 'Higgs boson', 'Crohn's disease'.
_EPONYM_HEAD = re.compile(
    r"(?:['’]s)?\s+(?:boson|disease|syndrome|effect|law|principle|theorem|equation|constant"
    r"|scale|test|sign|reflex|manoeuvre|maneuver|procedure|palsy|ulcer|phenomenon|paradox"
    r"|curve|distribution|algorithm|criteria|score|model)\b",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"[ \t]+[A-Za-z][\w\-]*")
_EPONYM_WITHIN = re.compile(r"(?:['’]s)?\s+" + _EPONYM_HEAD.pattern.split(r"\s+", 1)[1], re.I)
# Endings of drug and condition names (INN stems and clinical suffixes).
_CLINICAL = re.compile(
    r"(?i)\w{3,}(?:itis|osis|inoma|pathy|olol|pril|artan|statin|azole|cillin|mycin|cycline|dipine"
    r"|formin|amol|amols|prazole|oxetine|azepam|triptan|gliptin|sartan|profen|xaban|parin"
    r"|olone|asone|umab|inib|tidine|afil|lukast|semide|thiazide|codone|morphine|amine"
    r"|algia|aemia|uria|ectomy|otomy|plasty|scopy)s?"
)
_BREAK = re.compile(r"https?://|www\.|://")


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    return frozenset(n.casefold() for n in first_names())


def is_role_phrase(value: str) -> bool:
    """A job or role ('Occupational Therapist'): a role head last, no first name in it."""
    words = _WORD.findall(value)
    if not words or len(words) > 5 or not _ROLE_HEAD.fullmatch(words[-1]):
        return False
    return not any(w.casefold() in _first_names() for w in words)


def _cut(value: str) -> int:
    """Where a name span should end: before a URL or the first emoji or symbol."""
    url = _BREAK.search(value)
    end = url.start() if url else len(value)
    for i, ch in enumerate(value[:end]):
        if unicodedata.category(ch) in {"So", "Sk", "Cs"}:
            return i
    return end


def refine(detection: Detection, text: str) -> Detection | None:
    """The detection trimmed to its name, or None when it is a role, eponym or acronym."""
    if detection.entity_type not in NAME_TYPES or detection.recognizer.startswith(EXACT):
        return detection
    value = text[detection.start : detection.end]
    cut = _cut(value)
    value = value[:cut].rstrip()
    if not value.strip():
        return None
    end = detection.start + len(value)
    following = _NEXT_WORD.match(text, end)
    if is_role_phrase(value) or (following and is_role_phrase(value + following.group())):
        return None  # 'Audiologist', 'Case' of 'Case Manager'
    if _EPONYM_HEAD.match(text, end) or _EPONYM_WITHIN.search(value):
        return None
    if all(_CLINICAL.fullmatch(w) for w in _WORD.findall(value)):
        return None  # 'Metoprolol', 'Bursitis': drug and condition names by their endings
    if detection.entity_type == "PERSON" and value.isupper() and " " not in value:
        return None  # an acronym: people are not written in capitals alone
    if len(value) == detection.end - detection.start:
        return detection
    return Detection(
        detection.start, detection.start + len(value), detection.entity_type,
        detection.score, detection.recognizer,
    )  # fmt: skip
