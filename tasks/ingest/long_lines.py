"""Split an over-long line (a speech recogniser's one-line transcript) into pieces, losing none."""

from __future__ import annotations

import re

# A sentence ends at ., ? or ! (closing quotes and brackets stay with it) before whitespace.
_SENTENCE_END = re.compile(r"[.?!…]+[\"'”’)\]]*(?=\s)")
_WHITESPACE = re.compile(r"\s*")
_SPACES = " \t\u00a0\u3000\u2009\u202f\x0b\x0c"


def _cut(window: str, limit: int) -> int:
    """Length of the next piece: to the window's last sentence end, else last space, else limit.

    The window is one character longer than the limit, so a sentence end or a space right after
    a full-length piece still counts.
    """
    last = None
    for last in _SENTENCE_END.finditer(window):  # noqa: B007 - the last match is the one wanted
        pass
    if last is not None:
        return last.end()
    space = max(window.rfind(char) for char in _SPACES)
    return space if space > 0 else limit


def _skip_space(text: str, at: int) -> int:
    match = _WHITESPACE.match(text, at)
    return match.end() if match else at


def split_long_line(text: str, limit: int) -> list[tuple[int, str]]:
    """(offset, piece) pairs of at most `limit` characters, cut at sentence ends where possible.

    Pieces are stripped, so only the whitespace between them is dropped. Text without sentence
    ends is cut at whitespace, and a run without any at exactly `limit` characters.
    """
    pieces: list[tuple[int, str]] = []
    position = _skip_space(text, 0)
    while position < len(text):
        end = len(text)
        if end - position > limit:
            end = position + _cut(text[position : position + limit + 1], limit)
        piece = text[position:end].rstrip()
        if piece:
            pieces.append((position, piece))
        position = _skip_space(text, end)
    return pieces
