"""Build .docx, zip and .qdpx test inputs in memory, so no binary fixtures are committed."""

from __future__ import annotations

import io
import struct
import warnings
import zipfile
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape, quoteattr

import docx

# Planted in malformed inputs: no error message may ever contain it.
SECRET = "Zebedee Quillfeather-Okonkwo"
QDE_NAMESPACE = "urn:QDA-XML:project:1.0"


def docx_bytes(
    paragraphs: Iterable[str] = (), tables: Sequence[Sequence[Sequence[str]]] = ()
) -> bytes:
    """A .docx with the given paragraphs, then the given tables (rows of cell texts)."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    for rows in tables:
        table = document.add_table(rows=0, cols=len(rows[0]))
        for row in rows:
            for cell, value in zip(table.add_row().cells, row, strict=True):
                cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_with_soft_break(before: str, after: str) -> bytes:
    """A .docx of one paragraph with a line break (Shift+Enter) inside it."""
    document = docx.Document()
    paragraph = document.add_paragraph(before)
    paragraph.add_run().add_break()
    paragraph.add_run(after)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_with_short_row(first: Sequence[str], second_row_text: str) -> bytes:
    """A .docx whose 2-column table has a second row of only one cell."""
    document = docx.Document()
    table = document.add_table(rows=2, cols=len(first))
    for cell, value in zip(table.rows[0].cells, first, strict=True):
        cell.text = value
    row = table.rows[1]._tr
    row.remove(row.tc_lst[0])
    table.rows[1].cells[0].text = second_row_text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def zip_bytes(members: Iterable[tuple[str, bytes]]) -> bytes:
    """A deflated zip of (name, data) members, names kept exactly as given."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are built on purpose
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in members:
                archive.writestr(zipfile.ZipInfo(name), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def replace_member(data: bytes, name: str, new: bytes) -> bytes:
    """The same zip with one member's content replaced (others copied as they are)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = [(i.filename, archive.read(i)) for i in archive.infolist()]
    return zip_bytes((n, new if n == name else d) for n, d in members)


def understate_sizes(data: bytes, declared: int) -> bytes:
    """A zip whose headers claim every member unpacks to `declared` bytes (a lying bomb)."""
    patched = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = patched.find(signature)
        while start != -1:
            struct.pack_into("<I", patched, start + offset, declared)
            start = patched.find(signature, start + 4)
    return bytes(patched)


def text_source(
    guid: str,
    name: str,
    *,
    content: str | None = None,
    path: str | None = None,
) -> str:
    """A <TextSource> element with inline content or a plainTextPath."""
    attributes = f"guid={quoteattr(guid)} name={quoteattr(name)}"
    if path is not None:
        attributes += f" plainTextPath={quoteattr(path)}"
    inner = f"<PlainTextContent>{escape(content)}</PlainTextContent>" if content else ""
    return f"<TextSource {attributes}>{inner}</TextSource>"


def qde(*sources: str, namespace: str | None = QDE_NAMESPACE, prolog: str = "") -> bytes:
    """A project.qde document with the given TextSource elements."""
    xmlns = f' xmlns="{namespace}"' if namespace else ""
    body = f'<Project name="study"{xmlns}><Sources>{"".join(sources)}</Sources></Project>'
    return f'<?xml version="1.0" encoding="utf-8"?>\n{prolog}{body}'.encode()


def qdpx_bytes(project: bytes | None, members: Iterable[tuple[str, bytes]] = ()) -> bytes:
    """A .qdpx zip: project.qde (unless None) and any other members."""
    head = [("project.qde", project)] if project is not None else []
    return zip_bytes([*head, *members])


def xxe_qde(target: str = "file:///etc/hostname") -> bytes:
    """A project.qde whose text source pulls in a local file through an external entity."""
    prolog = f'<!DOCTYPE Project [<!ENTITY xxe SYSTEM "{target}">]>\n'
    source = (
        '<TextSource guid="g1" name="n"><PlainTextContent>&xxe;</PlainTextContent></TextSource>'
    )
    return qde(source, prolog=prolog)


def billion_laughs_qde(levels: int = 9) -> bytes:
    """A project.qde whose one entity would expand to 10**levels copies of 'lol'."""
    entities = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels + 1))
    prolog = f'<!DOCTYPE Project [<!ENTITY lol0 "lol">{entities}]>\n'
    source = (
        f'<TextSource guid="g1" name="n"><PlainTextContent>&lol{levels};</PlainTextContent>'
        "</TextSource>"
    )
    return qde(source, prolog=prolog)


def coded_qde(
    sources: Iterable[tuple[str, str, str, Iterable[tuple[int, int, str, str]]]],
    codes: dict[str, str],
    users: dict[str, str] | None = None,
    origin: str = "QualCoder 3.6",
) -> bytes:
    """A project.qde with a codebook, users and, per source (guid, name, plainTextPath,
    selections), coded PlainTextSelections (start, end, code guid, user guid)."""
    code_xml = "".join(
        f"<Code guid={quoteattr(g)} name={quoteattr(n)} isCodable='true'/>"
        for g, n in codes.items()
    )
    user_xml = "".join(
        f"<User guid={quoteattr(g)} name={quoteattr(n)}/>" for g, n in (users or {}).items()
    )
    source_xml = ""
    for guid, name, path, selections in sources:
        inner = "".join(
            f"<PlainTextSelection guid='s{i}' name='s' startPosition='{start}' "
            f"endPosition='{end}' creatingUser={quoteattr(user)}>"
            f"<Coding guid='c{i}' creatingUser={quoteattr(user)}>"
            f"<CodeRef targetGUID={quoteattr(code)}/></Coding></PlainTextSelection>"
            for i, (start, end, code, user) in enumerate(selections)
        )
        source_xml += (
            f"<TextSource guid={quoteattr(guid)} name={quoteattr(name)} "
            f"plainTextPath={quoteattr(path)}>{inner}</TextSource>"
        )
    body = (
        f'<Project name="study" origin={quoteattr(origin)} xmlns="{QDE_NAMESPACE}">'
        f"<Users>{user_xml}</Users>"
        f"<CodeBook><Codes>{code_xml}</Codes></CodeBook><Sources>{source_xml}</Sources></Project>"
    )
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}'.encode()
