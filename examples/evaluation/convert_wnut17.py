"""Convert the WNUT-17 emerging-entities corpus (CoNLL) into gold JSONL: wnut17_dev/test.jsonl.

Usage: python examples/evaluation/convert_wnut17.py SOURCE_FOLDER [OUT_FOLDER]

SOURCE_FOLDER holds emerging.dev.conll and emerging.test.annotated from
github.com/leondz/emerging_entities_17 (CC BY 4.0, see WNUT17_LICENSE.md). Tokens are joined back
into plain text with character offsets. person -> PERSON (direct); location -> LOCATION,
corporation and group -> ORGANIZATION (quasi). product and creative-work name things, not people
or places, so they are left unannotated. A fixed-seed sample of each split keeps the sets small.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SPLITS = (("dev", "emerging.dev.conll"), ("test", "emerging.test.annotated"))
SAMPLE_SIZE = 400
SEED = 17
TYPES = {
    "person": ("PERSON", "direct"),
    "location": ("LOCATION", "quasi"),
    "corporation": ("ORGANIZATION", "quasi"),
    "group": ("ORGANIZATION", "quasi"),
}
HTML_ENTITIES = {"amp": "&", "gt": ">", "lt": "<", "quot": '"'}
APOSTROPHES = {"'", "´", "’", "`"}
CONTRACTIONS = {"s", "t", "ve", "ll", "re", "d", "m"}
CLOSERS = set(".,!?;:)]}%")
OPENERS = {"(", "[", "{", "#", "@", "$"}


@dataclass
class Token:
    """One CoNLL token and its BIO tag."""

    text: str
    tag: str


def read_posts(path: Path) -> Iterator[list[Token]]:
    """Yield each blank-line-separated post as a list of tokens."""
    post: list[Token] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if post:
                yield post
            post = []
            continue
        text, _, tag = line.rpartition("\t")
        post.append(Token(text, tag.strip()))
    if post:
        yield post


def merge_html_entities(tokens: list[Token]) -> list[Token]:
    """Turn the tokeniser's '& gt ;' back into '>'."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        window = [t.text for t in tokens[i : i + 3]]
        if window[:1] == ["&"] and window[2:] == [";"] and window[1] in HTML_ENTITIES:
            out.append(Token(HTML_ENTITIES[window[1]], tokens[i].tag))
            i += 3
            continue
        out.append(tokens[i])
        i += 1
    return out


def glued(prev: str, token: str, following: str) -> bool:
    """Whether token attaches to the previous one with no space."""
    if token in APOSTROPHES and following.lower() in CONTRACTIONS:
        return True
    if prev in APOSTROPHES and token.lower() in CONTRACTIONS:
        return True
    if token == "n" and following in APOSTROPHES:
        return True
    if prev in OPENERS and token[:1].isalnum():
        return True
    return bool(token) and all(ch in CLOSERS for ch in token)


def to_record(post: list[Token], record_id: str) -> dict[str, object]:
    """Join tokens into text and turn BIO tags into character-offset entities."""
    tokens = merge_html_entities(post)
    text = ""
    spans: list[tuple[int, int, str]] = []
    for i, tok in enumerate(tokens):
        following = tokens[i + 1].text if i + 1 < len(tokens) else ""
        if text and not glued(tokens[i - 1].text, tok.text, following):
            text += " "
        start = len(text)
        text += tok.text
        label = tok.tag[2:]
        continuing = i > 0 and tokens[i - 1].tag[2:] == label
        if tok.tag.startswith("I-") and continuing and spans and spans[-1][2] == label:
            spans[-1] = (spans[-1][0], len(text), label)
        elif tok.tag != "O":
            spans.append((start, len(text), label))
    entities = [
        {
            "start": s,
            "end": e,
            "entity_type": TYPES[label][0],
            "class": TYPES[label][1],
            "value": text[s:e],
        }
        for s, e, label in spans
        if label in TYPES
    ]
    return {"id": record_id, "text": text, "entities": entities}


def convert(source: Path, out: Path) -> None:
    """Write a fixed-seed sample of each split as wnut17_<split>.jsonl."""
    for split, name in SPLITS:
        posts = list(read_posts(source / name))
        picked = sorted(random.Random(SEED).sample(range(len(posts)), min(SAMPLE_SIZE, len(posts))))
        lines = [
            json.dumps(to_record(posts[i], f"wnut17_{split}_{i:04d}"), ensure_ascii=False)
            for i in picked
        ]
        (out / f"wnut17_{split}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    convert(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) == 3 else Path(__file__).parent)
