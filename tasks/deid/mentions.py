"""Mentions, not just strings: once a name or number is found, every other mention is masked.

A full name found in one turn makes its first name and surname identifiers wherever they
recur, in any case ('Maria Kowalska' ... 'maria'): within a transcript, and through a
`MentionLexicon`, in every transcript of the same study. A number found once is masked again
wherever it is repeated. A part that is also an everyday word ('Will', 'Rose') is masked again
in the case it was found in, and in any other case only where it is said as a name
('hope just got it', not 'I hope so'; see `name_position`).
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS

from qualbridge.tasks.deid.filters import Detection, merge_overlaps
from qualbridge.tasks.deid.name_position import NAMING_SCORE, said_as_name
from qualbridge.tasks.deid.recasing import TITLES
from qualbridge.tasks.deid.registry import whole_value_types
from qualbridge.tasks.deid.spelled_names import word_spelled_by
from qualbridge.tasks.deid.structure import NICKNAME_WORDS
from qualbridge.tasks.deid.wordlists import load_word_list

MENTION_RECOGNIZER = "MentionRecognizer"
# Types whose parts are names in their own right.
NAME_TYPES = frozenset({"PERSON"})
# Types that are one value and not a description, from the registry: repeated only as a whole.
WHOLE_VALUE_TYPES = whole_value_types()
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
# Types a word list or the statistical model guesses from a word alone: a known name outranks them.
GUESSED_TYPES = frozenset({"LOCATION", "ORGANIZATION", "NRP"})
MIN_PART_CHARS = 3
MIN_NAMED_CHARS = 2
# Titles said in full: 'Doctor' of 'Doctor Mirza' must not mask every 'Thank you, Doctor'.
_TITLE_WORDS = (
    "doctor professor nurse sister matron midwife father reverend pastor rabbi imam sir dame"
    " lady lord judge coach officer sergeant captain inspector constable councillor"
    # family words: 'auntie' of 'auntie bimbo'
    " auntie aunty uncle nana nanna nan gran granny grandma grandad grandpa cousin mister missus"
    " st saint"
)
# ... and a nickname's first word: 'big' of 'big mick'.
_SPOKEN_TITLES = frozenset(_TITLE_WORDS.split()) | NICKNAME_WORDS
MENTION_SCORE = 0.6


class MentionPattern(NamedTuple):
    """Found values of one type; `as_name` keeps only matches said where a name stands."""

    pattern: re.Pattern[str]
    entity_type: str
    as_name: bool = False


Patterns = list[MentionPattern]


def _name_parts(value: str, allow: Container[str], named: bool = False) -> list[tuple[str, bool]]:
    """The words of a name that can identify on their own, each with whether it is a stop
    word ('Will', 'May'), which is masked again only where it is said as a name. The pieces
    of a joined name count too: 'Okonkwo' and 'Eze' of 'Okonkwo-Eze', 'Driscoll' of
    "O'Driscoll". A name said to be one ('its ty by the way') counts from two letters."""
    parts = []
    shortest = MIN_NAMED_CHARS if named else MIN_PART_CHARS
    for word in _WORD.findall(value):
        core = re.split(r"['’]s$", word)[0]
        pieces = [p for p in re.split(r"['’\-]", core) if p != core]
        for candidate in (core, *pieces):
            folded = candidate.casefold()
            if len(candidate) < shortest or folded in TITLES or folded in allow:
                continue
            head = re.split(r"['’]", folded)[0]
            if folded in _SPOKEN_TITLES or (head != folded and head in STOP_WORDS):
                continue  # 'Doctor' of 'Doctor Mirza'; "I'm" or "you've" in a span
            if folded in load_word_list("interjections.txt"):
                continue  # 'Hello' of a span 'Hello Keziah' must not mask every greeting
            if folded in STOP_WORDS:
                if candidate[0].isupper() or folded in load_word_list("word_first_names.txt"):
                    parts.append((candidate, True))
                continue
            parts.append((candidate, False))
    return parts


def _pattern(values: set[str], flags: int, possessive_s: bool = False) -> re.Pattern[str] | None:
    """Any of the values as a whole word; with possessive_s also with an 's' stuck to it, as a
    recogniser writes a possessive without its apostrophe ('olas peer support worker')."""
    if not values:
        return None
    body = "|".join(
        re.sub(r"\\\s+", r"\\s+", re.escape(v)) for v in sorted(values, key=len, reverse=True)
    )
    suffix = "s?" if possessive_s else ""
    return re.compile(rf"(?<![\w])(?:{body}){suffix}(?![\w])", flags)


@dataclass(repr=False)
class MentionLexicon:
    """Found values and name parts by type, each matched in any case or only as found.

    It holds the identifiers themselves, so it lives in memory only: never written, logged or
    returned from a task.
    """

    any_case: dict[str, set[str]] = field(default_factory=dict)
    same_case: dict[str, set[str]] = field(default_factory=dict)
    # Everyday-word parts again, matched in any case where they are said as a name.
    as_name: dict[str, set[str]] = field(default_factory=dict)

    def add(
        self,
        texts: Sequence[str],
        detections: Sequence[Sequence[Detection]],
        everyday: Container[str],
        allow: Container[str],
    ) -> None:
        """Add what was found in the texts: whole values, and the parts of names."""
        for text, dets in zip(texts, detections, strict=True):
            for det in dets:
                value = text[det.start : det.end].strip()
                if det.entity_type in NAME_TYPES:
                    # A name spelled out is said as a word too: 'T-A-M-S-I-N, tamsin'.
                    spelled = word_spelled_by(value) or value
                    named = det.score >= NAMING_SCORE
                    for part, stop_word in _name_parts(spelled, allow, named):
                        self._add_part(det.entity_type, part, stop_word, everyday)
                    # The whole name said again is her in any case, though each of its words
                    # alone is an everyday word ('Will Brookes' ... 'like will brookes or').
                    words = _WORD.findall(value)
                    if len(words) > 1 and not all(w.casefold() in STOP_WORDS for w in words):
                        self.any_case.setdefault(det.entity_type, set()).add(value)
                elif det.entity_type in WHOLE_VALUE_TYPES and len(value) >= MIN_PART_CHARS:
                    self.any_case.setdefault(det.entity_type, set()).add(value)

    def _add_part(
        self, entity_type: str, part: str, stop_word: bool, everyday: Container[str]
    ) -> None:
        """File a name part under the case rule its kind of word needs."""
        if stop_word or part.casefold() in everyday:
            self.as_name.setdefault(entity_type, set()).add(part)
            # Found as 'Hope' or 'ivy', it is her wherever it is written so; a verb caught in a
            # name span ('ciaran said') is masked only where it is said as a name.
            if not stop_word and (
                part[:1].isupper() or part.casefold() not in load_word_list("verb_forms.txt")
            ):
                self.same_case.setdefault(entity_type, set()).add(part)
        else:
            self.any_case.setdefault(entity_type, set()).add(part)

    def __bool__(self) -> bool:
        return any(any(t.values()) for t in (self.any_case, self.same_case, self.as_name))

    def patterns(self) -> Patterns:
        """Regexes for every value and part, each with the type it is masked as."""
        patterns = []
        tables = (
            (self.any_case, re.IGNORECASE, False),
            (self.same_case, 0, False),
            (self.as_name, re.IGNORECASE, True),
        )
        for table, flags, as_name in tables:
            for entity_type, values in sorted(table.items()):
                # a name no dictionary knows, with an 's' stuck to it, is still the name
                pattern = _pattern(
                    values, flags, table is self.any_case and entity_type in NAME_TYPES
                )
                if pattern is not None:
                    patterns.append(MentionPattern(pattern, entity_type, as_name))
        return patterns

    def __repr__(self) -> str:
        """Counts only: the values must not reach a log or a traceback."""
        values: dict[str, set[str]] = {}
        for table in (self.any_case, self.same_case, self.as_name):
            for entity_type, found in table.items():
                values.setdefault(entity_type, set()).update(found)
        counts = {entity_type: len(found) for entity_type, found in values.items()}
        return f"MentionLexicon({counts})"


def mention_patterns(
    texts: Sequence[str],
    detections: Sequence[Sequence[Detection]],
    everyday: Container[str],
    allow: Container[str],
) -> Patterns:
    """Regexes for every found value and name part, each with the type it is masked as."""
    lexicon = MentionLexicon()
    lexicon.add(texts, detections, everyday, allow)
    return lexicon.patterns()


def with_mentions(
    texts: Sequence[str], detections: Sequence[Sequence[Detection]], patterns: Patterns
) -> list[list[Detection]]:
    """Each text's detections plus every match of the patterns that none of them overlaps.

    A found person's name part also displaces a place, organisation or group guess on its own
    span ('imelda' after 'Imelda Carrow' is her, not the town), so it gets her pseudonym.
    """
    if not patterns:
        return [list(d) for d in detections]
    out = []
    for text, dets in zip(texts, detections, strict=True):
        found, displaced = list(dets), set()
        for pattern, entity_type, as_name in patterns:
            for m in pattern.finditer(text):
                if as_name and not said_as_name(text, m.start(), m.end()):
                    continue
                overlapping = [d for d in dets if d.start < m.end() and m.start() < d.end]
                if overlapping and not _displaces(entity_type, overlapping, m.start(), m.end()):
                    continue
                displaced.update(overlapping)
                found.append(
                    Detection(m.start(), m.end(), entity_type, MENTION_SCORE, MENTION_RECOGNIZER)
                )
        if len(found) == len(dets):
            out.append(list(dets))
            continue
        out.append(merge_overlaps([d for d in found if d not in displaced]))
    return out


def _displaces(entity_type: str, overlapping: list[Detection], start: int, end: int) -> bool:
    """Whether a name mention replaces the word-list guesses lying inside its span."""
    return entity_type in NAME_TYPES and all(
        d.entity_type in GUESSED_TYPES and start <= d.start and d.end <= end for d in overlapping
    )


def add_mentions(
    texts: Sequence[str],
    detections: Sequence[Sequence[Detection]],
    everyday: Container[str],
    allow: Container[str],
) -> list[list[Detection]]:
    """Each text's detections plus every other mention of what was found in any of the texts."""
    return with_mentions(texts, detections, mention_patterns(texts, detections, everyday, allow))
