"""Tests that the process-pool de-identifier gives exactly the serial engine's output."""

from __future__ import annotations

import pytest

from qualbridge.schemas.config import DeidConfig
from qualbridge.tasks.deid.engine import Deidentifier, DeidResult
from qualbridge.tasks.deid.parallel import ParallelDeidentifier, StudyLists, deidentify_parallel

KEY = b"parallel-test-key-3d7a9e1f"
KNOWN = {"PERSON": ["Zebedee Quill"], "ORGANIZATION": ["Larkfield Ward"]}
ALLOW = ("Recovery College",)
# Transcripts of different lengths, so longest-first scheduling must still return input order.
TRANSCRIPTS = [
    ["Hi, thanks for coming in.", "Yeah, no problem."],
    [
        "I moved to Halifax with my sister, Bethany, in March 2019.",
        "You can ring me on 07700 900123 or email jo.bloggs@example.com.",
        "Zebedee Quill was my nurse on Larkfield Ward.",
        "I go to the Recovery College on Tuesdays.",
        "I'm 34 and I saw Dr Okafor last week.",
    ],
    [],
    ["My NHS number is 943 476 5919.", "I live near LS6 2QT now."],
    ["Okay."],
]


@pytest.fixture(scope="module")
def serial() -> list[list[DeidResult]]:
    engine = Deidentifier(DeidConfig(), KEY, known_identifiers=KNOWN, allow_list=ALLOW)
    return [engine.deidentify(texts) for texts in TRANSCRIPTS]


def test_serial_reference_finds_identifiers(serial: list[list[DeidResult]]) -> None:
    assert sum(len(r.detections) for results in serial for r in results) >= 8


@pytest.mark.parametrize("start_method", ["spawn", "forkserver"])
def test_pool_output_equals_serial_output(
    serial: list[list[DeidResult]], start_method: str
) -> None:
    with ParallelDeidentifier(DeidConfig(), KEY, KNOWN, ALLOW, 2, start_method) as pool:
        pool.warm_up(["Hello there."])
        assert pool.deidentify(TRANSCRIPTS) == serial
        assert pool.deidentify(TRANSCRIPTS[::-1]) == serial[::-1]


@pytest.mark.parametrize("reverse", [False, True])
def test_submitted_futures_come_back_in_input_order(
    serial: list[list[DeidResult]], reverse: bool
) -> None:
    transcripts, expected = (TRANSCRIPTS[::-1], serial[::-1]) if reverse else (TRANSCRIPTS, serial)
    with ParallelDeidentifier(DeidConfig(), KEY, KNOWN, ALLOW, 2) as pool:
        futures = pool.for_study(KNOWN, ALLOW).submit_transcripts(
            transcripts, [""] * len(transcripts)
        )
        assert [f.result() for f in futures] == expected


def test_participants_reach_the_workers() -> None:
    config = DeidConfig(actions={"DATE_TIME": "date_shift"})
    texts = [["It was on 12 March 2019."]] * 3
    participants = ["p1", "p2", "p3"]
    engine = Deidentifier(config, KEY)
    expected = [engine.deidentify(t, p) for t, p in zip(texts, participants, strict=True)]
    assert len({r[0].text for r in expected}) > 1  # the shift differs between participants

    with ParallelDeidentifier(config, KEY, n_process=2) as pool:
        assert pool.deidentify(texts, participants) == expected


def test_function_equals_serial_output(serial: list[list[DeidResult]]) -> None:
    result = deidentify_parallel(TRANSCRIPTS, DeidConfig(), KEY, KNOWN, ALLOW, n_process=2)

    assert result == serial


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"n_process": 0}, "n_process must be at least 1"),
        ({"start_method": "fork"}, "start_method must be"),
    ],
)
def test_bad_pool_settings_are_refused(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ParallelDeidentifier(DeidConfig(), KEY, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("known", "allow"),
    [
        (KNOWN, ALLOW),  # the lists the pool was built with
        ({"PERSON": ["Halifax Bethany"]}, ("Okafor",)),  # another study's lists
        ({}, ()),  # a study without lists
    ],
)
def test_a_shared_pool_serves_each_study_with_its_own_lists(
    known: dict[str, list[str]], allow: tuple[str, ...]
) -> None:
    engine = Deidentifier(DeidConfig(), KEY, known_identifiers=known, allow_list=allow)
    expected = [engine.deidentify(texts) for texts in TRANSCRIPTS]
    with ParallelDeidentifier(DeidConfig(), KEY, KNOWN, ALLOW, 2) as pool:
        view = pool.for_study(known, allow)
        assert view.deidentify_transcripts(TRANSCRIPTS, [""] * len(TRANSCRIPTS)) == expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (StudyLists({"PERSON": ["A"]}, ("x",)), StudyLists({"PERSON": ["A"]}, ("x",)), True),
        (StudyLists({"PERSON": ["A"]}, ("x",)), StudyLists({"PERSON": ["B"]}, ("x",)), False),
        (StudyLists({}, ("x",)), StudyLists({}, ("y",)), False),
        (StudyLists(), StudyLists({}, ()), True),
    ],
)
def test_study_lists_token_names_their_content(a: StudyLists, b: StudyLists, same: bool) -> None:
    assert (a.token == b.token) is same
