"""Nationalities, peoples, faiths and political groups (NRP) from a lexicon, plurals by rule.

A lexicon word that is also an everyday word ('green', 'polish', 'liberal') counts only when
capitalised inside a sentence, beside a cue ('voted green', 'the polish community') or beside
another group ('irish catholic'); a language after 'speaks' or 'learning' is a language, not a
group.
"""

from __future__ import annotations

import re
from functools import lru_cache

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from qualbridge.tasks.deid.families.base import LOOK_BACK, BuildContext
from qualbridge.tasks.deid.families.phrases import PhraseIndex, find
from qualbridge.tasks.deid.token_recognizers import recognizer_result
from qualbridge.tasks.deid.wordlists import load_word_list

ENTITIES = ("NRP",)
LEXICON_FILE = "nrp_groups.txt"
EVERYDAY_FILE = "nrp_everyday.txt"
_NO_PLURAL = ("ese", "ish", "ch", "sh", "ss", "x")
_CUE_BEFORE = re.compile(
    r"(?i)\b(?:vot(?:e|es|ed|ing|er|ers)|diehard|die-hard|staunch|devout|practi[sc]ing|lifelong"
    r"|card-carrying|raised|converted|convert|lapsed|proud|fellow)\W+(?:\w+\W+){0,2}$"
)
_CUE_AFTER = re.compile(
    r"(?i)^\W+(?:party|voters?|supporters?|members?|councillors?|mps?|candidates?|activists?"
    r"|government|leader|minister|church|churches|parish|mosque|temple"
    r"|synagogue|gurdwara|community|communities|association|club|society|family|families"
    r"|background|heritage|descent|faith|congregation|people|folk|neighbou?rs?)\b"
)
_LANGUAGE_CUE = re.compile(
    r"(?i)\b(?:speak\w*|spoke|learn\w*|fluent|translat\w*|taught|teach\w*|subtitles?|dubbed)"
    r"\b[^.!?;\n]{0,30}$"
)


def plural(form: str) -> str:
    """The regular plural of a group word ('Filipino' -> 'Filipinos'); some words have none."""
    if form.casefold().endswith(_NO_PLURAL):
        return form
    if form.endswith("y") and not form.endswith(("ay", "ey", "oy")):
        return form[:-1] + "ies"
    return form + "s"


@lru_cache(maxsize=1)
def lexicon() -> dict[str, bool]:
    """Every form, lower case, mapped to whether it is also an everyday word."""
    everyday = load_word_list(EVERYDAY_FILE)
    forms: dict[str, bool] = {}
    for line in load_word_list(LEXICON_FILE):
        singular, _, irregular = line.partition("\t")
        for form in {singular, irregular or plural(singular)}:
            forms[word_key(form)] = word_key(form) in everyday
            # as recognisers write it, without the apostrophe: 'jehovahs witnesses'
            if "'" in word_key(form):
                forms[word_key(form).replace("'", "")] = word_key(form) in everyday
    return forms


@lru_cache(maxsize=1)
def group_index() -> PhraseIndex:
    """The lexicon, ready for look-up by word."""
    return PhraseIndex.of(frozenset(lexicon()))


def word_key(word: str) -> str:
    """A word as the lexicon spells it: lower case, straight apostrophe."""
    return word.casefold().replace("’", "'")


class GroupRecognizer(EntityRecognizer):
    """Lexicon groups, with everyday words kept for capitals and cues."""

    def __init__(self) -> None:
        super().__init__(
            supported_entities=["NRP"], name="GroupRecognizer", supported_language="en"
        )

    def load(self) -> None:
        """Nothing to load."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """One result per lexicon form that its context does not explain away."""
        found = [
            (start, end, key)
            for start, end, key in find(text, group_index(), word_key, lambda *_: True)
            if not _LANGUAGE_CUE.search(text, max(0, start - 60), start)
        ]
        plain = [(start, end) for start, end, key in found if not lexicon()[key]]
        return [
            recognizer_result(self, "NRP", start, end, 0.6)
            for start, end, key in found
            if not lexicon()[key]
            or _capital_mid_sentence(text, start)
            or _cued(text, start, end)
            or _beside(text, (start, end), plain)
        ]


def _beside(text: str, span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    """Next to a group that is no everyday word: 'irish catholic', 'greek orthodox'."""
    return any(
        (end <= span[0] and not text[end : span[0]].strip())
        or (start >= span[1] and not text[span[1] : start].strip())
        for start, end in others
    )


def _capital_mid_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - LOOK_BACK) : start].rstrip(" \"'“‘(")
    return text[start].isupper() and bool(before) and before[-1] not in ".!?:\n"


def _cued(text: str, start: int, end: int) -> bool:
    return bool(
        _CUE_BEFORE.search(text, max(0, start - 40), start)
        or _CUE_AFTER.match(text[end : end + LOOK_BACK])
    )


def build(context: BuildContext) -> list[EntityRecognizer]:
    """The one group recognizer."""
    return [GroupRecognizer()]
