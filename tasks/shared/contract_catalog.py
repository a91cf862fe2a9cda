"""The project's data contracts, one ODCS file per dataset that crosses a boundary."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from qualbridge.tasks.shared.contracts import Contract, load_contract

CONTRACTS_DIR = Path(__file__).resolve().parents[2] / "data_contracts"
# dataset name -> contract file; the dataset names are the release's Parquet file stems.
CONTRACT_FILES = {
    "study_manifest": "study_manifest.odcs.yaml",
    "utterance_table": "utterance_table.odcs.yaml",
    "studies": "studies.odcs.yaml",
    "transcripts": "transcripts.odcs.yaml",
    "utterances": "deidentified_utterances.odcs.yaml",
    "detections": "detections.odcs.yaml",
    "codings": "codings.odcs.yaml",
    "themes": "themes.odcs.yaml",
    "crosswalks": "crosswalks.odcs.yaml",
    "theme_coverage": "theme_coverage.odcs.yaml",
    "theme_comparison": "theme_comparison.odcs.yaml",
    "theme_coverage_breakdown": "theme_coverage_breakdown.odcs.yaml",
    "theme_cooccurrence": "theme_cooccurrence.odcs.yaml",
    "coder_agreement": "coder_agreement.odcs.yaml",
    "autocode_validation": "autocode_validation.odcs.yaml",
    "autocode_prevalence": "autocode_prevalence.odcs.yaml",
}
SITE_SUPPLIED = ("study_manifest", "utterance_table")


@cache
def contract_for(dataset: str) -> Contract:
    """The contract of one dataset, loaded once per process."""
    return load_contract(CONTRACTS_DIR / CONTRACT_FILES[dataset], dataset=dataset)


def released_contracts() -> dict[str, Contract]:
    """Contracts of the datasets a release carries, by dataset name."""
    return {name: contract_for(name) for name in CONTRACT_FILES if name not in SITE_SUPPLIED}
