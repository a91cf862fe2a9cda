"""Coding: codebook rules, crosswalks from study codes, REFI-QDA codebook exchange."""

from __future__ import annotations

from qualbridge.tasks.coding.autocode_run import (
    AutocodeResult,
    run_autocode,
)
from qualbridge.tasks.coding.crosswalk import (
    apply_crosswalks,
    check_inputs,
    crosswalk_frame,
    study_crosswalks,
)
from qualbridge.tasks.coding.qdc import (
    read_qdc,
    write_qdc,
)
from qualbridge.tasks.coding.rules import (
    code_utterances,
    coder_name,
)

__all__ = [
    "AutocodeResult",
    "apply_crosswalks",
    "check_inputs",
    "code_utterances",
    "coder_name",
    "crosswalk_frame",
    "read_qdc",
    "run_autocode",
    "study_crosswalks",
    "write_qdc",
]
