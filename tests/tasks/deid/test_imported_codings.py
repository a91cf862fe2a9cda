"""Imported codings go through de-identification with their words: the real engine, real files."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest

from qualbridge.schemas.config import load_config
from qualbridge.tasks.deid.engine import Deidentifier
from qualbridge.tasks.deid.transcripts import DeidentifiedBatch, deidentify_sources
from qualbridge.tasks.ingest.sources import discover_study
from tests.tasks.ingest.builders import coded_qde, qdpx_bytes

KEY = b"test-key-for-imported-codings-0123"
NAME = "Zebedee Quillfeather"
CODEBOOK = Path(__file__).parents[2] / "fixtures" / "mini" / "codebook.yaml"
CONFIG_YAML = """\
consortium: test-consortium
codebook: codebook.yaml
speaker_roles: [helper, client, other]
studies:
- study_id: alpha
  corpus: peer_support
  site: site_a
  speakers: {Helper: helper, Client: client}
  tables:
  - path: chats.jsonl
    mapping: {conversation_id: conv, speaker: who, text: text, labels: [act]}
  qdpx: [project.qdpx]
"""
TEXT = (
    "Helper: How was the week?\r\n"
    f"Client: 🙂 My worker {NAME} rang me 🇬🇧.\r\n"
    f"I told {NAME} everything.\r\n"
)
# (words selected in TEXT, code) -> words the coding covers in the de-identified utterance,
# with {P} standing for the name's pseudonym.
SELECTIONS = {
    ("🙂 My worker ", "Touch"): "🙂 My worker ",
    (f"🙂 My worker {NAME} rang", "Contain"): "🙂 My worker {P} rang",
    ("worker Zebedee", "Straddle"): "worker {P}",
    ("Quillfeather rang", "Straddle end"): "{P} rang",
    ("me 🇬🇧.\r\nI told", "Across lines"): "me 🇬🇧. I told",
}


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> DeidentifiedBatch:
    """A project with coded selections around a name, and a table with a label column."""
    root = tmp_path_factory.mktemp("imported")
    shutil.copy(CODEBOOK, root / "codebook.yaml")
    (root / "consortium.yaml").write_text(CONFIG_YAML, encoding="utf-8")
    codes = {f"K{i}": code for i, (_, code) in enumerate(SELECTIONS)}
    selections = [
        (TEXT.index(words), TEXT.index(words) + len(words), f"K{i}", "U1")
        for i, (words, _) in enumerate(SELECTIONS)
    ]
    project = coded_qde([("G1", "S01.txt", "internal://G1.txt", selections)], codes)
    (root / "project.qdpx").write_bytes(qdpx_bytes(project, [("sources/G1.txt", TEXT.encode())]))
    (root / "chats.jsonl").write_text(
        '{"conv": "C1", "who": "Client", "text": "Ask ' + NAME + '.", "act": "Request"}\n',
        encoding="utf-8",
    )
    config = load_config(root / "consortium.yaml")
    study = config.studies[0]
    sources, quarantined = discover_study(study, config, KEY)
    assert quarantined == []
    engine = Deidentifier(config.deid, KEY, known_identifiers={"PERSON": [NAME]})
    return deidentify_sources(sources, study, engine, KEY, "run-1", config=config)


def _covered(batch: DeidentifiedBatch) -> dict[str, str]:
    texts = dict(batch.utterances.select("utterance_id", "text").iter_rows())
    return {
        rule.removeprefix("code:"): texts[uid][start:end]
        for uid, rule, start, end in batch.codings.select(
            "utterance_id", "matched_rule", "start_offset", "end_offset"
        ).iter_rows()
    }


def test_codings_cover_the_same_words_in_the_deidentified_text(batch) -> None:
    replaced = batch.utterances.join(batch.detections, on="utterance_id")
    [pseudonym] = {
        text[start:end]
        for text, start, end in replaced.select("text", "out_start", "out_end").iter_rows()
        if text.startswith("🙂 My worker")
    }
    covered = _covered(batch)

    for (_, code), expected in SELECTIONS.items():
        assert covered[code] == expected.replace("{P}", pseudonym), code


def test_label_columns_code_the_whole_utterance(batch) -> None:
    row = batch.codings.filter(pl.col("origin") == "table").row(0, named=True)
    text = batch.utterances.filter(pl.col("utterance_id") == row["utterance_id"])["text"][0]

    assert (row["theme_id"], row["coder"], row["matched_rule"]) == (
        "request", "table:act", "code:Request"
    )  # fmt: skip
    assert (row["start_offset"], row["end_offset"]) == (0, len(text))


def test_project_codings_name_the_study_code_and_a_keyed_coder(batch) -> None:
    project = batch.codings.filter(pl.col("origin") == "qdpx")

    assert set(project["theme_id"]) == {
        "touch",
        "contain",
        "straddle",
        "straddle_end",
        "across_lines",
    }
    [coder] = set(project["coder"])
    assert coder.startswith("coder-") and coder != "coder-unknown"


def test_no_frame_holds_the_name(batch) -> None:
    for frame in (batch.transcripts, batch.utterances, batch.detections, batch.codings):
        assert NAME.split()[0] not in str(frame.rows())


def test_a_table_failing_part_way_loads_none_of_its_conversations(tmp_path: Path) -> None:
    shutil.copy(CODEBOOK, tmp_path / "codebook.yaml")
    # The study's table entry twice: chats.jsonl and other.jsonl, no project.
    config_yaml = CONFIG_YAML.split("  qdpx:")[0] + CONFIG_YAML.split("  tables:\n")[1].split(
        "  qdpx:"
    )[0].replace("chats.jsonl", "other.jsonl")
    (tmp_path / "consortium.yaml").write_text(config_yaml, encoding="utf-8")
    for name, prefix in (("chats.jsonl", "C"), ("other.jsonl", "D")):
        rows = [
            f'{{"conv": "{prefix}{i}", "who": "Client", "text": "Fine.", "act": "a"}}'
            for i in (1, 2)
        ]
        (tmp_path / name).write_text("\n".join(rows) + "\n", encoding="utf-8")
    config = load_config(tmp_path / "consortium.yaml")
    study = config.studies[0]
    found = {s.part: s for s in discover_study(study, config, KEY)[0]}
    # C2 comes after another file's conversation, so its table is read again (and checked).
    sources = [found["C1"], found["D1"], found["C2"], found["D2"]]

    class ChangeAfterFirstBatch(Deidentifier):
        """Edits one table once the first batch has been de-identified."""

        def deidentify_transcripts(self, texts, participants):  # type: ignore[no-untyped-def]
            (tmp_path / "chats.jsonl").write_text("changed\n", encoding="utf-8")
            return super().deidentify_transcripts(texts, participants)

    engine = ChangeAfterFirstBatch(config.deid, KEY)
    batch = deidentify_sources(sources, study, engine, KEY, "run-1", batch_size=2, config=config)

    assert batch.transcripts["transcript_id"].to_list() == ["alpha:D1", "alpha:D2"]
    assert set(batch.codings["transcript_id"]) == {"alpha:D1", "alpha:D2"}
    assert [(q.source, q.stage) for q in batch.quarantined] == [("chats.jsonl", "deidentify")]
    assert "changed during the run" in batch.quarantined[0].reason
