"""Age patterns: the 'value' group is the age, the rest is the cue that makes it one."""

from __future__ import annotations

from qualbridge.tasks.deid.number_words import ORDINAL_TEENS, ORDINAL_TENS, ORDINAL_UNITS
from qualbridge.tasks.deid.number_words import TEENS as _TEENS
from qualbridge.tasks.deid.number_words import TENS as _TENS
from qualbridge.tasks.deid.number_words import UNITS as _UNITS

# An age as digits or words: "34", "sixteen", "sixty-two", "forty three".
# 'seventy-odd', 'fortyish': a round age said loosely is still the age.
_LOOSE = r"(?:-?odd|-?ish|[\s-]something)?"
NUMBER = rf"(?:\d{{1,3}}|(?:{_TENS})(?:[\s-](?:{_UNITS}))?{_LOOSE}|{_TEENS}|{_UNITS})"
# After "I'm" a bare small number word is rarely an age ("I'm one of them"): ten and over.
NUMBER_CUED = rf"(?:\d{{1,3}}|(?:{_TENS})(?:[\s-](?:{_UNITS}))?{_LOOSE}|{_TEENS})"
# Teen ages and over only, for cues like "at" that also introduce clock times.
NUMBER_13_PLUS = (
    rf"(?:1[3-9]|[2-9]\d|1[01]\d|(?:{_TENS})(?:[\s-](?:{_UNITS}))?"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
# An age as an ordinal, as birthdays are said: "30th", "forty-fifth", "eighteenth".
ORDINAL_AGE = (
    rf"(?:\d{{1,3}}(?:st|nd|rd|th)|(?:{_TENS})[\s-](?:{ORDINAL_UNITS})|{ORDINAL_TENS}"
    rf"|{ORDINAL_TEENS}|{ORDINAL_UNITS}|hundredth)"
)
_ANY_NUMBER = rf"(?:\d|{_TENS}|{_TEENS}|{_UNITS})"
# Where a post or sentence opens: the text's start, a new line, or after a full stop.
# Where a post, sentence or note's field opens: 'NRIC S3000620H; 67M, Chinese'.
_OPENING = r"(?:^|(?<=\n)|(?<=[.!?;]\s)|(?<=[.!?]\s\s))"
_NOT_A_UNIT = r"(?!(?i:years?|months?|weeks?|days?|hours?|minutes?|times|people|of)\b)"
DECADE = (
    r"(?:(?:early|mid|late)[\s-]+)?(?:teens|twenties|thirties|forties|fifties|sixties|seventies"
    r"|eighties|nineties|[2-9]0s)"
)
# What follows a number that is not an age: units, times, money, ordinals, "2 years sober".
NOT_AN_AGE = (
    r"(?!\s*(?:%|per ?cent|pounds|quid|p\b|pence|minutes|mins|hours|hrs|days|weeks|months"
    r"|times|mg|milligrams|pm|am(?!\s+(?:i|I)\b)|o'clock|miles|stone|kilos|kg|th\b|st\b|nd\b|rd\b"
    r"|foot|feet|ft\b|inch|inches|'|past|(?:to|till)\s+(?:\d|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve|midnight|noon)|quarter|half|tablets|pills|grand"
    r"|(?:years?|yrs)\s+(?!old\b)))"
)
HEDGE = (
    r"(?:(?:only|nearly|almost|just|about|around|barely|over|under|getting on for|coming up to"
    r"|coming up|pushing|going on|knocking on|rising)\s+)?"
)
_SUBJECT = r"(?:I|you|s?he|they|we|who)"
# Parts of a document or building numbered in brackets, never a person's age: 'Section (3)'.
_NOT_A_PART = (
    r"(?!(?:Section|Table|Figure|Chapter|Room|Bed|Ward|Page|Item|Question|Step|Part|Level"
    r"|Stage|Grade|Year|Appendix|Box|Line|Note|Schedule|Article|Clause|Rule|Paragraph)\b)"
)
_BE = (
    r"(?:'?m|am|'?s|is|'re|are|was|were|'ll be|will be|'d be|would be|would've been|'d have been"
    r"|turned|turns|turning|(?:'m|am|is|'s|are|'re)\s+(?:gonna|going\s+to)\s+be)"
)
_RELATIVE = (
    r"(?:son|daughter|kids?|boy|girl|lad|baby|brother|sister|mum|mam|mother|dad|father|nan"
    r"|nana|gran|grandma|grandad|husband|wife|partner|boyfriend|girlfriend|niece|nephew"
    r"|cousin|friend|mate|youngest|eldest|oldest|twins|grandson|granddaughter|grandchild"
    r"|grandkids?|stepson|stepdaughter|toddler)"
)

# People named by what they are, whose age may be said after them.
_PERSON_NOUN = (
    r"(?:fella|fellow|man|woman|guy|lad|lass|girl|boy|bloke|lady|chap|therapist|counsellor"
    r"|nurse|doctor|worker|teacher|neighbour|client|patient|sponsor|mentor|volunteer)"
)
_FILLER = r"(?:(?:um|uh|er|erm|yeah|yes|so|oh|well|sorry|no|I mean)\b[,.]?\s+)"
# A question about age; the answer may come in the next turn, which the engine packs after it
# with a line holding a full stop ("\n.\n") between them.
_AGE_QUESTION = (
    r"(?i:\bhow\s+old\s+(?:are|is|was|were)\s+(?:you|s?he|they|your\s+\w+)|what(?:'s|\s+is)"
    r"\s+(?:your|his|her|their)\s+age|and\s+(?:your\s+)?age|age\s+are\s+you"
    r"|(?:confirm|tell\s+me|check)\s+(?:your|his|her|their)\s+age|what\s+age)\b[^\n]{0,80}?"
    r"(?:\n\.\n|[?]\s+)\s*"
    # the answering speaker's label, where turns are written in one text: 'P: Thirteen.'
    r"(?:[A-Z][A-Za-z]{0,11}(?:\s?\d{1,3})?:\s+)?"
)
_THEY_ARE = rf"\bthey(?:['’]re|\s+are|\s+were)\s+{HEDGE}"
_AGE_ANSWER = rf"(?i:{_FILLER}{{0,4}}(?:{_SUBJECT}\s*{_BE},?\s+|im,?\s+)?{HEDGE}{_FILLER}{{0,2}})"

AGE_PATTERNS: list[tuple[str, float]] = [
    # "How old are you?" / "Um, about sixty, yeah.": the number that opens the answer.
    (
        rf"(?i){_AGE_QUESTION}{_AGE_ANSWER}(?P<value>{NUMBER})\b{NOT_AN_AGE}"
        r"(?!\s+(?:of|in|on|at|for|to|the|a|minutes|people)\b)",
        0.6,
    ),
    # "I am seven, twenty seven", "fifty years old, fifty one", "she's ninety, ninety one now":
    # an age said again, corrected.
    (
        rf"(?i)\b(?:(?:{_SUBJECT}\s*{_BE}|im|aged?),?\s+(?:(?:uh|um|er|erm),?\s+)*{HEDGE}{NUMBER}"
        rf"|{NUMBER}\s+years?\s+old)"
        rf",\s+{_FILLER}{{0,2}}(?P<value>{NUMBER_13_PLUS}(?:\s+and\s+a\s+half)?)\b"
        r"(?=\s*(?:[.,;!?]|$|years?\s+old|next\s+(?:week|month|year)|in\s+[A-Z]|this\s+year"
        r"|now\b|or\s+so\b|I\s+think\b|yeah\b))",
        0.6,
    ),
    # "they're four and six", "they were nine and eleven": the ages of two children at once.
    (rf"(?i:{_THEY_ARE})(?P<value>{NUMBER})(?=,?\s+and\s+{NUMBER}\b{NOT_AN_AGE})", 0.6),
    (rf"(?i:{_THEY_ARE}{NUMBER},?\s+and\s+)(?P<value>{NUMBER})\b{NOT_AN_AGE}", 0.6),
    # "I'm 34", "im forty three", "she's only 29", "we were fourteen", "he turned 71",
    # "I'm uh, fifty three": a pause may come between the cue and the number.
    (
        rf"(?i:\b(?:{_SUBJECT}\s*{_BE}|im|aged?),?\s+(?:(?:uh|um|er|erm),?\s+)*{HEDGE})"
        rf"(?P<value>{NUMBER_CUED})\b{NOT_AN_AGE}",
        0.6,
    ),
    # "she's eight.", "I'm about six", "he's coming up four, so": a small number word after one
    # person and 'is' when nothing follows it that it could count ('I'm two minutes away').
    (
        rf"(?i:\b(?:(?:I|you|s?he)\s*{_BE}|im)\s+{HEDGE})(?P<value>two|three|four|five|six|seven|eight|nine)"
        r"(?=\s*(?:[.,;!?]|$)|\s+(?:now|then|and(?!\s+a\s+half)|so|but|I|i|next|or|maybe"
        r"|when)\b)"
        # 'I am seven, twenty seven': the first word of an age said again is no age.
        rf"(?!\s*,\s*{_FILLER}{{0,2}}(?:{_TENS}|{_TEENS}|\d))",
        0.55,
    ),
    # "she's eighteen months", "he's only six weeks old": a baby's age in months or weeks;
    # not 'I'm six months pregnant'.
    (
        rf"(?i:\b(?:s?he|they|baby|little\s+one|{_RELATIVE})\s*{_BE}\s+{HEDGE})"
        rf"(?P<value>{NUMBER}\s+(?:months?|weeks?)"
        r"(?:\s+old)?)(?=\s*(?:[.,;!?]|$)|\s+(?:old|now|and|so|but)\b)",
        0.6,
    ),
    (rf"(?i)\b(?P<value>{NUMBER}(?:\s*|-)(?:months?|weeks?)(?:\s*|-)old)\b", 0.8),
    # "Our son Kieran was 19 months when I got poorly": a named baby's age.
    (
        r"\b(?!(?:It|That|This|There|Which|What|Who)\b)[A-Z][a-z]+\s+(?:was|is|['’]s)\s+"
        rf"{HEDGE}(?P<value>{NUMBER}\s+(?i:months?|weeks?)(?:\s+old)?)"
        r"(?=\s+(?:when|old|and|now)\b|\s*[.,;!?])",
        0.6,
    ),
    # Clinical notes: "Pt 43, lives with", "pz. 61 anni", "Pt 67 M".
    (
        r"(?i:\b(?:pt|pz|patient|pat)\.?\s+)(?P<value>\d{1,3}(?:\s*(?:yrs?|years?|yo|y/o|anni|ans"
        r"|años|anos)\b|\s+[MF]\b)?)(?=[\s,.;]|$)",
        0.65,
    ),
    # Years in other languages after a number: "31 ans", "61 anni", "quinze anos".
    (r"(?i)\b(?P<value>\d{1,3}\s+(?:anni|ans|años|anos|jahre|jaar|lat|år|yaşında))\b", 0.65),
    # The first age of a span of years: "fostered from five until i was eighteen", "between
    # twelve and sixteen i", "from the age of nine to fourteen".
    (
        rf"(?i)\b(?:from|between)\s+(?:the\s+age\s+of\s+)?(?P<value>{NUMBER})"
        rf"(?=\s+(?:until|till|to|and)\s+(?:(?:{_SUBJECT})\s+(?:was|were|turned)\s+)?"
        rf"{NUMBER_13_PLUS}\b(?=\s*(?:[,.;!?]|$)|\s+(?:and|i|he|she|we|they|when|then|so|but)\b))",
        0.6,
    ),
    # "aged 52", "aged about seventy": the word goes with the age it gives.
    (rf"(?i)\b(?P<value>aged\s+{HEDGE}{NUMBER_CUED})\b{NOT_AN_AGE}", 0.65),
    # "that makes me nineteen", "it made her forty".
    (
        rf"(?i:\b(?:makes?|made|making)\s+(?:me|her|him|them|us)\s+{HEDGE})"
        rf"(?P<value>{NUMBER_CUED})\b{NOT_AN_AGE}",
        0.6,
    ),
    # "The therapist was, like, twenty-five?", "a Jamaican fella, seventy-odd, and": a person
    # and an age that ends the clause.
    (
        rf"(?i:\b{_PERSON_NOUN}(?:['’]s|\s+(?:is|was))\s*,?\s*(?:like,?\s+)?{HEDGE})"
        rf"(?P<value>{NUMBER_13_PLUS}{_LOOSE})(?=\s*(?:[.,;!?]|$))",
        0.6,
    ),
    (
        rf"(?i:\b{_PERSON_NOUN},\s+{HEDGE})(?P<value>{NUMBER_13_PLUS}{_LOOSE})(?=\s*[,.;])",
        0.6,
    ),
    # "58 years old", "sixty-two years old", "a 34-year-old", "sixty eight years of age".
    # ... and said in jest: "72 years young".
    (
        rf"(?i)\b(?P<value>{NUMBER}(?:\s*|-)(?:years?|yrs?)(?:(?:\s*|-)(?:old|young)|\s+of\s+age))\b",
        0.85,
    ),
    # "a lad of nineteen", "a woman of eighty": a person of a number.
    (
        rf"(?i:\b(?:lad|lass|girl|boy|man|woman|kid|child|bloke|fella|gentleman|lady)\s+of\s+"
        rf"{HEDGE})(?P<value>{NUMBER})\b{NOT_AN_AGE}(?!\s+[a-z]+s\b)",
        0.6,
    ),
    # "My son Lee is 12", "my son's sixteen", "my mum, she's 80", "the twins are four", and in
    # the north, "my lad were nineteen".
    (
        rf"(?i:\b{_RELATIVE}(?:\s+[A-Z][a-z]+)?(?:'s|\s+is|\s+was|\s+are|\s+were|\s+turned"
        rf"|\s+turns)\s+{HEDGE})"
        rf"(?P<value>{NUMBER})\b{NOT_AN_AGE}",
        0.65,
    ),
    # As a recogniser writes 'my dad's 87', without the apostrophe: "my dads eighty seven",
    # "my husbands ninety in november" (the number right after; 'three kids under five' is
    # a plural, not a possessive).
    (
        rf"(?i:\b(?:my|his|her|our|their|your)\s+{_RELATIVE}s\s+)(?P<value>{NUMBER})\b"
        rf"{NOT_AN_AGE}",
        0.6,
    ),
    # "since I was 15", "when she was sixteen", "by the time I was twelve".
    (
        rf"(?i:\b(?:since|when|till|until|by the time|before|after)\s+{_SUBJECT}\s+(?:was|were)"
        rf"\s+{HEDGE})(?P<value>{NUMBER})\b{NOT_AN_AGE}",
        0.85,
    ),
    # "at fourteen", "at the age of 15", "aged 15": teen ages and over (not clock times).
    (
        rf"(?i:\b(?:at|by|from|till|until)\s+(?:the\s+age\s+of\s+)?)(?P<value>{NUMBER_13_PLUS})\b"
        # 'normal at thirty weeks', 'by twenty minutes': a count of time or things, not an age
        rf"{NOT_AN_AGE}(?!\s*(?:o'clock|am|pm|past|tonight|this|that|in the))(?![/:.]\d)",
        0.5,
    ),
    # "at twelve I was drinking", "at 11, I left": any age, when a clause follows.
    (
        rf"(?i:\bat\s+)(?P<value>{NUMBER})(?=\s*(?:,|I\b|i\b|when\b|and\s+I\b))",
        0.6,
    ),
    # "he turns 19 next week", "turned sixty-one in May".
    (rf"(?i:\b(?:turns|turned|turning)\s+{HEDGE})(?P<value>{NUMBER})\b{NOT_AN_AGE}", 0.7),
    # "when I hit 58", "by the time she reached forty": a person reaching an age.
    (
        rf"(?i:\b{_SUBJECT}\s+(?:hit|hits|reached|reach|reaches|got to)\s+{HEDGE})"
        rf"(?P<value>{NUMBER_13_PLUS})\b{NOT_AN_AGE}(?!\s*(?:of|out|percent|on))",
        0.6,
    ),
    # "william was 9.", "my peer mentor was sixty-one and", "our Jade's only seven": a person
    # was a number, full stop.
    (
        rf"(?i:\b(?!(?:it|that|this|there|here|what|which|who|where|how|let|time|score|total"
        rf"|price|number|bill|rate|pain|level|one|everything|nothing|something)\b)"
        rf"[a-z]+(?:\s+(?:was|is)|['’]s)\s+{HEDGE})(?P<value>{NUMBER})"
        r"(?=\s*(?:[.;!?]|$|,\s|\s+and\b|\s+when\b|\s+now\b|\s+next\s+(?:week|month|year)\b|\s+at\s+the\s+time\b))",
        0.55,
    ),
    # "I'm late fifties", "when I was seventies", "he was, um, early sixties".
    (
        rf"(?i:\b{_SUBJECT}\s*{_BE},?\s+(?:(?:uh|um|er),?\s+)*{HEDGE})(?P<value>{DECADE})\b",
        0.7,
    ),
    # "Early sixties, OK": early/mid/late and a decade is an age unless 'the' makes it an era.
    (
        r"(?i)\b(?<!the\s)(?P<value>(?:early|mid|late)[\s-]+(?:teens|twenties|thirties|forties"
        r"|fifties|sixties|seventies|eighties|nineties))\b",
        0.55,
    ),
    # "Twenty six, OK. And how can I help": an answer to 'how old are you' said back at once.
    (
        rf"(?i)(?:^|[.?!]\s+)(?:(?:um|uh|er|erm|so|and|ok|okay|right|mm|yes|yeah),?\s+){{0,2}}"
        rf"(?P<value>{NUMBER_13_PLUS})"
        r"(?=\s*[,.]\s*(?:ok|okay|alright|all\s+right|lovely|great|perfect|fine|excellent"
        r"|thank\s+you|thanks)\b|,\s+(?:and\s+|so\s+)?how\s+can\s+I\s+help\b)",
        0.5,
    ),
    # "Age: 77", "age is seventy seven", "age, forty": the label said or typed before it.
    (
        rf"(?i:\bage(?:\s*[:\-,]|\s+is|\s+was|['’]s)\s+{HEDGE})(?P<value>{NUMBER})\b{NOT_AN_AGE}",
        0.6,
    ),
    # "the baby's eighteen months", "my lad's two and a half": a young age in months or halves.
    (
        rf"(?i:\b{_RELATIVE}(?:\s+[A-Z][a-z]+)?(?:['’]s|\s+is|\s+was)\s+{HEDGE})"
        rf"(?P<value>(?:{NUMBER})\s+(?:and\s+a\s+half|(?:months?|weeks?)\s+old"
        # 'two weeks late', 'six months clean': time counted, not the person's age
        r"|(?:months?|weeks?)(?=\s*(?:[.,;!?]|$)|\s+(?:now|and|so|but)\b)))\b",
        0.65,
    ),
    # "I'm Nadia Kowalczyk, thirty-five, from Rotherham": a number beside one's own name.
    (
        r"(?:\b(?:I['’]m|I\s+am|(?i:my\s+name\s+is|my\s+name['’]s))\s+"
        r"(?:[A-Z][\w'’\-]+\s+){0,2}[A-Z][\w'’\-]+,\s+)"
        rf"(?P<value>{NUMBER_13_PLUS})(?=\s*(?:[,.;]|$)|\s+(?:and|from|years)\b)",
        0.6,
    ),
    # "in my forties", "in her mid fifties", "I spent my fifties", "in his late 70s".
    # "in" and the possessive are masked with it: annotators count "in his twenties" whole.
    (rf"(?i)\b(?P<value>(?:in\s+)?(?:my|her|his|their|your|our)\s+{DECADE})\b", 0.6),
    # "Gráinne's twenty-one and she's...": a named person's age said with their name.
    (
        r"\b(?!(?:It|That|There|What|Who|Where|Here|This|He|She|Let|How|Everyone|Nobody)['’])"
        rf"[A-Z][\w'’\-]*['’]s\s+(?P<value>{NUMBER_13_PLUS})"
        r"(?=\s*(?:[,.;!?]|$)|\s+(?:and|now|next|this|in|but|so)\b)",
        0.6,
    ),
    # "a young woman, Chloe, nineteen, who", "Lau Mei-Ling, eighty-six.": an age set beside a
    # name between commas.
    (
        r"\b[A-Z][a-z][\w'’]*(?:[\s-][A-Z][\w'’]*)?,\s+"
        rf"(?P<value>{NUMBER_13_PLUS})(?=\s*[,.;](?!\s*(?:\d|{_TENS}|{_TEENS}|{_UNITS})\b))",
        0.55,
    ),
    # "been using since sixteen": a teen age after 'since' ('since twelve' may be noon).
    (
        r"(?i:\bsince\s+)(?P<value>thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
        r"|nineteen)\b(?!\s+(?:hundred|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
        r"|oh|o|\d))",
        0.6,
    ),
    # Posts: an age and gender in brackets ("I (24F) finally", "my (19F) mum", "(32 m)"),
    # typed after a word ("I'm 24F"), or an age in years typed short ("my 8yo", "34 y/o").
    (r"\((?P<value>\d{1,2}\s?(?:[MFmf]|NB|nb))\)", 0.7),
    (r"(?i:\b(?:I['’]?m|I\s+am|me|aged)\s+)(?P<value>\d{1,2}(?:[MFmf]|NB|nb))\b", 0.7),
    # ... or alone, as a post opens or before where one is from ("19f from brum"); not a
    # distance or a sum ("20m away", "£25m").
    (
        r"(?<![\w£$€.,])(?P<value>(?:1[3-9]|[2-9]\d)(?:[MFmf]|NB|nb))\b"
        r"(?=\s*[,.:;!?)]|\s+(?i:from|here|in|and|with|uk|us|looking|living|lurker)\b)",
        0.6,
    ),
    # A name and a number in brackets: "My dad (Fintan Ó Briain, 69) was moved".
    (r"\((?:[^\W\d_][\w'’\-]*\s+){0,3}[^\W\d_][\w'’\-]*,\s*(?P<value>\d{1,2})\)", 0.65),
    # An age said again as it is now, between commas: "I was 14 when I first cut, 31 now,".
    (
        rf"(?i:,\s+)(?P<value>{NUMBER_13_PLUS})(?=\s+now\b(?:\s*[,.;!?]|\s+and\b))",
        0.6,
    ),
    (r"(?i)\b(?P<value>\d{1,2}\s?(?:yo|y/o|yrs?\s+old))(?![\w/])", 0.7),
    # A number in brackets after a relative, perhaps named, or after oneself: "my son
    # Kwabena (9)", "young carer here (15)".
    (
        rf"(?:(?i:{_RELATIVE})(?:\s+[A-Z][\w'’\-]+)?|\b(?:I|me|here))\s+\((?P<value>\d{{1,2}})\)",
        0.65,
    ),
    # A birthday by its ordinal: "my 30th birthday", "her forty-fifth birthday", "happy 40th
    # to me" (not an anniversary).
    (
        r"(?i:\b(?:my|her|his|their|your|our)\s+)"
        rf"(?P<value>{ORDINAL_AGE})(?=\s+(?i:birthday|bday|b-day)\b)",
        0.7,
    ),
    (rf"(?i:\bhappy\s+)(?P<value>{ORDINAL_AGE})\b(?!\s+(?i:anniversary|wedding|of)\b)", 0.7),
    # "for my 30th and I've slept better": one's own ordinal alone is a birthday.
    # "Spending my 40th in a Premier Inn", "Grandad Eddie's 100th is at the Legion".
    (
        r"(?i:\b(?:my|her|his)\s+|(?<=[a-z])['’]s\s+)"
        rf"(?P<value>{ORDINAL_AGE})(?=\s*(?:[,.;!?]|$)|\s+(?:and|party|present|was|is|in|at"
        r"|do|bash|meal|celebrations?)\b)",
        0.65,
    ),
    # A name and a number in brackets, then what the person does: "Chloe (17) has been offered",
    # "Dawn Whitecloud (49) asked", "Mahalia (twenty) works" (not "Section (3) of").
    (
        rf"\b{_NOT_A_PART}[A-Z][\w'’\-]+(?:\s+{_NOT_A_PART}[A-Z][\w'’\-]+)?\s+"
        rf"\((?P<value>\d{{1,2}}|{NUMBER_13_PLUS})\)(?=\s+[a-z])",
        0.65,
    ),
    # An age and sex typed short between commas, as notes write them: "Hoa, 58 F, owns a salon".
    (r",\s+(?P<value>\d{1,2}\s?[MF])(?=\s*[,;)])", 0.65),
    (rf"(?i:\bbirthday\b[^\n.]{{0,40}}?)(?P<value>{NUMBER_13_PLUS})\s+(?i:today)\b", 0.65),
    # Posts: "Hannah here, 38, mum of two", "Aoife from Galway here, 26."
    (rf"(?i:\bhere,?\s+)(?P<value>{NUMBER_13_PLUS})(?=\s*(?:[,.;!]|$))", 0.65),
    # A post or sentence that opens with the writer's age: "45 and just diagnosed", "27f, been
    # fighting", "nineteen, first year at Trinity".
    (rf"{_OPENING}(?P<value>\d{{2}}\s?[fFmM])(?=[,.;:!)]|\s+(?!(?i:and|or)\b)[a-z])", 0.65),
    (
        rf"(?i){_OPENING}(?P<value>{NUMBER_13_PLUS})"
        rf"(?=(?:\s+and|,)\s+(?!{_ANY_NUMBER}\b){_NOT_A_UNIT}"
        r"(?:just|only|still|finally|now|starting|been|first|never|already|newly|recently|"
        r"single|married|divorced|living|back|about|going|trying|feeling|have|had|i\b))",
        0.6,
    ),
    # "twelve the first time i self harmed and twenty-nine the last time"
    (rf"(?i)\b(?P<value>{NUMBER})(?=\s+the\s+(?:first|last|only)\s+time\b)", 0.6),
    # Children's ages listed after them: "three kids, twelve, nine and four".
    (
        r"(?i:\b(?:kids|children|boys|girls|sons|daughters|grandkids|grandchildren|twins),\s+)"
        rf"(?P<value>{NUMBER})(?=\s*(?:,|and\b))",
        0.6,
    ),
]
