"""The de-identification stage's progress helper: silent off a terminal, never in the way."""

from __future__ import annotations

from qualbridge.tasks.deid.tasks import transcript_progress


def test_progress_is_silent_without_a_terminal(capsys) -> None:
    with transcript_progress("De-identifying s1", total=3) as advance:
        for _ in range(3):
            advance(1)
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
