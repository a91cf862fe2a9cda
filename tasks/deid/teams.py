"""Teams and groups named in posts: 'the Warriors', 'real madrid', 'Leeds fan', 'the Kelly twins'.

A team's name narrows down where a writer lives or comes from. Names of several words
('red sox', 'man utd') and leagues ('NBA') count in any case. A one-word nickname is most
often an everyday word ('kings', 'heat', 'giants'), so it counts only after 'the' written with
capitals ('the Kings', 'THE KINGS') or beside a sports word ('the bengals pick', 'lakers game',
'beat the jets').
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from qualbridge.tasks.deid.name_edges import is_capitalised_line
from qualbridge.tasks.deid.recasing import Vocabulary, after_sentence_end
from qualbridge.tasks.deid.wordlists import load_word_list

TEAMS_FILE = "sports_teams.txt"
TEAM_SCORE = 0.6
# Words that make a nickname a team: fans, games, seasons, results, the draft.
_SPORT = (
    r"fans?|supporters?|game|games|season|playoffs?|match|matches|draft\w*|picks?|pickup"
    r"|beat|beats|beating|won|win|wins|lost|lose|loses|losing|vs\.?|versus|against|defen[cs]e"
    r"|offen[cs]e|coach\w*|roster|score\w*|play|plays|played|playing|fan\s?base|nation"
    # what fans wear and hold: 'wearing an arsenal shirt', 'his celtic season ticket'
    r"|shirt|shirts|kit|scarf|jersey|season\s+ticket"
)
_SPORT_BEFORE = re.compile(rf"(?i)\b(?:{_SPORT}|go|support|supporting)\W+(?:the\W+)?$")
_SPORT_AFTER = re.compile(rf"(?i)^\W*(?:\w+\W+)?(?:{_SPORT})\b")
_THE = re.compile(r"(?i)\bthe\s+$")
# A title-case place before 'fan' or 'fans' supports a club: 'Leeds fan', 'a Derby supporter'.
_PLACE_FAN = re.compile(r"\b(?P<team>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?:fan|fans|supporters?)\b")


# A named group of people: 'the Kelly twins', 'Zac brown band'. The name before the group word
# opens with a capitalised name or unknown word; up to two more words, none a stop word.
_GROUP_WORD = re.compile(r"(?i)\b(?:band|twins|brothers|sisters|crew|squad)\b")
_WORDS_BEFORE = re.compile(r"(?:[^\W\d_][\w'’]*\s+){1,3}$")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’]*")


@lru_cache(maxsize=1)
def team_names() -> tuple[frozenset[str], frozenset[str]]:
    """The names that count anywhere (several words, or listed in capitals: 'NBA'), and the
    one-word nicknames; lower case."""
    listed = load_word_list(TEAMS_FILE)
    anywhere = frozenset(n.casefold() for n in listed if " " in n or n.isupper())
    return anywhere, frozenset(n.casefold() for n in listed) - anywhere


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
_PREVIOUS_CAPITAL = re.compile(r"\b[A-Z][\w'’]*$")
# A team cheered on: 'Go Lancers!', 'GOOO BEARS !!'.
_CHEERED = re.compile(
    r"\b(?:Go+|GO+|go+)[^\S\n]+(?:the[^\S\n]+)?(?P<team>[A-Z][a-z]+s|[A-Z]{3,}S)(?=[^\S\n]*!)"
)


def _capitalised_alone(text: str, start: int, end: int) -> bool:
    """Capitalised, and not the first word of a longer title ('the Magic Roundabout')."""
    word = text[start:end]
    if not word[:1].isupper():
        return False
    return word.isupper() or not _NEXT_CAPITAL.match(text, end)


def _capitalised_plural_inside(text: str, start: int, end: int) -> bool:
    """A plural nickname capitalised inside a sentence of a line not in title case: 'a win
    for Eagles on Sunday'; at a sentence's start or in a headline a capital says nothing."""
    word = text[start:end]
    if not (word[:1].isupper() and word[1:].islower() and word.endswith("s")):
        return False
    before = text[max(0, start - 40) : start].rstrip(" \t")
    if not before or before.endswith("\n") or after_sentence_end(text, start):
        return False
    if _PREVIOUS_CAPITAL.search(before) or not _capitalised_alone(text, start, end):
        return False  # a word of a longer title: 'All Saints Day'
    return not is_capitalised_line(text, start, end)


def _nickname_counts(text: str, start: int, end: int) -> bool:
    """A nickname after 'the' in capitals or as a capitalised hashtag, or beside a sports word
    on the same line (texts analysed together are joined by line breaks: one post's 'fans'
    must not cue the next)."""
    if text[start - 1 : start] == "#" and text[start].isupper():
        return True  # '#Steelers': a hashtag names the team, not the everyday word
    if _capitalised_plural_inside(text, start, end):
        return True
    before = text[max(0, start - 40) : start].rpartition("\n")[2]
    after = text[end : end + 40].partition("\n")[0]
    if _THE.search(before) and _capitalised_alone(text, start, end):
        return True
    return bool(_SPORT_AFTER.match(after) or _SPORT_BEFORE.search(before))


def _with_article(text: str, start: int) -> int:
    """Where the name starts with its 'the': a team is called 'the Bengals', not 'Bengals'."""
    article = _THE.search(text, max(0, start - 8), start)
    return article.start() if article else start


def find_teams(text: str, places: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Offsets of team names in text, with their 'the'; places are the lower-case places a
    fan may support; any capitalised plural cheered on ('Go Lancers!')."""
    for match in _CHEERED.finditer(text):
        yield match.span("team")
    several, single = _patterns()
    for match in several.finditer(text):
        yield _with_article(text, match.start()), match.end()
    for match in single.finditer(text):
        if _nickname_counts(text, *match.span()):
            yield _with_article(text, match.start()), match.end()
    for match in _PLACE_FAN.finditer(text):
        if match.group("team").casefold() in places:
            yield match.span("team")


def _is_name(word: str, vocabulary: Vocabulary) -> bool:
    """A capitalised listed name, or a capitalised word no dictionary knows."""
    folded = word.casefold()
    if not word[:1].isupper() or folded in STOP_WORDS:
        return False
    names = vocabulary.first_names | vocabulary.surnames
    return folded in names or vocabulary.is_unknown(folded)


def find_groups(text: str, vocabulary: Vocabulary) -> Iterator[tuple[int, int]]:
    """Offsets of named groups of people: a name, up to two more words, then 'band', 'twins'."""
    for match in _GROUP_WORD.finditer(text):
        before = _WORDS_BEFORE.search(text, max(0, match.start() - 60), match.start())
        if before is None:
            continue
        words = list(_NAME_WORD.finditer(text, before.start(), match.start()))
        for first in range(len(words)):
            rest = words[first + 1 :]
            if _is_name(words[first].group(), vocabulary) and not any(
                w.group().casefold() in STOP_WORDS for w in rest
            ):
                yield words[first].start(), match.end()
                break


def find_teams_and_groups(
    text: str, places: frozenset[str], vocabulary: Vocabulary
) -> Iterator[tuple[int, int]]:
    """Offsets of sports teams and of named groups of people ('the Kelly twins')."""
    yield from find_teams(text, places)
    yield from find_groups(text, vocabulary)
