"""The study-wide pass: what was found in any transcript of a study is masked in all of them.

After each transcript is de-identified on its own, the values found anywhere in the study (and
the parts of names) form a `MentionLexicon`, held in memory only; every transcript is then
re-scanned for them, and an utterance with a new mention is replaced again. Needs the settings,
the key and the model's dictionary, not the model's pipeline, so it runs in the parent process
whichever engine or pool did the detection.
"""

from __future__ import annotations

import threading
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from qualbridge.schemas.config import DeidConfig
from qualbridge.tasks.deid.engine import DeidResult
from qualbridge.tasks.deid.filters import DOMAIN_ALLOW_LIST
from qualbridge.tasks.deid.mentions import MentionLexicon, Patterns, with_mentions
from qualbridge.tasks.deid.name_neighbours import with_name_neighbours
from qualbridge.tasks.deid.nlp import dictionaries
from qualbridge.tasks.deid.replacing import replace_detections
from qualbridge.tasks.deid.view_spans import on_views, to_view, views_of

# Studies may be framed on several threads at once; the model behind the dictionary loads once.
_DICTIONARY_LOCK = threading.Lock()


@dataclass
class StudyMentions:
    """Collects a study's lexicon transcript by transcript, then masks its mentions in each."""

    config: DeidConfig
    key: bytes = field(repr=False)
    allow_list: Iterable[str] = ()

    lexicon: MentionLexicon = field(default_factory=MentionLexicon, repr=False)
    _patterns: Patterns | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self._allow = DOMAIN_ALLOW_LIST | {
            t.casefold() for t in [*self.config.allow_list, *self.allow_list]
        }

    @cached_property
    def _everyday(self) -> Container[str]:
        """The engine's everyday words: a name part that is one matches only as it was found."""
        with _DICTIONARY_LOCK:
            return dictionaries(self.config.spacy_model, self.config.language)[0]

    @cached_property
    def _describing(self) -> Container[str]:
        """The dictionary's verbs, adjectives and adverbs: no surname is one of them."""
        with _DICTIONARY_LOCK:
            return dictionaries(self.config.spacy_model, self.config.language)[1]

    def collect(self, texts: Sequence[str], results: Sequence[DeidResult]) -> None:
        """Add what one transcript's results found to the study's lexicon."""
        if any(r.detections for r in results):
            views = views_of(texts)
            self.lexicon.add(
                [view for view, _ in views],
                [
                    [to_view(d, origin) for d in r.detections]
                    for (_, origin), r in zip(views, results, strict=True)
                ],
                self._everyday,
                self._allow,
            )
            self._patterns = None

    def apply(
        self, texts: Sequence[str], results: Sequence[DeidResult], participant: str = ""
    ) -> list[DeidResult]:
        """One transcript's results with every mention of the study's lexicon masked too."""
        if self._patterns is None:
            self._patterns = self.lexicon.patterns()
        patterns = self._patterns
        found = on_views(
            views_of(texts),
            [r.detections for r in results],
            lambda t, d: with_name_neighbours(
                t, with_mentions(t, d, patterns), self._everyday, self._describing
            ),
        )
        out = []
        for text, result, detections in zip(texts, results, found, strict=True):
            if detections == result.detections:
                out.append(result)
                continue
            new_text, actions, spans = replace_detections(
                self.config, self.key, text, detections, participant
            )
            out.append(DeidResult(new_text, detections, actions, spans))
        return out
