"""Web addresses, IP addresses and user names read out word by word."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid.spoken_web import find_said_user_names
from tests.helpers.coverage import masked


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "you find it at facebook dot com slash rochdalecarerscafe",
            "facebook dot com slash rochdalecarerscafe",
        ),
        (
            "go to merseycare dot nhs dot uk slash video and put your name in",
            "merseycare dot nhs dot uk slash video",
        ),
        ("it's on w w w dot kirkby pantry dot org", "pantry dot org"),
        (
            "its w w w dot justgiving dot com slash page slash jo dash walker dash memorial we did",
            "w w w dot justgiving dot com slash page slash jo dash walker dash memorial",
        ),
        (
            "his facebook is facebook dot com slash jayson dot mccool nine you can see",
            "facebook dot com slash jayson dot mccool nine",
        ),
        (
            "on his page its instagram dot com slash lewis underscore k ninety nine",
            "instagram dot com slash lewis underscore k ninety nine",
        ),
        (
            "his profile at linkedin dot com slash in slash priya ramanathan no sorry",
            "linkedin dot com slash in slash priya ramanathan",
        ),
        (
            "traced them to eighty six dot fifteen dot two hundred and twenty dot forty one but",
            "eighty six dot fifteen dot two hundred and twenty dot forty one",
        ),
        ("look up bolton hub dot co dot uk forward slash drop dash in", "hub dot co dot uk"),
        (
            "its ip address is one nine two dot one six eight dot one dot four five",
            "one nine two dot one six eight dot one dot four five",
        ),
        ("the router is ten point nought dot 0 dot one", "ten point nought dot 0 dot one"),
        ("i follow her on tiktok shes amber lou underscore ninety five", "amber lou underscore"),
        ("he's dazza underscore seven on there", "dazza underscore seven"),
        # digits said as 'oh' end the name too; the word that names it is no part of it
        ("a fake account called jaz underscore snitch oh two", "jaz underscore snitch oh two"),
        # Typed: a bare site of a country domain, and a user name joined by underscores.
        ("We have a site, peerlinkhamilton.ca, and a forum.", "peerlinkhamilton.ca"),
        ("my username's, like, grace_in_bloom, I can talk", "grace_in_bloom"),
        # Any domain with a path, and a handle with hyphens.
        ("all my art is here linktr.ee/owen.draws, commissions open", "linktr.ee/owen.draws"),
        ("paid it back on venmo to @lexi-ramos-22 lol", "@lexi-ramos-22"),
    ],
)
def test_spoken_web_addresses_and_user_names_are_masked(speech_engine, text, value):
    assert masked(speech_engine, text, value)


@pytest.mark.parametrize(
    "text",
    [
        "that was the dot com boom all over again",
        "he got two dot three in his exam",
        "send it to b macleod seven three six at example dot net",  # an e-mail, not a site
        "take 1.5mg/day and/or the other one",  # a dose and a slash are no site
    ],
)
def test_words_that_are_no_spoken_site(speech_engine, text):
    [found] = speech_engine.detect([text])
    assert not any(d.entity_type in ("URL", "IP_ADDRESS") for d in found)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a fake account called jaz underscore snitch oh two", "jaz underscore snitch oh two"),
        ("her handle is big underscore dave", "big underscore dave"),
    ],
)
def test_said_user_names_leave_out_the_words_that_name_them(text, value):
    assert [text[s:e] for s, e in find_said_user_names(text)] == [value]
