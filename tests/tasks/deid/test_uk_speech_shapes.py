"""UK interview speech: identifiers in capitals, lower case and spoken shapes, found by class."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid import Deidentifier
from qualbridge.tasks.deid.recasing import has_sentence_capitals_only, place_key


def _masked(engine: Deidentifier, text: str, value: str) -> bool:
    """Every non-space character of `value` (its first occurrence) lies in a detection."""
    start = text.index(value)
    covered = [False] * len(text)
    for d in engine.detect([text])[0]:
        covered[d.start : d.end] = [True] * (d.end - d.start)
    return all(covered[i] for i in range(start, start + len(value)) if not text[i].isspace())


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # names typed in capitals: a shouted run, or a lone listed name
        ("AMIR KEPT RINGING ME AT WORK", "AMIR"),
        ("I was fine. THEN DAVE TURNED UP AT THE CLINIC", "DAVE"),
        ("NOBODY TOLD ME THAT BRANDON HAD LEFT", "BRANDON"),
        ("they put MICHAELA on the phone to me", "MICHAELA"),
        ("ask for TOMASZ at reception", "TOMASZ"),
        ("and then KEELEY said she'd had enough", "KEELEY"),
        # lower case after a cue for a person: introducing oneself, telling or asking someone
        ("hiya I'm bethany and I've come about my back", "bethany"),
        ("so I told jade about it and she went mad", "jade"),
        ("in the end I asked crystal, she knew", "crystal"),
        # someone spoken to, a name no list knows after a relation, a person named by role
        ("so I said to wojciech, look mate", "wojciech"),
        ("I was talking to bex about it", "bex"),
        ("me and my mate dazza went down the pub", "dazza"),
        ("my carer Precious comes twice a day", "Precious"),
        ("my key worker dawn said I was doing well", "dawn"),
        ("her CPN Oyelaran rang me back", "Oyelaran"),
        # a family word as a title, and a partner of some years
        ("we always went to auntie maureen's at christmas", "auntie maureen"),
        ("Uncle Rob took us fishing", "Uncle Rob"),
        ("I've been with gurpreet six years now", "gurpreet"),
        # a nickname of a describing word and a first name
        ("we all went round to little kev's", "little kev"),
        ("Big Sharon ran the bar", "Big Sharon"),
        # a police or ward title
        ("the officer was DC Ambrose from the station", "DC Ambrose"),
        ("Matron Fenwick said I could go home", "Matron Fenwick"),
        # sentence case as speech recognisers write it: only sentence starts and 'I' capitalised
        ("Down at the bottom of hawksworth lane. I grew up there.", "hawksworth lane"),
        ("We moved over to ilkley when I was small.", "ilkley"),
        ("Yeah. I went to see my gran in scarborough.", "scarborough"),
        # listed places however spelt: apostrophes, hyphens, 'saint', without 'Royal'
        ("my sister's down near tunbridge wells now", "tunbridge wells"),
        ("we'd get the coach to bishop's stortford", "bishop's stortford"),
        ("I grew up in Kings Lynn", "Kings Lynn"),
        ("he was born in barrow-upon-humber", "barrow-upon-humber"),
        # a firm by its trade head in lower case, a national charity by name
        ("my uncle runs brackley print off the ring road", "brackley print"),
        ("I did two years at holroyd scaffolding", "holroyd scaffolding"),
        ("The Salvation Army gave us a hamper", "Salvation Army"),
        ("the food came from the Trussell Trust in the end", "Trussell Trust"),
        # 'the' and a street type alone after a house number
        ("send it to 7 the parade, Morley", "7 the parade"),
        # shouted wards, prisons, and the town said after a street
        ("I ended up on the BIRCH UNIT for a month", "BIRCH UNIT"),
        ("he did three years in HMP Leeds", "HMP Leeds"),
        ("he's in hmp leeds at the moment", "hmp leeds"),
        ("it's 41 Granby Road, heckmondwike, with my nan", "heckmondwike"),
        # ages in unusual shapes
        ("Age: sixty three, lives alone", "sixty three"),
        ("our grandson's nine months now", "nine months"),
        ("my daughter is three and a half", "three and a half"),
        ("My name is Lorna Beattie, fifty-two, from Otley", "fifty-two"),
        # dates of birth and years in unusual shapes
        ("D O B is twelve three sixty one", "twelve three sixty one"),
        ("his date of birth's four nine seventy", "four nine seventy"),
        ("it was the winter of ninety one when he left", "winter of ninety one"),
        ("they got divorced in eighty-eight", "eighty-eight"),
        # roads by their number, typed or said
        ("it's one of them new builds just off the a sixty one past the shops", "a sixty one"),
        ("stuck on the M62 for an hour", "M62"),
        ("we came down the A1(M) in the end", "A1(M)"),
    ],
)
def test_identifiers_in_uk_speech_shapes_are_found(
    speech_engine: Deidentifier, text: str, value: str
):
    assert _masked(speech_engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("WILL YOU PLEASE HELP ME", "WILL"),
        ("the NHS and the GP and CAMHS were helpful", "CAMHS"),
        ("I had a PIP assessment and the DWP said no", "PIP"),
        ("I HAD CBT AT THE CLINIC", "CBT"),
        ("I'm tired and I'm fed up with it", "tired"),
        ("I told everyone about it", "everyone"),
        ("my pc broke so I rang them", "pc"),
        ("The covid jab made me proper mithered. I was in bed.", "mithered"),
        ("Are we the new fight club? I think so.", "fight club"),
        ("Can you print it off for me at the library", "print"),
        ("I was at a turning point in my life", "turning point"),
        ("my mate's two weeks late with the rent", "two weeks"),
        ("we moved in twenty minutes flat", "twenty"),
        ("I live at 12 Park Road, please send it there", "please"),
        ("Then my nan said no, not in my house", "said"),
        ("I was living with hope for a while", "hope"),
        ("then the old bill turned up", "old bill"),
        ("he pushed that old man over", "old man"),
        ("I miss my uncle x", "uncle x"),
        ("we scored 3 the whole season", "3 the whole"),
        ("I said to myself, right, that's it", "myself"),
        ("I was talking to them about it", "them"),
        ("my carer always comes on a Monday", "always"),
        ("my neighbour next door was lovely", "next"),
        ("I got a B12 jab and an A4 folder", "A4"),
        ("she got an a in maths and a b in english", "a b"),
    ],
)
def test_everyday_words_and_acronyms_are_left(speech_engine: Deidentifier, text: str, value: str):
    assert not _masked(speech_engine, text, value)


@pytest.mark.parametrize(
    ("said", "listed"),
    [
        ("bishop's stortford", "Bishops Stortford"),
        ("kings lynn", "King's Lynn"),
        ("ashby de la zouch", "Ashby-de-la-Zouch"),
        ("saint albans", "St Albans"),
        ("St. Helens", "St Helens"),
    ],
)
def test_a_place_is_looked_up_by_one_key_however_spelt(said: str, listed: str):
    assert place_key(said) == place_key(listed)


@pytest.mark.parametrize(
    ("text", "sentence_case"),
    [
        ("Down near the top of ferncliffe street", True),
        ("I went to the GP in hebden bridge. She was nice.", True),
        ("The GPs and the NHS were fine", True),
        ("I saw Sarah at McDonald's", False),
        ("Yes, OK. marisol came", False),
        ("12 34", False),
    ],
)
def test_sentence_case_is_told_apart_from_cased_text(text: str, sentence_case: bool):
    assert has_sentence_capitals_only(text) is sentence_case
