"""The project's data contracts, one ODCS file per dataset that crosses a boundary."""

from __future__ import annotations

from dataclasses import replace
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
    "theme_comparison_omnibus": "theme_comparison_omnibus.odcs.yaml",
    "coder_agreement_overall": "coder_agreement_overall.odcs.yaml",
    "autocode_validation": "autocode_validation.odcs.yaml",
    "autocode_prevalence": "autocode_prevalence.odcs.yaml",
}
SITE_SUPPLIED = ("study_manifest", "utterance_table")


# Columns whose valid values are the consortium's declared speaker roles (config speaker_roles).
ROLE_COLUMNS = ("speaker_role",)
_declared_roles: list[tuple[str, ...]] = []


def use_speaker_roles(roles: list[str] | tuple[str, ...]) -> None:
    """Check role columns against these roles (the loaded config's) from now on."""
    _declared_roles[:] = [tuple(roles)]


@cache
def contract_file(dataset: str) -> Contract:
    return load_contract(CONTRACTS_DIR / CONTRACT_FILES[dataset], dataset=dataset)


def with_speaker_roles(contract: Contract, roles: tuple[str, ...]) -> Contract:
    """The contract with its role columns' valid values replaced by the declared roles."""
    columns = tuple(
        replace(c, valid_values=roles)
        if c.name in ROLE_COLUMNS and c.valid_values is not None
        else c
        for c in contract.columns
    )
    return replace(contract, columns=columns)


def contract_for(dataset: str) -> Contract:
    """The contract of one dataset (file read once per process), with the declared roles."""
    contract = contract_file(dataset)
    return with_speaker_roles(contract, _declared_roles[0]) if _declared_roles else contract


def released_contracts() -> dict[str, Contract]:
    """Contracts of the datasets a release carries, by dataset name."""
    return {name: contract_for(name) for name in CONTRACT_FILES if name not in SITE_SUPPLIED}
