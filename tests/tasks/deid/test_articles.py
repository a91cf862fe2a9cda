"""A body's or place's 'the' joins its detection."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid.articles import with_articles
from qualbridge.tasks.deid.filters import Detection


@pytest.mark.parametrize(
    ("text", "value", "entity_type", "masked"),
    [
        ("declan was at the hollies day service", "hollies day service", "ORGANIZATION",
         "the hollies day service"),
        ("on The Lincoln Estate, Bow", "Lincoln Estate", "LOCATION", "The Lincoln Estate"),
        ("i told the Nadia about it", "Nadia", "PERSON", "Nadia"),  # names take no article
        ("at the  hollies", "hollies", "ORGANIZATION", "the  hollies"),
        ("in Leeds", "Leeds", "LOCATION", "Leeds"),  # nothing before it
        ("the other Leeds", "Leeds", "LOCATION", "Leeds"),  # 'the' not right before it
    ],
)  # fmt: skip
def test_the_joins_bodies_and_places(text, value, entity_type, masked):
    start = text.index(value)
    [out] = with_articles([Detection(start, start + len(value), entity_type, 0.8, "Test")], text)
    assert text[out.start : out.end] == masked
