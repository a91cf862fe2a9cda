"""Dates of birth read out, years written short, and 'coming up' ages."""

from __future__ import annotations

import pytest

from qualbridge.schemas.config import DeidConfig
from qualbridge.tasks.deid import Deidentifier
from tests.helpers.coverage import masked, touched


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("my date of birth is nine oh eight two", "nine oh eight two"),
        ("Born thirteen one one eighty-eight.", "thirteen one one eighty-eight"),
        (
            "Date of birth twenty-one, five, nineteen ninety-eight.",
            "twenty-one, five, nineteen ninety-eight",
        ),
        ("Back in '42 I had my first episode.", "'42"),
        ("we moved in spring 2020, right as lockdown started", "spring 2020"),
        ("my mum was in an asylum. In the 1970s!", "1970s"),
        ("I stayed from March to August 2016.", "March to August 2016"),
        # A month after a word that places an event in it.
        ("its been like this since i lost my job in april", "april"),
        ("the sanction went from june till october", "october"),
        ("landlord served notice and I've got til the 30th.", "30th"),
        ("admissions at Holloway Sanatorium in the '80s", "'80s"),
        ("in '12 we lost my dad", "'12"),
        ("Back in eighty-two I had my first episode.", "eighty-two"),
        ("In ninety-four we lost my dad.", "ninety-four"),
        ("Date of birth, twenty-one double one sixteen.", "twenty-one double one sixteen"),
        ("Born five, seven, two thousand and sixteen.", "five, seven, two thousand and sixteen"),
        ("He's coming up ninety-two.", "ninety-two"),
        ("she's coming up thirty", "thirty"),
        ("my son's eighteen and my daughter's fifty-six", "fifty-six"),
        ("my dads eighty seven and my mums eighty five", "eighty five"),  # no apostrophes
        ("my husbands ninety in november", "ninety"),
        ("The twins are four. Aryan and Asha.", "four"),
        ("My lad were nineteen when he took his own life.", "nineteen"),
        # Posts: a gender letter in lower case, one's own ordinal alone, a name and its age in
        # brackets or between commas, an age said again as it is now.
        ("i'm 20f from perth looking for other young people", "20f"),
        ("NRIC S3000620H; 67M, Chinese, Buddhist; seen at IMH", "67M"),  # a note's field
        ("bought me a weighted blanket for my 30th and I've slept better", "30th"),
        ("My dad (Fintan Ó Briain, 69) was moved from Galway", "69"),
        ("Chloe (17) has been offered a place at college", "17"),
        ("Dawn Whitecloud (49) asked that her diagnosis not be shared", "49"),
        ("Mahalia (twenty) works the till at the weekend", "twenty"),
        ("Nguyen Thi Hoa, 58 F, owns a nail salon", "58 F"),
        ("Spending my 40th in a Premier Inn because the house flooded", "40th"),
        ("Grandad Eddie's 100th is at the Legion on Saturday", "100th"),
        ("I was 14 when I first cut, 31 now, and still hide my arms", "31"),
        ("I'm about six.", "six"),
        ("I'm sixty, sixty one next month.", "sixty one"),
        ("She'd be about seventy-odd.", "seventy-odd"),
        ("He was born in the October of eighty-six.", "October of eighty-six"),
        ("he was born in ninety eight", "ninety eight"),
        ("she's eight, and she loves it", "eight"),
        ("I'm two, I live at eighty-five Mafeking Mews.", "two"),
        ("our Jade's only seven", "seven"),
        ("Kyle's nearly fourteen now.", "fourteen"),
        # A birthday by its ordinal.
        ("the day before my 30th birthday, and I", "30th"),
        ("finished on my forty-fifth birthday, which", "forty-fifth"),
        ("happy 40th to me 🎂 didn't think", "40th"),
        ("HAPPY BIRTHDAY NATHAN!!! 18 TODAY AND STILL HERE", "18"),
        # Posts that give the writer's age.
        ("Hi, Hannah here, 38, mum of two, Swindon.", "38"),
        ("BPD + ADHD. 27f, been fighting for this since 2019", "27f"),
        ("45 and just diagnosed autistic. Half of me", "45"),
        ("nineteen, first year at Trinity, and my roommate", "nineteen"),
        ("twelve the first time i self harmed and twenty-nine the last time", "twenty-nine"),
        ("Carer here. Mum (78) has dementia.", "78"),
        # An age said again, or alternatives, right after a found age.
        ("I'm 52. Fifty-two years on this earth and I'd never", "Fifty-two years"),
        ("I'm in my sixties — sixty-three, since you're asking", "sixty-three"),
        ("Tamsin, is twenty-two. Twenty-two! And so wise.", "Twenty-two"),
        ("I have three kids, twelve, nine and four, and a husband", "four"),
        ("my little one is only eighteen months so i cant", "eighteen months"),
        ("I'm Mags, Margaret Ellison, aged 52, from Hull.", "aged 52"),
        ("im seventeen am i even allowed to ring this number", "seventeen"),
        # Clinical notes, and years in other languages.
        ("Eircode D24 X7K2. Pt 43, lives with partner", "43"),
        ("Codice fiscale on file; pz. 61 anni, pensionato", "61 anni"),
        ("Karim Haddad, 31 ans, Marseille.", "31 ans"),
        # The first age of a span of years.
        ("i was fostered from five until i was eighteen and then", "five"),
        ("between twelve and sixteen i was in care", "twelve"),
        (
            "i think it was two thousand and three maybe two thousand and four",
            "two thousand and four",
        ),
        # A person and the age that ends the clause; a named baby's months; 'makes me'.
        ("he's a Jamaican fella, seventy-odd, and he's", "seventy-odd"),
        ("The therapist was, like, twenty-five? Twenty-six?", "twenty-five"),
        ("Our son Kieran was 19 months when I got poorly", "19 months"),
        ("born in two thousand and four so that makes me nineteen", "nineteen"),
        ("I think I was about nine or ten when my mum", "nine"),
        ("When I was little — I'd be seven, eight maybe — we", "seven"),
    ],
)
def test_spoken_birth_dates_short_years_and_ages_are_found(speech_engine, text, value):
    assert masked(speech_engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I was born on the third floor.", "third"),
        ("born one of three kids", "one of three"),
        ("It's coming up ten o'clock.", "ten"),
        ("She's coming up two weeks late.", "two"),
        ("I was in the '90s band.", "'90s"),
        ("I'll be back in ten minutes.", "ten"),
        ("In ten years I'll be retired.", "ten"),
        ("We're five now in the house.", "five"),
        ("I'm sixty, twenty minutes away.", "twenty"),
        ("I'm nine and a half stone.", "nine"),
        ("I'm two minutes away.", "two"),
        ("It was sixty odd years ago.", "sixty"),
        ("I am seven, twenty seven.", "seven"),
        ("It's only seven.", "seven"),
        ("Let's say seven.", "seven"),
        ("That's seven.", "seven"),
        ("Happy 25th anniversary to my parents!", "25th"),
        ("It was 19 months and nothing happened.", "19 months"),
        ("we met at 24/7 gym", "24/7"),
        ("open from nine to five every day", "nine"),
        ("we had from 10 to 14 people each week", "10"),
        ("it was two thousand pounds in the end", "two thousand"),
        ("my son is six months pregnant, his partner I mean", "six months"),
        ("The bloke was 20 minutes late.", "20"),
        ("That makes me sad, and it made them two hours late.", "two"),
        ("20 and 30 mg are the doses.", "20"),
        ("We were married on the twentieth birthday of the club.", "twentieth"),
        ("I was 15, 16 people were there.", "16"),
        ("I was fifteen, two years later I left.", "two"),
        ("It's 5 now, so we should go.", "5"),
        ("in my mid fifties with three kids under five", "five"),  # a plural, no possessive
        ("the kids are five minutes away", "five"),
        ("may i come in and sit down", "may"),
        ("I was on the 5th floor by the 3rd floor lift", "5th"),
        ("the march was long and the may blossom was out", "march"),
        ("my 5th attempt at sobriety", "5th"),
        ("we were in London (Camden, zone 2) then", "2"),
        ("Section (3) of the Act", "3"),  # a bracketed number after a word, no person
        ("See Section (3) of the form for details.", "3"),
        ("The Ward (12) beds were full.", "12"),
        ("the club's 100th anniversary was in June", "100th"),
    ],
)
def test_counts_floors_and_times_are_not_dates_or_ages(speech_engine, text, value):
    assert not touched(speech_engine, text, value)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "I was admitted on the 28th of April 2021. I'll never forget it.",
            "the 28th of April 2021",
        ),
        ("I moved in April 2021 to Leeds", "April 2021"),
    ],
)
def test_a_month_or_day_rule_never_splits_a_whole_date(speech_engine, text, date):
    """The month and day rules' pieces merge into the whole date's one span."""
    [found] = speech_engine.detect([text])
    assert [text[d.start : d.end] for d in found if d.entity_type == "DATE_TIME"] == [date]


def test_a_date_the_steward_cleared_leaves_no_piece_masked() -> None:
    """The whole date is allowed, so the month and day rules' pieces inside it go too."""
    engine = Deidentifier(DeidConfig(), b"k" * 32, allow_list=["the 28th of April 2021"])
    text = "I was admitted on the 28th of April 2021. I never forgot."
    [found] = engine.detect([text])
    assert not [d for d in found if d.entity_type == "DATE_TIME"]
