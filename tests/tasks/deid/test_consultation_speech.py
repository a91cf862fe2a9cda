"""GP consultation speech: names spelled out, ages said with a pause or in months, and the
words of a consultation (titles said alone, body parts, medicines) that are no names."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid import Deidentifier
from qualbridge.tasks.deid.spelled_names import spelled_names, spelled_word
from tests.helpers.coverage import masked, touched


@pytest.mark.parametrize(
    ("run", "word"),
    [
        ("S M I T H", "smith"),
        ("m c a double l i s t e r", "mcallister"),
        ("K-O-W-A-L-S-K-I", "kowalski"),
        ("B, R, double O, K, E", "brooke"),
        ("Double L, E, W, E, double L, Y, N", "llewellyn"),  # 'Double' opening a sentence
    ],
)
def test_spelled_word(run: str, word: str) -> None:
    assert spelled_word(run) == word


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # echoing a word just said, after a cue to spell, or a long run after "that's"
        ("my surname is Brennan that's B R E N N A N", "B R E N N A N"),
        ("it's Wozniak W O Z N I A K", "W O Z N I A K"),
        ("yeah its spelt d a v i e s with an e", "d a v i e s"),
        ("surname's Fairclough, F A I R C L O U G H", "F A I R C L O U G H"),
        ("and the last name that's O K O N K W O", "O K O N K W O"),
        ("it's MacDonald M A C D O N A L D", "M A C D O N A L D"),
        ("her name's Ann, spelled A double N", "A double N"),
        (
            "Rhys Llewellyn, at the surgery. Double L, E, W, E, double L, Y, N.",
            "Double L, E, W, E, double L, Y, N",
        ),
        # in capitals joined by dashes: spelled, not an acronym
        ("her surname's spelt O-G-U-N-D-I-P-E, yeah", "O-G-U-N-D-I-P-E"),
        # the word spelled is said again: it is the same name
        ("it's T-A-M-S-I-N, tamsin, with an i", "tamsin"),
        # letters joined by hyphens, with the cue to spell in the turn before
        ("h-a-r-t-i-g-a-n. i asked him", "h-a-r-t-i-g-a-n"),
        ("yes. w-a-r-s-a-m-e.", "w-a-r-s-a-m-e"),
        # asked to spell it, or the word said right after its letters
        ("could you spell the surname for me yeah o g u n d i p e ogundipe", "o g u n d i p e"),
        ("and your surname is that m e n s a h", "m e n s a h"),  # after a name word
        ("right, b o a t e n g boateng, that's it", "b o a t e n g boateng"),
        # a turn of letters alone answers a request to spell in the turn before
        ("Client: w i s n i e w s k a", "w i s n i e w s k a"),
        ("k e i r a like the actress", "k e i r a"),
    ],
)
def test_spelled_out_names_are_masked(speech_engine: Deidentifier, text: str, value: str) -> None:
    assert masked(speech_engine, text, value)


@pytest.mark.parametrize(
    "text",
    [
        "I've got C O P D and I use an inhaler",
        "they said it was a U T I",
        "I ended up in A and E on the Sunday",
        "it's just the G P I need to see",
        "I said N-O, no way, and wore a t-shirt to the x-ray",
        "C O P D",  # a turn of letters alone, too short for a name
    ],
)
def test_acronyms_read_out_are_no_spelled_names(text: str) -> None:
    assert spelled_names(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # an age after a pause, and a baby's age in months or weeks
        ("I'm uh, fifty three.", "fifty three"),
        ("I'm um forty one and I work in a shop", "forty one"),
        ("she's only eighteen months and she's not eating", "eighteen months"),
        ("he's six weeks old and feeding well", "six weeks old"),
        ("I'm gonna be thirty in March", "thirty"),
        ("she's going to be six next week", "six"),
        # the clinician saying the age back before moving on
        ("Thirty two, and how can I help you today?", "Thirty two"),
        ("Sixty one, fine. And what brings you in?", "Sixty one"),
        ("OK, forty eight, thank you. So what's been happening?", "forty eight"),
        # a date of birth read as numbers, its year said in full
        ("it's zero three zero six nineteen seventy five", "zero three zero six nineteen"),
        ("um twelve, four, two thousand and one", "twelve, four, two thousand and one"),
        ("I was born on the seventh, of, um, September, eighty one.", "seventh, of, um, September"),
        # an age that answers a question put in the turn before
        ("Can I confirm your name and age please?\n.\nThirty eight.", "Thirty eight"),
        ("What age was your dad when he had it?\n.\nUm, about sixty, yeah.", "sixty"),
    ],
)
def test_ages_in_consultations_are_masked(
    speech_engine: Deidentifier, text: str, value: str
) -> None:
    assert masked(speech_engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a title said to someone, not before a name
        ("OK, do you do much in the way of exercise, sir. Um, any pets?", "sir. Um"),
        ("Just moving on sir. Uh, any other problems?", "sir. Uh"),
        ("and obviously as your doctor I'm here to look after you", "doctor I'm"),
        ("right, nurse. I think that's everything", "nurse. I"),
        # body parts, conditions and medicines the tagger may read as names
        ("So what I mean by bowel is the whole gut.", "bowel"),
        ("we need to figure out whether you have a Pneumonia or chest infection", "Pneumonia"),
        ("Uh, no just Latex.", "Latex"),
        ("I take Methotrexate once a week", "Methotrexate"),
        ("sometimes I take like Rennies from the chemist", "Rennies"),
        ("Was it like angina or, um, something else?", "angina"),
        # a job, and a stop word after a cue for a place
        ("Uh, I work part-time as, a, uh, lorry driver.", "lorry driver"),
        ("I take paracetamol just to from over the counter", "over"),
        ("I'm six months pregnant", "six months"),
        ("yeah we're on Churchill Way near the big Asda", "big "),
        ("it's steel parts, so it's a, good wee job, you know", "wee job"),
        # a word opening a turn before a cue for a name
        ("Apart from the pill, um, I take something for the IBS", "Apart"),
        ("Right, right, OK. Have, have you had any chest pain with it?", "Have"),
        ("I'm gonna be honest with you, two or three times a day", "two or three"),
        # fillers and back-channels as transcribers spell them
        ("Mh-mm.", "Mh-mm"),
        ("Uum, it's quite central, over the chest", "Uum"),
        ("Um, etcetera etcetera.", "etcetera"),
        ("Ooo, I can't remember now", "Ooo"),
        ("I take two, three times a day for nineteen days", "nineteen"),
        ("I had two, May be three of them", "two, May"),
    ],
)
def test_consultation_words_are_not_masked(
    speech_engine: Deidentifier, text: str, value: str
) -> None:
    assert not touched(speech_engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Uh, I'm Dr. Dean Mesa from the practice.", "Dr. Dean Mesa"),
        ("I saw Doctor Okafor last week", "Okafor"),
    ],
)
def test_titled_and_word_names_stay_masked(
    speech_engine: Deidentifier, text: str, value: str
) -> None:
    assert masked(speech_engine, text, value)


@pytest.mark.parametrize(
    ("turns", "value"),
    [
        # a title found with a name is not masked again on its own
        (["Hi there, I'm Doctor Sunita Rao.", "Thank you Doctor, that's helpful."], "Doctor"),
        (["Hello, is that Mrs Okonjo?", "Doctor I'm really worried about it."], "Doctor"),
        # a pronoun is no part of a name to look for again
        (["Doctor I'm just really worried.", "ok so I'm going to prescribe you something"], "I'm"),
    ],
)
def test_titles_and_pronouns_are_no_mentions(
    speech_engine: Deidentifier, turns: list[str], value: str
) -> None:
    last = turns[-1]
    start = last.index(value)
    detections = speech_engine.detect(turns, share_mentions=True)[-1]
    assert not any(d.start < start + len(value) and start < d.end for d in detections)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a nursery, a pharmacy or a chemist by its name
        ("she goes to Little Acorns Nursery on a Monday", "Little Acorns Nursery"),
        ("I go to Parkway Chemist on the corner", "Parkway Chemist"),
        ("the pharmacist at Meadow Lane Pharmacy said to come in", "Meadow Lane Pharmacy"),
        # a person opening a sentence before who they are to the speaker
        ("Rose my carer comes in every morning", "Rose"),
        ("Grace my neighbour found me on the floor", "Grace"),
        # a chain, and a hospital known by a short name
        ("I used to work at the Co-op in Kendal", "Co-op"),
        ("I was in Addenbrooke's for three days last year", "Addenbrooke's"),
        ("they sent me to the Royal Free for a scan", "Royal Free"),
    ],
)
def test_services_and_carers_are_masked(speech_engine: Deidentifier, text: str, value: str) -> None:
    assert masked(speech_engine, text, value)
