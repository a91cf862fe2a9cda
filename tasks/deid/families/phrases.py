"""Listed phrases in text by word look-up: one pass over the words, no giant regex."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

# A word, not a part of a web or e-mail address ('example.org/events/drop-in').
WORD = re.compile(r"(?<![\w/.@-])[^\W\d_][\w'’.\-]*(?<!\.)(?![\w/@]|\.\w)")
# What may stand between two words of one phrase: spaces, or a dot and spaces ('St. Cloud').
_GAP = re.compile(r"\.?[ \t]+")


@dataclass(frozen=True)
class PhraseIndex:
    """Listed phrases by their key, and the first words they can start with."""

    keys: frozenset[str]
    first_words: frozenset[str]
    max_words: int

    @classmethod
    def of(cls, keys: frozenset[str]) -> PhraseIndex:
        """The index of these keys (words separated by single spaces)."""
        firsts = frozenset(k.split(" ", 1)[0] for k in keys)
        return cls(keys, firsts, max(k.count(" ") + 1 for k in keys))


def find(
    text: str,
    index: PhraseIndex,
    key: Callable[[str], str],
    accept: Callable[[str, int, int], bool],
) -> Iterator[tuple[int, int, str]]:
    """The longest accepted listed phrase at each word, left to right, as (start, end, key)."""
    words = [(m.start(), m.end(), key(m.group())) for m in WORD.finditer(text)]
    i = 0
    while i < len(words):
        found = _longest(text, words, i, index, accept) if words[i][2] in index.first_words else 0
        if found:
            start, end = words[i][0], words[i + found - 1][1]
            yield start, end, " ".join(w for _, _, w in words[i : i + found])
        i += found or 1


def _longest(
    text: str,
    words: list[tuple[int, int, str]],
    i: int,
    index: PhraseIndex,
    accept: Callable[[str, int, int], bool],
) -> int:
    n = 1
    while (
        i + n < len(words)
        and n < index.max_words
        and _GAP.fullmatch(text, words[i + n - 1][1], words[i + n][0])
    ):
        n += 1
    for size in range(n, 0, -1):
        phrase = " ".join(w for _, _, w in words[i : i + size])
        if phrase in index.keys and accept(phrase, words[i][0], words[i + size - 1][1]):
            return size
    return 0
