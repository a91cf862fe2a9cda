"""Numbers read out digit by digit ('oh seven seven oh oh, nine double oh'): someone's phone
or reference number once six or more digits are said in a row."""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from qualbridge.tasks.deid.families.numbers import CODE_LABEL, MIN_DIGITS
from qualbridge.tasks.deid.families.postal import POSTAL_LABEL
from qualbridge.tasks.deid.number_words import TEENS, TENS, UNITS
from qualbridge.tasks.deid.packing import SEPARATOR
from qualbridge.tasks.deid.token_recognizers import recognizer_result

_DIGIT = r"(?:oh|o|zero|nought|one|two|three|four|five|six|seven|eight|nine|\d)"
# 'nine hundred' in a phone number is three digits, 'two thousand' four.
# 'double-oh': a transcriber may join the words with a hyphen.
_GROUP = rf"(?:(?:double|triple|treble)[\s\-]+{_DIGIT}|{_DIGIT}\s+(?:hundred|thousand)|{_DIGIT})"
# Digit words joined by spaces, commas, dashes or full stops, as transcribers write pauses, or
# by a said 'slash' or 'stroke', as references are read ('four three one slash two two').
# A pause filled with 'um' or 'er' does not end a number ('four five zero zero eight zero eight
# um five six six').
_JOINT = r"(?:[\s,.\-]+(?:(?:um|uh|er|erm|ah)[\s,.\-]+)?|\s+(?:slash|stroke|dash|hyphen)\s+)"
# Two digits said as a number, as the end of a phone number often is ('... one four twenty two
# ninety'): read only after two digits said one by one, so dates and years stay out.
_PAIR = rf"(?:(?:{TENS})(?:[\s\-]+(?:{UNITS}))?|(?:{TEENS}))"
_RUN = re.compile(rf"(?i)\b{_GROUP}(?:{_JOINT}{_GROUP})+(?:{_JOINT}(?:{_PAIR}|{_GROUP}))*\b")
_EACH_GROUP = re.compile(rf"(?i){_PAIR}\b|{_GROUP}")
_WHOLE_PAIR = re.compile(rf"(?i){_PAIR}")
_ZEROS_AFTER = {"hundred": 2, "thousand": 3}
_REPEAT = re.compile(r"(?i)^(double|triple|treble)[\s\-]+")
# Letters read out beside the digits, as in a National Insurance number ('J H one two ... D');
# 'a' or 'i' is a letter only beside another letter ('c a two zero').
_LETTERS_BEFORE = re.compile(
    # up to two more letters before: 'r w e four four eight one nine two', 'p i p zero four'
    r"(?:\b(?![aiAI]\b)[A-Za-z]\s+){0,2}"
    r"(?:\b[A-Za-z]\s+\b(?![aiAI]\b)[A-Za-z]\s+|\b(?![aiAI]\b)[A-Za-z]\s+[A-Za-z]\s+"
    r"|\b(?![aiAI]\b)[A-Za-z]\s+|\b(?!(?i:an|am|as|at|be|by|do|go|he|if|in|is|it|me"
    r"|my|no|of|oh|ok|on|or|so|to|up|us|we)\b)[A-Za-z]{2}\s+)$"
)
# A final 'a' is the article unless nothing that could follow an article comes after it.
_LETTER_AFTER = re.compile(
    r"\s+(?:(?![aA]\b)[A-Da-d]\b|[aA](?=\s*(?:[,.?!;]|$)|\s+(?:my|your|I|i|that|it|yeah|and"
    # or where the speaker corrects or checks it: '... two seven a sorry i always forget'
    r"|then|so|is|was|for|from|sorry|no|or|ok|okay|right|yes|um|er|erm)\b)"
    # any other consonant where the clause ends or goes on: '... eight nine x is that right'
    r"|(?![aeiouAEIOU]\b)[A-Za-z]\b(?=\s*(?:[,.?!;]|$)|\s+(?:is|and|that|if|so|yeah|right"
    r"|please|for|then)\b))"
)
_PLUS = re.compile(r"(?i)\bplus\s+$")
# Letters spelled one by one before the digits of a reference ('c m h t four four eight one b'):
# with them a shorter run is a code, once letters and digits make MIN_DIGITS characters.
_SPELLED_LETTERS = re.compile(r"(?:(?<!['’])\b[A-Za-z][\s,.\-]+){2,8}$")
# A number plate read out: two letters, the two-digit age number, three letters ('m a nineteen
# r z o', 'y k one seven h t u').
_SPOKEN_PLATE = re.compile(
    rf"(?i)\b[a-z]\s+[a-z]\s+(?:{TEENS}|(?:twenty|thirty|forty|fifty|sixty|seventy)"
    rf"(?:[\s-]+(?:{UNITS}))?|(?:oh|{UNITS})\s+(?:{UNITS}))\s+[a-z]\s+[a-z]\s+[a-z]\b"
)
# Up to three letters spelled after the digits of a reference ('... one two k', 'h t u').
_CODE_LETTERS_AFTER = re.compile(r"(?:\s+(?![aiAI]\b)[A-Za-z]\b(?!['’])){1,3}")
# A Canadian postal code read out, letter and digit by turns: 'm four c one b five'.
_SPOKEN_CANADIAN_CODE = re.compile(
    rf"(?i)\b[a-z]\s+{_DIGIT}\s+[a-z]\s+{_DIGIT}\s+[a-z]\s+{_DIGIT}\b"
)
# A postal code said digit by digit after its label ('the zip is three three six oh two'),
# in any country's word for it ('the código postal is zero eight zero two five').
_ZIP_CUE = re.compile(
    rf"(?i)\b{POSTAL_LABEL}"
    r"(?:['’]s|\s+(?:is|was|number))?[\s,:]+(?:(?:um|uh|er|erm|its|it['’]s)[\s,]+)*$"
)
# A code of letters and numbers read out after a postal label, as Eircodes are ('the eircode
# is d twenty four x k seven two'): letters, digits and tens said one after another.
_CUED_SPOKEN_CODE = re.compile(
    rf"(?i)\b{POSTAL_LABEL}(?:['’]s|\s+(?:is|was|number))?[\s,:]+"
    r"(?:(?:um|uh|er|erm|its|it['’]s)[\s,]+)*"
    rf"(?P<value>(?:(?:[a-z]|{_DIGIT}|{TEENS}|{TENS})\b[\s,]*){{3,10}})"
)
_LONE_LETTER_BEFORE = re.compile(r"\b[A-Za-z]\s+$")
# A National Insurance number by its shape, two letters, six digits and a letter, with any
# pauses between ('Z B 6 8 0 1 8 5 B', 'TJ.14.49.81.A', 'h y 0 1 4 6 0 4 a'), whatever the
# letters: made-up and specimen numbers ('ZZ 07 85 75 T', 'QQ123456C') are still someone's.
_SPELLED_NINO = re.compile(
    r"(?<![\w.\-])(?:[A-Z][\s.\-]*[A-Z](?:[\s.\-]*\d){6}[\s.\-]*[A-Z]"
    r"|[a-z][\s.\-]*[a-z](?:[\s.\-]*\d){6}[\s.\-]*[a-z])(?![\w\-])"
)


def digit_count(run: str) -> int:
    """How many digits a spoken run stands for: 'double oh' is two."""
    count = 0
    for group in _EACH_GROUP.findall(run):
        repeat = _REPEAT.match(group)
        if _WHOLE_PAIR.fullmatch(group):
            count += 2
        elif repeat:
            count += {"double": 2, "triple": 3, "treble": 3}[repeat.group(1).casefold()]
        else:
            count += _ZEROS_AFTER.get(group.split()[-1].casefold(), 0) + 1
    return count


_DIGIT_NAMES = "zero one two three four five six seven eight nine".split()
_DIGIT_VALUES = {
    **{w: str(i) for i, w in enumerate(_DIGIT_NAMES)},
    "oh": "0",
    "o": "0",
    "nought": "0",
}
_POSTCODE_SHAPE = re.compile(r"[a-z]{1,2}\d[a-z\d]?\d[a-z]{2}")


def _compact(said: str) -> str:
    """Letters and digits said one by one, written together: 'c a three six d j' is ca36dj."""
    return "".join(_DIGIT_VALUES.get(w, w) for w in re.findall(r"\w+", said.casefold()))


# A number said across turns: its start ends one turn and its rest opens the next, perhaps
# after a short turn of the listener's between ('oh one five one four nine six' / 'mm hm' /
# 'oh seven three seven'). Packed texts are joined by SEPARATOR ('\n.\n').
_JOIN = re.escape(SEPARATOR)
_SHORT_TURN = rf"(?:{_JOIN}[^\n]{{0,24}})?{_JOIN}[ \t]*"
_ENDS_A_TURN = re.compile(rf"(?i){_GROUP}(?:{_JOINT}{_GROUP}){{2,}}[\s,.\-]*{_SHORT_TURN}$")
_OPENS_A_TURN = re.compile(rf"(?i)[\s,.\-]*{_SHORT_TURN}{_GROUP}(?:{_JOINT}{_GROUP}){{2,}}\b")
MIN_CONTINUED_DIGITS = 3


# What names a number said after it: 'interpreter number four four seven one nine'.
_NUMBER_LABEL = re.compile(
    rf"(?:{CODE_LABEL})(?i:(?:its|it['’]s)[\s,]+)?(?i:(?:um|uh|er|erm)[\s,]+)*$"
)
MIN_LABELLED_DIGITS = 4


# A correction right after a part of a number: 'm k six eight no m k six nine', 'double oh
# nine not double nine'. What was corrected was still said.
_CORRECTED = re.compile(
    r"(?i)(?:[\s,]+[A-Za-z](?![\w'’])){0,3}[\s,.]+(?:no|sorry|not|wait|i\s+mean)\b"
)
MIN_CORRECTED_DIGITS = 3
MIN_CORRECTED_CHARACTERS = 4


def short_number(text: str, start: int, end: int, digits: int) -> bool:
    """A run too short to be a number by length alone that still is one: four digits or more
    after a label, or opening with zero (no count or year does: 'oh one three eight two'), or
    three or more going on from, or into, a number said in another turn."""
    run = text[start:end]
    # digits said one by one: no 'hundred' (a time), no pair (a date or an age)
    plain = digits >= MIN_LABELLED_DIGITS and not re.search(
        rf"(?i)hundred|thousand|\b(?:{TENS}|{TEENS})\b", run
    )
    if plain and (_starts_with_zero(run) or _NUMBER_LABEL.search(text, max(0, start - 40), start)):
        return True
    if digits >= MIN_CORRECTED_DIGITS and _CORRECTED.match(text, end):
        return True
    return digits >= MIN_CONTINUED_DIGITS and continues_across_turns(text, start, end)


def continues_across_turns(text: str, start: int, end: int) -> bool:
    """The run goes on from a number that ended the turn before, or into one that opens the
    turn after."""
    return bool(
        _ENDS_A_TURN.search(text, max(0, start - 120), start) or _OPENS_A_TURN.match(text, end)
    )


def _starts_with_zero(run: str) -> bool:
    return bool(re.match(r"(?i)(?:oh|o|zero|nought|0)\b", run))


class SpokenDigitsRecognizer(EntityRecognizer):
    """Six or more digits said one by one: a phone number when it opens with zero, a National
    Insurance number between letters, else an ID; letters read out beside them join the span."""

    def __init__(self) -> None:
        super().__init__(
            supported_entities=["PHONE_NUMBER", "ID_NUMBER", "ZIP_CODE"],
            name="SpokenDigitsRecognizer",
            supported_language="en",
        )

    def load(self) -> None:
        """Nothing to load."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """One result per run of at least MIN_DIGITS digits that has a digit word in it."""
        results = [
            recognizer_result(self, "UK_NINO", m.start(), m.end(), 0.7)
            for m in _SPELLED_NINO.finditer(text)
        ]
        results += [
            recognizer_result(self, "ID_NUMBER", m.start(), m.end(), 0.6)
            for m in _SPOKEN_PLATE.finditer(text)
        ]
        results += [
            recognizer_result(self, "ZIP_CODE", m.start(), m.end(), 0.6)
            for m in _SPOKEN_CANADIAN_CODE.finditer(text)
        ]
        results += self._cued_spoken_codes(text)
        for match in _RUN.finditer(text):
            run = match.group().rstrip(",.- ")
            if not re.search(r"[A-Za-z]", run):
                continue  # runs of numerals alone belong to the digit-run rule
            start, end = match.start(), match.start() + len(run)
            if digit_count(run) < MIN_DIGITS and _ZIP_CUE.search(text, max(0, start - 24), start):
                results.append(recognizer_result(self, "ZIP_CODE", start, end, 0.6))
                continue
            if digit_count(run) < MIN_DIGITS and not short_number(
                text, start, end, digit_count(run)
            ):
                code = self._spelled_code(text, start, end, digit_count(run))
                if code is not None:
                    results.append(code)
                continue
            entity = "PHONE_NUMBER" if _starts_with_zero(run) else "ID_NUMBER"
            before = _LETTERS_BEFORE.search(text, max(0, start - 6), start)
            after = _LETTER_AFTER.match(text, end)
            plus = _PLUS.search(text, max(0, start - 8), start)
            if plus:  # 'plus four four ...': an international phone number
                start, entity = plus.start(), "PHONE_NUMBER"
            elif before:
                start = before.start()
            if after:
                end = after.end()
            if before and after and digit_count(run) == MIN_DIGITS:
                entity = "UK_NINO"
            results.append(recognizer_result(self, entity, start, end, 0.6))
        return results

    def _cued_spoken_codes(self, text: str) -> list[RecognizerResult]:
        """Postal codes of letters and numbers read out after their label, with two digit
        words or more and a letter among them (digits alone are the run rule's)."""
        results = []
        for m in _CUED_SPOKEN_CODE.finditer(text):
            value = m.group("value").rstrip(" ,")
            words = value.casefold().replace(",", " ").split()
            digits = sum(not (len(w) == 1 and w.isalpha()) for w in words)
            if digits >= 2 and any(len(w) == 1 and w.isalpha() for w in words):
                start = m.start("value")
                results.append(recognizer_result(self, "ZIP_CODE", start, start + len(value), 0.6))
        return results

    def _spelled_code(
        self, text: str, start: int, end: int, digits: int
    ) -> RecognizerResult | None:
        """A short run with letters spelled out before or after it, as one reference ('r x h
        four four nine one two k', 'y k one seven h t u', 'a one three five seven d w'), or
        None; letters and digits together make at least MIN_DIGITS characters."""
        letters = _SPELLED_LETTERS.search(text, max(0, start - 24), start)
        before = re.findall(r"[A-Za-z]", letters.group()) if letters else []
        if set(map(str.casefold, before)) <= {"a", "i"}:
            before = []  # 'a' and 'i' alone are words
        after = _CODE_LETTERS_AFTER.match(text, end)
        after_count = len(re.findall(r"[A-Za-z]", after.group())) if after else 0
        if digits < 2 or len(before) + after_count < 2:
            return None
        # a part said before a correction is shorter: 'm k six eight no m k six nine'
        shortest = MIN_CORRECTED_CHARACTERS if _CORRECTED.match(text, end) else MIN_DIGITS
        if len(before) + digits + after_count < shortest:
            return None
        if letters and before:
            start = letters.start()
        if _POSTCODE_SHAPE.fullmatch(_compact(text[start : after.end() if after else end])):
            return None  # 'c a three six d j' is a postcode, left to the postcode rules
        elif (lone := _LONE_LETTER_BEFORE.search(text, max(0, start - 3), start)) is not None:
            start = lone.start()  # 'is a one three five seven d w': the 'a' is a letter here
        return recognizer_result(self, "ID_NUMBER", start, after.end() if after else end, 0.6)
