"""End to end: a study made only of an utterance table and a REFI-QDA project, run three times."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

from qualbridge.flows.pipeline import RunSummary, pipeline
from tests.conftest import FIXTURES, PREFECT_HOME, TEST_KEY
from tests.helpers.leaks import files_under, find_leaks
from tests.tasks.ingest.builders import coded_qde, qdpx_bytes

WORKER = "Zebedee Quartermaine"
CLIENT = "Philippa Vanstone-Ashdown"
CODER_NAME = "Dr Imogen Coderly"
PHONE = "07700 900777"
PLANTED = [WORKER, CLIENT, CODER_NAME, PHONE, TEST_KEY]
CONFIG = """\
consortium: sources-test
codebook: codebook.yaml
studies:
- study_id: chats
  corpus: peer_support
  site: site_a
  speakers: {Worker: peer_worker, Client: client}
  deny_list: known.txt
  crosswalk: crosswalk.yaml
  tables:
  - path: data/chats.csv
    mapping: {conversation_id: conv, turn: n, speaker: who, text: text, labels: [act]}
  - path: data/broken.csv
    mapping: {conversation_id: conv, turn: n, speaker: who, text: text}
  qdpx: [data/project.qdpx]
stats:
  bootstrap_resamples: 100
"""
CHATS = (
    "conv,n,who,text,act\n"
    "C01,1,Worker,How have you been since we spoke?,question\n"
    f"C01,2,Client,Better. {WORKER} rang me on {PHONE}.,disclosure\n"
    f"{CLIENT},1,Worker,I've been there myself you know.,self_disclosure\n"
    f"{CLIENT},2,Client,That helps.,\n"
)
# The project's codes map onto consortium themes; two of the table's codes stay unmapped.
CROSSWALK = """\
version: "1"
codes:
  Shared identity: shared_identity
  Being heard: being_understood
  disclosure: helper_self_disclosure
"""
BROKEN = "conv,n,who,text\nC05,1,Worker,Hello.\nC05,1,Client,Hi.\n"
SOURCE = (
    "Worker: Welcome back. I've been there myself.\r\n"
    f"Client: {WORKER} said the same, and she listened.\r\n"
)


def _select(words: str, code: str) -> tuple[int, int, str, str]:
    return SOURCE.index(words), SOURCE.index(words) + len(words), code, "U1"


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[RunSummary]]:
    """Run twice, then change the table (a conversation disappears) and run again."""
    root = tmp_path_factory.mktemp("sources")
    shutil.copy(FIXTURES / "mini" / "codebook.yaml", root / "codebook.yaml")
    (root / "consortium.yaml").write_text(CONFIG, encoding="utf-8")
    (root / "crosswalk.yaml").write_text(CROSSWALK, encoding="utf-8")
    (root / "known.txt").write_text(f"PERSON: {WORKER}\nPERSON: {CLIENT}\n", encoding="utf-8")
    data = root / "data"
    data.mkdir()
    (data / "chats.csv").write_text(CHATS, encoding="utf-8")
    (data / "broken.csv").write_text(BROKEN, encoding="utf-8")
    project = coded_qde(
        [
            (
                "G1",
                f"Interview with {CLIENT}.txt",
                "internal://G1.txt",
                [
                    _select(f"{WORKER} said the same", "Shared identity"),
                    _select("listened", "Heard"),
                ],
            )
        ],
        {"Shared identity": "Shared identity", "Heard": "Being heard"},
        {"U1": CODER_NAME},
    )
    (data / "project.qdpx").write_bytes(qdpx_bytes(project, [("sources/G1.txt", SOURCE.encode())]))
    summaries = []
    mp = pytest.MonkeyPatch()
    mp.setenv("QUALBRIDGE_KEY", TEST_KEY)
    try:
        with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
            for run in range(4):
                if run == 2:
                    kept = [line for line in CHATS.splitlines() if CLIENT not in line]
                    (data / "chats.csv").write_text("\n".join(kept) + "\n", encoding="utf-8")
                if run == 3:  # only the crosswalk changes: imported codings are mapped anew
                    (root / "crosswalk.yaml").write_text(
                        CROSSWALK.replace("being_understood", "disclosure_process"),
                        encoding="utf-8",
                    )
                summaries.append(pipeline(str(root / "consortium.yaml"), str(root / "out")))
    finally:
        mp.undo()
    return root, summaries


def _query(root: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(root / "out" / "warehouse.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_counts_reconcile_in_files_on_every_run(runs) -> None:
    _, summaries = runs

    assert [s.counts for s in summaries] == [
        {"seen": 3, "loaded": 2, "unchanged": 0, "quarantined": 1},
        {"seen": 3, "loaded": 0, "unchanged": 2, "quarantined": 1},
        # One changed table: the study loads whole (what one transcript found is masked in all).
        {"seen": 3, "loaded": 2, "unchanged": 0, "quarantined": 1},
        # A changed crosswalk reloads the table and the project, the files with imported codings.
        {"seen": 3, "loaded": 2, "unchanged": 0, "quarantined": 1},
    ]
    assert all(s.gates_passed for s in summaries)


def test_the_broken_table_is_quarantined_with_its_reason(runs) -> None:
    root, summaries = runs

    rows = _query(
        root,
        "SELECT source, stage, reason FROM quarantine "
        f"WHERE run_id = '{summaries[0].run_id}' AND stage = 'ingest'",
    )
    assert rows == [
        ("data/broken.csv", "ingest", "row 2: turn number repeats within its conversation")
    ]


def test_codes_the_crosswalk_does_not_map_are_quarantined_not_dropped(runs) -> None:
    root, summaries = runs

    rows = _query(
        root,
        "SELECT study_id, source, reason FROM quarantine "
        f"WHERE run_id = '{summaries[0].run_id}' AND stage = 'code'",
    )
    assert sorted((study, source) for study, source, _ in rows) == [
        ("chats", "code:question"),
        ("chats", "code:self_disclosure"),
    ]
    assert "does not map it" in rows[0][2]


def test_each_conversation_and_source_is_a_transcript_and_vanished_ones_go(runs) -> None:
    root, _ = runs

    ids = [r[0] for r in _query(root, "SELECT transcript_id FROM transcripts ORDER BY 1")]
    assert len(ids) == 2 and "chats:C01" in ids
    [project_id] = [i for i in ids if i != "chats:C01"]
    assert project_id.startswith("chats:anon-")
    assert _query(root, "SELECT count(*) FROM utterances WHERE transcript_id NOT IN "
                  "(SELECT transcript_id FROM transcripts)") == [(0,)]  # fmt: skip


def test_imported_codings_are_loaded_once_beside_rule_codings(runs) -> None:
    root, _ = runs

    rows = _query(
        root,
        "SELECT c.origin, c.theme_id, c.coder, c.matched_rule, "
        "substr(u.text, c.start_offset + 1, c.end_offset - c.start_offset) "
        "FROM codings c JOIN utterances u USING (utterance_id) "
        "WHERE c.origin <> 'rules' ORDER BY 1, 2",
    )
    by_theme = {theme: (origin, coder, rule, words) for origin, theme, coder, rule, words in rows}
    # Mapped through the (last) crosswalk onto consortium themes; the matched rule keeps the
    # study code, and no coding keeps the mapping of the crosswalk before.
    assert set(by_theme) == {"helper_self_disclosure", "shared_identity", "disclosure_process"}
    assert by_theme["helper_self_disclosure"][:3] == ("table", "table:act", "code:disclosure")
    origin, coder, rule, words = by_theme["shared_identity"]
    assert (origin, rule) == ("qdpx", "code:Shared identity") and coder.startswith("coder-")
    assert words.startswith("[PERSON-") and words.endswith("] said the same")
    assert by_theme["disclosure_process"][3] == "listened"
    assert _query(root, "SELECT count(*) FROM codings WHERE origin = 'rules'")[0][0] > 0


@pytest.mark.parametrize("where", ["output folder", "PREFECT_HOME"])
def test_no_planted_identifier_is_written_anywhere(runs, where: str) -> None:
    root, _ = runs
    folder = root / "out" if where == "output folder" else PREFECT_HOME

    assert files_under([folder]) > 0
    assert find_leaks([folder], PLANTED) == []
