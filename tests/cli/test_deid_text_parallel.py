"""deid-text on worker processes: byte-identical to one process, and only for large input."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
import typer

from qualbridge.cli.deid_pool import (
    MAX_AUTO_PROCESSES,
    EngineSpec,
    available_cores,
    resolve_processes,
    run_parallel,
)
from qualbridge.cli.deid_text import (
    BLOCK_LINES,
    chosen_processes,
    parse_processes,
    run_deid_text,
    use_workers,
)
from qualbridge.schemas.config import DeidConfig
from tests.conftest import TEST_KEY

SECRET = "Zebedee Quartermaine"
TEXTS = [
    "Hi, I'm Bethany from Brighouse, ring me on 07700 900123.",
    "Bethany said her brother Jamie lives in Halifax.",
    "I saw Dr Okafor at Leeds General on 3 March.",
    "Yeah, it's been about two weeks now.",
    "My email is jamie.holt@example.com if that helps.",
    "",
]
BAD = [
    b'{"id": "bad-json", "text": "' + SECRET.encode() + b'"',
    b'{"id": "latin1", "text": "caf\xe9 ' + SECRET.encode() + b'"}',
    json.dumps({"id": "no-text"}).encode(),
]


def sample_lines(count: int) -> list[bytes]:
    """count lines: texts in turn (names repeat across lines), a bad or blank line now and then."""
    lines = []
    for i in range(count):
        if i % 37 == 5:
            lines.append(BAD[i % len(BAD)] + b"\n")
        elif i % 53 == 7:
            lines.append(b"\n")
        else:
            lines.append(json.dumps({"id": i, "text": TEXTS[i % len(TEXTS)]}).encode() + b"\n")
    return lines


@pytest.fixture(scope="module")
def spec() -> EngineSpec:
    """Default settings with the test key."""
    return EngineSpec(DeidConfig(), TEST_KEY.encode())


@pytest.fixture(scope="module")
def one_process(spec: EngineSpec) -> tuple[str, int]:
    """Output and error count of 300 lines in this process."""
    out = io.StringIO()
    errors = run_deid_text(sample_lines(300), out, spec.build())
    return out.getvalue(), errors


def test_workers_write_the_same_bytes_as_one_process(spec, one_process) -> None:
    out = io.StringIO()
    errors = run_parallel(sample_lines(300), out, spec, 2)
    assert out.getvalue() == one_process[0]
    assert errors == one_process[1] > 0


def test_output_has_one_record_per_non_blank_line_and_never_echoes_bad_text(one_process) -> None:
    records = [json.loads(line) for line in one_process[0].splitlines()]
    assert len(records) == sum(1 for line in sample_lines(300) if line.strip())
    assert SECRET.split()[0] not in one_process[0]
    assert sum("error" in r for r in records) == one_process[1]


@pytest.mark.parametrize(
    ("lines_read", "processes", "expected"),
    [
        (BLOCK_LINES + 1, 2, True),
        (BLOCK_LINES + 1, 8, True),
        (BLOCK_LINES, 2, False),  # one block: workers would cost more than they save
        (1, 2, False),
        (BLOCK_LINES + 1, 1, False),
    ],
)
def test_workers_only_for_input_longer_than_one_block(lines_read, processes, expected) -> None:
    assert use_workers(lines_read, processes) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, None), ("auto", "auto"), ("1", 1), ("3", 3), ("64", 64)],
)
def test_processes_option_accepts_a_count_or_auto(value, expected) -> None:
    assert parse_processes(value) == expected


@pytest.mark.parametrize("value", ["0", "65", "-1", "two", "", "2.5"])
def test_processes_option_rejects_anything_else(value) -> None:
    with pytest.raises(typer.Exit):
        parse_processes(value)


@pytest.mark.parametrize(
    ("choice", "expected"),
    [(1, 1), (3, 3), ("auto", max(1, min(available_cores(), MAX_AUTO_PROCESSES)))],
)
def test_auto_means_every_available_core_up_to_the_cap(choice, expected) -> None:
    assert resolve_processes(choice) == expected


@pytest.mark.parametrize(
    ("option", "configured", "expected"),
    [
        (None, 3, 3),  # no option: the config's deid.processes
        (None, 1, 1),
        (2, 1, 2),  # the option wins over the config
        (1, 3, 1),
        ("auto", 1, resolve_processes("auto")),
        (None, "auto", resolve_processes("auto")),
    ],
)
def test_option_wins_else_config_processes(option, configured, expected) -> None:
    assert chosen_processes(option, DeidConfig(processes=configured)) == expected


def run_command(lines: list[bytes], *options: str) -> subprocess.CompletedProcess[bytes]:
    """The real command on these lines."""
    return subprocess.run(
        [sys.executable, "-m", "qualbridge.cli", "deid-text", *options],
        input=b"".join(lines),
        capture_output=True,
        env={"QUALBRIDGE_KEY": TEST_KEY, "PATH": "/usr/bin:/bin"},
        timeout=600,
        check=False,
    )


def test_command_on_more_than_one_block_matches_one_process() -> None:
    lines = sample_lines(BLOCK_LINES + 50)
    parallel = run_command(lines, "--processes", "2")
    single = run_command(lines, "--processes", "1")
    assert parallel.returncode == single.returncode == 0
    assert parallel.stdout == single.stdout
    assert parallel.stderr == single.stderr
    assert SECRET.encode() not in parallel.stdout + parallel.stderr


@pytest.mark.parametrize("value", ["0", "many"])
def test_command_rejects_a_bad_processes_option_before_reading_input(value) -> None:
    proc = run_command(sample_lines(3), "--processes", value)
    assert proc.returncode != 0
    assert proc.stdout == b""
    assert b"--processes" in proc.stderr


@pytest.mark.parametrize("extra_thread", [False, True])
def test_single_threaded_sees_every_thread(extra_thread) -> None:
    """Workers are forked only from a one-thread process; a fresh interpreter is one."""
    probe = (
        "import threading, time\n"
        "from qualbridge.cli.deid_pool import single_threaded\n"
        f"if {extra_thread}: threading.Thread(target=time.sleep, args=(5,), daemon=True).start()\n"
        "print(single_threaded())\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, timeout=120, check=True
    )
    assert proc.stdout.decode().strip() == str(not extra_thread)
