"""Tests of the one door to raw source files: confinement to the study folder and size limits."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualbridge.tasks.ingest.formats import FORMATS, SUPPORTED_SUFFIXES, parse_source
from qualbridge.tasks.ingest.limits import IngestLimits
from qualbridge.tasks.ingest.reading import SourceError
from qualbridge.tasks.ingest.source_files import (
    OUTSIDE_FOLDER,
    confined_path,
    read_source_file,
    utterances_and_notes,
)

TEN = IngestLimits(max_file_bytes=10)


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """A study folder with one transcript, and a folder beside it holding another."""
    study, outside = tmp_path / "study", tmp_path / "outside"
    (study / "t").mkdir(parents=True)
    outside.mkdir()
    (study / "t" / "a1.txt").write_bytes(b"I: hi\n")
    (outside / "b1.txt").write_bytes(b"I: secret\n")
    return study, outside


def test_a_file_in_the_folder_is_read(folders: tuple[Path, Path]) -> None:
    study, _ = folders

    assert read_source_file("t/a1.txt", study) == b"I: hi\n"


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("../outside/b1.txt", id="dot-dot"),
        pytest.param("t/../../outside/b1.txt", id="dot-dot-inside-the-path"),
        pytest.param("t/link.txt", id="file-link"),
        pytest.param("linked/b1.txt", id="folder-link"),
        pytest.param("ABSOLUTE", id="absolute"),
    ],
)
def test_anything_leading_out_of_the_folder_is_refused(
    folders: tuple[Path, Path], name: str
) -> None:
    study, outside = folders
    (study / "t" / "link.txt").symlink_to(outside / "b1.txt")
    (study / "linked").symlink_to(outside)
    name = str(outside / "b1.txt") if name == "ABSOLUTE" else name

    with pytest.raises(SourceError, match="outside the study folder") as info:
        read_source_file(name, study)

    assert str(info.value) == OUTSIDE_FOLDER


def test_a_link_that_stays_inside_the_folder_is_followed(folders: tuple[Path, Path]) -> None:
    study, _ = folders
    (study / "t" / "same.txt").symlink_to(study / "t" / "a1.txt")

    assert confined_path(study, "t/same.txt") == (study / "t" / "a1.txt").resolve()
    assert read_source_file("t/same.txt", study) == b"I: hi\n"


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        pytest.param(lambda p: None, "not found", id="missing"),
        pytest.param(lambda p: p.mkdir(), "not found", id="directory"),
        pytest.param(lambda p: p.write_bytes(b""), "empty", id="empty"),
        pytest.param(lambda p: p.write_bytes(b"x" * 11), "over the limit of 10", id="oversized"),
    ],
)
def test_unusable_files_are_refused(tmp_path: Path, setup, message: str) -> None:
    setup(tmp_path / "t.txt")

    with pytest.raises(SourceError, match=message):
        read_source_file("t.txt", tmp_path, TEN)


def test_a_file_exactly_at_the_limit_is_read(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_bytes(b"x" * 10)

    assert read_source_file("t.txt", tmp_path, TEN) == b"x" * 10


def test_oversized_message_names_sizes_not_content(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_bytes(b"Bethany Okafor")

    with pytest.raises(SourceError) as info:
        read_source_file("t.txt", tmp_path, IngestLimits(max_file_bytes=5))

    assert "14 bytes" in str(info.value)
    assert "Bethany" not in str(info.value)


@pytest.mark.parametrize(
    ("text", "notes"),
    [
        pytest.param("I: hi\nP1: yo", [], id="labelled"),
        pytest.param("Notes about Bethany Okafor.\nMore.", ["no speaker labels"], id="unlabelled"),
    ],
)
def test_notes_say_when_a_file_has_no_labels_never_its_text(text: str, notes: list[str]) -> None:
    utterances, found = utterances_and_notes(text.encode(), ".txt", {"I": "interviewer"})

    assert [note.split(":")[0] for note in found] == notes
    assert not any("Bethany" in note for note in found)
    assert utterances[0].speaker_role == ("interviewer" if not notes else "other")


def test_every_registered_format_is_listed_in_the_unsupported_message() -> None:
    with pytest.raises(SourceError) as info:
        parse_source(b"%PDF", ".pdf", {"I": "interviewer"})

    assert tuple(FORMATS) == SUPPORTED_SUFFIXES
    assert str(info.value) == (
        "unsupported file type '.pdf' (supported: .txt, .docx, .vtt, .srt, .textgrid)"
    )
