"""Restore likely capitals in lower-case transcripts (as speech recognisers write them).

Names, places and institutions in 'i told sarah at st lukes' are invisible to NER and to the
case-sensitive rules. The recaser capitalises what is probably a proper noun, without
changing the text's length, so detections still index the original text.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from qualbridge.tasks.deid.name_position import after_person_cue, said_as_name
from qualbridge.tasks.deid.wordlists import business_heads, generic_service_words, load_word_list

# A word, not the letters glued to a number ('th' of '30th' stays as typed).
_TOKEN = re.compile(r"(?<![\d])[^\W\d_][\w'’&\-]*")
MONTHS_AND_DAYS = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday christmas easter""".split()
)
ACRONYMS = frozenset("nhs gp cmht cbt dbt ptsd ocd adhd uk emdr iapt camhs cpn".split())
TITLES = frozenset("dr mr mrs ms miss mx prof".split())
# Titles written short with a full stop ('Dr. Shah', 'Sra. Pérez', 'Dr. med.'): after one the
# full stop ends no sentence.
ABBREVIATED_TITLES = frozenset(
    "dr dra mr mrs ms mx prof fr rev sgt dci ds dc pc st dott sig sr sra srta mme mlle hr frau"
    " herr pani pan mevr dhr med hab ing mag phd".split()
)
PLACE_CUES = frozenset(
    "in to from into near round around outside towards at through via up down past".split()
)
STREET_SUFFIXES = frozenset(
    """road street lane avenue close drive way court crescent terrace grove place fold gardens
    row walk square mews rise view parade green gate croft park hill bank yard mount vale
    estate town moor side""".split()
)
SUFFIXES = (
    STREET_SUFFIXES
    | frozenset(
        """hospital infirmary general ward unit trust school academy college university surgery
    centre center clinic church mosque masjid temple gurdwara synagogue library council
    society network partnership project hub hospice shed café cafe primary juniors infants
    house drop-in walkers practice group club pharmacy""".split()
    )
    | business_heads()
)
# Two-word heads whose first word is generic alone: 'st cuthbert's high school'.
COMPOUND_HEADS = frozenset(
    head.strip()
    for head in """high school|primary school|junior school|infant school|medical practice
    |family practice|health centre|medical centre|day centre|community centre|resource centre
    |care home|nursing home""".split("|")
)
# Describing words that open names of places and institutions ('royal calder infirmary').
NAME_ADJECTIVES = frozenset(
    "royal great greater north south east west upper lower holy central united".split()
)
POSSESSIVES = frozenset("my his her our your their me this that".split())
RELATIONS = frozenset(
    """sister brother mum mam mother dad father nan gran grandma grandad aunt auntie aunty
    uncle cousin son daughter wife husband partner boyfriend girlfriend friend mate pal
    neighbour niece nephew ex worker therapist counsellor nurse doctor lad girl bloke fella
    guy woman man grandson granddaughter grandma grandpa granny stepson stepdaughter stepdad
    stepmum godson goddaughter fiance fiancee mom mommy mummy mammy mama papa stepmom
    stepbrother stepsister bestie ma da pa""".split()
)
EMPLOYER_CUES = frozenset({"at", "for", "from", "in"})
CONNECTORS = frozenset({"and", "of", "&"})
MAX_PHRASE_TOKENS = 4


_KEY_APOSTROPHE = re.compile(r"['’]")
_KEY_SPACE = re.compile(r"[\s\-]+")
_KEY_SAINT = re.compile(r"\b(?:saint|st\.?)(?=\s)")


def place_key(phrase: str) -> str:
    """A place name as looked up, however it is spelt or said: no apostrophes or hyphens,
    'saint' as 'st' ("king's lynn", 'kings lynn'; 'ashby de la zouch', 'ashby-de-la-zouch')."""
    key = _KEY_SPACE.sub(" ", _KEY_APOSTROPHE.sub("", phrase.casefold())).strip()
    return _KEY_SAINT.sub("st", key)


@lru_cache(maxsize=4)
def place_keys(places: frozenset[str]) -> frozenset[str]:
    """The keys of listed places, each also without an opening 'royal' ('tunbridge wells')."""
    keys = {place_key(p) for p in places}
    return frozenset(keys | {k.removeprefix("royal ") for k in keys if k.count(" ") > 1})


_KEY_NEEDED = re.compile(r"['’\-]|\bsaint\b|\bst\.")


def _is_listed_place(phrase: str, keys: frozenset[str]) -> bool:
    """Whether a lower-case phrase is a listed place, keyed only when its spelling needs it."""
    return phrase in keys or (bool(_KEY_NEEDED.search(phrase)) and place_key(phrase) in keys)


def is_uncased(text: str, threshold: float = 0.02) -> bool:
    """True when (almost) no letter is upper case, as in speech-recogniser output."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) < threshold


@dataclass(frozen=True)
class Vocabulary:
    """Lower-case word lists the recaser decides with."""

    first_names: frozenset[str]
    all_first_names: frozenset[str]
    surnames: frozenset[str]
    places: frozenset[str]
    employers: frozenset[str]
    dictionary: Container[str]
    non_nouns: Container[str]
    adjectives: Container[str]
    all_places: frozenset[str]
    everyday: frozenset[str]

    def is_unknown(self, word: str) -> bool:
        """Not a dictionary, stop or everyday word: probably a name."""
        word = word.lstrip("'’")  # "'cause"
        if word.endswith(("n't", "n’t")):
            return False  # "couldn't", "won't": no name ends so
        base = re.split(r"['’]", word, maxsplit=1)[0]
        if base != word and (base in STOP_WORDS or base in self.dictionary):
            return False  # "she's", "mum's"
        parts = word.split("-")
        if len(parts) > 1 and all(p and not self.is_unknown(p) for p in parts):
            return False  # "fifty-six", "well-known": every part is a known word
        return (
            len(word) >= 3
            and word not in self.dictionary
            and word not in STOP_WORDS
            and word not in self.everyday
            and word.replace("-", "").replace("'", "").isalpha()
        )


# A run typed in capitals: from a capital to the next lower-case letter ('DAVE WAS THERE').
_SHOUTED_RUN = re.compile(r"[A-Z][^a-z]*")
_RUN_WORD = re.compile(r"[A-Z][A-Z'’\-]+")
MIN_SHOUTED_WORDS = 3
_LONE_CAPITALS = re.compile(r"\b[A-Z]{3,}\b")
# A word in lower case inside cased text, not part of an address, handle or link.
_LOWER_WORD = re.compile(r"(?<![\w@./#'’\-])[a-z]{3,}(?![\w@'’\-]|\.\w)")
_WORD_WITHOUT_DIGITS = re.compile(r"(?<![\w'’\-])[^\W\d]+(?:['’\-][^\W\d]+)*(?![\w'’\-])")


_CAPITAL = re.compile(r"[A-Z]")
_ACRONYM_WORD = re.compile(
    r"(?:" + "|".join(sorted((a.upper() for a in ACRONYMS), key=len, reverse=True)) + r")s?\b"
)
_PRONOUN_I = re.compile(r"I(?:['’](?:m|d|ve|ll))?\b")


def has_sentence_capitals_only(text: str) -> bool:
    """True when every capital opens a sentence or is the pronoun 'I', as speech recognisers
    that capitalise sentences write ('Down near the top of ferncliffe street'); the service
    acronyms they also write in capitals ('the GP') are allowed anywhere."""
    for m in _CAPITAL.finditer(text):
        at = m.start()
        if at and text[at - 1].isalpha():
            if _ACRONYM_WORD.match(text, _word_start(text, at)):
                continue
            return False  # a capital inside a word: 'McDonald', 'NHS'
        if _ACRONYM_WORD.match(text, at):
            continue
        if not (at == 0 or after_sentence_end(text, at) or _PRONOUN_I.match(text, at)):
            return False
    return any(c.isalpha() for c in text)


_SENTENCE_OPENING = re.compile(r"(?:^|[.!?]\s+)[^\w]*(?P<letter>[^\W\d_])")


def opens_in_lower_case(text: str) -> bool:
    """True when some sentence opens in lower case ('hi it's kerry from the Carers Hub'): its
    writer does not capitalise reliably, so a lower-case word may still be a name."""
    return any(m.group("letter").islower() for m in _SENTENCE_OPENING.finditer(text))


def _word_start(text: str, at: int) -> int:
    while at and text[at - 1].isalpha():
        at -= 1
    return at


def in_shouted_run(text: str, start: int, look_back: int = 400) -> bool:
    """Whether `start` falls in a run of three or more words typed in capitals."""
    low = start
    while low > 0 and start - low < look_back and not text[low - 1].islower():
        low -= 1
    run = _SHOUTED_RUN.search(text, low)
    return (
        run is not None
        and run.start() <= start < run.end()
        and len(_RUN_WORD.findall(run.group())) >= MIN_SHOUTED_WORDS
    )


def after_sentence_end(text: str, start: int) -> bool:
    """Whether the last non-space character before `start` ends a sentence (. ! ?).

    Walks back over the spaces only: searching the whole prefix made long lines quadratic.
    """
    at = start - 1
    while at >= 0 and text[at].isspace():
        at -= 1
    return at >= 0 and text[at] in ".!?"


def lower_set(words: Iterable[str]) -> frozenset[str]:
    """Case-folded copy of a word list."""
    return frozenset(w.casefold() for w in words)


class Recaser:
    """Capitalises probable proper nouns in lower-case text, keeping every offset."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.v = vocabulary

    def restore(self, text: str) -> str:
        """The text as a writer using capitals would have typed it: lower case (or capitals at
        sentence starts only) recased, and
        every run of three or more words typed in capitals lowered and recased on its own."""
        if is_uncased(text):
            return self.recase(text)
        if has_sentence_capitals_only(text):
            # Sentence case is also how chat is typed, misspelt words and all: here only the
            # word lists and name shapes decide, not a word being unknown.
            return self.recase(text, guess_unknown=False)
        if opens_in_lower_case(text):
            # So too where capitals come and go ('hi it's kerry from the Carers Hub').
            text = self.recase(text, guess_unknown=False)
        else:
            # A name typed in lower case in cased text ('when it got bad oksana would come').
            text = _LOWER_WORD.sub(self._lower_name, text)
        return _LONE_CAPITALS.sub(self._title_name, _SHOUTED_RUN.sub(self._restore_run, text))

    def _lower_name(self, word: re.Match[str]) -> str:
        """A listed first name that no dictionary knows, where a name stands, capitalised as a
        name is written; dialect and foreign words that are names somewhere stay ('gie ye')."""
        value = word.group()
        if not self._placed_name(value, word.string, word.start(), word.end()):
            return value
        return value[0].upper() + value[1:]

    def _placed_name(self, word: str, text: str, start: int, end: int) -> bool:
        """A listed first name no dictionary knows, where a name stands (`name_position`):
        before its verb or after a word that takes a person, not after a determiner ('when a
        lola says')."""
        if word not in self.v.all_first_names or word in self.v.dictionary:
            return False
        return said_as_name(text, start, end) or after_person_cue(text, start)

    def _title_name(self, word: re.Match[str]) -> str:
        """A name typed in capitals alone ('they put MICHAELA on'), as a name is written."""
        value = word.group()
        text, start, end = word.string, word.start(), word.end()
        if text[start - 1 : start] in ("-", "/") or text[end : end + 1] in ("-", "/"):
            return value  # a part of a code: 'WCBC-HOU-55127'
        w = value.casefold()
        named = w in self.v.all_first_names or w in self.v.surnames
        if not named or w in self.v.dictionary or w in ACRONYMS or len(value) < 3:
            return value
        return value[0] + value[1:].lower() if len(value.lower()) == len(value) else value

    def _restore_run(self, run: re.Match[str]) -> str:
        value = run.group()
        # A code of capitals and digits keeps its case: 'rego 1XJ 4KD (VIC)' (the run may open
        # inside the code, after its digit).
        glued = run.start() > 0 and run.string[run.start() - 1].isalnum()
        lowered = _WORD_WITHOUT_DIGITS.sub(
            lambda w: w.group() if glued and w.start() == 0 else w.group().lower(), value
        )
        if len(_RUN_WORD.findall(value)) < MIN_SHOUTED_WORDS or len(lowered) != len(value):
            return value
        return self.recase(lowered)

    def recase(self, text: str, guess_unknown: bool = True) -> str:
        """The text with likely proper nouns, sentence starts, 'I' and acronyms capitalised."""
        tokens = [(m.start(), m.end(), m.group().casefold()) for m in _TOKEN.finditer(text)]
        words = [w for _, _, w in tokens]
        caps: set[int] = set()
        upper: set[int] = set()
        for i, word in enumerate(words):
            if word in ACRONYMS:
                upper.add(i)
            # A surname after a capitalised name ('Tracey Hollins'), not after 'I' ('I cant').
            surname = (
                i - 1 in caps
                and words[i - 1] != "i"
                and word in self.v.surnames
                and word not in self.v.non_nouns
                and word not in self.v.everyday
            )
            if self._capitalise(i, words, text, tokens, guess_unknown) or surname:
                caps.add(i)
        caps |= self._phrases(words, self.v.places | self.v.employers)
        caps |= self._institutions(words, text, tokens, guess_unknown)
        chars = list(text)
        for i in caps | upper:
            start, end, _ = tokens[i]
            word = text[start:end]
            piece = word.upper() if i in upper else word[0].upper() + word[1:]
            if len(piece) == end - start:  # a few characters change length when upper-cased
                chars[start:end] = piece
        return "".join(chars)

    def _capitalise(
        self,
        i: int,
        words: list[str],
        text: str,
        tokens: list[tuple[int, int, str]],
        guess_unknown: bool = True,
    ) -> bool:
        word, prev = words[i], words[i - 1] if i else ""
        if word == "i" or word.startswith(("i'", "i’")):
            return True
        if i == 0 or after_sentence_end(text, tokens[i][0]):
            return True
        if word in MONTHS_AND_DAYS or (
            word in TITLES
            and i + 1 < len(words)
            and (self.v.is_unknown(words[i + 1]) or words[i + 1] in self.v.surnames)
        ):
            return True
        if prev in TITLES:
            return self.v.is_unknown(word) or word in self.v.surnames
        if word in self.v.first_names and word not in self.v.non_nouns:
            return True
        if (
            word in self.v.all_first_names
            and word not in load_word_list("verb_forms.txt")  # 'my partner said'
            and self._beside_relation(i, words)
        ):
            return True  # 'my husband sunny', 'amber my sister', 'jade from the group'
        if prev in self.v.first_names and prev not in self.v.non_nouns:
            # 'ciaran said' is no 'Ciaran Said': a surname that is a verb stays a verb
            surname = word in self.v.surnames and word not in load_word_list("verb_forms.txt")
            return surname or self.v.is_unknown(word)
        if word in self.v.places or (word in self.v.all_places and prev in PLACE_CUES):
            return word not in self.v.dictionary or prev in PLACE_CUES
        if word in self.v.employers:
            return word not in self.v.dictionary or prev in EMPLOYER_CUES
        # A word no list or dictionary knows is far more often a name than anything else; one
        # that some country's name lists hold is a name even where guessing is off ('tariq').
        unknown = self.v.is_unknown(word)
        if unknown and (guess_unknown or word in self.v.surnames):
            return True
        # where unknown words are not guessed, a name of the world's lists where names stand
        return self._placed_name(word, text, tokens[i][0], tokens[i][1])

    @staticmethod
    def _beside_relation(i: int, words: list[str]) -> bool:
        """'my husband X', 'X my sister', 'X from the ...': cues that make a word a name."""
        before = i >= 2 and words[i - 2] in POSSESSIVES and words[i - 1] in RELATIONS
        after = words[i + 1 : i + 3]
        return before or (
            len(after) == 2
            and ((after[0] in POSSESSIVES and after[1] in RELATIONS) or after == ["from", "the"])
        )

    def _phrases(self, words: list[str], phrases: frozenset[str]) -> set[int]:
        """Indices of multi-word listed phrases ('hebden bridge', 'marks and spencer'), places
        also by their key ('bishop's stortford')."""
        found: set[int] = set()
        keys = place_keys(self.v.places)
        for i in range(len(words)):
            for n in range(MAX_PHRASE_TOKENS, 1, -1):
                phrase = " ".join(words[i : i + n])
                if i + n <= len(words) and (phrase in phrases or _is_listed_place(phrase, keys)):
                    found.update(j for j in range(i, i + n) if words[j] not in CONNECTORS)
                    break
        return found

    def _trim_generic(self, named: list[int], words: list[str]) -> list[int]:
        """Without the generic words that open a phrase ('the children's ward') and a lone
        describing word ('a different group'); inside a name they stay ('open door drop-in')."""
        while named and words[named[-1]] in generic_service_words():
            named = named[:-1]
        lone = named[0] if len(named) == 1 else None
        if (
            lone is not None
            and words[lone] in self.v.adjectives
            and words[lone] not in NAME_ADJECTIVES
        ):
            return []
        return named

    def _institutions(
        self,
        words: list[str],
        text: str,
        tokens: list[tuple[int, int, str]],
        guess_unknown: bool = True,
    ) -> set[int]:
        """'chapel crescent', 'calder and aire care nhs trust': a suffix and the words before."""
        found: set[int] = set()
        for i, word in enumerate(words):
            if word not in SUFFIXES or i == 0:
                continue
            j = i - 1
            named: list[int] = []
            compound: list[int] = []
            while j >= 0 and len(named) < 6:
                if j == i - 1 and f"{words[j]} {word}" in COMPOUND_HEADS:
                    compound = [j]
                    j -= 1
                    continue
                if words[j] in CONNECTORS and named and j > 0 and words[j - 1] not in STOP_WORDS:
                    j -= 1
                    continue
                if words[j] in STOP_WORDS or words[j] in self.v.everyday or len(words[j]) < 2:
                    break
                if word in STREET_SUFFIXES and words[j] in self.v.adjectives:
                    numbered = re.search(
                        r"\d[a-z]?,?\s*$", text[max(0, tokens[j][0] - 40) : tokens[j][0]]
                    )
                    if not numbered and not (j > 0 and words[j - 1] not in STOP_WORDS):
                        break  # 'a dark place' is no address; '51 sunny bank street' is
                named.append(j)
                j -= 1
            if word not in STREET_SUFFIXES:
                if not guess_unknown and all(words[k] in self.v.dictionary for k in named):
                    continue  # sentence case: 'the new fight club' is no name
                named = self._trim_generic(named, words)
            phrase = " ".join(words[min(named, default=i) : i + 1])
            if named and phrase not in self.v.everyday:  # 'car park' is no address
                found.update([i, *named, *compound])
        return found
