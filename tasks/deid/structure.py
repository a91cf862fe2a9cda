"""Identifiers by their shape, in any country: addresses, spoken postcodes, titled names,
hyphenated places, the organisation a speaker introduces themselves from.

Street words come from Faker's address providers (a maintained lexicon of street types),
not from a hand list.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from functools import lru_cache

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from qualbridge.tasks.deid.date_patterns import WEEKDAY
from qualbridge.tasks.deid.families.groups import lexicon as nrp_lexicon
from qualbridge.tasks.deid.gazetteers import world_first_names
from qualbridge.tasks.deid.name_position import (
    DENIED,
    MODALS,
    NAMING_SCORE,
    PAST_OR_THIRD_PERSON,
    TOLD_BEFORE,
    followed_as_subject,
)
from qualbridge.tasks.deid.number_words import NUMBER_WORDS, TENS, UNITS
from qualbridge.tasks.deid.recasing import (
    ABBREVIATED_TITLES,
    MONTHS_AND_DAYS,
    PLACE_CUES,
    RELATIONS,
    Vocabulary,
    place_key,
    place_keys,
)
from qualbridge.tasks.deid.token_recognizers import recognizer_result
from qualbridge.tasks.deid.wordlists import load_word_list

# Locales whose street type follows the name ('Matthew Row') or precedes it ('Via Pardo').
SUFFIX_LOCALES = ("en_US", "en_GB", "en_AU", "en_CA", "en_NZ", "en_IE")
PREFIX_LOCALES = ("es_ES", "it_IT", "pt_PT", "fr_FR", "ro_RO", "es_MX", "pt_BR")
SUFFIX_FILE = "street_suffixes.txt"
PREFIX_FILE = "street_prefixes.txt"
_UNIT_WORDS = UNITS
# 'thirty-four', 'twenty six', or any single number word.
SPOKEN_NUMBER = rf"(?:(?:{TENS})[\s-](?:{_UNIT_WORDS})|{NUMBER_WORDS})"
# House numbers as said: 'a hundred and twelve', 'one oh five', 'twenty three'.
SPOKEN_HOUSE_NUMBER = (
    rf"(?:(?:a|one|two|three|four|five|six|seven|eight|nine)\s+hundred(?:\s+(?:and\s+)?"
    rf"{SPOKEN_NUMBER})?|(?:{_UNIT_WORDS})(?:\s+(?:oh|zero|{_UNIT_WORDS})){{1,2}}(?=\s+[A-Z])"
    rf"|{SPOKEN_NUMBER})"
)
_NUMBER_WORD = re.compile(rf"(?i)(?:{NUMBER_WORDS}|oh|zero|and|a)(?:-\w+)?")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_PLACE_CUE = r"(?:at|on|to|is|it's|address|live|lives|lived|moved)"


def _faker_words(attrs: tuple[str, ...], locales: tuple[str, ...]) -> set[str]:
    found: set[str] = set()
    for locale in locales:
        provider = importlib.import_module(f"faker.providers.address.{locale}").Provider
        for attr in attrs:
            values = getattr(provider, attr, None) or ()
            found.update(v.strip() for v in (values.keys() if isinstance(values, dict) else values))
    return {w for w in found if re.fullmatch(r"[^\W\d_]{2,}\.?", w)}


def street_words_from_faker() -> tuple[list[str], list[str]]:
    """(suffixes, prefixes) as Faker's address providers list them; the shipped files hold these.

    Street types that follow the name come from the English locales; the Romance locales'
    types that precede the name ('Via', 'Calle', 'Rua') are kept only if English has no such
    suffix, so 'Park 3' is never read as a street.
    """
    suffixes = {w for w in _faker_words(("street_suffixes",), SUFFIX_LOCALES)
                if w.casefold() not in STOP_WORDS}  # fmt: skip
    prefixes = _faker_words(("street_prefixes", "street_suffixes"), PREFIX_LOCALES)
    english = {w.casefold() for w in suffixes}
    return sorted(suffixes), sorted(p for p in prefixes if p.casefold() not in english)


@lru_cache(maxsize=1)
def street_patterns() -> tuple[re.Pattern[str], ...]:
    """Number, name and street type (title case, or any case after a place cue); street type,
    name and number ('Via Emiliana Pardo 934')."""
    suffixes, prefixes = load_word_list(SUFFIX_FILE), load_word_list(PREFIX_FILE)

    def alternation(words: frozenset[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    word = r"[^\W\d_][\w'’\-]*"
    title = r"[A-ZÀ-Þ][\w'’\-]*"
    number = rf"(?:\d{{1,5}}[A-Za-z]?(?:/\d{{1,4}})?|{SPOKEN_HOUSE_NUMBER})"
    unit = r"(?:(?:apt|apartment|flat|unit|suite|puerta|piso|no)\.?\s*\d{1,4}[A-Za-z]?,?\s+)?"
    after = r"(?:\s+(?:north|south|east|west|extension|apt\.?\s*\d{1,4}|puerta\s+\d{1,3}))?"
    # A street type may follow another ('Park View Court', 'Mill Lane Close').
    ends = rf"(?:{alternation(suffixes)})\b(?:\s+(?:{alternation(suffixes)})\b)*{after}"
    # Said before the number ('number nine', 'flat six'), and a pause after it ('twenty three,
    # um, Babylon Road').
    said = rf"(?i:(?:number|flat|apartment|unit)\s+)?(?i:{number})(?i:,?\s+(?:um|uh|er|erm)\b)*"
    return (
        re.compile(rf"(?<![\w/])(?P<value>{unit}{said},?\s+(?:{title}\s+){{1,3}}?(?i:{ends}))"),
        re.compile(
            rf"(?i)\b{_PLACE_CUE},?\s+(?:(?:um|uh|er|erm),?\s+)*"
            rf"(?P<value>{unit}{said},?\s+(?:{word}\s+){{1,3}}?{ends})"
        ),
        # Where one lives, a number and a name with no street type: 'I live at 6 Towngate in'.
        re.compile(
            rf"(?i:\b(?:live|lives|lived|living|stay|stays|staying)\s+at\s+"
            rf"|\baddress(?:\s+is|\s+was|['’]s)\s+)"
            rf"(?P<value>{unit}{said},?\s+{title}(?:\s+{title})?)"
            r"(?=\s*(?:[,.;!?]|$)|\s+(?i:in|near|off|by|next|opposite|and|with)\b)"
        ),
        re.compile(
            rf"(?i)\b(?P<value>(?:{alternation(prefixes)})\s+(?:{word}\s+){{1,4}}?"
            rf"\d{{1,5}}[A-Za-z]?\b{after})"
        ),
    )


# The town said after a street in an address: ', cleckheaton, with her mum', ', Otley LS21'.
_TOWN_AFTER = re.compile(
    r",\s*(?P<value>[^\W\d_][\w'’\-]*(?:\s+[^\W\d_][\w'’\-]*){0,2}?)"
    r"(?=\s*(?:[,.;!?]|$)|\s+(?:now|with|and|then|but|so|though|I|in|at|near|yeah)\b"
    r"|,?\s+[A-Za-z]{1,2}\d)"
)
# Describing words that open a nickname: 'big dave', 'wee shug'.
NICKNAME_WORDS = frozenset("big little young old wee".split())
_NICKNAME_OPENERS = "|".join(sorted(NICKNAME_WORDS))
# A nickname of a describing word and a first name: 'big dave', 'little jimmy', 'young kev'.
# 'the old bill' is the police.
# After an article or a word of praise it describes a thing: 'a good wee job', 'the big one'.
_NICKNAME = re.compile(
    r"(?i)(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bgood )(?<!\bnice )(?<!\bproper )"
    rf"\b(?!old\s+bill\b)(?P<value>(?:{_NICKNAME_OPENERS})\s+(?P<name>[a-z][\w'’\-]*))\b"
)


@lru_cache(maxsize=1)
def the_street_pattern() -> re.Pattern[str]:
    """A house number and 'the' before a street type alone: '2 the crescent', '5 The Green'."""
    suffixes = "|".join(sorted((re.escape(w) for w in load_word_list(SUFFIX_FILE)), key=len)[::-1])
    return re.compile(rf"(?i)(?<![\w/])(?P<value>\d{{1,4}}[a-z]?,?\s+the\s+(?:{suffixes}))\b")


_SPOKEN_POSTCODE = re.compile(
    rf"(?<![\w])(?!I\s)[A-Z](?:\s?[A-Z])?\s+(?:{SPOKEN_NUMBER}|\d{{1,2}})"
    rf"(?:,?\s+(?:{SPOKEN_NUMBER}|zero|oh|\d|[A-Z]{{1,2}})){{1,4}}(?![\w])"
)
# Any case after the word 'postcode': 'postcode's c a three six d j', 'post code is hx1 2ab'.
_CUED_POSTCODE = re.compile(
    r"(?i:\bpost\s?code(?:'s|\s+is|\s+was)?,?\s+(?:(?:it's|its|is|um|uh|erm),?\s+)*)"
    r"(?!(?:in|on|at|is|so|of|to|by|an|or|if|it|up|as|we|he|me|my|no|do|be|go|us|a|i)\s)"
    rf"(?P<value>[a-z](?:\s?[a-z])?\s*(?:\d{{1,2}}[a-z]?|(?i:{SPOKEN_NUMBER}))"
    rf"(?:\s+(?:\d|zero|oh|(?i:{_UNIT_WORDS}))\s*[a-z]\s?[a-z])?)(?![\w])",
    re.IGNORECASE,
)
# A postcode with a pause between its halves ('PE1, 8GN'), or read out in lower case as a
# speech recogniser writes it ('g l one five a f'): letters, the district, a digit, two letters.
_PAUSED_POSTCODE = re.compile(
    r"(?i)\b(?:[A-PR-UWYZ][0-9][A-HJKPSTUW]?|[A-PR-UWYZ][0-9]{2}|[A-PR-UWYZ][A-HK-Y][0-9][A-Z]?"
    r"|[A-PR-UWYZ][A-HK-Y][0-9]{2}),\s*[0-9][ABD-HJLNP-UW-Z]{2}\b"
)
# Two letters that are a word are the word: 'she'll be eighty five in may' holds no postcode.
_LETTER_WORDS = r"(?!(?:in|on|at|is|so|of|to|by|an|or|if|it|up|as|we|he|me|my|no|do|be|go|us|am)\b)"
_LOWER_SPOKEN_POSTCODE = re.compile(
    rf"(?<![\w'’])(?!i\s){_LETTER_WORDS}[a-z](?:\s?[a-z])?\s+(?:{SPOKEN_NUMBER})"
    rf"(?:\s+(?:{_UNIT_WORDS}|oh|zero))?,?\s+(?:{_UNIT_WORDS}|oh|zero)\s+{_LETTER_WORDS}"
    r"[a-z]\s?[a-z](?![\w'’])"
)
_CA_POSTCODE = re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\s?\d[ABCEGHJ-NPRSTV-Z]\d\b")
_HYPHENATED_PLACE = re.compile(
    r"\b[A-ZÀ-Þ][a-zà-ÿ]+(?:-(?:[a-zà-ÿ]{1,4}|[A-ZÀ-Þ][a-zà-ÿ]+))*-[A-ZÀ-Þ][a-zà-ÿ]+\b"
)
# Places joined by a particle, any case: 'stoke-on-trent', 'ashby-de-la-zouch'.
_PARTICLE_PLACE = re.compile(
    r"(?i)\b(?P<first>[a-z]+)(?:-[a-z]+)*-(?P<particle>on|upon|under|le|la|de|in|by|super|en"
    r"|sur|cum|next)-(?:[a-z]+-)*(?P<last>[a-z]+)\b"
)
_NOT_PLACE_ENDS = frozenset({"law", "laws", "one", "time", "chief", "charge"})
_DISTINCT_PARTICLES = frozenset({"upon", "under", "le", "la", "de", "super", "en", "sur", "cum"})
_INTRO_ORG = re.compile(
    r"(?i:\b(?:I'?m|I am|this is|it'?s|we'?re)\b)[^?!\n]{0,40}?\bfrom\s+(?:the\s+)?"
    r"(?P<value>[A-Z][\w'&]*(?:\s+(?:(?:at|of|and|&|for|on)\s+)?[A-Z][\w'&]*)*)"
)
TITLES = (
    r"dr|doctor|mr|mrs|ms|miss|mister|missus|mx|prof|professor|father|fr|judge|coach|pastor"
    r"|reverend|rev"
    r"|rabbi|imam|sheikh|councillor|officer|detective|sergeant|sgt|captain"
    r"|(?:staff|charge|student|senior|head|ward)\s+nurse|nurse|sister"
    r"|inspector|constable|matron|midwife|dci|ds|dc|pc"
    r"|brother|auntie|aunty|uncle|dame|sir|lady|lord|nana|nanna|nan|gran|granny|grandma"
    r"|grandad|grandpa|cousin|aunt|mama|papa|chief|madam|madame|mme|herr|frau|señor|señora"
    r"|senhor|senhora|bishop|deacon|apostle|prophet|alhaji|alhaja|dott|dottore|dottoressa"
    r"|signora|signor|signore|sig|doamna|domnul|dona|hanım|kuya|ibu|tita|tito"
    r"|sis|bro|baba|mzee|gogo|tannie|oom|bhai|didi|lola|lolo|tia|tio|pani|mevrouw|meneer"
    r"|hajji|ustaz|encik|puan|tuan"
)
_PRONOUNS = frozenset(
    "i you he she we they it me him her us them myself himself herself themselves".split()
)
_PARTICLES = frozenset("de da di del della la le van von der den bin al el ó ní mac mc".split())
# Where a clause ends, or a pronoun takes up who was named: 'for my boy will', 'will hes'.
_ENDS_OR_RESTATED = re.compile(r"\s*(?:[,.?!;]|$)|\s+(?:he|she)['’]?s\b")
# A pronoun taking up the person just named: 'my husband dieter he drinks'.
_PRONOUN_NEXT = re.compile(r"\s+(?:he|she|he['’]?s|she['’]?s|who)\b")
_TIME_NOUNS = frozenset("today tonight tomorrow yesterday now then again lately".split())
# A subject pronoun right after: the word before it is the person it stands for.
_PRONOUN_AFTER = re.compile(
    r",?\s+(?:(?:he|she|they)\s+(?:was|is|were|had|has|would|'d|used)\b"
    # as a recogniser writes it: 'auntie bimbo shes seventy eight'
    r"|(?:he|she)['’]?s\b|they['’]?re\b)"
)
_DETERMINERS = frozenset("the a an my your his her our their this that every each".split())
# Nouns that follow a title as a compound, not a name: 'nurse practitioner', 'doctor surgery'.
_ROLE_NOUNS_AFTER_TITLE = frozenset(
    "practitioner specialist consultant assistant associate prescriber surgery appointment"
    " appointments visit visits note notes letter letters station team shift uniform".split()
)
# Titles that are nothing else: any word after one, but a stop word or role noun, is a name
# ('under dr marsh', 'mrs white rang').
_SURE_TITLES = frozenset("dr mr mrs ms mx prof".split())
_KIN_TITLES = frozenset(
    "auntie aunty uncle nana nanna nan gran granny grandma grandad grandpa cousin".split()
)
_TITLED = re.compile(
    # A pause may come between the title and the name: 'Doctor, um, Lindqvist'.
    rf"(?i:\b(?:{TITLES})\.?(?:,?\s+(?:um|uh|er|erm),?)?\s+)"
    rf"(?P<value>(?:(?:de|da|di|del|della|la|le|van|von|der|den|bin"
    r"|al|el|ó|ní|mac|mc|o')\s+)*[^\W\d_][\w'’\-]*(?:\s+(?:(?:de|da|di|del|la|le|van|von|der"
    r"|den|bin|al|el)\s+)*[^\W\d_][\w'’\-]*)?)"
)


# A title, initials with their full stops, and a surname: 'Ms D. Fairweather', 'Dr J.R. Ng'.
_INITIALLED = re.compile(rf"(?i:\b(?:{TITLES})\.?\s+)(?:[A-Z]\.\s*){{1,2}}[A-Z][a-z][\w'’\-]*")


def _titled_matches(text: str) -> Iterator[re.Match[str]]:
    """Every title and what follows it, overlapping: in 'the doctor um doctor fashola said',
    the second title starts inside the first match."""
    position = 0
    while (m := _TITLED.search(text, position)) is not None:
        yield m
        position = m.start("value")


# A word after a cue that introduces a person, whatever its case ('me and dave', 'called Lou').
_NAME_WORD = r"[^\W\d_][\w'’\-]*"
_STRONG_CUE = re.compile(
    rf"(?i:\b(?:(?:called|named|calls|call|calling)\s+(?:him|her|them|me|you|himself|herself"
    rf"|themselves|myself)|called|named|name was"
    rf"|name is|name's|me and|goes by|known as"
    # 'her names mei ling': a recogniser's 'name's' without its apostrophe.
    rf"|(?:my|his|her|their|your|whose)\s+names),?\s+(?:(?:um|uh|er|erm|like),?\s+)?)"
    rf"(?P<value>{_NAME_WORD}(?:\s+{_NAME_WORD})?)"
)
_NAMING = re.compile(r"(?i)(?:(?:my|his|her|their|your|whose)\s+)?names?\b")
# What goes on after 'my name is' but a name: a participle ('called', 'spelt', 'written').
_GOES_ON_WITH_NAME = re.compile(r"[a-z]+(?:ed|en|wn|ing)|spelt|said|put|read|kept|got|gets")
# Words after 'call him' that go on with the call, not a name: 'call him back', 'call her names'.
_CALL_GOES_ON = frozenset(
    """back up out later tomorrow today tonight again names anything something everything now
    soon first straight round over in on off""".split()
)
# 'someone called Mags': a person before 'called' or 'named' makes it a naming cue.
_PERSON_BEFORE_CALLED = re.compile(
    r"(?i)\b(?:someone|somebody|(?:a|one|this|that)\s+(?:man|woman|lady|lad|bloke|guy|girl"
    r"|boy|fella|fellow|nurse|doctor|worker|volunteer))\s+$"
)
# Someone saying who they are before where they call from: 'hi this is jasmine from housing'.
_INTRODUCED = re.compile(
    rf"(?i:\b(?:this\s+is|it['’]?s|its|I['’]?m|im|I\s+am),?\s+(?:(?:um|uh|er|erm),?\s+)?)"
    rf"(?P<value>{_NAME_WORD}(?:\s+{_NAME_WORD})?)"
    r"(?=,?\s+(?i:from|here|speaking|calling|ringing|again|by\s+the\s+way)\b)"
)
# Saying who one is after a greeting, as a group goes round: 'hi everyone i'm dawn and'.
_GREETED = re.compile(
    r"(?i:\b(?:hi|hello|hiya|hey|morning|evening|afternoon)(?:[ \t,]+(?:everyone|everybody"
    r"|all|there|folks|guys))?[ \t,]+(?:I['’]?m|im|I\s+am|this\s+is|it['’]?s|its)[ \t,]+)"
    rf"(?P<value>{_NAME_WORD}(?:\s+{_NAME_WORD})?)"
)
_WEAK_CUE = re.compile(
    rf"(?i:\b(?:with|and|to|from|by|told|asked|texted|rang|saw|met|see|thank|I['’]m|I\s+am"
    rf"|this\s+is)\s+)"
    rf"(?P<value>{_NAME_WORD}(?:\s+{_NAME_WORD})?)"
)
# Doing something with someone: 'went fishing with dawn', 'out with pearl', 'friends with joy'.
# A name after it is listed and followed by no noun or clause of its own ('with hope in
# our hearts' goes on with 'in').
_SOCIAL_CUE = re.compile(
    rf"(?i:\b(?:(?:go|goes|went|going|gone)\s+[a-z]+ing|out|round|over|along|friends"
    rf"|mates|married|engaged|stayed|staying|talked|talking|spoke|speaking|chatted|chatting"
    rf"|was|were|been|is|am|are|['’]s|live|lives|lived|living|stays|work|works|worked|working)"
    rf"\s+with\s+|\b(?:text|texts|ring|rings|call|calls|phone|phones|phoned|message"
    rf"|messaged|visit|visits|visited|tell|tells|told|ask|asks|asked|texted|rang"
    # collecting someone: 'i pick up sky every other weekend'
    rf"|(?:pick|picks|picked|picking)\s+up|collect|collects|collected|collecting)\s+"
    # Speaking to someone: 'so I said to wojciech, look', 'I was talking to bex about it'.
    rf"|\b(?:said|says|saying|say|talk|talks|talked|talking|spoke|speak|speaks|speaking"
    rf"|chat|chats|chatted|chatting|wrote|write|writes|explained|listen|listened|listening)"
    rf"\s+to\s+)"
    rf"(?P<value>{_NAME_WORD})"
    r"(?=\s*(?:[,.?!;]|$)|\s+(?:on|at|every|most|last|this|when|and|or|after|before|to|down|up"
    rf"|about|that|what|if|how|why|since|\d+|{NUMBER_WORDS}"
    r"|round|from|yesterday|today|tonight|sometimes|once|twice|but|then|so|everything|anything"
    r"|all\s+(?:day|night|week|weekend|the\s+time)"
    # how long: 'i was with rose for six years' (not 'with hope for the future')
    rf"|for\s+(?:\d+|{NUMBER_WORDS}|a|few)\s+(?:years?|months?|weeks?))\b)"
)
# Someone picked up, dropped off or rung back, the name inside the phrasal verb: 'i picked
# heather up from hers', 'dropped kemi off at school', 'rang jo back'.
_PICKED_UP = re.compile(
    r"(?i:\b(?:pick|picks|picked|picking|drop|drops|dropped|dropping|ring|rings|rang|ringing"
    r"|call|calls|called|calling|text|texts|texted|phone|phoned)\s+)"
    rf"(?P<value>{_NAME_WORD})(?=\s+(?:up|off|back)\b)"
)
# Someone thanked: 'can i just say thank you to pauline for the lift last time'.
_THANKED = re.compile(
    rf"(?i:\b(?:thank\s+you|thanks|grateful|thankful|shout\s*out|big\s+up)\s+to\s+)"
    rf"(?P<value>{_NAME_WORD})"
    r"(?=\s*(?:[,.?!;]|$)|\s+(?:for|and|who|because|from)\b)"
)
# Words of address that name no one: 'thanks love', 'bye hun', 'cheers mate'.
_ENDEARMENTS = (
    "love|hun|babe|darling|sweetheart|pet|duck|hen|mate|pal|bro|sis|doc|honey|dear|all|everyone"
    "|everybody|folks|guys|lads|girls|again"
)
# Someone named as a turn or post signs off: 'thanks see you next week kiran', 'bye oksana x'.
_SIGNED_OFF = re.compile(
    r"(?i:\b(?:thanks|thank\s+you|cheers|bye|ta|take\s+care|night|goodnight|see\s+you"
    r"(?:\s+(?:next\s+week|soon|later|tomorrow|on\s+\w+day))?)[ \t,]+)"
    rf"(?!(?i:{_ENDEARMENTS})\b)(?P<value>{_NAME_WORD})"
    r"(?=[ \t]*[.!?,]*[ \t]*(?:x+)?[ \t]*(?:\n|$))"
)
# A relative named after the relation: 'my husband sunny he's', 'our daughter pearl, she'.
_KIN = "sister|brother|mum|mam|mother|dad|father|nan|gran|grandma|grandad|aunt|auntie|aunty"
_KIN += "|uncle|cousin|son|daughter|wife|husband|partner|boyfriend|girlfriend|friend|mate|pal"
# People in the speaker's care or life by role: 'my carer Precious comes', 'my CPN dawn said'.
_ROLE = "carer|worker|keyworker|key\\s+worker|support\\s+worker|social\\s+worker|nurse|therapist"
_ROLE += "|counsellor|counselor|psychiatrist|psychologist|cpn|neighbour|neighbor|landlord|landlady"
_ROLE += "|boss|manager|supervisor|colleague|flatmate|housemate|roommate|fianc[eé]e?|ex"
_ROLE += (
    "|health\\s+visitor|midwife|consultant|interpreter|probation\\s+officer|care\\s+coordinator"
)
_ROLE += "|stepdad|stepmum|stepmom|niece|nephew|grandson|granddaughter|godson|goddaughter"
_ROLE += "|sponsor|mentor|buddy|bestie|advocate|tutor|teacher|coach"
_RELATIVE_NAMED = re.compile(
    rf"(?i:\b(?:my|his|her|our|your|their|a)\s+(?:little\s+|big\s+|best\s+|older\s+|younger\s+)?"
    rf"(?:{_KIN}|{_ROLE}|lad|girl|boy),?\s+)(?P<value>{_NAME_WORD})"
    r"(?=\s*(?:[,.?!;]|$)|\s+(?:he|she|they|who|and|is|was|has|had|does|did|came|comes|said"
    r"|says|rang|lives|lived|he's|she's|'s|would|will|can|could|used|never|always|off|at|with"
    r"|from|into|now|today|too|back|round|home|again|here|there"
    # as a recogniser writes them, without apostrophes: 'my wife pat shes had ms'
    rf"|shes|hes|whos|theyre|{'|'.join(sorted(DENIED))})\b)"
)
# Who a role or relative is, said as a fact: 'my worker was Hope Marsh', 'her nurse is dawn'.
# Who looks after someone, said to be a person: 'the consultant is dr rahman', 'care
# coordinator is jo' (a turn that opens on the role).
_CARE_ROLE = (
    r"(?:care\s+|team\s+)?co-?ordinator|consultant|doctor|gp|g\s+p|midwife|health\s+visitor"
    r"|(?:probation|housing|liaison)\s+officer|caseworker|case\s+worker|pharmacist|physio"
    r"|solicitor"
)
_ROLE_IS = re.compile(
    rf"(?i:(?:\b(?:my|his|her|our|your|their)\s+(?:{_KIN}|{_ROLE}|{_CARE_ROLE})"
    # a turn may open anywhere in the packed text, after a newline
    rf"|(?:\bthe\s+|^|(?<=\n))(?:{_ROLE}|{_CARE_ROLE})),?\s+(?:was|is|were)\s+)"
    rf"(?P<value>{_NAME_WORD}(?:\s+{_NAME_WORD})?)"
)
# Each cue and whether it is strong (any word no dictionary knows may follow it).
_CUES = (
    (_STRONG_CUE, True),
    (_ROLE_IS, True),
    (_INTRODUCED, True),
    (_GREETED, True),
    (_WEAK_CUE, False),
)
# Someone named beside a person already named, or by what is theirs or who they are:
# 'me, Steven and pearl', "Autumn's mum", 'April, that's my daughter'.
_BESIDE_NAME = re.compile(
    rf"(?P<other>{_NAME_WORD}),?\s+(?:and|&)\s+(?P<value>{_NAME_WORD})\b(?!['’]s\b)"
    rf"|(?P<value2>{_NAME_WORD}),?\s+(?:and|&)\s+(?P<other2>{_NAME_WORD})\b"
)
_THEIRS = re.compile(
    rf"\b(?P<value>{_NAME_WORD})['’]s\s+(?:{_KIN}|house|flat|place|wedding|funeral|birthday"
    r"|kids|boyfriend|girlfriend|husband|wife)\b"
    rf"|(?:^|[,.?!]\s+|\n|(?i:\b(?:(?P<cue>me\s+and|with)|and)\s+))(?P<value2>{_NAME_WORD}),?\s+"
    r"(?:(?:that's|that\s+is|she's|he's|who's)"
    rf"\s+)?my\s+(?:{_KIN}|{_ROLE})\b"
)
# Someone placed by where they live beside the speaker, or said to be a relation straight
# after the name: 'elowen next door had him', 'more of sky shes my daughter'.
_NEIGHBOUR_OR_KIN = re.compile(
    rf"\b(?P<value>{_NAME_WORD})\s+(?i:(?:from\s+)?(?:next\s+door|upstairs|downstairs"
    r"|across\s+the\s+road))\b"
    rf"|\b(?P<value2>{_NAME_WORD}),?\s+(?i:(?:she|he|who|that)['’]?s\s+my\s+(?:{_KIN}|{_ROLE}))\b"
)
# Someone named, then said to be 'the' one of a role: 'blessing the carer comes', 'you know reed
# the tall lad'. Not after what goes before a verb ('i hope the nurse', 'will the nurse').
_THE_ONE_WHO = re.compile(
    r"(?<!\b[Ii]\s)(?<!\b[Ww]e\s)(?<!\b[Yy]ou\s)(?<!\b[Tt]hey\s)(?<!\b[Tt]o\s)"
    rf"\b(?P<value>{_NAME_WORD}),?\s+the\s+(?:(?:tall|short|little|big|old|young|new|other"
    rf"|nice|lovely|polish|irish|scottish)\s+)?(?i:{_ROLE}|lad|lass|bloke|fella|guy|woman"
    r"|lady|chap|cleaner|driver|volunteer|receptionist|pharmacist|postman|manager)"
    r"(?=\s+(?:who|that|comes|came|said|says|from|at|with|in|on|does|did|is|was|has|had|rang"
    r"|[a-z]+s)\b"
    r"|\s*[,.;!?]|\s*$)"
)
# A possessive written without its apostrophe, as recognisers write it, before what is
# theirs or who is: 'im siobhans peer support worker', 'at tariqs house'.
_THEIRS_BARE = re.compile(
    rf"\b(?P<value>[^\W\d_][\w'’\-]*s)\s+(?:peer\s+(?:support\s+)?worker|{_KIN}|{_ROLE}"
    r"|house|flat|place|wedding|funeral|birthday|kids)\b"
)
# A capitalised name whose age is said right after it: 'Jade's nine, Kaden's five'.
_AGED = re.compile(
    r"\b(?P<value>[A-Z][a-z'’\-]+)['’]s\s+(?:only\s+|nearly\s+|just\s+|about\s+)?"
    rf"(?:\d{{1,2}}|{NUMBER_WORDS})\b(?=\s*[,.;!?]|\s+(?:and|now|next|this|in)\b)"
)
# A short form said as such: 'Agnieszka Nowak. Aga for short.'
_FOR_SHORT = re.compile(
    rf"\b(?P<value>{_NAME_WORD}),?\s+(?i:for\s+short)\b"
    # 'its ade short for adebayo': the short form said before what it is short for
    rf"|\b(?P<value2>{_NAME_WORD}),?\s+(?i:(?:is\s+|was\s+)?short\s+for)\s+(?=[^\W\d_])"
)
# A name said, then said to be what one is called: "it's bunny, that's what they call me",
# 'nads, we call her'.
_CALLED_AFTER = re.compile(
    rf"\b(?P<value>{_NAME_WORD}),?\s+(?:(?i:that['’]?s|that\s+is)\s+what\s+|(?i:as\s+))?"
    r"(?i:they|people|everyone|everybody|we|the\s+\w+|my\s+\w+)\s+(?i:calls?|called)"
    r"\s+(?i:me|him|her|them)\b"
    # said to be a name: 'Hope was the name of the midwife', 'tiff is her name'
    rf"|\b(?P<value2>{_NAME_WORD})(?:['’]s|\s+(?i:was|is))\s+(?i:the|her|his|my|their|your)"
    r"\s+(?i:name|first\s+name|nickname)\b"
)
# Someone restated by a pronoun as a relation or role: 'I went with precious, she was my
# support worker', 'so chidi, he's my brother'.
_RESTATED = re.compile(
    rf"\b(?P<value>{_NAME_WORD}),\s+(?i:(?:she|he|they)(?:['’]s|\s+(?:was|is|were|has\s+been))"
    rf"\s+(?:my|our|his|her|their)\s+(?:(?:old|new|best|little|big|older|younger)\s+)?"
    rf"(?:{_KIN}|{_ROLE}|peer\s+worker|sponsor))\b"
    # A name said as a sentence of its own, then taken up by a pronoun: 'set me up on the
    # computer. Amber. She's fourteen', 'My lad were nineteen. Jordan. He'd'.
    rf"|(?:^|[.?!:]\s+|\n)(?P<value2>[A-Z][a-z'’\-]+)\.\s+(?:She|He)(?:['’](?:s|d|ll)|\s)"
)
# Someone from a service or group, named alone: 'and then acharya from the housing'.
_FROM_THE = re.compile(
    rf"(?:(?i:\b(?:then|and|with|saw|asked|told|ring|rang|me\s+and)\s+)|^|[.?!]\s+|\n)"
    # at a sentence's start too, where no modal goes on with 'from the': 'Will from the carers
    # group dropped off a lasagne'
    rf"(?P<value>{_NAME_WORD})(?=\s+from\s+the\s+\w)"
)
# A bare word taken up by 'who', as only a person is: 'it was fisher who did my assessment'.
_WHO_TAKES_UP = re.compile(
    rf"(?i:\b(?:it\s+was|it['’]?s|its|was\s+it|and|with|to|for|like|me\s+and)\s+)"
    rf"(?P<value>{_NAME_WORD})(?=\s+(?i:who|whos|who['’]s)\b)"
)
_SEASONS = frozenset({"spring", "summer", "autumn", "winter"})
# Someone paired with the speaker by what they did together: 'me and patch met at the'.
_PAIRED = re.compile(
    rf"(?i:\bme\s+and\s+)(?P<value>{_NAME_WORD})(?=\s+(?i:met|went|got|were|used|both|split"
    r"|broke|moved|started|ended|became|stayed|lived|shared)\b)"
)
# Someone paired with another person by pronoun, closing the clause: 'dragged me out surfing,
# him and jack.'
_PAIRED_WITH_THEM = re.compile(
    rf"(?i:\b(?:him|her|them|us)\s+and\s+)(?P<value>{_NAME_WORD})"
    r"(?=\s*[.,;!?]|\s+(?i:went|were|both|came|used|got|met|stayed|lived)\b)"
)
_KIN_OR_ROLE = re.compile(rf"(?i:{_KIN}|{_ROLE}|lad|girl|boy|kids?|him|her|them)")
# A capitalised first name, then a surname typed in lower case: 'Natasha dhingra'.
_FIRST_THEN_SURNAME = re.compile(r"\b(?P<first>[A-Z][a-z'’\-]+)\s+(?P<last>[a-z][a-z'’\-]{2,})\b")
# Words after which a clause opens in speech written without punctuation: 'right er precious
# has asked', 'she said sunny had been'.
_CLAUSE_OPENER = (
    r"(?i:\b(?:so|and|but|then|right|er|erm|um|uh|well|yeah|cos|because|said|says|that|when"
    r"|if|now|apparently|basically|anyway|ok|okay|since|until|till|after|before|while|once)\s+)"
)
# Someone from a service opening a clause, before what they said or did: 'rose from carers
# first reckons i could get a grant', 'so dave from housing rang'.
_FROM_SERVICE = re.compile(
    rf"(?:^|[.?!,]\s+|\n|{_CLAUSE_OPENER})(?P<value>{_NAME_WORD})"
    r"(?=\s+from\s+(?:[\w'’]+\s+){1,3}?(?i:reckons|said|says|rang|rings|came|comes|told|thinks"
    r"|phoned|called|texted|emailed|helped|sorted)\b)"
)
# A word-name opening a sentence or clause, then what only a person does: 'Ruby came with me'.
# Where a clause ends in speech written without punctuation: an object pronoun or a time
# ('and then back to him faith drilled', 'he leads it on thursdays faith picked him up').
_CLAUSE_ENDED = (
    rf"(?i:\b(?:him|her|them|{WEEKDAY}s|weekends|today"
    r"|yesterday|tonight|last\s+night|this\s+morning)\s+)"
)
_SUBJECT = re.compile(
    rf"(?:^|[.?!:,]\s+|\n|{_CLAUSE_OPENER}|{_CLAUSE_ENDED})(?P<value>{_NAME_WORD})(?=\s+"
    # 'mark hasnt rung back': an auxiliary or its denial before the verb
    r"(?:(?:has|had|hasnt|hasn['’]t|hadnt|hadn['’]t|never|didnt|didn['’]t|still|just|finally"
    r"|has\s+been|had\s+been|was|is|were|got)\s+)?"
    r"(?:came|come|comes|said|says|rang|rung|rings|texted|went|goes|used|gets|got|works|worked"
    r"|died|passed|told|phoned|called|replied|answered|emailed|messaged|visited|helped|asked"
    r"|turned\s+up|turns\s+up|showed\s+up|shows\s+up"
    r"|reckons|lives|lived|stays|stayed|drove|started|stopped|loved|hated|wanted|needed|knew"
    r"|cried|laughed|shouted|screamed|walked|picked|brought|took|gave|moved|left|dropped"
    r"|drilled|taught|showed|warned|promised|reminded|starts\s+(?:school|nursery|college|uni)"
    # what a person is doing: 'florin is waiting with the neighbour'
    r"|waiting|working|crying|shouting|struggling|coping|doing\s+(?:well|better|ok|okay)"
    # what is done to a person, or what a person is doing: 'so grace was discharged',
    # 'she said sunny had been sleeping in his car'
    r"|discharged|admitted|sectioned|arrested|diagnosed|referred|released|sleeping|staying"
    r"|living|drinking|sofa\s+surfing)\b)"
)
# A verb in a form no modal takes: a past tense or a third person's ('will gets', 'will came').
_NO_MODAL_BEFORE = re.compile(rf"\s+(?:{PAST_OR_THIRD_PERSON})\b")
# A speaker saying who they are as their turn opens: 'W1: Dawn again.', 'M3: Will here.',
# 'S4: Wei. On the psychology side'.
_SELF_NAMED = re.compile(
    r"(?:^|[.?!]\s+|\n)[A-Z][A-Za-z]{0,11}(?:\s?\d{1,3})?:\s+"
    rf"(?P<value>{_NAME_WORD})(?=(?:\s+(?:again|here|speaking))?\s*[.,!]|\s+(?:here|again)\b)"
)
# 'Will will be back', 'will was there': the modal 'will' is never followed by these.
_HERE_AGAIN = re.compile(r"\s+(?:here|again)\b")
_WILL_NAMED = re.compile(
    r"(?<!\b(?i:the) )(?<!\b(?i:his) )(?<!\b(?i:her) )(?<!\b(?i:my) )(?<!\b(?i:a) )"
    r"\b(?P<value>[Ww]ill)\s+"
    r"(?:will|would|was|is|has|had|said|says|did|does|told|rang|came|went|made|got|took|gave"
    r"|saw|found|left|bought|brought|hes|he['’]s|shes|she['’]s|and\s+(?:I|me|his|her))\b"
)
# 'will' after thanks or a greeting is the person thanked: no modal follows 'thanks'.
_WILL_ADDRESSED = re.compile(
    r"(?i:\b(?:thanks|thank\s+you|cheers|bye|hiya|hi|hello|hey|morning|night)[ \t,]+)"
    r"(?P<value>[Ww]ill)\b(?![ \t]+(?:be|have|do|help|make|go|come|get|see|need)\b)"
)
# A listener called by name between a filler or pause and a question or view put to them:
# 'and um, April are you normally fit', 'so Dawn, how has it been'.
_VOCATIVE = re.compile(
    r"(?:(?:^|[,.?!:]\s+|\n)|(?i:\b(?:um|uh|er|erm|so|and|ok|okay|right|well)\s+))"
    # in any case after a word that opens a turn ('okay precious im just going to ask')
    r"(?P<value>[A-Z][a-z'’\-]+|(?<=[a-z]\s)[a-z][a-z'’\-]+)"
    r"(?=,?\s+(?:are|do|did|have|has|can|could|would|will|were)\s+you\b"
    r"|,\s+(?:you|how|what|is|are|do|can|could|would|have|did)\b"
    # 'June I think it was' answers with a month: only a name takes a view after it.
    r"|(?P<view>,?\s+(?:I\s+(?:think|wonder|just|want|need|'m|am|know|'ll|'d)"
    r"|(?:I|im|i['’]m)\s+(?:just|going|gonna|only|calling|ringing)\s)))"
)
# An e-mail address read out: 'jo dot bloggs at gmail dot com', 'sam underscore k at nhs dot net'.
# The part before 'at' is words joined by 'dot' or 'underscore' (or two words: 'jack smith'),
# or a name and a number said after it ('sarah smith one two three', 'J Smith eighty four');
# speech may pause at any joint ('jack, dot, smith, at gmail, dot com'), but never across a
# line: packed texts are joined by a full stop on a line of its own.
_JOINT = r"[^\S\n]*,?[^\S\n]*"
_EMAIL_WORD = r"[\w+][\w+\-'’]*"
_EMAIL_LOCAL = (
    rf"(?:(?:[a-z]\s+)?{_EMAIL_WORD}(?:\s+{_EMAIL_WORD})?"
    rf"(?:\s+(?:{SPOKEN_NUMBER}|oh|zero|\d{{1,4}}))+"
    rf"|(?:[a-z]\s+)?{_EMAIL_WORD}(?:[^\S\n]+{_EMAIL_WORD})?"
    rf"(?:{_JOINT}(?:dot|underscore|dash|hyphen|\.|_|-){_JOINT}{_EMAIL_WORD})*)"
)
_SPOKEN_EMAIL = re.compile(
    r"(?i)(?<!['’])\b(?!(?:is|was|it's|its|to|on|me|email|address|be)\s)"
    rf"{_EMAIL_LOCAL},?\s+(?:at|@),?\s+"
    # The domain may be said as two words ('at babylon health dot com'), after letters
    # spelled out ('at b t internet dot com').
    rf"(?:[a-z][^\S\n]+){{0,3}}[\w\-]+(?:[^\S\n]+[\w\-]+)?(?:{_JOINT}(?:dot|\.){_JOINT}[\w\-]+)*?{_JOINT}(?:dot|\.){_JOINT}"
    r"(?:com|org|net|edu|gov|io|info|co|uk|ie|au|ca|nz|de|fr|es|it|nl|eu)\b"
    rf"(?:{_JOINT}(?:dot|\.){_JOINT}(?:uk|au|nz|ie|ca|com))?"
)
# After 'my email is', the domain alone is enough: 'my email's jacksmith123 at gmail'.
_CUED_EMAIL = re.compile(
    r"(?i)\be-?mail(?:\s+address)?(?:['’]s|\s+(?:is|was))?[\s,:]+"
    r"(?:(?:it['’]?s|um|uh|er|erm|just|like)[\s,]+)*"
    rf"(?P<value>(?!(?:is|was|it's|its|at)\s){_EMAIL_LOCAL},?\s+(?:at|@),?\s+[\w\-]+"
    rf"(?:{_JOINT}(?:dot|\.){_JOINT}[\w\-]+)*)"
)
# A typed address with stray spaces, as a transcriber may leave them: 'jsmith@gmail .com',
# 'ann @ example.org' (a handle after a space, 'I'm @big.dave', is no address).
_SPACED_EMAIL = re.compile(
    r"(?<![\w.])[\w.+\-]+(?:@|[^\S\n]+@[^\S\n]+)[\w\-]+(?:[^\S\n]*\.[^\S\n]*[A-Za-z]{2,}\b)+"
)
_HANDLE = re.compile(
    r"(?<![\w/])/?[uU]/[A-Za-z0-9_\-]{3,20}\b"
    # a payment tag: '$DerekNeedsHelp2023' (a ticker, '$AAPL', has no lower-case letter)
    r"|(?<![\w$])\$(?=[A-Za-z0-9_\-]*[a-z])[A-Za-z][A-Za-z0-9_\-]{2,30}\b"
)
# Sites where people have user names, as they are said: 'my snapchat is ...'.
_PLATFORMS = "twitter|instagram|insta|tiktok|snapchat|snap|facebook|discord|xbox|psn|steam|kik"
# A user name read out after the account it is on: 'my twitter is at sunny underscore days'.
_SPOKEN_HANDLE = re.compile(
    rf"(?i)\b(?:{_PLATFORMS}|username|user\s+name"
    r"|handle|gamertag)(?:\s+(?:name|account|handle))?(?:\s+(?:is|was)|['’]s)?"
    r"(?:\s+(?:just|like))?\s+(?:at\s+|@\s*)?"
    r"(?P<value>[\w'’]+(?:\s+(?:underscore|dot|dash|hyphen)\s+[\w'’]+)+)"
)
# A user name said as words after what it is, up to where the clause goes on: 'my username
# on the forum is night owl eighty two if you want to look'.
_SAID_USER_NAME = re.compile(
    r"(?i)\b(?:username|user\s+name|screen\s+name|gamertag|gamer\s+tag)\b[^.?!\n]{0,30}?"
    r"(?:\s+is|\s+was|['’]s)\s+(?:(?:just|like)\s+)?"
    r"(?P<value>(?:(?!(?:if|and|but|so|on|in|at|for|because|when|which|that|or|though)\b)"
    r"[^\W_][\w'’\-]*[ \t]*){1,5})"
)
# A user name said as words after the site it is on, with a number in it, as most are: 'my
# snapchat is c mac ninety four if you want it' (not 'my snapchat is private').
_PLATFORM_NAME = re.compile(
    rf"(?i)\b(?:{_PLATFORMS})"
    r"(?:\s+(?:name|account|handle|tag))?(?:\s+is|\s+was|['’]s)\s+(?:(?:just|like)\s+)?"
    r"(?P<value>(?:(?!(?:if|and|but|so|on|in|at|for|because|when|which|that|or|though)\b)"
    r"[^\W_][\w'’\-]*[ \t]*){1,6})"
)
_HAS_NUMBER = re.compile(rf"(?i)\d|\b(?:{NUMBER_WORDS})\b")
_HASHTAG = re.compile(r"(?<![\w#])#(?P<value>[A-Za-z][A-Za-z0-9_]{2,40})\b")
_CAMEL_PART = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


@lru_cache(maxsize=1)
def word_first_names() -> frozenset[str]:
    """First names that are also everyday words, read only after a cue for a person."""
    return load_word_list("word_first_names.txt")


_PATH_AFTER = re.compile(r"(?i)\s+(?:forward\s+)?slash\b")


def _domain(email: str) -> str:
    """The first word after 'at' or '@' of a spoken e-mail address."""
    return re.split(r"(?i)\s(?:at|@)\s+", email, maxsplit=1)[-1].split()[0].split(".")[0]


# Words that end no address's name: 'find it at', 'look there at'.
OBJECT_WORDS = frozenset("it them him her me us you this that there here".split())


def _local(email: str) -> str:
    """The last word before 'at' or '@' of a spoken e-mail address."""
    return re.split(r"(?i),?\s(?:at|@)\s", email, maxsplit=1)[0].split()[-1].strip(",")


class StructureRecognizer(EntityRecognizer):
    """Addresses, spoken and Canadian postcodes, hyphenated places, introduced organisations
    and titled names, each by its shape."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self._vocabulary = vocabulary
        super().__init__(
            supported_entities=["STREET_ADDRESS", "UK_POSTCODE", "POSTAL_CODE", "LOCATION",
                                "ORGANIZATION", "PERSON", "URL", "EMAIL_ADDRESS"],
            name="StructureRecognizer", supported_language="en",
        )  # fmt: skip

    def load(self) -> None:
        """Street words load on first use."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Every shape's matches."""
        streets = [
            m
            for pattern in street_patterns()
            for m in pattern.finditer(text)
            # 'the one on the corner Road' is no address; 'twenty three Elm Close' is.
            if not any(
                w.casefold() in STOP_WORDS and not _NUMBER_WORD.fullmatch(w)
                for w in _WORD.findall(m.group("value"))[1:]
            )
        ]
        streets += the_street_pattern().finditer(text)
        out = [self._result("STREET_ADDRESS", m, 0.6, "value") for m in streets]
        out += [town for m in streets if (town := self._town_after(text, m.end("value")))]
        out += [self._result("UK_POSTCODE", m, 0.5) for m in _SPOKEN_POSTCODE.finditer(text)]
        out += [self._result("UK_POSTCODE", m, 0.6, "value") for m in _CUED_POSTCODE.finditer(text)]
        out += [
            self._result("UK_POSTCODE", m, 0.6)
            for pattern in (_PAUSED_POSTCODE, _LOWER_SPOKEN_POSTCODE)
            for m in pattern.finditer(text)
        ]
        out += [self._result("POSTAL_CODE", m, 0.6) for m in _CA_POSTCODE.finditer(text)]
        out += [self._result("LOCATION", m, 0.6) for m in _HYPHENATED_PLACE.finditer(text)]
        out += [
            self._result("LOCATION", m, 0.6)
            for m in _PARTICLE_PLACE.finditer(text)
            if self._is_particle_place(m)
        ]
        out += [
            # "I'm Bethany from Brighouse": a known place is where they are from, not an employer.
            self._result(self._origin_type(m.group("value")), m, 0.6, "value")
            for m in _INTRO_ORG.finditer(text)
        ]
        out += self._social_names(text) + self._names_beside(text)
        out += [
            self._result("PERSON", m, 0.6, "value")
            for m in _NICKNAME.finditer(text)
            if self._nickname(m.group("name"), bool(_PRONOUN_AFTER.match(text, m.end("name"))))
        ]
        return out + self._titled_names(text) + self._cued_names(text) + self._handles(text)

    def _town_after(self, text: str, end: int) -> RecognizerResult | None:
        """The town after a street: a listed place, or words no dictionary knows."""
        m = _TOWN_AFTER.match(text, end)
        if m is None:
            return None
        words = m.group("value").casefold().split()
        v = self._vocabulary
        listed = place_key(m.group("value")) in place_keys(v.all_places)
        if any(w in STOP_WORDS for w in words) or not (listed or all(map(v.is_unknown, words))):
            return None
        return self._result("LOCATION", m, 0.6, "value")

    def _titled_names(self, text: str) -> list[RecognizerResult]:
        """A title and the name after it; a second word joins only if it is a name too
        ('nurse Ashworth about' is 'nurse Ashworth')."""
        out = []
        v = self._vocabulary
        for m in _titled_matches(text):
            value = m.group("value")
            if not self._title_before_name(m):
                continue
            first = re.sub(r"['’]s$", "", value.split()[0])
            if m.group().split()[0].casefold() in _KIN_TITLES:
                # 'nan said' is no name: after a family word, a listed or capitalised name only
                # 'my cousin may come', recased 'May'; but 'grandad will he was' names him
                restated = bool(_PRONOUN_AFTER.match(text, m.start("value") + len(first)))
                modal = first.casefold() in MODALS and not restated
                # restated by a pronoun, any word with no other reading ('auntie bimbo shes'),
                # never a verb ('nan said she was')
                word = first.casefold()
                stated = (
                    restated
                    and (word in MODALS or word not in load_word_list("verb_forms.txt"))
                    and (
                        self._listed_name(first, stop_word=True)
                        or (word not in v.non_nouns and word not in STOP_WORDS)
                    )
                )
                if (
                    modal
                    or len(first) < 2
                    or not (first[:1].isupper() or self._family_name_word(first) or stated)
                ):
                    continue
                end = m.end() if self._is_name(value) else m.start("value") + len(first)
            elif self._is_name(value) or self._initial_and_surname(value):
                end = m.end()
            elif (first != value and self._is_name(first)) or self._title_name(text, m, first):
                end = m.start("value") + len(first)
            else:
                continue
            out.append(recognizer_result(self, "PERSON", m.start(), end, 0.75))
        return out + [
            recognizer_result(self, "PERSON", *m.span(), 0.75)
            for m in _INITIALLED.finditer(text)
            if self._surname_like(m.group().split()[-1].split(".")[-1])
        ]

    def _initial_and_surname(self, value: str) -> bool:
        """An initial and a surname after a title, in any case ('mr a kowalski')."""
        words = value.split()
        initial = len(words) == 2 and len(words[0].rstrip(".")) == 1 and words[0][0].isalpha()
        if not initial or len(words[1]) < 3 or not self._surname_like(words[1]):
            return False
        return words[1][0].isupper() or words[1].casefold() not in self._vocabulary.non_nouns

    def _surname_like(self, word: str) -> bool:
        """A listed surname, a word no dictionary knows ('Fairweather') or two letters that are
        no word ('Ng'); not 'said', not 'Is'."""
        w = word.casefold()
        short = len(w) == 2 and w not in STOP_WORDS
        return w in self._vocabulary.surnames or self._vocabulary.is_unknown(w) or short

    def _title_name(self, text: str, m: re.Match[str], first: str) -> bool:
        """A title said as a title, with no determiner before it ('and nurse sky saw me', not
        'the nurse station'), then a listed name, or a word a person's verb follows."""
        before = text[max(0, m.start() - 12) : m.start()].split()
        if before and before[-1].casefold() in _DETERMINERS:
            return False
        w = first.casefold()
        if w in STOP_WORDS or w in _ROLE_NOUNS_AFTER_TITLE or len(w) < 2:
            return False
        if m.group().split()[0].rstrip(".").casefold() in _SURE_TITLES:
            return True
        end = m.start("value") + len(first)
        # not 'said'; but a name English writes capitalised, though the dictionary lists it as
        # a describing word too ('nurse caroline')
        listed = self._listed_name(w) and (
            w not in self._vocabulary.non_nouns or w in world_first_names()
        )
        return listed or followed_as_subject(text, end)

    @staticmethod
    def _title_before_name(match: re.Match[str]) -> bool:
        """The title is not the end of a sentence ('ask, sir. Um') and what follows is no
        pronoun or filler ('doctor I'm here', 'sir uh')."""
        title = match.group()[: match.start("value") - match.start()].rstrip()
        if title.endswith(".") and title[:-1].casefold() not in ABBREVIATED_TITLES:
            return False
        first = re.split(r"['’]", match.group("value").split()[0], maxsplit=1)[0].casefold()
        return first not in _PRONOUNS and first not in load_word_list("interjections.txt")

    def _nickname(self, word: str, restated: bool = False) -> bool:
        """A first name after 'big', 'little', 'old' ('big dave'), not a noun ('old man'); a
        surname too when a pronoun restates the person ('big mick he's been brilliant')."""
        w = word.casefold()
        surname = restated and self._any_country_name(w)
        named = word[:1].isupper() or (w in self._vocabulary.first_names) or surname
        shop = w in self._vocabulary.employers  # 'near the big Asda'
        return named and not shop and w not in RELATIONS and w not in STOP_WORDS and len(w) > 2

    def _any_country_name(self, word: str) -> bool:
        """A name of any country's lists with no verb, adjective or adverb reading."""
        return word in self._vocabulary.surnames and word not in self._vocabulary.non_nouns

    def _family_name_word(self, word: str) -> bool:
        """A first name said after a family word ('auntie carol'), not a verb ('nan said')."""
        w = word.casefold()
        v = self._vocabulary
        listed = w in v.all_first_names or w in word_first_names()
        common = STOP_WORDS | MONTHS_AND_DAYS
        return listed and w not in load_word_list("verb_forms.txt") and w not in common

    def _origin_type(self, value: str) -> str:
        """LOCATION for a place in the gazetteer, else ORGANIZATION."""
        return "LOCATION" if value.casefold() in self._vocabulary.all_places else "ORGANIZATION"

    def _cued_names(self, text: str) -> list[RecognizerResult]:
        """Names after a cue, any case: unknown words after a strong cue, known first names
        (not everyday words) after a weak one; a following surname or unknown word joins."""
        out = []
        v = self._vocabulary
        for pattern, strong in _CUES:
            for m in pattern.finditer(text):
                words = m.group("value").split()
                first = words[0].casefold()
                known = first in v.first_names and first not in v.non_nouns
                # 'me and pearl', 'with Hope': a listed name that is also a word, after a strong
                # cue or capitalised after any cue.
                cue = m.group().split()[0].casefold()
                listed = (
                    self._listed_name(first)
                    and not (cue in PLACE_CUES and first in v.all_places)  # 'moved to Chelsea'
                )
                cased = words[0][:1].isupper()
                # 'her name was Joy Ward', 'my worker was Hope': what a name is said to be.
                naming = self._naming_cue(text, m) or (
                    pattern is _ROLE_IS and self._role_is_named(words)
                )
                plain = naming and self._named_plainly(m, first)
                # 'her name was will baker', 'its will okonkwo ringing': a first name that is a
                # stop word, then a surname.
                full = (
                    (naming or pattern in (_INTRODUCED, _GREETED))
                    and len(words) > 1
                    and self._listed_name(first, stop_word=True)
                )
                # After 'called' or 'me and', a name of any country's lists ('marguerite'); saying
                # who one is, any short word no dictionary knows ('its ty by the way').
                any_name = self._any_country_name(first) or (
                    pattern is _INTRODUCED
                    and len(first) >= 2
                    and first not in STOP_WORDS
                    and first not in v.dictionary
                )
                if not (
                    known
                    or plain
                    or (strong and (v.is_unknown(first) or listed or any_name))
                    or (cased and (listed or naming))
                    # 'a psychiatrist called Will?': a capitalised stop-word name after a
                    # strong cue
                    or (cased and strong and self._listed_name(first, stop_word=True))
                    or (full and self._surname_after(words, strong))
                ):
                    continue
                end = m.start("value") + len(words[0])
                if len(words) > 1 and self._surname_after(words, strong):
                    end = m.end("value")
                score = NAMING_SCORE if naming or pattern in (_INTRODUCED, _GREETED) else 0.6
                out.append(recognizer_result(self, "PERSON", m.start("value"), end, score))
        return out

    def _named_plainly(self, m: re.Match[str], first: str) -> bool:
        """After a naming cue, any word with no other reading ('her names mei ling'); after
        'call him', any word but a describing one or one that goes on with the call ('we call
        him pickles', not 'call him back', 'call me crazy')."""
        v = self._vocabulary
        if first in STOP_WORDS:
            return False
        if first not in v.non_nouns:
            return True
        # 'my names storm': after 'name is' a word that is also a verb is the name, unless it
        # describes or goes on with the name ('my name was called', 'my name is spelt wrong').
        if _NAMING.match(m.group()) and first not in v.adjectives:
            return not _GOES_ON_WITH_NAME.fullmatch(first)
        if first in NICKNAME_WORDS and len(m.group("value").split()) > 1:
            return True  # 'he calls himself big mo'
        cue = m.group()[: m.start("value") - m.start()].split()
        by_pronoun = len(cue) > 1 and cue[1].casefold().strip(",") in _PRONOUNS
        return by_pronoun and first not in v.adjectives and first not in _CALL_GOES_ON

    @staticmethod
    def _naming_cue(text: str, m: re.Match[str]) -> bool:
        """'her name was', or 'called' after a person ('someone called Mags')."""
        if _NAMING.match(m.group()):
            return True
        cue = [w.casefold().strip(",") for w in m.group()[: m.start("value") - m.start()].split()]
        if (
            len(cue) > 1
            and cue[0] in ("call", "calls", "called", "calling")
            and cue[1] in _PRONOUNS
        ):
            return True  # 'everyone calls her Shiv'
        person = _PERSON_BEFORE_CALLED.search(text, max(0, m.start() - 24), m.start())
        return bool(cue) and cue[0] in ("called", "named") and person is not None

    def _role_is_named(self, words: list[str]) -> bool:
        """'my husband is Chinese' describes him; 'my worker was Hope (Marsh)' names her: a
        first word no adjective reads, or two capitalised words."""
        first = words[0].casefold()
        if len(words) > 1 and words[1][:1].isupper() and words[0][:1].isupper():
            return first not in nrp_lexicon()
        return first not in self._vocabulary.adjectives and first not in nrp_lexicon()

    def _surname_after(self, words: list[str], strong: bool) -> bool:
        """Whether the word after a cued first name is its surname: a listed surname or an
        unknown word; after a strong cue also any noun, a word a first name in capitals is
        followed by in capitals ('name was Hope Marsh'), or one no verb or adverb reads."""
        v = self._vocabulary
        second = words[1].casefold()
        if second in v.surnames or v.is_unknown(second):
            return True
        if not strong or second in STOP_WORDS:
            return False
        both_capitalised = words[0][:1].isupper() and words[1][:1].isupper()
        return both_capitalised or second not in v.non_nouns

    def _listed_name(
        self, word: str, month_may_name: bool = False, stop_word: bool = False
    ) -> bool:
        """A first name of the full lists or a word that is also a name, not a stop word unless
        allowed ('will' of 'her name was will baker'); a month only where a person is
        addressed ('April, are you')."""
        w = word.casefold()
        return (
            (w in self._vocabulary.all_first_names or w in word_first_names())
            and (stop_word or w not in STOP_WORDS)
            and (month_may_name or w not in MONTHS_AND_DAYS)
        )

    def _social_names(self, text: str) -> list[RecognizerResult]:
        """A listed name of someone the speaker does something with or is related to, in any
        case, or calls by name before a question."""
        return [
            self._result("PERSON", m, 0.6, "value")
            for pattern in (
                _SOCIAL_CUE,
                _THANKED,
                _PICKED_UP,
                _RELATIVE_NAMED,
                _VOCATIVE,
                _SIGNED_OFF,
            )
            for m in pattern.finditer(text)
            if self._addressed_or_listed(
                text, m, vocative=pattern is _VOCATIVE, relative=pattern is _RELATIVE_NAMED
            )
            # 'ring julianna on ...', 'my mate dazza was': a word no list or dictionary knows,
            # after a social cue or a relation
            or (
                pattern is not _VOCATIVE
                and self._vocabulary.is_unknown(m.group("value").casefold())
            )
        ]

    def _addressed_or_listed(
        self, text: str, m: re.Match[str], vocative: bool, relative: bool = False
    ) -> bool:
        """A listed name; when addressed before a question, a month or a stop word too ('May,
        did you want to say anything?'), but not before a view ('June I think it was'); after
        a relation, a stop word too where the clause ends or a pronoun takes it up ('for my
        boy will', 'my boy will hes seven')."""
        addressed = vocative and not m.group("view")
        comma = text[m.end("value") : m.end("value") + 1] == ","
        ends = relative and _ENDS_OR_RESTATED.match(text, m.end("value")) is not None
        word = m.group("value").casefold()
        # 'my mum said he': a verb form, but not a modal, whose use the precision rules judge
        verb = word in load_word_list("verb_forms.txt") and word not in MODALS
        # 'i told will about it': straight after a verb that takes a person, no modal
        cue = m.group()[: m.start("value") - m.start()]
        told = not vocative and not relative and bool(TOLD_BEFORE.search(cue))
        stop_word = (addressed and comma) or ends or told
        if self._listed_name(m.group("value"), addressed, stop_word=stop_word):
            return vocative or not verb
        # 'my husband dieter he drinks': a relation, a noun, then a pronoun for the same person
        return not vocative and self._restated_noun(text, m)

    def _restated_noun(self, text: str, m: re.Match[str]) -> bool:
        """A word after a relation, taken up by a pronoun, that only a name can be: no stop,
        verb, describing or time word ('my son said he', 'my son today he' are no names)."""
        word = m.group("value").casefold()
        return (
            _PRONOUN_NEXT.match(text, m.end("value")) is not None
            and word not in STOP_WORDS
            and word not in self._vocabulary.non_nouns
            and word not in MONTHS_AND_DAYS
            and word not in _TIME_NOUNS
        )

    def _names_beside(self, text: str) -> list[RecognizerResult]:
        """A listed name beside a known first name or a surname, in company, said as one's own
        name, called so or restated; then by what is theirs (`_names_by_what_is_theirs`)."""
        v = self._vocabulary
        out = []
        for m in _BESIDE_NAME.finditer(text):
            value, other = ("value", "other") if m.group("value") else ("value2", "other2")
            known = m.group(other).casefold()
            named = (known in v.first_names and known not in v.non_nouns) or v.is_unknown(known)
            if named and self._listed_name(m.group(value)):
                out.append(self._result("PERSON", m, 0.6, value))
        for m in _FIRST_THEN_SURNAME.finditer(text):
            first = m.group("first").casefold()
            known = first in v.first_names and first not in v.non_nouns
            if known and v.is_unknown(m.group("last")):
                out.append(self._result("PERSON", m, 0.6))
        out += self._names_by_company(text)
        out += [
            self._result("PERSON", m, 0.6, "value")
            for pattern in (_WILL_NAMED, _WILL_ADDRESSED)
            for m in pattern.finditer(text)
        ]
        for m in _SELF_NAMED.finditer(text):
            word = m.group("value").casefold()
            # 'Will here.': a name that is also a stop word, said as one's name
            said = _HERE_AGAIN.match(text, m.end("value")) is not None
            known = self._listed_name(word, stop_word=said) or (
                self._any_country_name(word) and word not in STOP_WORDS
            )
            if known or v.is_unknown(word):
                out.append(self._result("PERSON", m, 0.6, "value"))
        for m in (*_CALLED_AFTER.finditer(text), *_FOR_SHORT.finditer(text)):
            group = "value" if m.group("value") else "value2"
            word = m.group(group).casefold()
            if word not in STOP_WORDS and not word.endswith(("'s", "’s")):
                out.append(self._result("PERSON", m, NAMING_SCORE, group))
        for m in _RESTATED.finditer(text):
            group = "value" if m.group("value") else "value2"
            word = m.group(group).casefold()
            if self._listed_name(word, month_may_name=group == "value2") or v.is_unknown(word):
                out.append(self._result("PERSON", m, 0.6, group))
        return out + self._names_by_what_is_theirs(text)

    def _names_by_what_is_theirs(self, text: str) -> list[RecognizerResult]:
        """A listed name before what is theirs, who they are or where they live, or opening
        a clause before what only a person does."""
        v = self._vocabulary
        out = []
        for pattern in (_THEIRS, _SUBJECT, _AGED):
            for m in pattern.finditer(text):
                group = "value" if m.group("value") else "value2"
                # 'me and will my son': a modal never stands before 'my', after 'me and'
                after_cue = group == "value2" and m.groupdict().get("cue") is not None
                # 'cos will gets it', 'but will turned up': no modal goes before such a verb
                no_modal = pattern is _SUBJECT and bool(_NO_MODAL_BEFORE.match(text, m.end(group)))
                listed = self._listed_name(
                    m.group(group),
                    month_may_name=group == "value2",
                    stop_word=after_cue or no_modal,
                )
                # 'so summer came': a season comes and goes as a person does
                season = pattern is _SUBJECT and m.group(group).casefold() in _SEASONS
                if listed and not season:
                    out.append(self._result("PERSON", m, 0.6, group))
        for m in _NEIGHBOUR_OR_KIN.finditer(text):
            group = "value" if m.group("value") else "value2"
            word = m.group(group).casefold()
            # 'a dog going mad next door': a describing word is no one; 'dawn next door' is
            describing = word in v.adjectives and not m.group(group)[:1].isupper()
            if (
                word not in STOP_WORDS
                and not describing
                # a month does not live next door: 'bill and june from next door'
                and (self._listed_name(word, month_may_name=True) or v.is_unknown(word))
            ):
                out.append(self._result("PERSON", m, 0.6, group))
        for m in _THE_ONE_WHO.finditer(text):
            word = m.group("value").casefold()
            if word not in STOP_WORDS and word not in MODALS and self._listed_name(word):
                out.append(self._result("PERSON", m, 0.6, "value"))
        for m in _THEIRS_BARE.finditer(text):
            base = m.group("value").casefold()[:-1]  # 'tariqs' is tariq's; 'guys' no one's
            listed = self._listed_name(base) or base in v.surnames
            if listed and base not in v.dictionary and base not in STOP_WORDS:
                out.append(self._result("PERSON", m, 0.6, "value"))
        return out

    def _names_by_company(self, text: str) -> list[RecognizerResult]:
        """Someone paired with the speaker, from a service, or taken up by 'who'."""
        v = self._vocabulary
        out = []
        for m in _PAIRED.finditer(text):
            word = m.group("value").casefold()
            # 'me and mum went', 'me and mates went': a relation, role or plural, no name
            plural = word.endswith("s") and word in v.dictionary
            if word not in STOP_WORDS and not _KIN_OR_ROLE.fullmatch(word) and not plural:
                out.append(self._result("PERSON", m, 0.6, "value"))
        found = (
            *_FROM_THE.finditer(text),
            *_FROM_SERVICE.finditer(text),
            *_PAIRED_WITH_THEM.finditer(text),
        )
        for m in (*found, *_WHO_TAKES_UP.finditer(text)):
            word = m.group("value").casefold()
            titled = m.group("value")[:1].isupper()  # 'Will from the', not 'will from the'
            listed = self._listed_name(word, stop_word=titled)
            if v.is_unknown(word) or word in v.surnames or listed:
                out.append(self._result("PERSON", m, 0.6, "value"))
        return out

    def _is_particle_place(self, match: re.Match[str]) -> bool:
        """'-upon-', '-de-la-' mark a place; '-on-', '-in-', '-by-' need two different ends, the
        last a noun ('stoke-on-trent', not 'hand-in-hand', 'mother-in-law' or 'step-by-step')."""
        if match.group("particle").casefold() in _DISTINCT_PARTICLES:
            return True
        first, last = match.group("first").casefold(), match.group("last").casefold()
        return not (
            first == last  # 'hand-in-hand', 'day-by-day'
            or last in _NOT_PLACE_ENDS
            or first in STOP_WORDS
            or last in STOP_WORDS
            or last in self._vocabulary.non_nouns
        )

    def _handles(self, text: str) -> list[RecognizerResult]:
        """'u/' user names, user names read out, and hashtags with a name among their parts."""
        out = [self._result("URL", m, 0.8) for m in _HANDLE.finditer(text)]
        out += [self._result("URL", m, 0.7, "value") for m in _SPOKEN_HANDLE.finditer(text)]
        for m in (*_SAID_USER_NAME.finditer(text), *_PLATFORM_NAME.finditer(text)):
            said = m.group("value").rstrip()
            if m.re is _PLATFORM_NAME and not _HAS_NUMBER.search(said):
                continue
            if said.split()[0].casefold() not in STOP_WORDS:  # not 'is the same as my email'
                start = m.start("value")
                out.append(recognizer_result(self, "PERSON", start, start + len(said), 0.6))
        out += [
            self._result("EMAIL_ADDRESS", m, 0.7)
            for m in _SPOKEN_EMAIL.finditer(text)
            # "look at www.example.org" is a web address after a verb, not an e-mail, and
            # "find it at facebook dot com" a site: no address's name ends in a stop word,
            # and no address goes on with a path ('at linkedin dot com slash in')
            if _domain(m.group()).casefold() not in {*STOP_WORDS, "www"}
            and _local(m.group()).casefold() not in OBJECT_WORDS
            and not _PATH_AFTER.match(text, m.end())
        ]
        out += [self._result("EMAIL_ADDRESS", m, 0.7, "value") for m in _CUED_EMAIL.finditer(text)]
        out += [self._result("EMAIL_ADDRESS", m, 0.7) for m in _SPACED_EMAIL.finditer(text)]
        v = self._vocabulary
        for m in _HASHTAG.finditer(text):
            parts = [p.casefold() for p in _CAMEL_PART.findall(m.group("value"))]
            if any(p in v.first_names or p in v.surnames for p in parts if len(p) >= 3):
                out.append(self._result("PERSON", m, 0.6))
        return out

    def _is_name(self, value: str) -> bool:
        """Every lower-case word is one no dictionary knows; the last word is not a stop word."""
        words = value.split()
        if words[-1].casefold() in STOP_WORDS:
            return False
        v = self._vocabulary
        return all(
            w[:1].isupper()
            or w in _PARTICLES
            or v.is_unknown(w.casefold())
            or self._any_country_name(w.casefold())
            for w in words
        )

    def _result(
        self, entity_type: str, match: re.Match[str], score: float, group: str | int = 0
    ) -> RecognizerResult:
        return recognizer_result(self, entity_type, match.start(group), match.end(group), score)
