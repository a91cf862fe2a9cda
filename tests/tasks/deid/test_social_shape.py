"""Which texts are shaped like posts, and the lower-case guesses dropped only in posts."""

from __future__ import annotations

import pytest

from qualbridge.tasks.deid.filters import Detection
from qualbridge.tasks.deid.recasing import Vocabulary
from qualbridge.tasks.deid.social_shape import is_lowercase_guess, is_social_text


@pytest.mark.parametrize(
    ("text", "social"),
    [
        ("cant wait for the weekend #blessed", True),
        ("that was hilarious 😂", True),
        ("see you there :)", True),
        ("WHY would you do that??", True),
        ("omg this is the best thing ever", True),
        ("can someone send me the link plz", True),
        # Speech, cased or not, with fillers, links and handles read out.
        ("yeah so i went down to the shops with my mum", False),
        ("Um, so, I was born in nineteen ninety one.", False),
        ("the link was on http://www.example.org/u/walks but it never worked", False),
        ("follow me on instagram i'm @some_name like", False),
        ("im forty three and i still live with my mum", False),
        ("OK. And you said you're working at the moment?", False),
        ("my temperature was 38.5°C last night", False),
        ("it's s u e, sue, like the name", False),
    ],
)
def test_posts_by_their_marks(text: str, social: bool) -> None:
    assert is_social_text(text) is social


@pytest.mark.parametrize(
    ("text", "word", "recognizer", "dropped"),
    [
        ("my fave gamer ever lol", "gamer", "SpacyRecognizer", True),
        ("the show is so borring omg", "borring", "UnknownWordNameRecognizer", True),
        (
            "u train gunther so well",
            "gunther",
            "SpacyRecognizer",
            False,
        ),  # unknown to the dictionary
        ("omg poor emily!!", "emily", "SpacyRecognizer", False),  # a listed name
        ("the show is so borring", "borring", "UnknownWordNameRecognizer", False),  # no post
        ("my fave Gamer ever lol", "Gamer", "SpacyRecognizer", False),  # capitalised
    ],
)
def test_lowercase_guesses_drop_only_in_posts(
    text: str, word: str, recognizer: str, dropped: bool, vocabulary: Vocabulary
) -> None:
    start = text.index(word)
    detection = Detection(start, start + len(word), "PERSON", 0.5, recognizer)
    assert is_lowercase_guess(detection, text, vocabulary) is dropped
