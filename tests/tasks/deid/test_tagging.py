"""On-demand tags are exactly the tags the tagger gives the whole document."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from qualbridge.schemas.config import DeidConfig
from qualbridge.tasks.deid import tagging
from qualbridge.tasks.deid.nlp import EXCLUDED_PIPES, OfflineSpacyNlpEngine, nlp_engine
from qualbridge.tasks.deid.packing import SEPARATOR
from qualbridge.tasks.deid.tagging import LazyTags, receptive_field, tags_of
from qualbridge.tasks.deid.token_recognizers import TokenTable

TEXTS = [
    "I moved to Halifax with my sister, Bethany, in March 2019.",
    "Yeah.\n.\nRing me on 07700 900123 tomorrow.",
    "",
    "Ünïcödé names like Zoë Brontë 😀 and O'Neill-Smith.",
    SEPARATOR.join(
        ["i don't know, psst, Titch said we'd go to Bath", "Fair enough. Hmm, Ring me."] * 12
    ),
]


@pytest.fixture(scope="module")
def whole() -> Language:
    """The model with its tagger run on every document, as a reference."""
    return spacy.load(DeidConfig().spacy_model, exclude=list(EXCLUDED_PIPES))


@pytest.fixture(scope="module")
def engine() -> OfflineSpacyNlpEngine:
    return nlp_engine(DeidConfig().spacy_model)


def test_the_default_model_is_tagged_on_demand(engine: OfflineSpacyNlpEngine) -> None:
    nlp = engine.nlp["en"]
    assert "tagger" not in nlp.pipe_names and "tok2vec" not in nlp.pipe_names
    assert "en" in engine.taggers


@pytest.mark.parametrize(
    ("block", "share", "text"), [(b, s, t) for b in (1, 3, 8) for s in (0.5, 1e9) for t in TEXTS]
)
def test_lazy_tags_equal_whole_document_tags(
    whole: Language, monkeypatch: pytest.MonkeyPatch, block: int, share: float, text: str
) -> None:
    monkeypatch.setattr(tagging, "BLOCK_TOKENS", block)
    monkeypatch.setattr(tagging, "SHARE", share)  # 1e9: blocks only, never the whole document
    field = receptive_field(whole)
    assert field is not None
    lazy = LazyTags(
        whole.make_doc(text), whole.get_pipe("tok2vec"), whole.get_pipe("tagger"), field
    )
    want = [t.tag_ for t in whole(text)]
    # Read backwards and forwards, so blocks are filled out of order.
    assert [lazy[i] for i in reversed(range(len(lazy)))][::-1] == want
    assert list(lazy) == want and lazy[-1:] == want[-1:]


@pytest.mark.parametrize("text", TEXTS)
def test_token_table_reads_on_demand_tags(
    engine: OfflineSpacyNlpEngine, whole: Language, text: str
) -> None:
    doc = engine.nlp["en"](text)
    engine._doc_to_nlp_artifact(doc, "en")
    assert list(TokenTable.of(doc).tags) == [t.tag_ for t in whole(text)]


def test_a_model_without_a_window_encoder_is_tagged_whole(whole: Language) -> None:
    assert receptive_field(spacy.blank("en")) is None
    assert tags_of(whole("Ring me.")) == [t.tag_ for t in whole("Ring me.")]
