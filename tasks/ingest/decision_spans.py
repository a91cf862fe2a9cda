"""Turn span decisions into terms by re-reading the source; runs inside de-identification only."""

from __future__ import annotations

from dataclasses import replace

from qualbridge.schemas.config import ConsortiumConfig, StudyConfig
from qualbridge.tasks.ingest.formats import SOURCE_ERRORS
from qualbridge.tasks.ingest.manifest import ManifestError, read_manifest
from qualbridge.tasks.ingest.source_files import listed_file_utterances
from qualbridge.tasks.shared.decisions import DecisionsError, NumberedDecision


def _split(utterance_id: str, study_id: str) -> tuple[str, int]:
    """('<study>:<transcript>:<seq>') -> (manifest transcript id, seq)."""
    parts = utterance_id.split(":")
    if len(parts) != 3 or parts[0] != study_id or not parts[2].isdigit():
        raise ValueError(f"utterance_id must look like {study_id}:<transcript>:<seq>")
    return parts[1], int(parts[2])


def resolve_spans(
    decisions: list[NumberedDecision], study: StudyConfig, config: ConsortiumConfig
) -> list[NumberedDecision]:
    """Decisions with each span's original text as its term; raise DecisionsError if unusable.

    Offsets point into the original utterance, as the audit shows them. A span's term is read
    from the current source file, so a transcript edited after the decision must be re-decided.
    """
    spans = [d for d in decisions if d.decision.utterance_id and not d.decision.term]
    if not spans:
        return decisions
    if study.manifest is None:
        raise DecisionsError(
            f"{study.study_id}: span decisions need a manifest; give the term instead"
        )
    manifest = config.resolve(study.manifest)
    try:
        rows = {row.transcript_id: row.file for row in read_manifest(manifest)[0]}
    except ManifestError as exc:
        raise DecisionsError(str(exc)) from None
    texts: dict[str, dict[int, str]] = {}
    resolved = []
    for item in decisions:
        d = item.decision
        if item not in spans:
            resolved.append(item)
            continue
        where = f"decisions row {item.line}"
        try:
            transcript, seq = _split(d.utterance_id or "", study.study_id)
            if transcript not in rows:
                raise ValueError(f"transcript {transcript} is not in the manifest")
            if transcript not in texts:
                parsed = listed_file_utterances(study, config, rows[transcript])
                texts[transcript] = {u.seq: u.text for u in parsed}
            text = texts[transcript].get(seq)
            if text is None or (d.end or 0) > len(text):
                raise ValueError("the span is outside the utterance; was the file edited?")
        except (*SOURCE_ERRORS, ValueError) as exc:
            raise DecisionsError(f"{where}: {exc}") from None
        term = text[d.start : d.end].strip()
        resolved.append(replace(item, decision=d.model_copy(update={"term": term})))
    return resolved
