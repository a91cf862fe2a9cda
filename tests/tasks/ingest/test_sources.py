"""Tests of discovering a study's transcripts and re-reading them safely."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from qualbridge.schemas.config import load_config
from qualbridge.tasks.ingest.limits import IngestLimits
from qualbridge.tasks.ingest.reading import SourceError
from qualbridge.tasks.ingest.sources import (
    QuarantineRecord,
    TranscriptSource,
    discover_study,
    global_transcript_id,
    read_utterances,
    unlisted_files,
)
from qualbridge.tasks.ingest.transcript_text import Utterance

CODEBOOK = Path(__file__).parents[2] / "fixtures" / "mini" / "codebook.yaml"
SPEAKERS = {"Interviewer": "interviewer", "Participant": "participant"}
SECRET_WORDS = "Bethany Okafor"
GOOD = b"Interviewer: How did it start?\nParticipant: Slowly,\nthen all at once.\n"

CONFIG_YAML = """\
consortium: test-consortium
codebook: codebook.yaml
studies:
- study_id: alpha
  corpus: peer_support
  site: site_a
  manifest: studies/alpha/manifest.csv
  speakers:
    Interviewer: interviewer
    Participant: participant
"""

MANIFEST = """\
transcript_id,file,participant_id,age_band
GOOD1,transcripts/T01.txt,P01,25-34
MISSING,transcripts/T02.txt,P02,35-44
EMPTY,transcripts/T03.txt,P03,45-54
BINARY,transcripts/T04.txt,P04,55-64
PREAMBLE,transcripts/T05.txt,P05,65+
,transcripts/T01.txt,P06,18-24
"""


@pytest.fixture
def study(tmp_path):
    """A one-study consortium whose manifest lists one good file and several bad ones."""
    shutil.copy(CODEBOOK, tmp_path / "codebook.yaml")
    (tmp_path / "consortium.yaml").write_text(CONFIG_YAML, encoding="utf-8")
    folder = tmp_path / "studies" / "alpha"
    (folder / "transcripts").mkdir(parents=True)
    (folder / "manifest.csv").write_text(MANIFEST, encoding="utf-8")
    (folder / "transcripts" / "T01.txt").write_bytes(GOOD)
    (folder / "transcripts" / "T03.txt").write_bytes(b"")
    (folder / "transcripts" / "T04.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0d")
    (folder / "transcripts" / "T05.txt").write_bytes(b"just some words\nInterviewer: hi\n")
    config = load_config(tmp_path / "consortium.yaml")
    return config.studies[0], config, folder


def _by_source(quarantined: list[QuarantineRecord]) -> dict[str, QuarantineRecord]:
    return {q.source: q for q in quarantined}


def test_global_transcript_id_prefixes_the_study() -> None:
    assert global_transcript_id("alpha", "T01") == "alpha:T01"


def test_good_file_becomes_a_source_with_hash_of_its_bytes(study) -> None:
    study_cfg, config, folder = study

    sources, _ = discover_study(study_cfg, config)

    assert sources == [
        TranscriptSource(
            study_id="alpha",
            transcript_id="alpha:GOOD1",
            path=(folder / "transcripts" / "T01.txt").resolve(),
            source="transcripts/T01.txt",
            participant_id="P01",
            content_hash=hashlib.sha256(GOOD).hexdigest(),
            attributes={"age_band": "25-34"},
        )
    ]


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("transcripts/T02.txt", "not found"),
        ("transcripts/T03.txt", "empty"),
        ("transcripts/T04.txt", "NUL"),
        ("transcripts/T05.txt", "line 1: text before the first speaker label"),
    ],
)
def test_unusable_files_are_quarantined_at_ingest(study, source: str, reason: str) -> None:
    study_cfg, config, _ = study

    _, quarantined = discover_study(study_cfg, config)

    record = _by_source(quarantined)[source]
    assert record.study_id == "alpha"
    assert record.stage == "ingest"
    assert reason in record.reason


def test_manifest_row_problem_is_quarantined_at_manifest_stage(study) -> None:
    study_cfg, config, _ = study

    _, quarantined = discover_study(study_cfg, config)

    record = _by_source(quarantined)["manifest.csv:7"]
    assert record.stage == "manifest"
    assert "transcript_id" in record.reason
    assert len(quarantined) == 5


def test_quarantine_reason_never_contains_file_content(study) -> None:
    study_cfg, config, _ = study

    _, quarantined = discover_study(study_cfg, config)

    for record in quarantined:
        assert "just some words" not in record.reason
        assert "PNG" not in record.reason


def test_unreadable_manifest_quarantines_the_whole_study(study) -> None:
    study_cfg, config, folder = study
    (folder / "manifest.csv").unlink()

    sources, quarantined = discover_study(study_cfg, config)

    assert sources == []
    assert len(quarantined) == 1
    assert (quarantined[0].source, quarantined[0].stage) == ("manifest.csv", "manifest")


def test_read_utterances_parses_the_unchanged_file(study) -> None:
    study_cfg, config, _ = study
    [source], _ = discover_study(study_cfg, config)

    assert read_utterances(source, SPEAKERS) == [
        Utterance(0, "interviewer", "How did it start?"),
        Utterance(1, "participant", "Slowly, then all at once."),
    ]


def test_read_utterances_refuses_a_file_changed_after_discovery(study) -> None:
    study_cfg, config, folder = study
    [source], _ = discover_study(study_cfg, config)
    (folder / "transcripts" / "T01.txt").write_bytes(GOOD + b"Interviewer: One more.\n")

    with pytest.raises(SourceError, match="changed"):
        read_utterances(source, SPEAKERS)


def test_read_utterances_refuses_a_file_deleted_after_discovery(study) -> None:
    study_cfg, config, folder = study
    [source], _ = discover_study(study_cfg, config)
    (folder / "transcripts" / "T01.txt").unlink()

    with pytest.raises(SourceError, match="not found"):
        read_utterances(source, SPEAKERS)


def test_files_no_manifest_row_names_are_quarantined(tmp_path) -> None:
    """A transcript beside the listed ones but missing from the manifest is never silently lost."""
    study_dir = tmp_path / "study"
    (study_dir / "t").mkdir(parents=True)
    (study_dir / "t" / "a1.txt").write_text("Interviewer: hi\nParticipant: yes\n")
    (study_dir / "t" / "forgotten.txt").write_text("Interviewer: hi\n")
    (study_dir / "t" / "notes.md").write_text("not a transcript type")
    (study_dir / "manifest.csv").write_text("transcript_id,file,participant_id\nA,t/a1.txt,P1\n")
    listed = {(study_dir / "t" / "a1.txt").resolve()}

    records = unlisted_files("s1", study_dir.resolve(), listed)

    assert [(r.source, r.stage, r.reason) for r in records] == [
        ("t/forgotten.txt", "manifest", "file is not listed in the manifest")
    ]


@pytest.mark.parametrize(
    ("limits", "reason"),
    [
        ("ingest: {max_file_bytes: 20}\n", "over the limit of 20"),
    ],
)
def test_config_ingest_limits_quarantine_files_over_them(study, limits: str, reason: str) -> None:
    _, _, folder = study
    path = folder.parents[1] / "consortium.yaml"
    path.write_text(CONFIG_YAML + limits, encoding="utf-8")
    strict = load_config(path)

    sources, quarantined = discover_study(strict.studies[0], strict)

    assert sources == []
    assert reason in _by_source(quarantined)["transcripts/T01.txt"].reason


def test_undeclared_attribute_column_quarantines_the_study_without_its_values(study) -> None:
    study_cfg, config, folder = study
    planted = "Margaret Okonkwo-Hale"
    (folder / "manifest.csv").write_text(
        f"transcript_id,file,participant_id,name\nGOOD1,transcripts/T01.txt,P01,{planted}\n",
        encoding="utf-8",
    )

    sources, quarantined = discover_study(study_cfg, config)

    assert sources == []
    [record] = quarantined
    assert (record.source, record.stage) == ("manifest.csv", "manifest")
    assert "['name']" in record.reason and planted not in record.reason


def _listed(folder: Path, name: str, data: bytes | None = None) -> str:
    """Add a row for transcripts/<name> to the manifest (and write the file if data is given)."""
    if data is not None:
        (folder / "transcripts" / name).write_bytes(data)
    with (folder / "manifest.csv").open("a", encoding="utf-8") as manifest:
        manifest.write(f"{name.split('.')[0].upper()},transcripts/{name},P99,25-34\n")
    return f"transcripts/{name}"


def _spy_on_open(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every path os.open is called with from now on (the door opens files with it)."""
    opened: list[str] = []
    real_open = os.open

    def spy(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", spy)
    return opened


def test_a_transcript_without_labels_loads_as_one_unlabelled_speaker(study, caplog) -> None:
    study_cfg, config, folder = study
    notes = f"Field notes. {SECRET_WORDS} was on the ward.\nShe left at noon.\n".encode()
    name = _listed(folder, "notes01.txt", notes)

    with caplog.at_level("WARNING", logger="qualbridge.ingest"):
        sources, quarantined = discover_study(study_cfg, config)

    [source] = [s for s in sources if s.source == name]
    assert name not in {q.source for q in quarantined}
    assert read_utterances(source, SPEAKERS) == [
        Utterance(0, "other", f"Field notes. {SECRET_WORDS} was on the ward. She left at noon.")
    ]
    [warning] = [r.getMessage() for r in caplog.records if name in r.getMessage()]
    assert "no speaker labels" in warning and "one unlabelled speaker" in warning
    assert SECRET_WORDS not in caplog.text


def test_an_over_long_line_is_split_at_sentence_ends_not_refused(study) -> None:
    _, _, folder = study
    path = folder.parents[1] / "consortium.yaml"
    path.write_text(CONFIG_YAML + "ingest: {max_line_chars: 40}\n", encoding="utf-8")
    strict = load_config(path)
    line = "Participant: It was slow. Then all at once! Why? Nobody knew what to say then."

    name = _listed(folder, "asr01.txt", line.encode())
    sources, quarantined = discover_study(strict.studies[0], strict)

    assert name not in {q.source for q in quarantined}

    [source] = [s for s in sources if s.source == name]
    utterances = read_utterances(source, SPEAKERS, IngestLimits(max_line_chars=40))
    assert [(u.speaker_role, u.text) for u in utterances] == [
        ("participant", "It was slow. Then all at once! Why?"),
        ("participant", "Nobody knew what to say then."),
    ]


def test_a_link_to_a_file_outside_the_study_folder_is_quarantined_unread(
    study, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    study_cfg, config, folder = study
    outside = tmp_path / "elsewhere" / "secret.txt"
    outside.parent.mkdir()
    outside.write_text(f"Participant: {SECRET_WORDS}\n", encoding="utf-8")
    (folder / "transcripts" / "link01.txt").symlink_to(outside)
    name = _listed(folder, "link01.txt")
    opened = _spy_on_open(monkeypatch)

    sources, quarantined = discover_study(study_cfg, config)

    assert name not in {s.source for s in sources}
    assert "outside the study folder" in _by_source(quarantined)[name].reason
    assert SECRET_WORDS not in _by_source(quarantined)[name].reason
    assert str(outside) not in opened and opened  # the door opened the other files, never this


def test_a_link_inside_the_study_folder_is_read(study) -> None:
    study_cfg, config, folder = study
    (folder / "transcripts" / "same01.txt").symlink_to(folder / "transcripts" / "T01.txt")
    name = _listed(folder, "same01.txt")

    sources, _ = discover_study(study_cfg, config)

    [source] = [s for s in sources if s.source == name]
    assert source.path == (folder / "transcripts" / "T01.txt").resolve()
    assert [u.speaker_role for u in read_utterances(source, SPEAKERS)] == [
        "interviewer",
        "participant",
    ]


@pytest.mark.parametrize("escape", ["../beta/T01.txt", "transcripts/../../beta/T01.txt"])
def test_manifest_paths_leading_out_of_the_study_folder_are_refused_unread(
    study, escape: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    study_cfg, config, folder = study
    other = folder.parent / "beta"
    other.mkdir()
    (other / "T01.txt").write_bytes(GOOD)
    with (folder / "manifest.csv").open("a", encoding="utf-8") as manifest:
        manifest.write(f"ESCAPE,{escape},P98,25-34\n")
    opened = _spy_on_open(monkeypatch)

    sources, quarantined = discover_study(study_cfg, config)

    assert "alpha:ESCAPE" not in {s.transcript_id for s in sources}
    assert any("no '..'" in q.reason for q in quarantined)  # the manifest contract refuses it
    assert str(other / "T01.txt") not in opened
