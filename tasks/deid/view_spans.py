"""Detections moved between a text and its normalised view, so passes can run on the view."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import replace

from qualbridge.tasks.deid.filters import Detection
from qualbridge.tasks.deid.normalise import normalised_view, to_original

View = tuple[str, list[int]]
ViewPass = Callable[[list[str], list[list[Detection]]], list[list[Detection]]]


def to_text(detection: Detection, origin: list[int]) -> Detection:
    """A detection on the normalised view, with offsets into the original text."""
    start, end = to_original(origin, detection.start, detection.end)
    return replace(detection, start=start, end=end)


def to_view(detection: Detection, origin: list[int]) -> Detection:
    """A detection on the original text, with offsets into the normalised view."""
    start, end = bisect_left(origin, detection.start), bisect_left(origin, detection.end)
    return replace(detection, start=start, end=max(start, end))


def views_of(texts: Sequence[str]) -> list[View]:
    """Each text's normalised view and its map back to the text."""
    return [normalised_view(text) for text in texts]


def on_views(
    views: Sequence[View], detections: Sequence[Sequence[Detection]], run: ViewPass
) -> list[list[Detection]]:
    """Run a pass over the views; the detections it keeps come back as they were, new ones
    mapped to the original text."""
    back = [
        {to_view(d, origin): d for d in dets}
        for (_, origin), dets in zip(views, detections, strict=True)
    ]
    found = run([view for view, _ in views], [list(b) for b in back])
    return [
        [b.get(d) or to_text(d, origin) for d in dets]
        for (_, origin), dets, b in zip(views, found, back, strict=True)
    ]
