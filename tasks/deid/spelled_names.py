"""Names spelled out letter by letter, as callers do for a clerk: 'Smith, that's S M I T H',
'spelt K O W A L S K I', 'M C A double L I S T E R'."""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from qualbridge.tasks.deid.token_recognizers import recognizer_result

# One spoken letter: 'S', 's', 'double L'; never the start of a word ("I'm", 'a lot').
_LETTER = r"(?:(?i:double|triple)[ \t]+)?[A-Za-z](?![\w'’])"
_RUN = re.compile(rf"(?<![\w'’]){_LETTER}(?:[ \t,.\-]+{_LETTER})+")
_SPELL_CUE = re.compile(r"(?i)\bspel(?:t|led|ls?|ling)\b(?:\s+(?:it|that|as|is|was))?[\s,:]*$")
# What may come before letters that open a turn: nothing, or a speaker's label.
_LABEL_ONLY = re.compile(r"[ \t]*(?:[A-Za-z][\w ]{0,20}:[ \t]*)?")
_ASKED_TO_SPELL = re.compile(r"(?i)\bspell\b")
# Letters said right after a name word: 'and your surname is that m e n s a h'.
_NAME_CUE = re.compile(
    r"(?i)\b(?:sur|first\s+|last\s+|maiden\s+|family\s+|middle\s+)?names?"
    r"(?:\s+(?:is|was|['’]s))?(?:\s+(?:that|it|like|just))?[\s,:]*$"
)
_SAY_CUE = re.compile(r"(?i)\b(?:that's|thats|that\s+is|it's|its|is|was)[\s,:]*$")
_LOOK_BACK = 80
# Spelled out after a plain 'it's' or 'that's', a run this long is a name, not an acronym
# read letter by letter ('C O P D', 'N H S').
MIN_SAID_LETTERS = 5
MIN_SPELLED_LETTERS = 2
MIN_ECHO_LETTERS = 3


def spelled_word(run: str) -> str:
    """The word a run of spoken letters spells, lower case: 'M C A double L' is 'mcall'."""
    out = []
    for m in re.finditer(_LETTER, run):
        token = m.group().split()
        repeat = {"double": 2, "triple": 3}.get(token[0].casefold(), 1) if len(token) > 1 else 1
        out.append(token[-1].casefold() * repeat)
    return "".join(out)


def word_spelled_by(value: str) -> str | None:
    """The word a span of spoken letters spells ('T-A-M-S-I-N' is 'tamsin'); None for any
    other span."""
    return spelled_word(value) if _RUN.fullmatch(value) else None


def is_spelled_name(text: str, start: int, word: str, end: int | None = None) -> bool:
    """After a cue to spell ('spelt'), or 'that's' with a long run, or echoing a word said
    just before or just after it ('Smith, S M I T H', 'o g u n d i p e ogundipe'), or after
    being asked to spell ('could you spell the surname for me yeah o g u n ...')."""
    before = text[max(0, start - _LOOK_BACK) : start].rsplit("\n", 1)[-1]  # this line only
    if _SPELL_CUE.search(before):
        return len(word) >= MIN_SPELLED_LETTERS
    if len(word) >= MIN_ECHO_LETTERS and re.search(rf"(?i)\b{re.escape(word)}\b", before):
        return True
    after = text[end : end + len(word) + 4] if end is not None else ""
    if len(word) >= MIN_ECHO_LETTERS and re.match(rf"(?i)[\s,.]+{re.escape(word)}\b", after):
        return True
    if len(word) >= MIN_ECHO_LETTERS and (
        _ASKED_TO_SPELL.search(before) or _NAME_CUE.search(before)
    ):
        return True
    if len(word) < MIN_SAID_LETTERS:
        return False
    # letters that open a turn (after any speaker label) answer a request to spell in the turn
    # before ('w i s n i e w s k a', 'k e i r a like the actress')
    return bool(_SAY_CUE.search(before)) or bool(_LABEL_ONLY.fullmatch(before))


# Letters joined by hyphens are a word spelled out as a transcriber writes it ('h-a-r-t-i-g-a-n'),
# whatever came before: the cue to spell is often in the turn before.
_HYPHENED = re.compile(r"(?<![\w'’-])[A-Za-z](?:-[A-Za-z]){3,}(?![\w'’-])")


def spelled_names(text: str) -> list[tuple[int, int]]:
    """Where the text spells a name out: (start, end) of each run of letters."""
    runs = [
        (m.start(), m.end())
        for m in _RUN.finditer(text)
        if is_spelled_name(text, m.start(), spelled_word(m.group()), m.end())
    ]
    return runs + [m.span() for m in _HYPHENED.finditer(text) if m.span() not in runs]


class SpelledNameRecognizer(EntityRecognizer):
    """A name spelled out letter by letter."""

    def __init__(self) -> None:
        super().__init__(
            supported_entities=["PERSON"], name="SpelledNameRecognizer", supported_language="en"
        )

    def load(self) -> None:
        """Nothing to load."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Every run of spoken letters that spells a name."""
        return [
            recognizer_result(self, "PERSON", start, end, 0.85)
            for start, end in spelled_names(text)
        ]
