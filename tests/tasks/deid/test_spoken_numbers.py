"""National Insurance numbers spelled out, and international numbers read out."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid.spoken_numbers import digit_count
from tests.helpers.coverage import masked


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("NI number, Z B 6 8 0 1 8 5 B.", "Z B 6 8 0 1 8 5 B"),
        ("My national insurance is TJ.14.49.81.A I think.", "TJ.14.49.81.A"),
        ("it's h y 0 1 4 6 0 4 a my ni", "h y 0 1 4 6 0 4 a"),
        ("my ni is w n two five double three two six a", "w n two five double three two six a"),
        ("it's a s five double oh oh six oh a my ni", "a s five double oh oh six oh a"),
        ("my national insurance number is ZZ 07 85 75 T", "ZZ 07 85 75 T"),
        ("my NI is QQ123456C", "QQ123456C"),
        (
            "my number's oh seven seven treble oh nine one two three four",
            "oh seven seven treble oh nine one two three four",
        ),
        (
            "my number is oh seven seven double oh nine hundred one two three",
            "oh seven seven double oh nine hundred one two three",
        ),
        (
            "My number's plus four four one two one, four nine six, oh seven oh.",
            "plus four four one two one, four nine six, oh seven oh",
        ),
        # A reference read out with a 'slash' and its letters before it.
        (
            "the case number is c a two zero two three slash zero four one seven it's on",
            "c a two zero two three slash zero four one seven",
        ),
        (
            "a crime reference four three one slash two two one one two four and said",
            "four three one slash two two one one two four",
        ),
        # Letters spelled before a shorter run make a reference of six characters or more.
        (
            "this is case reference c m h t four four eight one b",
            "c m h t four four eight one b",
        ),
        ("my code is x y four five six seven ok", "x y four five six seven"),
        # Letters spelled after the digits, or on both sides, as plates and prison numbers go.
        (
            "the hospital number is r x h four four nine one two k if that helps",
            "r x h four four nine one two k",
        ),
        ("his prison number is a one three five seven d w", "a one three five seven d w"),
        ("the reg is y k one seven h t u and hes been", "y k one seven h t u"),
        ("the parking fine came to him its m a nineteen r z o", "m a nineteen r z o"),
        # Up to four letters before a run, any consonant after it where the clause goes on.
        (
            "her hospital number is r w e four four eight one nine two for",
            "r w e four four eight one nine two",
        ),
        (
            "your p n c number is zero one slash four five six seven eight nine x is that right",
            "zero one slash four five six seven eight nine x",
        ),
        (
            "the reference is p i p zero four two nine one seven three",
            "p i p zero four two nine one seven three",
        ),
        # A Canadian postal code read out.
        ("in toronto is m four c one b five if the parcel", "m four c one b five"),
        # A postal code said digit by digit after its label.
        ("posted out to her the zip is three three six oh two", "three three six oh two"),
        ("the old address had the zip nine four one one oh the", "nine four one one oh"),
        # A code after a label in capitals, as health numbers are named.
        ("My NHI is ZMV8649, the nurse said.", "ZMV8649"),
        ("Council gave me a housing reference HSG-77120-B and said", "HSG-77120-B"),
        ("They opened a safeguarding case, reference SG/48213/EF.", "SG/48213/EF"),
        ("the bank said it's the card ending 3365, the full", "3365"),
        ("the last four digits are 0912 I think", "0912"),
        # Codes in the shape of a number plate.
        ("the plate of the car that hit me was GH-482-TK.", "GH-482-TK"),
        ("his van is YK17 HTU, a white one", "YK17 HTU"),
        # Capitals and digits typed as one code; parts joined by slashes; a plate after its label.
        ("NHI ZAC5124. 52 yo M, Samoan", "ZAC5124"),
        ("The dosar at the police was 4187/P/2021, and nobody", "4187/P/2021"),
        ("It's a letter from housing. Reference WCBC-HOU-55127. It's about", "WCBC-HOU-55127"),
        ("her MRN-2024-00817 band was still on", "MRN-2024-00817"),
        ("neighbour reports pt's ute, rego 1HK 4ZT, parked at the pub", "1HK 4ZT"),
        # A plate's label in other languages, an Irish plate, a plate in a run of capitals.
        ("Targa FK 482 LM, a white Panda, parked outside", "FK 482 LM"),
        ("the guy in the grey tsuru plate JKT-48-21 keeps following me", "JKT-48-21"),
        ("Nr rej. WX 48213; zdarzenie przed sklepem", "WX 48213"),
        ("Atendimento 04/08/2023; placa RJB4E72; boletim", "RJB4E72"),
        ("The car's a silver Corolla, 191-KY-4408, and it's", "191-KY-4408"),
        ("DOB 02/11/1962. Vehicle rego 1XJ 4KD (VIC). Lives alone", "1XJ 4KD"),
        # Capitals and digits mixed in one code.
        ("the letter had my Kundennummer, 961D047233, and I", "961D047233"),
        ("NRIC S3000620H; 67M, Chinese", "S3000620H"),
        # A postal code of letters and numbers read out after its label, in any language.
        # Spoken digits joined by hyphens, as a transcriber writes them.
        (
            "his work mobile, oh-seven-seven-double-oh, nine-double-oh, six-one-five, and",
            "oh-seven-seven-double-oh, nine-double-oh, six-one-five",
        ),
        ("the eircode is d twenty four x k seven two but the taxi", "d twenty four x k seven two"),
        ("the código postal is zero eight zero two five barcelona", "zero eight zero two five"),
        # A National Insurance number's last letter before the speaker corrects or checks it.
        ("its s l one one five eight two seven a sorry i forget the letter", "seven a"),
        # A number whose last digits are said in pairs, after digits said one by one.
        (
            "my mobile is one oh eight seven six one four twenty two ninety from",
            "twenty two ninety",
        ),
    ],
)
def test_spelled_and_spoken_numbers_are_found_whole(speech_engine, text, value):
    assert masked(speech_engine, text, value)


def test_a_number_said_across_turns_is_masked_in_both(speech_engine) -> None:
    turns = [
        "theres the crisis line its oh one five one four nine six",
        "mm hm",
        "oh seven three seven i think i have it on the fridge anyway",
    ]
    out = speech_engine.deidentify(turns)
    assert "four nine six" not in out[0].text
    assert "seven three seven" not in out[2].text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a label before a short run; a pause filled inside a number; a part before its
        # correction; a run opening with zero, which no count or year does
        ("mrs patel interpreter number four four seven one nine", "four four seven one nine"),
        ("hers is four five zero zero eight zero eight um five six six", "five six six"),
        ("your reg again mate m k six eight no m k six nine z r t", "m k six eight"),
        ("thats double oh nine not double nine sorry", "double oh nine"),
        ("call you back on this number oh one three eight two no its a mobile", "oh one three"),
    ],
)
def test_short_numbers_by_their_surroundings(speech_engine, text, value):
    assert masked(speech_engine, text, value)


@pytest.mark.parametrize(
    "text",
    ["the meeting is at oh seven hundred", "i have two um three kids", "i had two no three"],
)
def test_times_counts_and_corrected_counts_stay(speech_engine, text):
    assert speech_engine.deidentify([text])[0].text == text


def test_a_short_run_in_a_turn_of_its_own_is_no_number(speech_engine) -> None:
    out = speech_engine.deidentify(["we were in room one two three", "and then four five six"])
    assert "four five six" in out[1].text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("I have a 123456 a day.", "UK_NINO"),
        ("It's version 2.3.4.5.6.7 now.", "UK_NINO"),
        ("There were five six seven eight nine ten people.", "PHONE_NUMBER"),
        ("It costs nine hundred pounds.", "PHONE_NUMBER"),
        ("The form AB 12 34 56 had gone.", "UK_NINO"),
        ("i got a one two three", "ID_NUMBER"),  # 'a' alone is a word, not a letter
        ("section b two three", "ID_NUMBER"),  # too short for a code
        ("we got there at two three p m and left", "ID_NUMBER"),
        ("I had COVID-19 and an MP3 player, page A4", "ID_NUMBER"),
        ("we took the A6120 and then the M62 on my PS5", "ID_NUMBER"),
        ("open 24/7 and w/e, on 12/03/23", "ID_NUMBER"),
        ("it was ending in 2019 and the queue was long", "ID_NUMBER"),
        ("my zip is broken on this coat, two three of them", "ZIP_CODE"),
        ("the postcode is a bit of a mess, one or two", "ZIP_CODE"),
        ("I had COVID19 twice and an RTX30 card", "ID_NUMBER"),
        ("a COVID-19-era x-ray-2 follow-up, the mid-2019 one", "ID_NUMBER"),
        # Numbers said in pairs alone are dates, years and ages, no reference.
        ("born fourteen twelve nineteen eighty", "ID_NUMBER"),
        ("the code is one two twenty", "ID_NUMBER"),
    ],
)
def test_numbers_without_the_shape_are_not_those_identifiers(speech_engine, text, kind):
    [found] = speech_engine.detect([text])
    assert not any(d.entity_type == kind for d in found)


@pytest.mark.parametrize(
    ("run", "digits"),
    [
        ("nine hundred", 3),
        ("two thousand", 4),
        ("double oh nine", 3),
        ("treble seven", 3),
        ("oh seven", 2),
        ("one four twenty two ninety", 6),  # a pair said as a number is two digits
    ],
)
def test_digit_count_reads_hundreds_and_repeats(run, digits):
    assert digit_count(run) == digits
