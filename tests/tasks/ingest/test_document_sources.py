"""Tests of discovering transcripts inside utterance tables and REFI-QDA projects."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qualbridge.schemas.config import ConfigError, load_config
from qualbridge.tasks.ingest.reading import SourceError
from qualbridge.tasks.ingest.sources import discover_study, read_document
from tests.tasks.ingest.builders import SECRET, coded_qde, qdpx_bytes

KEY = b"test-key-for-document-sources-0123"
CODEBOOK = Path(__file__).parents[2] / "fixtures" / "mini" / "codebook.yaml"
CONFIG_YAML = """\
consortium: test-consortium
codebook: codebook.yaml
speaker_roles: [helper, client, other]
studies:
- study_id: alpha
  corpus: peer_support
  site: site_a
  manifest: manifest.csv
  speakers: {Helper: helper, Client: client}
  tables:
  - path: data/chats01.csv
    mapping: {conversation_id: conv, turn: n, speaker: who, text: text, labels: [act]}
  - path: data/broken.jsonl
    mapping: {conversation_id: conv, speaker: who, text: text}
  qdpx: [data/project.qdpx]
"""
CHATS = (
    "conv,n,who,text,act\n"
    "C01,1,Helper,How are you?,question\n"
    "C01,2,Client,Not bad.,\n"
    f"{SECRET},1,Client,Hello.,greeting\n"
)
MANIFEST = "transcript_id,file,participant_id,age_band\nC01,data/chats01.csv,P-01,25-34\n"
PROJECT_TEXT = "Helper: Welcome back.\nClient: Thanks.\n"


@pytest.fixture
def study(tmp_path: Path):
    """A manifest row for one table conversation, a table, a broken table and a project."""
    shutil.copy(CODEBOOK, tmp_path / "codebook.yaml")
    (tmp_path / "consortium.yaml").write_text(CONFIG_YAML, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(MANIFEST, encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    (data / "chats01.csv").write_text(CHATS, encoding="utf-8")
    (data / "broken.jsonl").write_text('{"conv": "C9", "who": "Helper"}\n', encoding="utf-8")
    project = coded_qde(
        [("G1", "S07.txt", "internal://G1.txt", [(8, 20, "K1", "U1")])], {"K1": "Welcome"}
    )
    (data / "project.qdpx").write_bytes(
        qdpx_bytes(project, [("sources/G1.txt", PROJECT_TEXT.encode())])
    )
    config = load_config(tmp_path / "consortium.yaml")
    return config.studies[0], config, data


def test_each_conversation_and_text_source_becomes_a_transcript(study) -> None:
    study_cfg, config, _ = study

    sources, quarantined = discover_study(study_cfg, config, KEY)

    by_id = {s.transcript_id: s for s in sources}
    assert set(by_id) == {"alpha:C01", "alpha:S07", *[i for i in by_id if "anon-" in i]}
    assert len(by_id) == 3
    c01 = by_id["alpha:C01"]
    assert (c01.kind, c01.part, c01.source) == ("table", "C01", "data/chats01.csv")
    assert (c01.participant_id, c01.attributes) == ("P-01", {"age_band": "25-34"})
    assert by_id["alpha:S07"].kind == "qdpx"
    assert len({s.content_hash for s in sources if s.kind == "table"}) == 1
    assert SECRET not in repr(sources)
    [record] = quarantined
    assert (record.source, record.stage) == ("data/broken.jsonl", "ingest")
    assert "column 'text' is missing" in record.reason


def test_read_document_gives_the_transcript_and_its_codings(study) -> None:
    study_cfg, config, _ = study
    sources, _ = discover_study(study_cfg, config, KEY)
    c01 = next(s for s in sources if s.part == "C01")

    document = read_document(c01, study_cfg, config, KEY)

    assert [u.text for u in document.utterances] == ["How are you?", "Not bad."]
    assert [(a.seq, a.code) for a in document.annotations] == [(0, "question")]


def test_read_document_refuses_a_table_changed_after_discovery(study) -> None:
    study_cfg, config, data = study
    sources, _ = discover_study(study_cfg, config, KEY)
    (data / "chats01.csv").write_text(CHATS.replace("Not bad", "Good"), encoding="utf-8")

    with pytest.raises(SourceError, match="changed during the run"):
        read_document(sources[0], study_cfg, config, KEY)


def test_a_conversation_id_taken_by_another_source_quarantines_the_file(study) -> None:
    study_cfg, config, data = study
    (data / "chats01.csv").write_text(CHATS.replace("C01", "S07"), encoding="utf-8")
    # The project comes after the tables, so it is the one whose id is already taken.
    sources, quarantined = discover_study(study_cfg, config, KEY)

    assert all(s.kind == "table" for s in sources)
    reasons = {q.source: q.reason for q in quarantined}
    assert "alpha:S07 already comes from another source" in reasons["data/project.qdpx"]


def test_a_study_may_have_no_manifest(study, tmp_path: Path) -> None:
    text = CONFIG_YAML.replace("  manifest: manifest.csv\n", "")
    (tmp_path / "consortium.yaml").write_text(text, encoding="utf-8")
    config = load_config(tmp_path / "consortium.yaml")

    sources, _ = discover_study(config.studies[0], config, KEY)

    c01 = next(s for s in sources if s.part == "C01")
    assert (c01.participant_id, c01.attributes) == ("C01", {})


def test_a_study_needs_some_source(tmp_path: Path) -> None:
    shutil.copy(CODEBOOK, tmp_path / "codebook.yaml")
    text = CONFIG_YAML.split("  manifest:")[0] + "  speakers: {A: a}\n"
    (tmp_path / "consortium.yaml").write_text(text, encoding="utf-8")

    with pytest.raises(ConfigError, match="a study needs a manifest, tables or qdpx projects"):
        load_config(tmp_path / "consortium.yaml")
