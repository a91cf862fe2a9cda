"""Word lists shipped in tasks/deid/data: one entry per line, '#' starts a comment line."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=32)
def load_word_list(name: str) -> frozenset[str]:
    """The non-empty, non-comment lines of a shipped list."""
    text = files("qualbridge.tasks.deid").joinpath("data", name).read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=1)
def generic_service_words() -> frozenset[str]:
    """Modifiers that make a ward, group or workplace generic ('children's', 'village')."""
    return frozenset(w.casefold() for w in load_word_list("generic_service_words.txt"))


@lru_cache(maxsize=1)
def business_heads() -> frozenset[str]:
    """Trade and body words that end a firm's, charity's or hospital's name ('Ingleby Carers')."""
    return frozenset(w.casefold() for w in load_word_list("business_heads.txt"))
