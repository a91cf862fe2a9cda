"""The NLP engine's shortcuts give exactly what Presidio's own code would."""

from __future__ import annotations

import pytest
from presidio_analyzer import Pattern, PatternRecognizer
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import SpacyNlpEngine

from qualbridge.schemas.config import DeidConfig
from qualbridge.tasks.deid.nlp import (
    LemmaContextEnhancer,
    OfflineSpacyNlpEngine,
    document_text,
    nlp_engine,
)
from qualbridge.tasks.deid.token_recognizers import TokenTable

TEXTS = [
    "I moved to Halifax with my sister, Bethany, in March 2019.",
    "Yeah.\n.\nRing me on 07700 900123 tomorrow.",
    "",
    "  \t ",
    "Ünïcödé names like Zoë Brontë 😀 and O'Neill-Smith.",
]


@pytest.fixture(scope="module")
def engine() -> OfflineSpacyNlpEngine:
    return nlp_engine(DeidConfig().spacy_model)


@pytest.mark.parametrize("text", TEXTS)
def test_artifacts_equal_presidios(engine: OfflineSpacyNlpEngine, text: str) -> None:
    doc = engine.nlp["en"](text)
    ours = engine._doc_to_nlp_artifact(doc, "en")
    theirs = SpacyNlpEngine._doc_to_nlp_artifact(engine, doc, "en")
    for name in ("lemmas", "tokens_indices", "keywords", "scores"):
        assert getattr(ours, name) == getattr(theirs, name), name
    assert [(e.start_char, e.end_char, e.label_) for e in ours.entities] == [
        (e.start_char, e.end_char, e.label_) for e in theirs.entities
    ]


@pytest.mark.parametrize("text", TEXTS)
def test_token_table_equals_token_attributes(engine: OfflineSpacyNlpEngine, text: str) -> None:
    doc = engine.nlp["en"](text)
    engine._doc_to_nlp_artifact(doc, "en")  # attaches the on-demand tags
    table = TokenTable.of(doc)
    assert table.starts == [t.idx for t in doc]
    assert table.ends == [t.idx + len(t.text) for t in doc]
    assert table.words == [t.text for t in doc]
    assert len(table.tags) == len(doc)  # their values: test_tagging.py
    assert table.ents == [t.ent_type_ for t in doc]


@pytest.mark.parametrize("as_tuples", [False, True])
def test_batch_gives_each_text_and_keeps_it_on_its_document(
    engine: OfflineSpacyNlpEngine, as_tuples: bool
) -> None:
    given: list = [(t, i) for i, t in enumerate(TEXTS)] if as_tuples else TEXTS
    out = list(engine.process_batch(given, "en", batch_size=2, as_tuples=as_tuples))
    assert [row[0] for row in out] == TEXTS
    for text, artifacts, *_ in out:
        assert document_text(artifacts.tokens) == artifacts.tokens.text == text
        assert TokenTable.of(artifacts.tokens).text == text


def _phone() -> PatternRecognizer:
    return PatternRecognizer(
        supported_entity="PHONE_NUMBER",
        name="test-phone",
        patterns=[Pattern("mobile", r"07700 [0-9]{6}", 0.3)],
        context=["ring"],
    )


@pytest.mark.parametrize(
    ("context", "boosted"),
    [
        (None, False),  # no lemma and no context word: nothing to find, results as they were
        (["ring"], True),  # a context word given: Presidio's pass runs and boosts the score
        (["weather"], False),
    ],
)
def test_enhancer_matches_presidios(
    engine: OfflineSpacyNlpEngine, context: list[str] | None, boosted: bool
) -> None:
    text = "Ring me on 07700 900123 tomorrow."
    artifacts = engine._doc_to_nlp_artifact(engine.nlp["en"](text), "en")
    recognizer = _phone()
    raw = recognizer.analyze(text, ["PHONE_NUMBER"], artifacts)
    ours = LemmaContextEnhancer().enhance_using_context(text, raw, artifacts, [recognizer], context)
    theirs = LemmaContextAwareEnhancer().enhance_using_context(
        text, raw, artifacts, [recognizer], context
    )
    assert [(r.start, r.end, r.score) for r in ours] == [(r.start, r.end, r.score) for r in theirs]
    assert (ours[0].score > raw[0].score) is boosted


def test_an_empty_context_word_gets_presidios_pass(engine: OfflineSpacyNlpEngine) -> None:
    text = "Ring me on 07700 900123 tomorrow."
    artifacts = engine._doc_to_nlp_artifact(engine.nlp["en"](text), "en")
    recognizer = _phone()
    recognizer.context = [""]  # could match an empty lemma: left to Presidio's own pass
    raw = recognizer.analyze(text, ["PHONE_NUMBER"], artifacts)
    ours = LemmaContextEnhancer().enhance_using_context(text, raw, artifacts, [recognizer])
    theirs = LemmaContextAwareEnhancer().enhance_using_context(text, raw, artifacts, [recognizer])
    assert [r.score for r in ours] == [r.score for r in theirs]
