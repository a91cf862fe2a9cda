"""Context windows of de-identified text where every replacement shows only as its type."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Replacement:
    """Where a replacement sits in the de-identified text, and its entity type."""

    start: int
    end: int
    entity_type: str


@dataclass(frozen=True)
class Window:
    """Text before the focus, the focus, and text after, ready to show."""

    before: str
    focus: str
    after: str


def _render(text: str, lo: int, hi: int, replacements: list[Replacement]) -> str:
    """text[lo:hi] with each replacement inside it written as [TYPE]."""
    parts, pos = [], lo
    for r in sorted(replacements, key=lambda r: r.start):
        if r.end <= lo or r.start >= hi:
            continue
        parts.append(text[pos : max(pos, r.start)])
        parts.append(f"[{r.entity_type}]")
        pos = max(pos, r.end)
    parts.append(text[pos:hi])
    return "".join(parts)


def masked_window(
    text: str,
    replacements: list[Replacement],
    focus: tuple[int, int],
    focus_text: str | None = None,
    width: int = 60,
) -> Window:
    """A window of width characters either side of focus; replacements show as [TYPE].

    The window widens to take in a replacement it cuts, so no fragment of one is shown. The
    focus shows as focus_text when given, else as the rendered text under it.
    """
    start, end = focus
    lo, hi = max(0, start - width), min(len(text), end + width)
    for r in replacements:
        if r.start < lo < r.end:
            lo = r.start
        if r.start < hi < r.end:
            hi = r.end
    others = [r for r in replacements if (r.start, r.end) != (start, end)]
    shown = focus_text if focus_text is not None else _render(text, start, end, replacements)
    before = ("…" if lo > 0 else "") + _render(text, lo, start, others)
    after = _render(text, end, hi, others) + ("…" if hi < len(text) else "")
    return Window(before, shown, after)
