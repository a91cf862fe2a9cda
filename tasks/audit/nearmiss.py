"""Near-misses and rare terms: unmasked words in de-identified text that look identifying."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language

from qualbridge.tasks.audit.context import Replacement
from qualbridge.tasks.deid import Dictionary, load_word_list, person_names, uk_places

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
# What may end the text before a sentence-initial word (a transcriber's tag such as <UNSURE> too).
_SENTENCE_END = frozenset('.!?…:;"“([>')
# Shipped lists of everyday words the dictionary lacks, and domain terms never to flag.
_EVERYDAY = frozenset(
    w.casefold()
    for name in (
        "everyday_unlisted_words.txt",
        "domain_allow_list.txt",
        "medicines_and_conditions.txt",
    )
    for w in load_word_list(name)
)

_CLITICS = ("n't", "'s", "'m", "'ve", "'d", "'ll", "'re")
# Hesitations transcribers write with a capital at the start of a turn.
_FILLERS = frozenset(
    {"erm", "er", "um", "umm", "uh", "uhm", "hmm", "mm", "mhm", "ah", "oh", "mm-hmm", "uh-huh"}
)


@dataclass(frozen=True)
class Token:
    """A word of the de-identified text outside every replacement."""

    start: int
    end: int
    text: str
    sentence_initial: bool


@dataclass(frozen=True)
class NearMiss:
    """A word that looks like a name or place but was not replaced, and why it was flagged."""

    utterance_id: str
    start: int
    end: int
    token: str
    reason: str


def _starts_sentence(text: str, start: int) -> bool:
    """True if only space separates start from the text's start or a sentence end."""
    before = text[:start].rstrip()
    return not before or before[-1] in _SENTENCE_END or before[-2:] in (" -", " –")


def tokens(text: str, replacements: Iterable[Replacement]) -> list[Token]:
    """Words outside replacements, each marked if it starts a sentence."""
    spans = [(r.start, r.end) for r in replacements]
    found = []
    for match in _WORD.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in spans):
            continue
        word = match.group().strip("'’-")
        initial = _starts_sentence(text, match.start())
        found.append(Token(match.start(), match.start() + len(word), word, initial))
    return found


def _in_vocabulary(word: str, dictionary: Dictionary) -> bool:
    lower = word.casefold().replace("’", "'")
    if lower in _EVERYDAY or lower in _FILLERS:
        return True
    if "-" in word.strip("-"):
        return all(_in_vocabulary(part, dictionary) for part in word.split("-") if part)
    base = next((lower.removesuffix(s) for s in _CLITICS if lower.endswith(s)), lower)
    return (
        lower in _FILLERS
        or lower in STOP_WORDS
        or base in STOP_WORDS
        or lower in _EVERYDAY
        or base in dictionary
        or lower in dictionary
    )


def near_miss_reason(token: Token, dictionary: Dictionary) -> str | None:
    """Why a token looks like an unmasked name or place, or None."""
    word = token.text.removesuffix("'s").removesuffix("’s")
    if len(word) < 2 or not word[0].isupper() or word.isupper() or word.casefold() in _FILLERS:
        return None
    # A listed name that is also a word ("Kind", "Close") is only suspect mid-sentence.
    common = token.sentence_initial and _in_vocabulary(word, dictionary)
    if word in person_names() and not common:
        return "in the name list"
    if word in uk_places() and not common:
        return "in the place list"
    if not token.sentence_initial and not _in_vocabulary(word, dictionary):
        return "capitalised mid-sentence, not in the vocabulary"
    return None


def near_misses(
    utterance_id: str, text: str, replacements: list[Replacement], dictionary: Dictionary
) -> list[NearMiss]:
    """Every near-miss of one de-identified utterance."""
    return [
        NearMiss(utterance_id, t.start, t.end, t.text, reason)
        for t in tokens(text, replacements)
        if (reason := near_miss_reason(t, dictionary)) is not None
    ]


def rare_terms(
    texts: Iterable[tuple[str, list[Replacement]]], dictionary: Dictionary, max_count: int = 2
) -> list[tuple[str, int]]:
    """Capitalised or out-of-vocabulary words seen at most max_count times in the corpus."""
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for text, replacements in texts:
        for t in tokens(text, replacements):
            key = t.text.casefold()
            counts[key] += 1
            if t.text[0].isupper() and not t.text.isupper() and not t.sentence_initial:
                shown[key] = t.text
            shown.setdefault(key, t.text)
    rare = [
        (shown[key], n)
        for key, n in counts.items()
        if n <= max_count and len(key) > 2 and not _in_vocabulary(key, dictionary)
    ]
    return sorted(rare, key=lambda item: (item[1], item[0].casefold()))


# spaCy labels of names, places and organisations; the rest are left to the rules above.
ENTITY_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC", "ORG"})


def entity_near_misses(
    nlp: Language,
    items: Iterable[tuple[str, str, list[Replacement]]],
    dictionary: Dictionary,
    batch_size: int = 64,
) -> list[NearMiss]:
    """Entities spaCy finds outside every replacement with a word unknown or listed as a name.

    These are what the engine dropped: scored under its threshold, or filtered by a rule.
    Entities of everyday and domain words only ("the NHS", "Recovery College") are left out.
    """
    items = list(items)
    docs = nlp.pipe((text for _, text, _ in items), batch_size=batch_size)
    found = []
    for (utterance_id, _, replacements), doc in zip(items, docs, strict=True):
        for ent in doc.ents:
            if ent.label_ not in ENTITY_LABELS or not any(ch.isupper() for ch in ent.text):
                continue
            if any(r.start < ent.end_char and ent.start_char < r.end for r in replacements):
                continue
            words = [w for w in _WORD.findall(ent.text) if w.casefold() not in STOP_WORDS]
            if all(w.isupper() for w in words):
                continue  # acronyms, as in the word rule
            if all(
                _in_vocabulary(w, dictionary) and w not in person_names() and w not in uk_places()
                for w in words
            ):
                continue
            reason = f"spaCy {ent.label_} entity, not masked"
            found.append(NearMiss(utterance_id, ent.start_char, ent.end_char, ent.text, reason))
    return found
