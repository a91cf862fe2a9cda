"""Fine tags on demand: the tagger runs only around the tokens a recognizer asks about.

In the small English models NER has a tok2vec of its own; the shared tok2vec feeds only the
tagger, and together they cost about a third of spaCy's time, while the recognizers read the
tags of a few tokens per hundred. The shared tok2vec is a window encoder: a token's vector
depends on at most `depth x window_size` tokens either side, so tagging a stretch of the
document widened by that many tokens gives the stretch the tags the whole document would.
Models of another shape (a listening NER, a BiLSTM or transformer encoder) are tagged whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

from spacy.attrs import NORM, TAG
from spacy.tokens import Doc

if TYPE_CHECKING:
    from spacy.language import Language

# Components and encoders whose token vectors see a fixed window of neighbours only.
_TOK2VEC_ARCHITECTURES = frozenset({"spacy.Tok2Vec.v1", "spacy.Tok2Vec.v2"})
_EMBED_ARCHITECTURES = frozenset({"spacy.MultiHashEmbed.v1", "spacy.MultiHashEmbed.v2"})
_WINDOW_ENCODERS = frozenset(
    {
        "spacy.MaxoutWindowEncoder.v1",
        "spacy.MaxoutWindowEncoder.v2",
        "spacy.MishWindowEncoder.v1",
        "spacy.MishWindowEncoder.v2",
    }
)
# Tokens tagged per request: enough to share the call's fixed cost between nearby requests.
BLOCK_TOKENS = 8
# A call's fixed cost, in tokens tagged (measured: about 1.5 ms, or 32 tokens of a long document).
CALL_TOKENS = 32
# Requests dense enough to cost more than SHARE x the furthest token asked for (plus SLACK) get
# the whole document tagged in one call: dense text costs at most about (1 + SHARE) x a full pass.
SHARE = 0.5
SLACK = 4 * (CALL_TOKENS + BLOCK_TOKENS)
# Where a document's on-demand tags are kept.
USER_DATA_KEY = "qualbridge_lazy_tags"


def receptive_field(nlp: Language) -> int | None:
    """Tokens either side a shared tok2vec's vector depends on; None if not a window encoder
    feeding the tagger alone."""
    if "tok2vec" not in nlp.component_names or "tagger" not in nlp.component_names:
        return None
    if list(getattr(nlp.get_pipe("tok2vec"), "listening_components", [])) != ["tagger"]:
        return None
    model: dict[str, Any] = nlp.config["components"]["tok2vec"].get("model", {})
    encode, embed = model.get("encode", {}), model.get("embed", {})
    if (
        model.get("@architectures") not in _TOK2VEC_ARCHITECTURES
        or embed.get("@architectures") not in _EMBED_ARCHITECTURES
        or encode.get("@architectures") not in _WINDOW_ENCODERS
    ):
        return None
    return int(encode["depth"]) * int(encode["window_size"])


class LazyTags(Sequence[str]):
    """A document's fine tags, each computed on first read with its block of neighbours."""

    def __init__(
        self, doc: Doc, tok2vec: Callable[[Doc], Doc], tagger: Callable[[Doc], Doc], field: int
    ) -> None:
        self._doc = doc
        self._tok2vec = tok2vec
        self._tagger = tagger
        self._field = field
        self._tags: list[str | None] = [None] * len(doc)
        self._spent = 0  # tokens tagged so far, each call's fixed cost included
        self._furthest = 0  # the furthest token asked for so far
        self._norms: Any = None  # the document's NORM column, read on the first call

    def __len__(self) -> int:
        return len(self._tags)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        tag = self._tags[index]
        if tag is None:
            self._tag_block(index % len(self) if index < 0 else index)
            tag = self._tags[index]
        return tag  # type: ignore[return-value]

    def __iter__(self) -> Iterator[str]:
        return (self[i] for i in range(len(self)))

    def _tag_block(self, index: int) -> None:
        """Tag the block holding index, on a copy widened by the receptive field each side;
        the whole document at once when requests come too densely to pay off."""
        n = len(self._tags)
        start = index - index % BLOCK_TOKENS
        end = min(start + BLOCK_TOKENS, n)
        lo, hi = max(0, start - self._field), min(n, end + self._field)
        self._spent += CALL_TOKENS + hi - lo
        self._furthest = max(self._furthest, index)
        if self._spent > SHARE * self._furthest + SLACK:
            start, end, lo, hi = 0, n, 0, n
        span = self._doc[lo:hi]
        window = Doc(
            self._doc.vocab,
            words=[token.text for token in span],
            spaces=[bool(token.whitespace_) for token in span],
        )
        # A norm may differ from the word's own ("n't" is "not"), and the tok2vec reads norms.
        if self._norms is None:
            self._norms = self._doc.to_array([NORM]).reshape(-1, 1)
        window.from_array([NORM], self._norms[lo:hi])
        self._tagger(self._tok2vec(window))
        strings = window.vocab.strings
        tags = window.to_array([TAG]).tolist()
        for position in range(start, end):
            if self._tags[position] is None:
                self._tags[position] = strings[tags[position - lo]]


class OnDemandTagger:
    """Attaches on-demand tags to documents of a model whose tagger runs lazily."""

    def __init__(self, nlp: Language, field: int) -> None:
        self._tok2vec = nlp.get_pipe("tok2vec")
        self._tagger = nlp.get_pipe("tagger")
        self._field = field

    def attach(self, doc: Doc) -> None:
        """Keep the document's LazyTags in its user data, where tags_of finds them."""
        doc.user_data[USER_DATA_KEY] = LazyTags(doc, self._tok2vec, self._tagger, self._field)


def tags_of(doc: Doc) -> Sequence[str]:
    """The document's fine tags: on demand when attached, else those the tagger set."""
    lazy = doc.user_data.get(USER_DATA_KEY)
    if lazy is not None:
        return lazy  # type: ignore[no-any-return]
    strings = doc.vocab.strings
    return [strings[tag] for tag in doc.to_array([TAG]).tolist()] if len(doc) else []
