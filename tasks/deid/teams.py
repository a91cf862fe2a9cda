"""Sports teams named in posts: 'the Warriors', 'real madrid', 'bengals fans', 'Leeds fan'.

A team's name narrows down where a writer lives or comes from. Names of several words
('red sox', 'man utd') count in any case. A one-word nickname is most often an everyday word
('kings', 'heat', 'giants'), so it counts only after 'the' written with capitals ('the Kings',
'THE KINGS') or beside a sports word ('the bengals pick', 'lakers game', 'beat the jets').
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from qualbridge.tasks.deid.token_recognizers import recognizer_result
from qualbridge.tasks.deid.wordlists import load_word_list

TEAMS_FILE = "sports_teams.txt"
TEAM_SCORE = 0.6
# Words that make a nickname a team: fans, games, seasons, results, the draft.
_SPORT = (
    r"fans?|supporters?|game|games|season|playoffs?|match|matches|draft\w*|picks?|pickup"
    r"|beat|beats|beating|won|win|wins|lost|lose|loses|losing|vs\.?|versus|against|defen[cs]e"
    r"|offen[cs]e|coach\w*|roster|score\w*|play|plays|played|playing|fan\s?base|nation"
)
_SPORT_BEFORE = re.compile(rf"(?i)\b(?:{_SPORT}|go|support|supporting)\W+(?:the\W+)?$")
_SPORT_AFTER = re.compile(rf"(?i)^\W*(?:\w+\W+)?(?:{_SPORT})\b")
_THE = re.compile(r"(?i)\bthe\s+$")
# A title-case place before 'fan' or 'fans' supports a club: 'Leeds fan', 'a Derby supporter'.
_PLACE_FAN = re.compile(r"\b(?P<team>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?:fan|fans|supporters?)\b")


@lru_cache(maxsize=1)
def team_names() -> tuple[frozenset[str], frozenset[str]]:
    """The listed names of several words, and the one-word nicknames, lower case."""
    names = {n.casefold() for n in load_word_list(TEAMS_FILE)}
    return frozenset(n for n in names if " " in n), frozenset(n for n in names if " " not in n)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """One pattern for the names of several words, one for the nicknames; longest first."""
    several, single = team_names()

    def alternation(names: frozenset[str]) -> str:
        ordered = sorted(names, key=len, reverse=True)
        return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in ordered)

    return (
        re.compile(rf"(?i)(?<![\w'’-])(?:{alternation(several)})(?![\w'’-])"),
        re.compile(rf"(?i)(?<![\w'’-])(?:{alternation(single)})(?![\w'’-])"),
    )


_NEXT_CAPITAL = re.compile(r"\s+[A-Z]")


def _capitalised_alone(text: str, start: int, end: int) -> bool:
    """Capitalised, and not the first word of a longer title ('the Magic Roundabout')."""
    word = text[start:end]
    if not word[:1].isupper():
        return False
    return word.isupper() or not _NEXT_CAPITAL.match(text, end)


def _nickname_counts(text: str, start: int, end: int) -> bool:
    """A nickname after 'the' in capitals, or beside a sports word."""
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    if _THE.search(before) and _capitalised_alone(text, start, end):
        return True
    return bool(_SPORT_AFTER.match(after) or _SPORT_BEFORE.search(before))


def find_teams(text: str, places: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Offsets of team names in text; places are the lower-case places a fan may support."""
    several, single = _patterns()
    for match in several.finditer(text):
        yield match.span()
    for match in single.finditer(text):
        if _nickname_counts(text, *match.span()):
            yield match.span()
    for match in _PLACE_FAN.finditer(text):
        if match.group("team").casefold() in places:
            yield match.span("team")


class SportsTeamRecognizer(EntityRecognizer):
    """ORGANIZATION for sports teams: listed names, and nicknames in a sports context."""

    NAME = "SportsTeamRecognizer"

    def __init__(self, places: frozenset[str]) -> None:
        self._places = places
        super().__init__(
            supported_entities=["ORGANIZATION"], name=self.NAME, supported_language="en"
        )

    def load(self) -> None:
        """Nothing to load: the list is read once, on first use."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """One result per team name found."""
        if "ORGANIZATION" not in entities:
            return []
        return [
            recognizer_result(self, "ORGANIZATION", s, e, TEAM_SCORE)
            for s, e in find_teams(text, self._places)
        ]
