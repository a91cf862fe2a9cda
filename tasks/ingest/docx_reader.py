"""Read Word (.docx) transcripts: labelled paragraphs, or a table of speaker and text columns."""

from __future__ import annotations

import io
import re
from collections.abc import Collection, Iterator
from typing import Literal

import docx
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from qualbridge.tasks.ingest.limits import DEFAULT_LIMITS, IngestLimits
from qualbridge.tasks.ingest.plain_text import parse_lines
from qualbridge.tasks.ingest.timestamps import parse_clock
from qualbridge.tasks.ingest.turns import ParseError, Turn
from qualbridge.tasks.ingest.zip_guard import open_archive

Layout = Literal["auto", "paragraphs", "table"]

_HEADER_WORDS = frozenset(
    "time timestamp timecode code start end speaker speakers name who role label "
    "text utterance transcript transcription content speech dialogue what was said".split()
)
_WORD = re.compile(r"[^\W\d_]+")
_TIME_CELL = re.compile(r"^[\[(]?\s*((?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)\s*[\])]?")


def _cell_texts(row_cells: list[str]) -> list[str]:
    return [" ".join(cell.split()) for cell in row_cells]


def _is_header(cells: list[str]) -> bool:
    """Every non-empty cell is made of header words only: "Speaker", "Transcript text"."""
    words = [_WORD.findall(cell.casefold()) for cell in cells if cell.strip()]
    return bool(words) and all(w and set(w) <= _HEADER_WORDS for w in words)


def _is_transcript_table(table: Table) -> bool:
    return len(table.columns) in (2, 3) and len(table.rows) > 0


def _time(cell: str, where: str) -> float | None:
    if not cell:
        return None
    match = _TIME_CELL.match(cell)
    try:
        if not match:
            raise ValueError("not a clock time")
        return parse_clock(match.group(1))
    except ValueError:
        raise ParseError(f"{where}: time cell is not a clock time such as 00:01:23") from None


def _table_turns(tables: list[tuple[int, Table]], limits: IngestLimits) -> list[Turn]:
    turns: list[Turn] = []
    for table_no, table in tables:
        width = len(table.columns)
        for row_no, row in enumerate(table.rows, start=1):
            where = f"table {table_no}, row {row_no}"
            cells = _cell_texts([cell.text for cell in row.cells])
            if len(cells) != width:
                raise ParseError(f"{where}: has {len(cells)} cells, the table has {width} columns")
            if row_no == 1 and _is_header(cells):
                continue
            if any(len(cell) > limits.max_line_chars for cell in cells):
                raise ParseError(
                    f"{where}: cell longer than the limit of {limits.max_line_chars} characters"
                )
            start = _time(cells[0], where) if len(cells) == 3 else None
            speaker, text = cells[-2].rstrip(":").strip(), cells[-1]
            if not text:
                continue
            if speaker:
                turns.append(Turn(speaker, text, start))
            elif turns:
                last = turns[-1]
                turns[-1] = Turn(last.speaker, f"{last.text} {text}", last.start_s)
            else:
                raise ParseError(f"{where}: text before the first speaker")
    if not turns:
        raise ParseError("no speaker turns found in the tables")
    return turns


def _paragraph_lines(paragraphs: list[Paragraph]) -> Iterator[tuple[str, str]]:
    for number, paragraph in enumerate(paragraphs, start=1):
        # Soft line breaks come back as "\n" and stay within their paragraph's number.
        for line in paragraph.text.split("\n"):
            yield f"paragraph {number}", line


def _turns(
    document: Document,
    known_labels: Collection[str] | None,
    layout: Layout,
    limits: IngestLimits,
) -> list[Turn]:
    blocks = list(document.iter_inner_content())
    tables = [(n, t) for n, t in enumerate((b for b in blocks if isinstance(b, Table)), start=1)]
    transcript_tables = [(n, t) for n, t in tables if _is_transcript_table(t)]
    # "auto": tables win, since the paragraphs around a transcript table are front matter.
    if layout == "table" or (layout == "auto" and transcript_tables):
        if not transcript_tables:
            raise ParseError("no table with 2 or 3 columns (time, speaker, text)")
        return _table_turns(transcript_tables, limits)
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    return parse_lines(_paragraph_lines(paragraphs), known_labels, limits=limits)


def parse_docx(
    data: bytes,
    known_labels: Collection[str] | None = None,
    *,
    layout: Layout = "auto",
    limits: IngestLimits = DEFAULT_LIMITS,
) -> list[Turn]:
    """Turns of a .docx held in memory, from its transcript tables or else its paragraphs."""
    # python-docx reads the zip itself, so the archive is vetted first: zipfile never
    # inflates a member past its declared size, which open_archive has bounded.
    open_archive(data, ".docx", limits).close()
    try:
        document = docx.Document(io.BytesIO(data))
        return _turns(document, known_labels, layout, limits)
    except ParseError:
        raise
    except Exception as exc:  # any failure of python-docx on hostile input means "unreadable"
        raise ParseError(f"not a readable .docx ({type(exc).__name__})") from None


def file_turns(
    data: bytes, known_labels: Collection[str] | None, limits: IngestLimits = DEFAULT_LIMITS
) -> list[Turn]:
    """Turns of a .docx file's bytes, as the format registry calls parsers."""
    return parse_docx(data, known_labels, limits=limits)
