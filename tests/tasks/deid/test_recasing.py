"""The recaser: likely proper nouns capitalised in lower-case text, offsets unchanged."""

from __future__ import annotations

import pytest

from qualbridge.schemas.config import DeidConfig
from qualbridge.tasks.deid.engine import Deidentifier
from qualbridge.tasks.deid.recasing import is_uncased, opens_in_lower_case
from qualbridge.tasks.deid.registry import build_context


@pytest.fixture(scope="module")
def recase():
    """The engine's own recaser (built with the model's dictionary and the gazetteers)."""
    return Deidentifier(DeidConfig(), b"recasing-test-key-0123456789")._recaser.recase


@pytest.mark.parametrize(
    ("text", "uncased"),
    [
        ("i told sarah about it", True),
        ("ok so yeah", True),
        ("I told Sarah about it.", False),
        ("12345 !!", False),
        ("", False),
    ],
)
def test_is_uncased(text: str, uncased: bool) -> None:
    assert is_uncased(text) is uncased


@pytest.mark.parametrize(
    ("text", "capitalised", "left_alone"),
    [
        ("i told sarah about it", ["I", "Sarah"], ["told", "about"]),
        ("we moved to hebden bridge in march", ["Hebden", "Bridge", "March"], ["moved"]),
        ("she works at amazon now", ["Amazon"], ["works"]),
        ("so mrs murphy on juniper ward said", ["Mrs", "Murphy", "Juniper", "Ward"], ["said"]),
        ("i live at 8 chapel crescent", ["Chapel", "Crescent"], ["live"]),
        ("my daughter hope is lovely", ["Hope"], ["lovely", "daughter"]),
        ("i was in a dark place", [], ["dark", "place"]),
        ("we sat in the car park", [], ["car", "park"]),
        ("the nhs and my gp", ["NHS", "GP"], ["and"]),
        ("and she's got the tablets", [], ["she's", "got", "tablets"]),
        ("so call 0161 496 0000 ext 2234, the dept said", [], ["ext", "dept"]),  # abbreviations
        # Contractions written without their apostrophe, even after 'I' or where a surname
        # shares their spelling ('Cant').
        ("the nearest is far and i cant drive", ["I"], ["cant", "drive"]),
        ("i dont care and shes fine and theyre here", ["I"], ["dont", "shes", "theyre"]),
        ("good ciaran said look", ["Good", "Ciaran"], ["said"]),  # a surname that is a verb
    ],
)
def test_recase_capitalises_probable_proper_nouns_only(recase, text, capitalised, left_alone):
    out = recase(text)
    words = out.split()
    assert len(out) == len(text) and out.casefold() == text.casefold()
    for word in capitalised:
        assert word in words, out
    for word in left_alone:
        assert word in words, out


@pytest.mark.parametrize(
    ("word", "unknown"),
    [
        ("fifty-six", False),
        ("well-known", False),
        ("re-referred", False),
        ("zbroja", True),
        ("stoke-on-zbroja", True),
    ],
)
def test_hyphenated_words_of_known_parts_are_not_names(word, unknown):
    vocabulary = build_context(DeidConfig()).vocabulary
    assert vocabulary.is_unknown(word) is unknown


@pytest.mark.parametrize(
    ("text", "opens_lower"),
    [
        ("hi it's kerry from the Carers Hub", True),
        ("Yes. kerry rang me about the NHS letter", True),
        ("Kerry rang. She said the GP was off.", False),
        ('"well," she said', True),
        ("1234", False),
    ],
)
def test_opens_in_lower_case(text: str, opens_lower: bool) -> None:
    assert opens_in_lower_case(text) is opens_lower


def test_sentence_case_recasing_capitalises_names_of_any_country_only(recase) -> None:
    """Where unknown words are not guessed, one that some country's name lists hold is."""
    out = recase("Yes. then tariq did the forms and the blorpvex too", guess_unknown=False)
    assert "Tariq" in out.split()
    assert "blorpvex" in out.split()  # unknown, but no name list holds it


@pytest.fixture(scope="module")
def restore():
    """The engine's whole restore step, shouted runs included."""
    return Deidentifier(DeidConfig(), b"recasing-test-key-0123456789")._recaser.restore


@pytest.mark.parametrize(
    ("text", "code", "recased"),
    [
        ("DOB 02/11/1962. Vehicle rego 1XJ 4KD (VIC). Lives alone", "1XJ 4KD", "(Vic)"),
        ("THE CODE IS AB12CD AND THE ROOM IS SHUT", "AB12CD", "room"),
    ],
)
def test_codes_in_a_shouted_run_keep_their_capitals(
    restore, text: str, code: str, recased: str
) -> None:
    out = restore(text)
    assert len(out) == len(text)
    assert code in out  # the code as typed
    assert recased in out  # while the words of the run around it are recased


def test_letters_glued_to_a_number_keep_their_case(recase) -> None:
    out = recase("i've got until the 30th and the 1st")
    assert out.endswith("the 30th and the 1st")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A first name common in some country, typed in lower case in cased text, where a name
        # stands: before its verb or after a word that takes a person.
        ("At the Leeds group, when it got bad oksana would come over.", "Oksana"),
        ("Sort of. When it got really bad oksana would come over.", "Oksana"),  # sentence case
        ("When I could not get to Dudley, rav gave me a lift.", "Rav"),
        ("I went to the Friday drop-in with kiran and Imran.", "Kiran"),
        # Dialect and foreign words that are names somewhere, or after a determiner, stay.
        ("Dod Buchan, a hard man but fair, he'd gie ye his last fag.", None),
        ("R: Trust me, a lola knows. When a lola says you're sick, Tito listens.", None),
        ("Email me at oksana.k@example.com when you can, Imran.", None),
    ],
)
def test_lower_case_names_in_cased_text_are_capitalised_where_names_stand(
    restore, text: str, name: str | None
) -> None:
    out = restore(text)
    assert len(out) == len(text)
    if name is None:
        assert out == text
    else:
        assert name in out
        assert out.replace(name, name.lower()) == text
