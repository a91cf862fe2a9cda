"""Canary: identifiers planted in every input format never appear in anything qualbridge writes.

A name said in full in one transcript and by first name in lower case in another is planted
too: the study-wide mentions pass must mask both.

The real pipeline flow runs on the mini consortium plus one transcript per supported format,
each carrying its own unique name, phone, NHS number, postcode, email and street. Then every
file under the output folder (warehouse, Parquet release, reports, GX results and Data Docs),
PREFECT_HOME (database, result storage, logs) and the run's temporary folder is decoded and
searched. Adding a format is one entry in FORMATS.
"""

from __future__ import annotations

import hashlib
import html
import json
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import duckdb
import polars as pl
import pytest
from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

from qualbridge.flows.pipeline import RunSummary, pipeline
from qualbridge.flows.release import release_run
from qualbridge.tasks.audit.signoff import approve
from qualbridge.tasks.warehouse.store import connect
from tests.conftest import FIXTURES, PREFECT_HOME, TEST_KEY
from tests.helpers.leaks import files_under, find_leaks
from tests.tasks.ingest.builders import docx_bytes

Turns = list[tuple[str, str]]


class Canary(NamedTuple):
    """One format's planted identifiers; every value is unique to this test."""

    name: str
    phone: str
    nhs: str
    postcode: str
    email: str
    street: str


def _txt(turns: Turns) -> bytes:
    return "".join(f"{who}: {text}\n" for who, text in turns).encode()


def _docx(turns: Turns) -> bytes:
    return docx_bytes([f"{who}: {text}" for who, text in turns])


def _cue_time(i: int, sep: str) -> str:
    return f"00:00:{2 * i:02d}{sep}000 --> 00:00:{2 * i + 1:02d}{sep}500"


def _vtt(turns: Turns) -> bytes:
    cues = [f"{_cue_time(i, '.')}\n<v {who}>{text}</v>\n" for i, (who, text) in enumerate(turns)]
    return ("WEBVTT\n\n" + "\n".join(cues)).encode()


def _srt(turns: Turns) -> bytes:
    cues = [f"{i + 1}\n{_cue_time(i, ',')}\n{who}: {text}\n" for i, (who, text) in enumerate(turns)]
    return "\n".join(cues).encode()


def _textgrid(turns: Turns) -> bytes:
    speakers = list(dict.fromkeys(who for who, _ in turns))
    end = 2.0 * len(turns)
    lines = ['File type = "ooTextFile"', 'Object class = "TextGrid"', "", "0", str(end)]
    lines += ["<exists>", str(len(speakers))]
    for speaker in speakers:
        intervals = [(2.0 * i, 2.0 * i + 2, t) for i, (w, t) in enumerate(turns) if w == speaker]
        lines += ['"IntervalTier"', f'"{speaker}"', "0", str(end), str(len(intervals))]
        for start, stop, text in intervals:
            lines += [str(start), str(stop), f'"{text}"']
    return ("\n".join(lines) + "\n").encode()


# suffix -> (writer, canary). NHS numbers carry valid check digits; phones are Ofcom drama numbers.
FORMATS: dict[str, tuple[Callable[[Turns], bytes], Canary]] = {
    ".txt": (
        _txt,
        Canary(
            "Zephyrine Quillfeather",
            "07700 900461",
            "943 476 5919",
            "HX7 8QT",
            "zephyrine.q@example.org",
            "14 Thistlecombe Lane",
        ),
    ),
    ".docx": (
        _docx,
        Canary(
            "Barnaby Wolstenholme",
            "07700 900582",
            "401 023 2137",
            "BD13 4RW",
            "barnaby.w@example.net",
            "27 Cragbottom Road",
        ),
    ),
    ".vtt": (
        _vtt,
        Canary(
            "Ottoline Fairweather",
            "07700 900613",
            "450 557 7104",
            "LS29 9FJ",
            "ottoline.f@example.com",
            "3 Moorcock Street",
        ),
    ),
    ".srt": (
        _srt,
        Canary(
            "Percival Blenkinsop",
            "07700 900734",
            "485 777 3457",
            "HD9 2XL",
            "percy.b@example.co.uk",
            "88 Windyridge Avenue",
        ),
    ),
    ".TextGrid": (
        _textgrid,
        Canary(
            "Clementine Oddfellow",
            "07700 900855",
            "973 621 5040",
            "OL14 6QP",
            "clem.o@example.org",
            "5 Heptonstall Close",
        ),
    ),
}


def turns_for(c: Canary) -> Turns:
    """An interview that puts every identifier of a canary in a participant's mouth."""
    first = c.name.split()[0]
    return [
        ("Interviewer", "Who was your peer support worker, and how did you keep in touch?"),
        ("Participant", f"My worker was {c.name}. {first} would ring me on {c.phone}."),
        ("Interviewer", "And by email as well?"),
        ("Participant", f"Yes, I'd email {c.email} when I was low."),
        ("Interviewer", "Where were you living then?"),
        ("Participant", f"At {c.street}, {c.postcode}. My NHS number is {c.nhs}."),
    ]


# Study-wide mentions: named in full in one transcript, by first name in lower case (which the
# engine passes over on its own) in another of the same study. A name of everyday words is
# masked wherever it is said as a name, in any case.
MENTIONED = "Ysolde Brackenridge"
WORD_NAME = "Sorrel Lapwing"
STUDY_WIDE = {
    "CN80": [("Interviewer", "Who made the difference?"),
             ("Participant", f"Her name was {MENTIONED}.")],
    "CN81": [("Interviewer", "Did anyone else help?"),
             ("Participant", f"Yes. {MENTIONED.split()[0].lower()} too."),
             ("Participant", f"{MENTIONED.split()[0].lower()} just got it, you know.")],
    "CN82": [("Interviewer", "Who was your worker?"),
             ("Participant", f"Her name was {WORD_NAME}, and honestly sorrel just got it."),
             ("Participant", "lapwing never rushed me. I told my mum SORREL was lovely.")],
}  # fmt: skip


def planted() -> set[str]:
    """Every planted value, each name part on its own, and the consortium key."""
    values = {TEST_KEY} | set(MENTIONED.split()) | set(WORD_NAME.split())
    for _, canary in FORMATS.values():
        values |= set(canary) | set(canary.name.split())
    return values


@pytest.fixture(scope="module")
def canary_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[RunSummary, Path, Path]:
    """The real pipeline on the mini fixture plus one canary transcript per format."""
    root = tmp_path_factory.mktemp("canary")
    shutil.copytree(FIXTURES / "mini", root, dirs_exist_ok=True)
    study = root / "studies" / "peer_support"
    with (study / "manifest.csv").open("a", encoding="utf-8") as manifest:
        for n, (suffix, (write, canary)) in enumerate(FORMATS.items(), start=70):
            name = f"transcripts/CN{n}{suffix}"
            (study / name).write_bytes(write(turns_for(canary)))
            manifest.write(f"CN{n},{name},P-CN{n},site_a,25-34,female\n")
        for transcript_id, turns in STUDY_WIDE.items():
            (study / f"transcripts/{transcript_id}.txt").write_bytes(_txt(turns))
            manifest.write(f"{transcript_id},transcripts/{transcript_id}.txt,"
                           f"P-{transcript_id},site_a,35-44,male\n")  # fmt: skip
    run_tmp = Path(tempfile.mkdtemp(prefix="qualbridge-canary-tmp-"))
    mp = pytest.MonkeyPatch()
    mp.setenv("QUALBRIDGE_KEY", TEST_KEY)
    mp.setenv("TMPDIR", str(run_tmp))
    mp.setattr(tempfile, "tempdir", str(run_tmp))
    try:
        with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
            summary = pipeline(str(root / "consortium.yaml"), str(root / "out"))
            _release(root, summary)
    finally:
        mp.undo()
    return summary, root, run_tmp


def _release(root: Path, summary: RunSummary) -> None:
    """Sign the run off and release it, so the release folder is searched as well."""
    config = root / "consortium.yaml"
    with connect(root / "out" / "warehouse.duckdb") as con:
        approve(con, summary.run_id, hashlib.sha256(config.read_bytes()).hexdigest(), "Steward")
    released = release_run(config, str(root / "out"), summary.run_id)
    assert released.released, released.blockers


def test_canary_run_released_every_format(canary_run) -> None:
    summary, _, _ = canary_run
    assert summary.gates_passed, summary.blockers
    assert summary.counts["quarantined"] == 0
    assert summary.counts["loaded"] == 6 + len(FORMATS) + len(STUDY_WIDE)


def test_a_name_found_in_one_transcript_is_masked_in_the_release_of_another(canary_run) -> None:
    _, root, _ = canary_run
    released = pl.read_parquet(root / "out" / "release" / "utterances.parquet")
    later = released.filter(pl.col("transcript_id").str.ends_with(":CN81"))["text"].to_list()
    assert len(later) == 3 and later[1].startswith("Yes. [PERSON-")
    text = " ".join(released["text"]).casefold()
    assert [part for part in MENTIONED.casefold().split() if part in text] == []


def test_data_docs_were_built(canary_run) -> None:
    summary, _, _ = canary_run
    docs = Path(summary.report).parent / "data_docs"
    assert (docs / "index.html").is_file()
    assert len(list(docs.glob("validations/**/*.html"))) >= 4


@pytest.mark.parametrize("where", ["output folder", "PREFECT_HOME", "run temp folder"])
def test_no_planted_identifier_is_written_anywhere(canary_run, where: str) -> None:
    _, root, run_tmp = canary_run
    folder = {"output folder": root / "out", "PREFECT_HOME": PREFECT_HOME}.get(where, run_tmp)
    if where != "run temp folder":
        assert files_under([folder]) > 0, f"nothing written under {where}"
    assert find_leaks([folder], planted()) == []


def _write_duckdb(path: Path, value: str) -> None:
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE t AS SELECT ? AS v", [value])


def _write_sqlite(path: Path, value: str) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (v BLOB)")
    con.execute("INSERT INTO t VALUES (?)", [value.encode()])
    con.commit()
    con.close()


@pytest.mark.parametrize(
    ("name", "write"),
    [
        ("w.duckdb", _write_duckdb),
        ("state.db", _write_sqlite),
        ("t.parquet", lambda p, v: pl.DataFrame({"v": [v]}).write_parquet(p, compression="zstd")),
        ("r.json", lambda p, v: p.write_text(json.dumps({"v": v}))),
        ("d.html", lambda p, v: p.write_text(html.escape(v).replace("a", "&#97;"))),
        ("log.txt", lambda p, v: p.write_text(v.upper())),
        ("n.txt", lambda p, v: p.write_text("NHS 9434765919")),
    ],
)
def test_search_finds_values_in_every_kind_of_file(tmp_path, name, write) -> None:
    write(tmp_path / name, "Zephyrine Quillfeather <943 476 5919>")
    assert find_leaks([tmp_path], ["Zephyrine Quillfeather", "943 476 5919"]) != []
