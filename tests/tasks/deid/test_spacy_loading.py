"""The model loaded without spaCy's double work is the model spaCy loads."""

from __future__ import annotations

from importlib.metadata import EntryPoint, EntryPoints, SelectableGroups

import catalogue
import pytest
import spacy

from qualbridge.schemas.config import DeidConfig
from qualbridge.tasks.deid.spacy_loading import (
    GroupedEntryPoints,
    IndexedGroups,
    index_entry_points,
    tokenizer_override,
)

MODEL = DeidConfig().spacy_model


def test_the_tokenizer_and_vocabulary_are_those_spacy_loads() -> None:
    override = tokenizer_override(MODEL)
    assert override, "the default model's tokenizer is spaCy's standard one"
    ours = spacy.load(MODEL, exclude=["parser"], config=override)
    plain = spacy.load(MODEL, exclude=["parser"])
    assert ours.tokenizer.to_bytes() == plain.tokenizer.to_bytes()
    assert ours.vocab.to_bytes() == plain.vocab.to_bytes()
    text = "Dr. O'Neil can't see you at 3pm; e-mail jo@nhs.net or call (0113) 496-0000, ok?"
    assert [t.text for t in ours(text)] == [t.text for t in plain(text)]


def test_a_model_that_is_not_an_installed_package_is_loaded_as_it_is() -> None:
    assert tokenizer_override("no_such_model_package") == {}


POINTS = [
    EntryPoint(name="a", value="m:a", group="one"),
    EntryPoint(name="b", value="m:b", group="two"),
    EntryPoint(name="c", value="m:c", group="one"),
]


@pytest.mark.parametrize(
    "params",
    [{"group": "one"}, {"group": "two"}, {"group": "none"}, {"group": "one", "name": "c"}, {}],
)
def test_indexed_entry_points_select_as_a_scan_does(params: dict[str, str]) -> None:
    assert list(GroupedEntryPoints(POINTS).select(**params)) == list(
        EntryPoints(POINTS).select(**params)
    )


@pytest.mark.parametrize("params", [{"group": "one"}, {"group": "none"}, {"name": "b"}, {}])
def test_indexed_groups_select_as_a_scan_does(params: dict[str, str]) -> None:
    groups = SelectableGroups.load(POINTS)
    assert list(IndexedGroups(groups).select(**params)) == list(groups.select(**params))


def test_catalogue_gets_the_same_entry_points_indexed() -> None:
    groups = sorted(catalogue.AVAILABLE_ENTRY_POINTS.groups)
    before = {g: list(catalogue.AVAILABLE_ENTRY_POINTS.select(group=g)) for g in groups}
    index_entry_points()
    assert isinstance(catalogue.AVAILABLE_ENTRY_POINTS, (GroupedEntryPoints, IndexedGroups))
    assert {g: list(catalogue.AVAILABLE_ENTRY_POINTS.select(group=g)) for g in groups} == before
