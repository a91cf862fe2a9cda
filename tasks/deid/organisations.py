"""Organisations by their shape: a name before a ward, unit, practice, group or school head,
employers named by what they do ('the sorting office', 'the bus depot') and named ones one
works for or is registered with ('I work at Babylon')."""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from qualbridge.tasks.deid.big_places import big_place_names
from qualbridge.tasks.deid.gazetteers import world_places
from qualbridge.tasks.deid.recasing import MONTHS_AND_DAYS, Vocabulary
from qualbridge.tasks.deid.token_recognizers import recognizer_result
from qualbridge.tasks.deid.wordlists import business_heads, generic_service_words

# Heads that follow the name of a place of care, learning or meeting, in any case.
HEADS = (
    "medical practice|medical centre|health centre|family practice|high school|primary school"
    "|infant school|junior school|care home|nursing home|community centre|resource centre"
    "|day centre|day service|day services|police station|fire station|bus station"
    "|coach station|train station|railway station|helpline|advice line|text line|bar|beer garden"
    "|ward|unit|centre|center|clinic|surgery|practice|group|club|academy|school"
    "|primary|college|hospital|hospice|library|chapel|mosque|temple|gurdwara|lodge|project|hub"
    "|café|cafe|pharmacy|chemist|chemists|trust|partnership|network|collective|house|pub"
    "|drop-in|drop in|jobcentre|job centre|arms|inn|tavern|housing|homes|food bank|regiment"
    "|battalion|squadron|mandir|masjid|synagogue|vihara|colliery|quarry|docks|bridge|cmht"
    "|c m h t|crisis team|home treatment team|magistrates court|crown court|magistrates"
    "|gallery|galleries|museum|theatre|cinema|ballroom|hostel|refuge|night shelter|crisis house"
    "|nursery|" + "|".join(sorted(business_heads(), key=len, reverse=True))
)
# The heads as single words: alone they name no body ('my worker at the council').
HEAD_WORDS = frozenset(HEADS.split("|")) | {"council", "nhs", "home", "gp"}
# Workplaces named by their function: a modifier is needed ('the sorting office'), except
# for heads that are specific on their own ('the crematorium').
FUNCTION_HEADS = (
    "office|depot|centre|factory|warehouse|station|plant|mill|yard|works|site|shop|store"
    "|garage|hotel|kitchen|canteen|laundry|bakery|farm|call centre"
)
FUNCTION_HEAD_WORDS = frozenset(FUNCTION_HEADS.split("|"))
SPECIFIC_WORKPLACES = (
    "crematorium|abattoir|brewery|quarry|colliery|shipyard|refinery|dairy|mortuary|docks"
    "|steelworks|foundry|tannery|distillery|sawmill|cannery|creamery"
)
_NAME = r"[A-Z][\w'’&\-]*"
_DETERMINER = r"(?!(?i:the|a|an|my|our|your|his|her|their|this|that|these|those|some|any|no)\b)"
_NAMED = re.compile(
    rf"\b{_DETERMINER}(?P<value>(?P<name>(?:St\.?\s+)?{_NAME}"
    rf"(?:\s+(?:(?:and|&|of|in|for)\s+)?{_NAME}){{0,2}})"
    rf"\s+(?P<head>(?i:{HEADS})s?))\b"
)
# A name, then words that say what kind of place it is, then the head: 'Wharfedale men's group'.
_GENERIC = "|".join(re.escape(w) for w in sorted(generic_service_words(), key=len, reverse=True))
_NAMED_KIND = re.compile(
    rf"\b{_DETERMINER}(?P<value>(?P<name>{_NAME}(?:\s+{_NAME}){{0,2}})"
    rf"\s+(?:(?:{_GENERIC})\s+){{1,2}}(?P<head>(?i:{HEADS})s?))\b"
)
# Churches and the schools named after them, in any case: 'our lady's catholic school',
# 'all saints primary', 'st bede's rc primary', 'holy trinity church'.
_DEDICATION = (
    r"(?:st\.?|saint)\s+[a-z][\w'’\-]*|our\s+lady(?:['’]s)?(?:\s+of\s+[a-z]+)?|all\s+saints['’]?"
    r"|holy\s+(?:trinity|cross|family|name|rosary|spirit|redeemer|innocents)|sacred\s+heart"
    r"|christ\s+the\s+king|blessed\s+sacrament|corpus\s+christi"
)
_DEDICATED = re.compile(
    rf"(?i)\b(?P<value>(?:{_DEDICATION})(?:\s+(?:catholic|c\s+of\s+e|ce|rc|methodist|infant"
    rf"|infants|junior|juniors|primary|high|secondary|community|parish))*"
    rf"\s+(?:church\s+hall|{HEADS}|church|cathedral|abbey)s?)\b"
)
# A church or school named by its saint alone, after a word of going or being there: 'goes to
# saint bedes', 'at st. anne's', 'saint pauls methodist', 'out of St Patrick's' (not a day).
_SAINTS = re.compile(
    r"(?i)\b(?:to|at|from|of|into|attends?|attended|joined|under|near|behind|by|outside"
    r"|opposite|past|round|down)\s+"
    r"(?P<value>(?:st\.?|saint)\s+[a-z][\w\-]*(?:['’]s|s)\b"
    r"(?:\s+(?:catholic|c\s+of\s+e|ce|rc|methodist|baptist|anglican|pentecostal|primary|high"
    r"|secondary|juniors?|infants?|parish|church|school|hospital|hospice|academy|college"
    r"|hostel))*)"
    r"(?!\s+(?:day|eve|street|st|road|rd|lane|square|place|park|gate|way|avenue|terrace)\b)"
)
# A church or school named for Our Lady, capitalised: 'Our Lady of Mount Carmel'.
_OUR_LADY = re.compile(r"\b(?P<value>Our Lady(?:['’]s\b| of(?: the)?(?: [A-Z][\w'’\-]*)+))")
# A group's name after what it is called, two capitalised words or more, with the small
# words between: 'they call themselves Dads Who Run', 'the chat's called Mums in Recovery Hull'.
_CALLED_GROUP = re.compile(
    r"(?i:\b(?:called|named|call\s+themselves|calls\s+itself|known\s+as)\s+)"
    r"(?P<value>[A-Z][\w'’&\-]*"
    r"(?:\s+(?:(?:in|of|and|&|for|the|who|on|at|with)\s+)?[A-Z][\w'’&\-]*)+)"
)
# A local branch of a national charity, or a hospital, named by its place: 'hackney mind',
# 'Leeds Samaritans', 'the royal wolverhampton' (the place must be a listed one).
_CHARITY = re.compile(
    r"(?i)(?<=\s)(?:mind|samaritans|carers|age\s+uk|citizens\s+advice|rape\s+crisis"
    r"|women['’]?s\s+aid|recovery\s+college|healthwatch|advocacy|cvs)\b"
)
_CUE_BEFORE = re.compile(r"(?i:\b(?:from|at|off|to|with|through|via|by|rang|called|the))\s+$")
_PLACE_AFTER = re.compile(r"\s+(?i:in|of)\s+(?P<place>[^\W\d_][\w'’\-]*)")
_WORDS_BEFORE = re.compile(r"(?:([^\W\d_][\w'’\-]*)\s+)?([^\W\d_][\w'’\-]*)\s+$")
_DIRECTIONS = frozenset("north south east west central upper lower greater mid inner".split())
_ROYAL_PLACE = re.compile(r"(?i)\broyal\s+(?P<place>[a-z][\w'’\-]*(?:\s+[a-z][\w'’\-]*)?)")
# Heads written before the name, as most languages but English do: 'hospital universitari vall
# d'hebron', 'école maternelle jules ferry', 'Klinikum Großhadern', 'Kura Kaupapa Māori o Te
# Rito'. The name runs until a word that goes on with the sentence.
_FOREIGN_HEADS = (
    r"école|ecole|lycée|lycee|collège|colegio|escuela|escola|instituto|istituto|liceo|centro"
    r"|clínica|clinica|hospital\s+universitari[oa]?|hôpital|hopital|ospedale|klinikum|klinik"
    r"|krankenhaus|universidad|universität|universitat|università|szpital|gimnazjum|sjukhus"
    r"|ziekenhuis|buurthuis|kura|wharekura|kura\s+kaupapa|centre\s+hospitalier|policlinico"
)
_GOES_ON = (
    r"in|on|at|and|for|with|the|a|an|was|is|are|i|he|she|we|they|but|so|to|from|where"
    r"|because|since|until|when|which|who|that|it|my|our|her|his|their|last|this|every"
)
_HEAD_FIRST = re.compile(
    # with the article elided onto it: "l'Hôpital Notre-Dame"
    rf"(?i)\b(?P<value>(?:l['’])?(?:{_FOREIGN_HEADS})"
    rf"(?:\s+(?!(?:{_GOES_ON})\b)[^\W\d_][\w'’\-]*){{1,5}})"
)
# English heads before a capitalised name: 'Hospital Universitario La Paz', 'Clinic Barcelona'.
_ENGLISH_HEAD_FIRST = re.compile(
    r"\b(?P<value>(?:Hospital|Clinic|Hospice|University|College|Institute)"
    r"(?:\s+(?:de|del|della|di|da|do|dos|la|le|les|el|of|d['’]))*(?:\s+[A-Z][\w'’\-]*)+)"
)
# A group said to be called something, in any case, as a recogniser writes it: 'a tribute band
# called the fake roses and he', 'a group called hearing voices'. The name runs until a word
# that goes on with the sentence.
_CALLED_KIND = re.compile(
    r"(?i)\b(?:band|group|choir|team|club|charity|gang|crew|society|collective|project|network)"
    r"\s+(?:called|named)\s+"
    rf"(?P<value>(?:the\s+)?(?!(?:{_GOES_ON})\b)[^\W\d_][\w'’&\-]*"
    rf"(?:\s+(?!(?:{_GOES_ON})\b)[^\W\d_][\w'’&\-]*){{0,3}})"
)
# Words joined by a digit, as services name themselves: 'Steps2Wellbeing', 'Time4Me', 'Talk2Us'.
_DIGIT_JOINED = re.compile(r"\b(?P<value>[A-Z][a-z]+[24][A-Z][a-z]+)\b")
# A secondary school named by its town or name and 'High' alone: 'Brighouse High', not the
# 'High Street' or 'High Road' that follows a town.
_HIGH = re.compile(
    rf"\b{_DETERMINER}(?P<value>(?P<name>{_NAME}(?:\s+{_NAME}){{0,2}})\s+"
    r"(?:High\b(?!\s+(?i:street|st|road|rd|lane|park|school|court|wood|field|view|bank|moor))"
    # 'started at castle hill high in september': lower case where a clause goes on after it
    r"|high(?=\s*(?:[,.;!?]|$)|\s+(?:in|and|but|when|for|since|until|now|then)\b)))"
)
_TITLES = frozenset("dr doctor mr mrs ms miss mx prof professor nurse sister".split())
_LINKS = frozenset({"and", "&", "of", "st", "st."})
# Lower-case names in cased text need a cue: 'on the bluebell ward', 'at greenhow surgery',
# 'the quarry bank recovery cafe'; every word of the name must be able to name a place.
_NOT_CUE = r"(?!(?i:on|at|to|from|with|into|off|for|the)\b)"
_CUED_LOWER = re.compile(
    r"(?:(?i:\b(?:on|at|to|from|with|into|off|for|join(?:ed)?|attend(?:ed|s)?)\s+)"
    r"(?i:the\s+)?|(?i:\bthe\s+))"
    # in any case: the recaser capitalises the words it does not know ('the Shree ram Mandir')
    # a cue word never inside the name, so 'the respite at sycamore lodge' is tried at 'at'
    rf"(?P<value>(?P<name>{_NOT_CUE}[^\W\d_][\w'’\-]*(?:\s+{_NOT_CUE}[^\W\d_][\w'’\-]*){{0,2}}?)"
    rf"\s+(?i:{HEADS})s?)\b"
)
_WORK_CUE = (
    r"(?i:\b(?:work|works|worked|working|job|jobs|shifts?|nights|days|earlies|lates|employed"
    r"|volunteer(?:s|ed|ing)?|placement|apprenticeship|started|years|months|decades)\b"
    r"[^.?!\n]{0,24}?"
    r"\b(?:at|for|in|down)\s+the\s+)"
)
_WORKPLACE = re.compile(
    rf"{_WORK_CUE}(?P<value>(?:(?P<mod>[a-z][\w'\-]*)\s+){{1,2}}(?i:{FUNCTION_HEADS})"
    rf"|(?i:{SPECIFIC_WORKPLACES}))\b"
)
# Being at a place of work needs no work word when its head names work done there ('I was at
# the sorting office', 'down at the bus depot'); shops, stations and hotels are visited too.
WORK_DONE_HEADS = "office|depot|factory|warehouse|plant|mill|yard|works|bakery|laundry|canteen"
# Workplaces whose two words say the work done: no modifier is needed before them.
WORK_DONE_PLACES = r"call\s+cent(?:re|er)|contact\s+cent(?:re|er)|distribution\s+cent(?:re|er)"
_BEEN_AT = (
    r"(?i:\b(?:(?:was|were|been)\s+(?:(?:down|up|over)\s+)?at|(?:down|up)(?:\s+at)?)\s+the\s+)"
)
_BEEN_AT_WORK = re.compile(
    rf"{_BEEN_AT}(?P<value>(?:(?P<mod>[a-z][\w'\-]*)\s+){{1,2}}(?i:{WORK_DONE_HEADS})"
    rf"|(?i:{SPECIFIC_WORKPLACES}|{WORK_DONE_PLACES}))\b"
)
# A capitalised name one works for or is a patient of: 'I work at Babylon', 'registered with
# GP at Hand', 'my practice is Riverside'. The name part is matched case-sensitively.
_MEMBER_CUE = (
    r"(?i:\b(?:(?:work|works|worked|working|employed|shifts?|job|volunteer(?:s|ed|ing)?)"
    r"\s+(?:at|for)|registered\s+(?:with|at)|(?:I'm|I\s+am|we're|we\s+are)\s+(?:with|under)"
    r"|(?:practice|surgery|employer|GP|school)\s+(?:is|was))\s+(?:the\s+)?)"
)
_MEMBER_OF = re.compile(
    rf"{_MEMBER_CUE}(?P<value>{_NAME}(?:\s+(?:(?:at|of|and|&|on)\s+)?{_NAME}){{0,3}})"
)
# A body in any case (the recaser may have capitalised some of it) one works for or at, after
# a work word or a role: 'i was a welder at cammell laird for eleven years', 'a nurse at north
# middlesex so'. It ends where the clause goes on, and must hold a word no dictionary knows or
# a listed place (see _is_lower_member).
_LOWER_MEMBER = re.compile(
    r"(?i)(?:\b(?:work|works|worked|working|employed|job|volunteer(?:s|ed|ing)?|shifts?"
    r"|(?:a|an|my|her|his|their|our|your)\s+[a-z]+)\s+(?:at|for)\s+)"
    r"(?P<value>[^\W\d_][\w'’\-]*(?:\s+[^\W\d_][\w'’\-]*){0,3}?)"
    r"(?=\s*(?:[,.;!?]|$)|\s+(?:for|and|so|was|were|is|then|but|when|because|since|until|who"
    r"|they|she|he|i|we|on|in|as|from|to|at|where|which|every|last|this|yesterday|now)\b)"
)
# The body a named helper works at, in any case, between the helper and what they do or are:
# 'my worker at turning point is lisa', 'dawn my key worker at riverside says', 'my sponsor
# from a a is big dave'; and the practice one is registered with ('registered with the limes
# on wellington road').
_HELPER_AT = re.compile(
    r"(?i)(?:\b(?:worker|keyworker|counsellor|therapist|nurse|sponsor|coordinator|co-ordinator"
    r"|mentor|advocate|officer|manager|boss|supervisor|volunteer|facilitator|doctor|gp)"
    r"\s+(?:at|from)\s+(?:the\s+)?"
    r"(?P<value>[^\W\d_][\w'’\-]*(?:\s+[^\W\d_][\w'’\-]*){0,2}?)"
    r"(?=\s+(?:is|was|says|said|reckons|comes|came|has|had|rang|rings|told|thinks|helped)\b)"
    r"|\bregistered\s+(?:with|at)\s+(?:the\s+)?"
    r"(?P<value2>[^\W\d_][\w'’\-]*(?:\s+[^\W\d_][\w'’\-]*){0,2}?)"
    r"(?=\s*(?:[,.;?!]|$)|\s+(?:on|in|at|but|and|surgery|practice|medical|health)\b))"
)
# A body named before the town it is in: 'siobhan from pieta in ballyfermot', 'the job at
# seat in martorell', 'a counsellor from Mind in Stockholm'.
_BODY_IN_PLACE = re.compile(
    r"(?i)\b(?:from|at|with)\s+(?:the\s+)?"
    r"(?P<value>[^\W\d_][\w'’\-]*(?:\s+[^\W\d_][\w'’\-]*){0,2}?)"
    r"\s+in\s+(?P<place>[^\W\d_][\w'’\-]*(?:\s+[^\W\d_][\w'’\-]*)?)"
)
# A body said to be a group or service right after its name, in any case: 'we met at breathe
# easy its a group for people with lung problems'.
_SAID_TO_BE = re.compile(
    r"(?i)\b(?:at|to|with|from|joined|join|called)\s+(?:the\s+)?"
    r"(?P<value>[^\W\d_][\w'’\-]*(?:\s+[^\W\d_][\w'’\-]*){0,2}?),?\s+"
    r"(?:it['’]?s|its|which\s+is|that['’]?s|thats)\s+(?:a|an|the)\s+(?:\w+\s+)?"
    r"(?:group|charity|club|service|centre|center|place|project|network|organisation"
    r"|organization|support\s+group|drop-in)\b"
)
# A prison or young offenders' institution by its prefix: 'HMP Wakefield', 'HMYOI Wetherby'.
_PRISON = re.compile(
    r"\b(?P<value>(?i:HMP|HMYOI|HMP\s*&\s*YOI|HM\s+Prison)\s+[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)?"
    # In lower case, as a recogniser writes it: 'he's in hmp leeds'.
    r"|(?:hmp|hmyoi)\s+(?!(?:and|the|for|in|at|on|is|was)\b)[a-z][\w'’\-]*)"
)
# A ship or shore base of the forces by its prefix: 'HMS Cornwall', 'USS Nimitz', 'RFA Argus'.
_SHIP = re.compile(r"\b(?P<value>(?:HMS|HMNZS|HMAS|HMCS|USS|USNS|RFA)\s+[A-Z][\w'’\-]*)")
# Shapes whose whole match is the organisation, with no check of its words.
_WHOLE_SHAPES = (
    _DEDICATED, _PRISON, _SAINTS, _DIGIT_JOINED, _OUR_LADY, _CALLED_GROUP, _HEAD_FIRST,
    _ENGLISH_HEAD_FIRST, _SHIP,
)  # fmt: skip
SHAPE_SCORE = 0.9
_SENTENCE_START = re.compile(r"(?:^|[.?!]\s+|\n)\s*$")


def _only_generic(words: list[str]) -> bool:
    """Every word, in plain form, is a generic service word or a head: 'the council'."""
    return all(w in generic_service_words() or w in HEAD_WORDS for w in words)


def _plain(word: str) -> str:
    return word.casefold().replace("’", "'")


class OrganisationShapeRecognizer(EntityRecognizer):
    """Named wards, practices, groups and schools, and workplaces named by their function."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self._vocabulary = vocabulary
        super().__init__(
            supported_entities=["ORGANIZATION"],
            name="OrganisationShapeRecognizer",
            supported_language="en",
        )

    def load(self) -> None:
        """Nothing to load."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Every named or functional organisation the shapes find."""
        spans = [
            m.span("value")
            for pattern in (_NAMED, _NAMED_KIND)
            for m in pattern.finditer(text)
            if self._is_named(text, m)
        ]
        spans += [
            m.span("value") for m in _HIGH.finditer(text) if self._names(m.group("name").split()[0])
        ]
        spans += [m.span("value") for m in _CUED_LOWER.finditer(text) if self._lower_names(m)]
        spans += self._place_named(text)
        spans += [m.span("value") for m in _MEMBER_OF.finditer(text) if self._is_member_of(m)]
        spans += [m.span("value") for m in _LOWER_MEMBER.finditer(text) if self._is_lower_member(m)]
        spans += self._helpers_at(text)
        spans += [m.span("value") for m in _SAID_TO_BE.finditer(text) if self._names_a_body(m)]
        spans += self._bodies_in_places(text)
        spans += [m.span("value") for p in _WHOLE_SHAPES for m in p.finditer(text)]
        spans += [
            m.span("value")
            for m in _CALLED_KIND.finditer(text)
            # 'the team called us yesterday', 'called me back': no stop word after 'the'
            if not any(_plain(w) in STOP_WORDS for w in m.group("value").split()[1:])
            and _plain(m.group("value").split()[0]) not in STOP_WORDS - {"the"}
        ]
        spans += [
            m.span("value")
            for pattern in (_WORKPLACE, _BEEN_AT_WORK)
            for m in pattern.finditer(text)
            if self._is_workplace(m)
        ]
        # Above NER's 0.85: Presidio keeps one of two equal spans of a type, and NER's may be
        # dropped later as a role ('Oldfield Carers'), where the shape's is not.
        return [recognizer_result(self, "ORGANIZATION", s, e, SHAPE_SCORE) for s, e in spans]

    def _names(self, word: str, capital_inside: bool = False, shouted: bool = False) -> bool:
        """A word that can name a place: not a stop, generic, time, service or app word, nor an
        acronym ('the TIA clinic') unless the head is in capitals too and the word is long
        ('QUARRY BANK INFIRMARY'), nor (unless capitalised inside a sentence) a describing word
        that is no first name."""
        w = _plain(word)
        # A word in capitals before a head in capitals is a shouted name ('ASH UNIT') when it is
        # long or an English word; short others are acronyms ('TIA CLINIC').
        spelt = len(word) >= 4 or w in self._vocabulary.dictionary
        acronym = word.isupper() and len(word) > 1 and not (shouted and spelt)
        return not (
            w in STOP_WORDS
            or w in generic_service_words()
            or w in MONTHS_AND_DAYS
            # 'the acute ward' is described, 'hazel ward' named: a colour that is a first name
            or (
                not capital_inside
                and w in self._vocabulary.adjectives
                and w not in self._vocabulary.all_first_names
            )
            or w.isdigit()
            or w in self._vocabulary.everyday
            or acronym
        )

    def _place_named(self, text: str) -> list[tuple[int, int]]:
        """A local branch of a national charity named by its place ('hackney mind', 'north
        tyneside carers'), and a hospital 'royal' and its place ('the royal wolverhampton')."""
        spans = []
        for m in _CHARITY.finditer(text):
            # 'off mind in lewisham': the branch's place said after it, the charity after a cue or
            # capitalised ('Our local Mind in Lewisham')
            after = _PLACE_AFTER.match(text, m.end())
            cued = m.group()[:1].isupper() or _CUE_BEFORE.search(
                text, max(0, m.start() - 12), m.start()
            )
            place = after.group("place") if after else ""
            if after and cued and (self._is_place(place) or _plain(place) in big_place_names()):
                spans.append((m.start(), after.end()))
            before = _WORDS_BEFORE.search(text, max(0, m.start() - 40), m.start())
            if before is None:
                continue
            two = before.group(1) and f"{before.group(1)} {before.group(2)}"
            if two and self._is_place(two):
                spans.append((before.start(1), m.end()))
            elif self._is_place(before.group(2)) or _plain(before.group(2)) in big_place_names():
                spans.append((before.start(2), m.end()))
        for m in _ROYAL_PLACE.finditer(text):
            words = m.group("place").split()
            for n in (2, 1):
                if len(words) >= n and self._is_place(" ".join(words[:n])):
                    spans.append((m.start(), m.start("place") + len(" ".join(words[:n]))))
                    break
        return spans

    def _names_a_body(self, match: re.Match[str]) -> bool:
        """Words that name a body: no stop word, not only generic words, not one everyday
        noun after 'the' ('the gym its a nice place')."""
        words = [_plain(w) for w in match.group("value").split()]
        the_thing = (
            len(words) == 1
            and match.group()[: match.start("value") - match.start()].rstrip().endswith("the")
            and words[0] in self._vocabulary.dictionary
        )
        return not (_only_generic(words) or the_thing or any(w in STOP_WORDS for w in words))

    def _helpers_at(self, text: str) -> list[tuple[int, int]]:
        """Where a named helper works, or one is registered: words that are no stop words,
        letters spelled out allowed ('a a'), not a generic service ('at the council')."""
        spans = []
        for m in _HELPER_AT.finditer(text):
            group = "value" if m.group("value") else "value2"
            words = [_plain(w) for w in m.group(group).split()]
            spelled = all(len(w) == 1 for w in words) and len(words) > 1
            plain = not any(w in STOP_WORDS for w in words) and self._names(words[0])
            if (spelled or plain) and not _only_generic(words):  # not 'my nurse at the hospital'
                spans.append(m.span(group))
        return spans

    def _bodies_in_places(self, text: str) -> list[tuple[int, int]]:
        """A body before the listed town it is in, capitalised or with a word no dictionary
        knows ('pieta in ballyfermot'; not 'with friends in leeds' or 'at work in leeds')."""
        spans = []
        v = self._vocabulary
        for m in _BODY_IN_PLACE.finditer(text):
            words = m.group("value").split()
            plain = [_plain(w) for w in words]
            if any(w in STOP_WORDS for w in plain) or not self._town(m.group("place")):
                continue
            if _only_generic(plain):
                continue
            named = words[0][:1].isupper() and m.start("value") > 0
            if named or any(v.is_unknown(w) for w in plain):
                spans.append(m.span("value"))
        return spans

    def _town(self, words: str) -> bool:
        """A listed place of one or two words, the first alone or both together."""
        first = words.split()[0]
        return any(
            self._is_place(w) or _plain(w) in big_place_names() or _plain(w) in world_places()
            for w in (words, first)
        )

    def _is_place(self, words: str) -> bool:
        """The words are a listed place ('hackney', 'north tyneside'), or a direction before
        one ('north leeds')."""
        places = self._vocabulary.all_places
        first, *rest = _plain(words).split()
        return _plain(words) in places or (
            first in _DIRECTIONS and bool(rest) and rest[-1] in places
        )

    def _is_lower_member(self, match: re.Match[str]) -> bool:
        """Words that can name a body, one of them unknown to the dictionary or a listed place
        ('cammell laird', 'north middlesex'), not everyday words ('at home', 'for a bit')."""
        words = [_plain(w) for w in match.group("value").split()]
        v = self._vocabulary
        return (
            words[0] not in STOP_WORDS
            and self._names(words[-1], capital_inside=True)
            and any(v.is_unknown(w) or w in v.all_places for w in words)
        )

    def _lower_names(self, match: re.Match[str]) -> bool:
        """Lower-case words that name a place: the first can name one, none is a stop word,
        and not all are generic ('kirkstall forge community hospital', not 'the day unit')."""
        words = match.group("name").split()
        v = self._vocabulary
        # 'the royal anglian regiment': a describing word opens a name another word makes one
        # 'sunny brow nursing home': after a describing word, a noun that is no generic word
        describing = _plain(words[0]) in v.adjectives
        named_by_another = len(words) > 1 and any(
            v.is_unknown(_plain(w))
            or _plain(w) in v.all_places
            or (describing and _plain(w) not in v.non_nouns and self._names(w))
            for w in words[1:]
        )
        return (
            (self._names(words[0]) or named_by_another)
            and not any(_plain(w) in STOP_WORDS for w in words)
            and not all(_plain(w) in generic_service_words() for w in words)
        )

    def _is_named(self, text: str, match: re.Match[str]) -> bool:
        """The words before the head name it; at a sentence start the first must too."""
        words = [w for w in match.group("name").split() if _plain(w) not in _LINKS]
        at_start = bool(_SENTENCE_START.search(text, max(0, match.start() - 12), match.start()))
        shouted = match.group("head").isupper()
        if not words or not self._names(words[0], not at_start, shouted):
            return False
        if all(_plain(w) in generic_service_words() for w in words):
            return False
        if not at_start:
            return True
        # 'Chess club is on a Monday': one everyday word opening a sentence needs a capital head.
        head_is_title = match.group("head")[:1].isupper()
        return (
            len(words) > 1 or head_is_title or _plain(words[0]) not in self._vocabulary.dictionary
        )

    def _is_member_of(self, match: re.Match[str]) -> bool:
        """A name that is no person, place, month, generic service or title ('the NHS',
        'Dr Khan', 'Leeds', 'Christmas')."""
        words = [_plain(w) for w in match.group("value").split() if _plain(w) not in _LINKS]
        if not words:
            return False  # 'work at St. ...' cut short: a link word alone names nothing
        v = self._vocabulary
        first = words[0]
        return not (
            first in v.first_names
            or first in _TITLES
            or " ".join(words) in v.all_places
            or all(w in generic_service_words() or w in STOP_WORDS for w in words)
            or any(w in MONTHS_AND_DAYS for w in words)
        )

    def _is_workplace(self, match: re.Match[str]) -> bool:
        """A function modifier that is a noun, not 'the same office' or 'the local shop'."""
        modifier = match.group("mod")
        return modifier is None or self._names(modifier)
