"""The common output of every transcript parser, and the error they all raise."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Turn:
    """One speaker turn: the speaker label as written, its raw text, and times if known."""

    speaker: str
    text: str
    start_s: float | None = None
    end_s: float | None = None


class ParseError(ValueError):
    """An input that cannot be parsed; says where and what is wrong, never what it contains."""
