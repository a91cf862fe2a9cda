"""Polars schemas of the frames that move between stages (all de-identified)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TypeAlias

import polars as pl

# A frame's columns and their Polars types (classes such as pl.String, or instances).
FrameSchema: TypeAlias = Mapping[str, pl.DataType | type[pl.DataType]]

TRANSCRIPTS: FrameSchema = {
    "transcript_id": pl.String,
    "study_id": pl.String,
    "participant_id": pl.String,
    "source": pl.String,
    "content_hash": pl.String,
    "attributes": pl.String,
    "n_utterances": pl.Int32,
    "n_words": pl.Int32,
    "loaded_run_id": pl.String,
}

UTTERANCES: FrameSchema = {
    "utterance_id": pl.String,
    "transcript_id": pl.String,
    "study_id": pl.String,
    "seq": pl.Int32,
    "speaker_role": pl.String,
    "text": pl.String,
    "n_words": pl.Int32,
}

DETECTIONS: FrameSchema = {
    "utterance_id": pl.String,
    "transcript_id": pl.String,
    "start_offset": pl.Int32,
    "end_offset": pl.Int32,
    "out_start": pl.Int32,
    "out_end": pl.Int32,
    "entity_type": pl.String,
    "recognizer": pl.String,
    "score": pl.Float64,
    "action": pl.String,
    "value_digest": pl.String,
}

CODINGS: FrameSchema = {
    "utterance_id": pl.String,
    "transcript_id": pl.String,
    "theme_id": pl.String,
    "coder": pl.String,
    "matched_rule": pl.String,
    "start_offset": pl.Int32,
    "end_offset": pl.Int32,
    "origin": pl.String,
}

# Codings made by a learned model with the classifier's probability (stored in autocode_scores).
MODEL_CODINGS: FrameSchema = {**CODINGS, "score": pl.Float64}

CROSSWALKS: FrameSchema = {
    "study_id": pl.String,
    "study_code": pl.String,
    "code_key": pl.String,
    "theme_id": pl.String,
    "crosswalk_version": pl.String,
    "crosswalk_hash": pl.String,
}

UNMAPPED_CODES: FrameSchema = {
    "study_id": pl.String,
    "study_code": pl.String,
    "n_codings": pl.Int64,
}

QUARANTINE: FrameSchema = {
    "run_id": pl.String,
    "study_id": pl.String,
    "source": pl.String,
    "stage": pl.String,
    "reason": pl.String,
}

# Every entity type a run's registry names: analysed or switched off (and why), and whether the
# residual-PII gate's registry pass scans released text for it.
ENTITY_TYPES: FrameSchema = {
    "run_id": pl.String,
    "entity_type": pl.String,
    "enabled": pl.Boolean,
    "reason": pl.String,
    "residual_scan": pl.Boolean,
}


def frame(rows: list[dict[str, Any]], schema: FrameSchema) -> pl.DataFrame:
    """Build a frame with exactly the schema's columns, empty or not."""
    return pl.DataFrame(rows, schema=schema, orient="row") if rows else pl.DataFrame(schema=schema)


def attributes_json(attributes: dict[str, str]) -> str:
    """Manifest attributes as canonical JSON."""
    return json.dumps(attributes, sort_keys=True)
