"""The study-wide pass: a name found in one transcript is masked in all of its study's."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import polars as pl
import pytest

from qualbridge.schemas.config import ConsortiumConfig, StudyConfig, load_config
from qualbridge.tasks.deid.distributed import combine
from qualbridge.tasks.deid.engine import Deidentifier
from qualbridge.tasks.deid.parallel import ParallelDeidentifier
from qualbridge.tasks.deid.transcripts import (
    DeidentifiedBatch,
    deidentify_sources,
    with_study_mentions,
)
from qualbridge.tasks.ingest.sources import discover_study
from qualbridge.tasks.shared.pseudonym import pseudonym

KEY = b"test-key-for-study-mentions-4c1e"
CONFIG = """\
consortium: test-consortium
codebook: codebook.yaml
studies:
{studies}
"""
STUDY = """\
- study_id: {study}
  corpus: peer_support
  site: site_a
  manifest: {study}/manifest.csv
  speakers: {{Interviewer: interviewer, Participant: participant}}
"""
# Lines the engine passes over on their own: the name is lower case and has no context, 'OK'
# keeps the line from reading as sentence case, and no sentence opens in lower case (either
# would have the recaser capitalise it).
TRANSCRIPTS = {
    "alpha": {
        "A1": ["Interviewer: Who helped?", "Participant: Her name was Marisol Vandersloot."],
        "A2": ["Participant: Yes, marisol too, OK.", "Participant: I rang 07700 900461 again."],
        "A3": ["Participant: Okay.", "Participant: it was VANDERSLOOT, honestly."],
        "A4": ["Participant: Yes, marisol too, OK. Nothing else."],
        # Spelt to hide: a zero-width space, a Cyrillic look-alike letter.
        "A6": ["Participant: Yes, mari\u200bsol too, OK, and vand\u0435rsloot."],
    },
    "beta": {"B1": ["Participant: Yes, marisol too, OK."]},
}
PHONE_FOUND = ["Participant: My number is 07700 900461."]


@pytest.fixture(scope="module")
def consortium(tmp_path_factory: pytest.TempPathFactory) -> ConsortiumConfig:
    """Two studies; the name and number are found only in study alpha."""
    root = tmp_path_factory.mktemp("study_mentions")
    transcripts = {**TRANSCRIPTS, "alpha": {**TRANSCRIPTS["alpha"], "A5": PHONE_FOUND}}
    for study, files in transcripts.items():
        (root / study).mkdir()
        rows = ["transcript_id,file,participant_id"]
        for tid, lines in files.items():
            (root / study / f"{tid}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
            rows.append(f"{tid},{tid}.txt,P-{tid}")
        (root / study / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    studies = "".join(STUDY.format(study=s) for s in transcripts)
    (root / "consortium.yaml").write_text(CONFIG.format(studies=studies), encoding="utf-8")
    (root / "codebook.yaml").write_text(
        (Path(__file__).parents[2] / "fixtures" / "mini" / "codebook.yaml").read_text("utf-8"),
        encoding="utf-8",
    )
    return load_config(root / "consortium.yaml")


def _run(config: ConsortiumConfig, study: StudyConfig, pool: bool) -> DeidentifiedBatch:
    sources, quarantined = discover_study(study, config, KEY)
    assert quarantined == []
    if pool:
        with ParallelDeidentifier(config.deid, KEY, n_process=2) as engine:
            return deidentify_sources(sources, study, engine, KEY, "run-1", config=config)
    serial = Deidentifier(config.deid, KEY)
    return deidentify_sources(sources, study, serial, KEY, "run-1", batch_size=2, config=config)


@pytest.fixture(scope="module", params=["in process", "process pool"])
def batches(
    request: pytest.FixtureRequest, consortium: ConsortiumConfig
) -> dict[str, pl.DataFrame]:
    """Each study's de-identified utterances, from the serial engine or the process pool."""
    pool = request.param == "process pool"
    return {s.study_id: _run(consortium, s, pool).utterances for s in consortium.studies}


def _text(batches: dict[str, pl.DataFrame], study: str, transcript: str) -> str:
    utterances = batches[study].filter(pl.col("transcript_id").str.ends_with(f":{transcript}"))
    return " ".join(utterances["text"])


@pytest.mark.parametrize(
    ("study", "transcript", "absent", "present"),
    [
        ("alpha", "A1", ["Marisol", "Vandersloot"], ["Her name was [PERSON-"]),
        ("alpha", "A2", ["marisol", "900461"], ["Yes, [PERSON-", "too, OK.", "[PHONE_NUMBER-"]),
        ("alpha", "A3", ["VANDERSLOOT"], ["it was [", "honestly."]),
        ("alpha", "A4", ["marisol"], ["Nothing else."]),
        ("alpha", "A6", ["marisol", "vand\u0435rsloot", "\u200b"], ["Yes, [PERSON-", "and ["]),
        # Another study did not find the name: its mentions are its own business.
        ("beta", "B1", [], ["Yes, marisol too, OK."]),
    ],
)
def test_a_value_found_once_is_masked_across_the_study(
    batches: dict[str, pl.DataFrame], study: str, transcript: str, absent, present
) -> None:
    text = _text(batches, study, transcript)
    assert not [v for v in absent if v.casefold() in text.casefold()]
    assert all(p in text for p in present), text


@pytest.mark.parametrize(
    ("transcript", "found"), [("A2", True), ("A4", True), ("A6", True), ("A1", False)]
)
def test_a_mention_gets_its_parts_pseudonym_in_any_case(
    batches: dict[str, pl.DataFrame], transcript: str, found: bool
) -> None:
    assert (pseudonym(KEY, "PERSON", "Marisol") in _text(batches, "alpha", transcript)) is found


def test_audit_rows_follow_the_study_pass(consortium: ConsortiumConfig) -> None:
    batch = _run(consortium, consortium.studies[0], pool=False)
    a4 = batch.detections.filter(pl.col("transcript_id").str.ends_with(":A4"))
    assert a4.select("entity_type", "recognizer", "start_offset").rows() == [
        ("PERSON", "MentionRecognizer", 5)
    ]
    assert "marisol" not in " ".join(map(str, batch.detections.rows())).casefold()


def test_the_pass_over_a_batch_from_parts_equals_the_pass_over_the_whole(
    consortium: ConsortiumConfig,
) -> None:
    study = consortium.studies[0]
    sources, _ = discover_study(study, consortium, KEY)
    engine = Deidentifier(consortium.deid, KEY)
    parts = [
        deidentify_sources([s], study, engine, KEY, "run-1", config=consortium) for s in sources
    ]
    whole = deidentify_sources(sources, study, engine, KEY, "run-1", config=consortium)
    combined = combine(parts)
    assert not combined.utterances.equals(whole.utterances)  # each part saw only itself
    passed = with_study_mentions(combined, sources, study, consortium, KEY, "run-1")
    for name in ("transcripts", "utterances", "detections", "codings"):
        assert getattr(passed, name).equals(getattr(whole, name)), name
    assert passed.quarantined == whole.quarantined == []


def test_a_source_that_no_longer_matches_its_batch_is_quarantined(
    consortium: ConsortiumConfig,
) -> None:
    study = consortium.studies[0]
    sources, _ = discover_study(study, consortium, KEY)
    engine = Deidentifier(consortium.deid, KEY)
    batch = deidentify_sources(sources, study, engine, KEY, "run-1", config=consortium)
    # As if A2 had gained an utterance since its part was de-identified.
    a2 = pl.col("utterance_id").str.contains(":A2:")
    shrunk = dataclasses.replace(
        batch, utterances=batch.utterances.filter(~a2 | (pl.col("seq") > 0))
    )
    passed = with_study_mentions(shrunk, sources, study, consortium, KEY, "run-1")
    assert [(q.source, q.stage) for q in passed.quarantined] == [("A2.txt", "deidentify")]
    assert passed.transcripts.height == batch.transcripts.height - 1
    assert not passed.utterances["transcript_id"].str.ends_with(":A2").any()


@pytest.mark.parametrize("batch_size", [1, 2, 32])
def test_batches_queued_on_a_study_pool_give_the_in_process_frames(
    consortium: ConsortiumConfig, batch_size: int
) -> None:
    study = consortium.studies[0]
    sources, _ = discover_study(study, consortium, KEY)
    serial = deidentify_sources(
        sources, study, Deidentifier(consortium.deid, KEY), KEY, "run-1", config=consortium
    )
    progress: list[int] = []
    with ParallelDeidentifier(consortium.deid, KEY, n_process=2) as pool:
        queued = deidentify_sources(
            sources, study, pool.for_study({}, []), KEY, "run-1", batch_size, progress.append,
            consortium,
        )  # fmt: skip
    assert sum(progress) == len(sources)
    for name in ("transcripts", "utterances", "detections", "codings"):
        assert getattr(queued, name).equals(getattr(serial, name)), name
    assert queued.quarantined == serial.quarantined
