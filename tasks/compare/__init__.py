"""Compare: theme coverage, group comparisons, co-occurrence and coder agreement."""

from __future__ import annotations

from qualbridge.tasks.compare.agreement import (
    coder_agreement,
)
from qualbridge.tasks.compare.agreement_overall import (
    coder_agreement_overall,
)
from qualbridge.tasks.compare.autocoded import (
    with_model_coding,
)
from qualbridge.tasks.compare.comparison import (
    TooFewTranscripts,
    compare_groups,
    speaker_roles_note,
)
from qualbridge.tasks.compare.cooccurrence import (
    theme_cooccurrence,
)
from qualbridge.tasks.compare.coverage import (
    coverage_breakdown,
    study_coverage,
)
from qualbridge.tasks.compare.methods import (
    METHODS,
)
from qualbridge.tasks.compare.omnibus import (
    omnibus_test,
)
from qualbridge.tasks.compare.selection import (
    selection_note,
)

__all__ = [
    "METHODS",
    "TooFewTranscripts",
    "coder_agreement",
    "coder_agreement_overall",
    "compare_groups",
    "coverage_breakdown",
    "omnibus_test",
    "selection_note",
    "speaker_roles_note",
    "study_coverage",
    "theme_cooccurrence",
    "with_model_coding",
]
