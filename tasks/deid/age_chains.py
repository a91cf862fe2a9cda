"""Ages said again, or given as alternatives, right after a found age: 'seven, eight maybe',
'nine or ten', 'twenty-five? Twenty-six?', 'I'm 52. Fifty-two years on this earth', 'in my
sixties, sixty-three', 'three kids, twelve, nine and four'. And a found person's age said
right after their name: 'my little one inès is four shes at the école'."""

from __future__ import annotations

import re
from dataclasses import replace

from qualbridge.tasks.deid.age_patterns import HEDGE, NUMBER
from qualbridge.tasks.deid.date_patterns import MONTH_NAMES
from qualbridge.tasks.deid.filters import Detection

# Only a mark, a dash or a joining word between the ages; the next one ends a clause or is
# followed by a word that goes on with an age.
_NEXT_AGE = re.compile(
    r"(?i)[ \t]*(?:[,?!.;]|—|–|-{1,2})?[ \t]*(?:(?:or|and|maybe|to|no|even|like)[ \t]+)?"
    rf"(?P<value>{NUMBER}(?:[ \t]+(?:years?|months?)(?:[ \t]+old)?)?)"
    r"(?=[ \t]*(?:[,?!.;—–]|$)|[ \t]+(?:or|and|maybe|on|when|since|now|then|at\b)"
    # 'I'm thirty-nine, forty in June': the next age and when it comes
    rf"|[ \t]+in[ \t]+(?i:{MONTH_NAMES}|the\s+(?:spring|summer|autumn|winter)|\d{{4}})\b)"
)


# A person's name, then 'is' and a number that ends the clause or is followed by what goes on
# after an age ('Tom is one of them', 'Tom was ten minutes late' are no ages).
_AGE_AFTER_NAME = re.compile(
    # 'Tyler, he's six in August': the name restated by a pronoun before the age
    rf"(?i)(?:,?[ \t]+(?:he|she)(?:['’]s|[ \t]+(?:is|was|turned|turns))"
    rf"|[ \t]+(?:is|was|turned|turns)|['’]s)[ \t]+{HEDGE}(?P<value>{NUMBER})"
    r"(?=[ \t]*(?:[,.;!?]|$)|[ \t]+(?:and|now|but|so|next|this|in|shes|hes|she|he|they|i)\b)"
)


# A name, then its age between commas, as posts and notes give it: 'Chloe, 12, has been in the
# ward', 'Pacjent Tomasz W., 58; NIP'.
_AGE_BESIDE_NAME = re.compile(r"\.?[ \t]*,[ \t]*(?P<value>\d{1,2})(?=[ \t]*[,);]|[ \t]*$)")


def with_restated_ages(detections: list[Detection], text: str) -> list[Detection]:
    """Each found age, and every age said right after it, as its own detection; the age said
    right after a found person's name."""
    out = list(detections)
    for person in (d for d in detections if d.entity_type == "PERSON"):
        said = _AGE_AFTER_NAME.match(text, person.end) or _AGE_BESIDE_NAME.match(text, person.end)
        if said and not any(d.start < said.end() and said.start("value") < d.end for d in out):
            out.append(
                replace(person, start=said.start("value"), end=said.end(), entity_type="AGE")
            )
    for age in (d for d in list(out) if d.entity_type == "AGE"):
        end = age.end
        while (after := _NEXT_AGE.match(text, end)) is not None:
            start, end = after.span("value")
            if any(d.start < end and start < d.end for d in out):
                break
            out.append(replace(age, start=start, end=end))
    return sorted(out, key=lambda d: (d.start, d.end)) if len(out) > len(detections) else out
