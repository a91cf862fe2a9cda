"""Nationalities, faiths and political groups from the lexicon, everyday words only with a cue."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid.families.groups import GroupRecognizer, lexicon, plural


def groups(text: str) -> list[str]:
    return [text[r.start : r.end] for r in GroupRecognizer().analyze(text, [])]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("a lot of the somalis in our building", "somalis"),  # plural by rule, lower case
        ("as a Methodist woman I kept quiet", "Methodist"),
        ("my dad's jehovah's witness so christmas was odd", "jehovah's witness"),
        ("He's a diehard labor man", "labor"),  # everyday word after a cue
        ("the polish association helped", "polish"),  # everyday word before a cue
        ("eva shes polish and only been here a year", "polish"),  # who someone is, said
        ("i'm a traveller woman and the nurses", "traveller"),
        ("the english lads in my halls", "english"),
        ("im church of england not that i go", "church of england"),
        ("I voted Sinn Féin once", "Sinn Féin"),
        ("the Tories on my street", "Tories"),  # irregular plural from the lexicon
        ("we're Seventh-day Adventists", "Seventh-day Adventists"),
        ("we're irish catholic", "catholic"),  # an everyday word beside another group
        ("we voted for the greens", "greens"),  # a cue two words before
        ("i was a labour councillor for years", "labour"),  # a political role after it
        ("we were jehovahs witnesses so no blood", "jehovahs witnesses"),  # no apostrophe
    ],
)
def test_groups_are_found(text: str, group: str) -> None:
    assert group in groups(text)


@pytest.mark.parametrize(
    "text",
    [
        "i had green tea and polish for my shoes",  # everyday words without a cue
        "Green is my favourite colour",  # a capital at the start of a sentence
        "she speaks French and a bit of Spanish at home",  # languages
        "my liberal use of sugar",
        "she's green with envy",  # 'be' before it, but the clause goes on
        "English lessons on a Tuesday",
        "the labour ward was full",
    ],
)
def test_everyday_words_and_languages_are_left(text: str) -> None:
    assert groups(text) == []


@pytest.mark.parametrize(
    ("singular", "expected"),
    [("Filipino", "Filipinos"), ("Somali", "Somalis"), ("Vietnamese", "Vietnamese"),
     ("Polish", "Polish"), ("Tory", "Tories"), ("Swiss", "Swiss")],
)  # fmt: skip
def test_plural_rule(singular: str, expected: str) -> None:
    assert plural(singular) == expected


def test_every_everyday_word_is_in_the_lexicon() -> None:
    from qualbridge.tasks.deid.families.groups import EVERYDAY_FILE
    from qualbridge.tasks.deid.wordlists import load_word_list

    assert load_word_list(EVERYDAY_FILE) <= set(lexicon())
