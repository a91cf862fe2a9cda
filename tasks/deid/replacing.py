"""Replace detections in a text with their operators' output; needs settings and key, no model."""

from __future__ import annotations

from collections.abc import Sequence

from qualbridge.schemas.config import DeidConfig
from qualbridge.tasks.deid.filters import Detection
from qualbridge.tasks.deid.normalise import reading, strip_format_chars
from qualbridge.tasks.deid.operators import replace_value


def replace_detections(
    config: DeidConfig,
    key: bytes,
    text: str,
    detections: Sequence[Detection],
    participant: str = "",
) -> tuple[str, list[str], list[tuple[int, int]]]:
    """Replace each detection with its operator's output.

    Returns the new text, the action applied to each detection and each replacement's span
    in the new text.
    """
    parts, actions, spans, cursor, out = [], [], [], 0, 0
    for det in detections:
        replacement, action = replace_value(
            config.action_for(det.entity_type),
            det.entity_type,
            # One value however it was written, so a look-alike spelling gets the same pseudonym.
            reading(text[det.start : det.end]),
            key,
            participant,
            config.max_date_shift_days,
            config.age_band_width,
        )
        kept = strip_format_chars(text[cursor : det.start])
        out += len(kept)
        parts += [kept, replacement]
        actions.append(action)
        spans.append((out, out + len(replacement)))
        out += len(replacement)
        cursor = det.end
    parts.append(strip_format_chars(text[cursor:]))
    return "".join(parts), actions, spans
