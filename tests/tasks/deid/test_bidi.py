"""A run shown reversed by a right-to-left override is read as it is shown."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid.bidi import shown_runs

RLO, PDF, ZWSP = "\u202e", "\u202c", "\u200b"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (f"the group, {RLO}nosniboR aileD{PDF}. We", ["Delia Robinson"]),
        (f"and {RLO}nosn{ZWSP}iboR{PDF} came", ["Robinson"]),  # format characters left out
        (f"to the end {RLO}nosniboR", ["Robinson"]),  # no pop: the run ends with the line
        ("plain text, no override", []),
    ],
)
def test_shown_runs_read_reversed(text, shown):
    assert [run for run, _ in shown_runs(text)] == shown


def test_each_shown_character_maps_to_the_one_that_stores_it():
    text = f"x {RLO}cba{PDF}"
    [(run, positions)] = shown_runs(text)
    assert [text[p] for p in positions] == list(run)


@pytest.mark.parametrize(
    "text",
    [
        f"I met her at the Tuesday group, {RLO}nosniboR aileD{PDF}. We still get coffee.",
        f"And {RLO}Hamza Iqbal{PDF} came too.",
    ],
)
def test_a_name_behind_an_override_is_masked_either_way(speech_engine, text):
    [result] = speech_engine.deidentify([text])
    assert "[PERSON-" in result.text
    for word in ("Delia", "Robinson", "nosniboR", "aileD", "Hamza", "Iqbal"):
        assert word not in result.text
