"""Chains named as workplaces or shops in posts, in any case: 'shift at walmart', 'old navy'.

The employer gazetteer reads title case; posts type chains in lower case. A listed chain of
several words or one no dictionary knows counts in any case; one that is also an everyday word
('target', 'gap') counts only capitalised, not opening a sentence, on a line not in title case.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from qualbridge.tasks.deid.name_edges import is_capitalised_line
from qualbridge.tasks.deid.recasing import Vocabulary, after_sentence_end
from qualbridge.tasks.deid.wordlists import load_word_list

CHAIN_SCORE = 0.55


@lru_cache(maxsize=1)
def _chain_pattern() -> re.Pattern[str]:
    """One pattern for every listed chain, longest first, in any case."""
    names = sorted(load_word_list("chain_employers.txt"), key=len, reverse=True)
    body = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    return re.compile(rf"(?i)(?<![\w@#/.'’-])(?:{body})(?![\w'’-]|\.\w)")


def _counts(text: str, start: int, end: int, vocabulary: Vocabulary) -> bool:
    """Several words or an unknown word in any case; an everyday word only as a name."""
    name = text[start:end]
    if " " in name or name.casefold().replace("'", "") not in vocabulary.dictionary:
        return True
    if not name[:1].isupper() or start == 0 or after_sentence_end(text, start):
        return False
    return not is_capitalised_line(text, start, end)


def find_chains(text: str, vocabulary: Vocabulary) -> Iterator[tuple[int, int]]:
    """Offsets of listed chains."""
    for match in _chain_pattern().finditer(text):
        if _counts(text, *match.span(), vocabulary):
            yield match.span()
