"""`qualbridge deid-text`: the JSONL contract of DESIGN.md, through the real command."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import TEST_KEY

GOOD = {"id": "a1", "text": "Hi, I'm Bethany from Brighouse, ring me on 07700 900123."}
SECRET = "Zebedee Quartermaine 07700 900999"
LINES = [
    json.dumps(GOOD).encode(),
    b'{"id": "bad-json", "text": "' + SECRET.encode() + b'"',
    json.dumps({"id": "no-text"}).encode(),
    b'{"id": "latin1", "text": "caf\xe9 ' + SECRET.encode() + b'"}',
    json.dumps({"id": 7, "text": ""}).encode(),
    json.dumps({"id": "two", "text": "My brother Jamie lives in Halifax."}).encode(),
]


@pytest.fixture(scope="module")
def output() -> tuple[list[dict], str]:
    """Run the command once on all lines; return the records and stderr."""
    proc = subprocess.run(
        [sys.executable, "-m", "qualbridge.cli", "deid-text"],
        input=b"\n".join(LINES) + b"\n",
        capture_output=True,
        env={"QUALBRIDGE_KEY": TEST_KEY, "PATH": "/usr/bin:/bin"},
        timeout=120,
        check=True,
    )
    return [json.loads(line) for line in proc.stdout.decode().splitlines()], proc.stderr.decode()


def test_one_output_record_per_input_line_in_order(output) -> None:
    records, _ = output
    assert [r["id"] for r in records] == ["a1", None, "no-text", None, 7, "two"]


def test_good_record_is_deidentified_with_offsets_into_the_original(output) -> None:
    record = output[0][0]
    assert set(record) == {"id", "text", "entities"}
    covered = {GOOD["text"][e["start"] : e["end"]]: e["entity_type"] for e in record["entities"]}
    assert covered == {
        "Bethany": "PERSON",
        "Brighouse": "LOCATION",
        "07700 900123": "PHONE_NUMBER",
    }
    for value in covered:
        assert value not in record["text"]
    assert all(0 < e["score"] <= 1 for e in record["entities"])


@pytest.mark.parametrize(
    ("index", "message"),
    [
        (1, "line 2: not valid JSON"),
        (2, "line 3: 'text' must be a string"),
        (3, "line 4: not valid UTF-8"),
    ],
)
def test_bad_lines_get_error_records_that_do_not_echo_text(output, index, message) -> None:
    records, stderr = output
    assert records[index]["error"] == message
    assert "Zebedee" not in json.dumps(records) and "Zebedee" not in stderr


def test_empty_text_is_valid_and_unchanged(output) -> None:
    assert output[0][4] == {"id": 7, "text": "", "entities": []}


STARTUP_PROBE = """
import sys
import qualbridge.cli.app
from qualbridge.schemas.config import DeidConfig
from qualbridge.tasks.deid import Deidentifier
Deidentifier(DeidConfig(), b"k" * 32).deidentify(["I met Maria Kowalska on Tuesday."])
print(" ".join(sorted(m for m in sys.argv[1:] if m in sys.modules)))
"""


@pytest.mark.parametrize(
    ("module", "loaded"),
    [("prefect", False), ("sklearn", False), ("polars", False), ("faker", False),
     ("duckdb", False), ("qualbridge.tasks.ingest", False), ("spacy", True),
     ("presidio_analyzer", True)],
)  # fmt: skip
def test_start_up_imports_only_what_the_engine_needs(module, loaded) -> None:
    """Prefect, scikit-learn, Polars, Faker and DuckDB cost seconds and deid-text needs none."""
    proc = subprocess.run(
        [sys.executable, "-c", STARTUP_PROBE, module],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert (proc.stdout.decode().split() == [module]) is loaded
