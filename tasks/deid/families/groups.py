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
    r"|background|heritage|descent|faith|congregation|people|folk|neighbou?rs?|wom[ae]n|m[ae]n"
    r"|lads?|lass(?:es)?|girls?|boys?|lad(?:y|ies)|kids?|site)\b"
)
# Who someone is, said with 'be' and closing the clause: 'shes polish and only been here a year'.
_IS_BEFORE = re.compile(r"(?i)\b(?:i['’]?m|am|is|are|was|were|s?he['’]?s|we['’]re|they['’]re)\s+$")
_CLAUSE_END = re.compile(
    r"(?i)\s*(?:$|[.,;:!?)]|\s(?:and|but|so|as\s+well|too|though|like|from|by|everyone)\b)"
)
_LANGUAGE_CUE = re.compile(
    r"(?i)(?:\b(?:speak\w*|spoke|learn\w*|fluent|translat\w*|taught|teach\w*|subtitles?|dubbed)"
    r"\b[^.!?;\n]{0,30}|\b(?:in|into)\s+"
    r"|\b(?:better|good|bad|poor|worse|help|helps|helped|struggl\w*)\s+(?:with|at|in)\s+)$"
)
# Whose command of a language it is, before what is said of it: 'my English is not good'.
_SKILL_OWNER = re.compile(r"(?i)\b(?:my|his|her|their|your|our)\s+$")
_SKILL_SAID = re.compile(
    r"(?i)(?:['’]s)?\s+(?:(?:then|now|still|really|just)\s+)?(?:is|was|isn['’]?t|wasn['’]?t"
    r"|ain['’]?t|has|got|needs?|improved|better|not|good|bad|poor)\b"
)
# What follows a language, not a people: 'English lessons', 'my English teacher', 'English lit'.
_LANGUAGE_AFTER = re.compile(
    r"(?i)\s+(?:language|lessons?|class(?:es)?|teachers?|tutors?|gcses?|a[\s-]levels?|lit"
    r"|literature|degree|tests?|exams?|homework|subtitles|version"
    r"|translation|skills|grammar|words?|as\s+a\s+(?:second|foreign)\s+language"
    r"|(?:is|was|isn['’]t|wasn['’]t)\s+(?:not\s+)?(?:my|his|her|their|your)\s+(?:first|second"
    r"|native|main|only)\s+language)\b"
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
            if not names_a_language(text, start, end)
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


def names_a_language(text: str, start: int, end: int) -> bool:
    """The word names a language here, not a people: 'speaks Polish', 'English lessons'."""
    if _LANGUAGE_CUE.search(text, max(0, start - 60), start) or _LANGUAGE_AFTER.match(text, end):
        return True
    return bool(
        _SKILL_OWNER.search(text, max(0, start - 8), start) and _SKILL_SAID.match(text, end)
    )


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
        or (_IS_BEFORE.search(text, max(0, start - 12), start) and _CLAUSE_END.match(text, end))
    )


def build(context: BuildContext) -> list[EntityRecognizer]:
    """The one group recognizer."""
    return [GroupRecognizer()]
