"""Detections moved between a text and its normalised view and back."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid.filters import Detection
from qualbridge.tasks.deid.view_spans import on_views, to_text, to_view, views_of


def _at(text: str, part: str) -> Detection:
    start = text.index(part)
    return Detection(start, start + len(part), "PERSON", 0.8, "test")


@pytest.mark.parametrize(
    ("text", "part", "seen"),
    [
        ("I met Maria there", "Maria", "Maria"),
        ("I met Ma\u200bria there", "Ma\u200bria", "Maria"),
        ("\u202eI met\u202c Ma\u200dria there", "Ma\u200dria", "Maria"),
        ("I met \uff2d\uff41ria there", "\uff2d\uff41ria", "Maria"),
    ],
)
def test_a_detection_goes_to_the_view_and_back_unchanged(text: str, part: str, seen: str) -> None:
    [(view, origin)] = views_of([text])
    detection = _at(text, part)
    in_view = to_view(detection, origin)
    assert view[in_view.start : in_view.end] == seen
    assert to_text(in_view, origin) == detection


def test_a_pass_keeps_its_input_detections_and_maps_new_ones_back() -> None:
    text = "Maria said ma\u200bria twice"
    kept = _at(text, "Maria")

    def find_lower(views: list[str], found: list[list[Detection]]) -> list[list[Detection]]:
        start = views[0].index("maria")
        return [[*found[0], Detection(start, start + 5, "PERSON", 0.6, "mention")]]

    [[first, second]] = on_views(views_of([text]), [[kept]], find_lower)
    assert first is kept
    assert text[second.start : second.end] == "ma\u200bria"
